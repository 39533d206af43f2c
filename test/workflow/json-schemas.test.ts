/**
 * The JSON Schemas editors use (docs/schemas/): generated from the Zod
 * schemas, committed, and checked here with a standard JSON Schema validator
 * (ajv, draft-07, the draft the VS Code YAML extension supports).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv, type ValidateFunction } from 'ajv';
import { describe, expect, it } from 'vitest';
import { renderJsonSchemas, SCHEMAS_DIR } from '../../scripts/json-schemas.ts';
import type { PendingDiagnostic } from '../../src/content/diagnostics.ts';
import { loadContent, type ContentKind } from '../../src/content/load.ts';
import { validateDocument } from '../../src/model/validate.ts';
import { parseYaml } from '../../src/content/yaml.ts';
import { ROOT, VALID } from '../helpers/fixtures.ts';

const INVALID = join(ROOT, 'test/workflow/fixtures/invalid');

/** ajv in strict mode, taught the two formats and the one editor-only keyword the schemas use. */
function validators(): Record<ContentKind, ValidateFunction> {
  const ajv = new Ajv({ allErrors: true, strict: true });
  // The VS Code YAML extension shows this instead of "does not match the pattern"; to ajv it is an annotation.
  ajv.addKeyword({ keyword: 'patternErrorMessage', schemaType: 'string' });
  ajv.addFormat('uri', (text: string) => URL.canParse(text) && /^https?:\/\//.test(text));
  ajv.addFormat('email', /^[^\s@]+@[^\s@]+\.[^\s@]+$/);
  const compile = (kind: ContentKind) => ajv.compile(JSON.parse(readFileSync(join(SCHEMAS_DIR, `${kind}.schema.json`), 'utf8')));
  return { site: compile('site'), partnership: compile('partnership'), structure: compile('structure'), strategy: compile('strategy'), chapter: compile('chapter'), decision: compile('decision') };
}

const validate = validators();

/** A fixture's data and what its header says it tests. */
function readFixture(name: string): { kind: ContentKind; code: string; about: string; data: unknown } {
  const text = readFileSync(join(INVALID, name), 'utf8');
  const header = (key: string) => new RegExp(`^# ${key}: (.+)$`, 'm').exec(text)?.[1] ?? '';
  const parsed = parseYaml(text);
  return { kind: header('schema') as ContentKind, code: header('code'), about: header('about'), data: parsed.data };
}

describe('the committed JSON Schemas', () => {
  it('are exactly what npm run schemas generates from the Zod schemas, so they cannot drift', () => {
    const rendered = renderJsonSchemas();
    expect([...rendered.keys()].sort()).toEqual(readdirSync(SCHEMAS_DIR).filter((f) => f.endsWith('.schema.json')).sort());
    for (const [name, text] of rendered) expect(readFileSync(join(SCHEMAS_DIR, name), 'utf8'), `docs/schemas/${name}: run npm run schemas`).toBe(text);
  });

  it('describe every key with its doc comment, for the editor to show on hover', () => {
    const decision = JSON.parse(readFileSync(join(SCHEMAS_DIR, 'decision.schema.json'), 'utf8'));
    expect(decision.properties.decision_maker.description).toBe('Who decides (`Cabinet, Lancaster City Council`).');
    const structure = JSON.parse(readFileSync(join(SCHEMAS_DIR, 'structure.schema.json'), 'utf8'));
    expect(structure.properties.bodies.items.properties.reports_to.description).toMatch(/^Optional: the id of the body in this file that it reports to/);
  });
});

describe('a standard JSON Schema validator', () => {
  for (const [name, dir] of [['the example content', join(ROOT, 'content')], ['the valid test fixture', VALID]] as const) {
    it(`accepts every file in ${name} (the frontmatter of Markdown files)`, () => {
      const { documents } = loadContent(dir);
      expect(documents.length).toBeGreaterThan(5);
      for (const document of documents) {
        const ok = validate[document.kind](document.data);
        expect(ok, `${document.file}: ${JSON.stringify(validate[document.kind].errors)}`).toBe(true);
      }
    });
  }

  for (const name of readdirSync(INVALID).filter((f) => f.endsWith('.yaml')).sort()) {
    const fixture = readFixture(name);
    it(`rejects ${fixture.about}, as the checker does with ${fixture.code} (${name})`, () => {
      expect(validate[fixture.kind](fixture.data)).toBe(false);
      const diagnostics: PendingDiagnostic[] = [];
      validateDocument({ file: name, kind: fixture.kind, id: 'fixture', data: fixture.data }, diagnostics);
      expect(diagnostics.map((d) => d.code)).toContain(fixture.code);
    });
  }
});

describe('the value patterns agree with the checker', () => {
  // A minimal strategy whose period `from` is the value under test: both the checker and the schema judge it.
  const strategy = (from: unknown) => ({ title: 'A strategy', kind: 'other', period: { from, to: 2030 }, objectives: [{ id: 'a', title: 'A' }] });
  const checker = (kind: ContentKind, data: unknown) => {
    const diagnostics: PendingDiagnostic[] = [];
    // Named as the contract names a decision (its date first), so only the value under test can be wrong.
    validateDocument({ file: 'f.yaml', kind, id: '2012-01-17-f', data }, diagnostics);
    return diagnostics.length === 0;
  };

  it.each([
    ['1996', 'accept'], [1996, 'accept'], ['2002-10', 'accept'], ['2010-01-12', 'accept'], ['2012-12-31', 'accept'],
    ['12/01/2010', 'refuse'], ['2010-13', 'refuse'], ['2010-00-10', 'refuse'], ['2010-1-12', 'refuse'], ['January 2010', 'refuse'], [96, 'refuse'], ['', 'refuse'],
  ])('the date %j: both %s it', (value, verdict) => {
    expect(validate.strategy(strategy(value))).toBe(verdict === 'accept');
    expect(checker('strategy', strategy(value))).toBe(verdict === 'accept');
  });

  // A minimal funding decision whose `available.revenue` is the amount under test.
  const funding = (revenue: unknown) => ({
    title: 'A decision', date: '2012-01-17', decision_maker: 'Cabinet', kind: 'funding', status: 'approved', public: true,
    funding: { fund: 'A fund', available: { revenue }, allocations: [] },
  });

  it.each([
    [27535.4, 'accept'], [0, 'accept'], ['£27,535.40', 'accept'], ['£147,000', 'accept'], ['5000', 'accept'], ['£5', 'accept'],
    ['£147k', 'refuse'], ['about £600k', 'refuse'], [-5, 'refuse'], ['-£5', 'refuse'], ['£1,23', 'refuse'], ['27535.401', 'refuse'], ['£', 'refuse'],
  ])('the amount %j: both %s it', (value, verdict) => {
    expect(validate.decision(funding(value))).toBe(verdict === 'accept');
    expect(checker('decision', funding(value))).toBe(verdict === 'accept');
  });
});
