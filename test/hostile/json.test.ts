/**
 * Every JSON file the build writes parses with a strict parser (jq), whatever
 * text reaches the model: the checker refuses lone surrogates, control
 * characters and non-characters, and the exports stay readable even if one
 * gets past it (a lone surrogate in a name once made partnerships.json and
 * structures.json unreadable to jq). Here every piece of prose in the model
 * carries them all.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { decisionJsonLd, decisionsJson, grants360Giving, inlineJson, partnershipJsonLd, partnershipsJson, structuresPopolo, toJsonFile } from '../../src/exports/index.ts';
import { checkContent, type Model } from '../../src/model/index.ts';
import { TODAY, VALID } from '../helpers/fixtures.ts';

/** What a YAML escape or a paste can put in a text: lone surrogates, controls, non-characters, separators, a script end. */
const HOSTILE = ' \uD800 \uDFFF \u0000 \u0007 \u001B \u0085 \uFFFE \uFDD0 \u{1FFFF} \u2028 \u2029 </script> "quoted" \\';

/** The valid folder's model with HOSTILE added to every text that has a space in it (names, titles, prose: not ids, dates or addresses). */
function hostileModel(): Model {
  const model = checkContent(VALID, { today: TODAY });
  expect(model.diagnostics).toEqual([]);
  const seen = new Set<object>();
  const visit = (value: unknown): void => {
    if (value === null || typeof value !== 'object' || seen.has(value)) return;
    seen.add(value);
    const entries = value as Record<string, unknown>;
    for (const key of Object.keys(entries)) {
      const item = entries[key];
      if (typeof item === 'string' && item.includes(' ')) entries[key] = item + HOSTILE;
      else visit(item);
    }
  };
  visit(model);
  return model;
}

const jq = (() => {
  try {
    execFileSync('jq', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

const dir = mkdtempSync(join(tmpdir(), 'register-hostile-json-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the JSON files, with hostile characters in every text', () => {
  it('all parse with jq, a strict parser, and keep the text around each replaced character', ({ skip }) => {
    if (!jq) {
      console.log('Skipped: jq is not installed (apt-get install jq), and this test is about what a strict parser accepts.');
      skip();
    }
    const model = hostileModel();
    const files: Record<string, string> = {
      'decisions.json': toJsonFile(decisionsJson(model)),
      'partnerships.json': toJsonFile(partnershipsJson(model)),
      'structures.json': toJsonFile(structuresPopolo(model)),
      'grants-360giving.json': toJsonFile(grants360Giving(model)),
    };
    for (const p of model.partnerships) files[`${p.id}.jsonld`] = inlineJson(partnershipJsonLd(model, p));
    for (const d of model.decisions) files[`${d.partnershipId}-${d.id}.jsonld`] = inlineJson(decisionJsonLd(model, d));
    expect(Object.keys(files).length).toBeGreaterThan(10);
    for (const [name, text] of Object.entries(files)) {
      const path = join(dir, name);
      writeFileSync(path, text);
      let parsed: string;
      try {
        parsed = execFileSync('jq', ['-c', '.', path], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
      } catch (error) {
        throw new Error(`jq refused ${name}: ${(error as { stderr?: string }).stderr}`);
      }
      // The hostile text did reach this file, and came through with each lone surrogate as U+FFFD.
      expect(parsed, name).toContain(' \uFFFD \uFFFD ');
      // JSON-LD sits in a page's <script>: no text may end it.
      if (name.endsWith('.jsonld')) expect(text, name).not.toContain('</script>');
    }
  });
});
