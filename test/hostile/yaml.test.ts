/**
 * Hostile YAML and text: duplicate keys by the hundred thousand, files of
 * more keys than any content file needs, and characters no page can publish
 * (control characters, non-characters, lone surrogates written as escapes).
 * Each is refused at its place, once, in bounded memory.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/content/diagnostics.ts';
import { MAX_YAML_MARKS, parseYaml } from '../../src/content/yaml.ts';
import { check, copyValid, ROOT } from '../helpers/fixtures.ts';

const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

const STRUCTURE = 'partnerships/town-lsp/structures/2009-current.yaml';
/** A new decision, dated as `decisionWith` dates it. */
const DECISION = 'partnerships/town-lsp/decisions/2011-01-01-copies.md';

/** Checks a copy of the valid folder with files written (path → text). */
function checkWith(files: Record<string, string>): Diagnostic[] {
  const dir = copyValid();
  made.push(dir);
  for (const [path, text] of Object.entries(files)) writeFileSync(join(dir, path), text);
  return check(dir);
}

/** A valid file of the valid folder, edited. */
function edited(path: string, from: string, to: string): string {
  const text = readFileSync(join(ROOT, 'test/fixtures/valid', path), 'utf8');
  expect(text).toContain(from);
  return text.replace(from, to);
}

/** A decision's frontmatter with `extra` lines at its end. */
const decisionWith = (extra: string) => `---\ntitle: A decision\ndate: 2011-01-01\ndecision_maker: Cabinet\nkind: [other]\nstatus: noted\npublic: true\n${extra}---\nThe text.\n`;

describe('duplicate keys', () => {
  it('reports a key repeated 19,000 times once, at its second appearance, with the count', () => {
    const diagnostics = parseYaml(`title: A\n${'status: noted\n'.repeat(19_000)}`);
    expect(diagnostics.ok).toBe(false);
    expect(!diagnostics.ok && diagnostics.problems).toEqual([
      { offset: 'title: A\nstatus: noted\n'.length, code: 'duplicate-key', message: 'the key "status" appears 19,000 times in the same place (the second is here); each key may appear only once; keep one and delete the others, or merge their values' },
    ]);
  });

  it('reports each repeated key once per mapping, and still reads the file (the last value wins)', () => {
    const result = parseYaml('a: 1\nb: 2\na: 3\nb: 4\na: 5\nnested:\n  a: 1\n  a: 2\n');
    expect(!result.ok && result.problems.map((p) => p.message.match(/"(\w+)" appears (\w+)/)?.slice(1).join(' '))).toEqual(['a 3', 'b twice', 'a twice']);
    expect(result.data).toEqual({ a: 5, b: 4, nested: { a: 2 } });
  });

  it('refuses a file of 200,000 duplicate keys with one problem, before making 200,000 nodes', () => {
    const diagnostics = checkWith({ [DECISION]: decisionWith('a: 1\n'.repeat(200_000)) });
    // The frontmatter's first six keys hold 9 marks (the date's dashes, the kind's bracket); then one a line.
    expect(diagnostics.map((d) => `${d.line}:${d.column} ${d.code}`)).toEqual([`${7 + MAX_YAML_MARKS + 1 - 9}:2 yaml-too-large`]);
    expect(diagnostics[0].message).toMatch(/^this file's YAML has 200,00\d colons, dashes, commas and brackets, each of which can start a key, a value or a list item, and passes the register's limit of 100,000 here, so the file was not read/);
  });

  it('checks ten files of 200,000 duplicate keys each in well under 500 MB (they took 2.5 to 3.1 GB)', () => {
    const dir = copyValid();
    made.push(dir);
    for (let i = 1; i <= 10; i++) writeFileSync(join(dir, `partnerships/town-lsp/decisions/2011-01-${String(i).padStart(2, '0')}-copies.md`), decisionWith('a: 1\n'.repeat(200_000)).replace('2011-01-01', `2011-01-${String(i).padStart(2, '0')}`));
    // npm run check itself, reporting the most memory it held (Node's maxRSS, in KB) as it exits.
    const result = spawnSync(process.execPath, ['--input-type=module', '-e', "process.on('exit', () => process.stderr.write(`maxRSS ${process.resourceUsage().maxRSS}\\n`)); await import('./scripts/check.ts');"], {
      cwd: ROOT,
      env: { ...process.env, CONTENT_DIR: dir, REGISTER_TODAY: '2026-11-26', NO_COLOR: '1' },
      encoding: 'utf8',
    });
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(/28 files checked: 10 errors, 0 warnings/);
    const kilobytes = Number(/maxRSS (\d+)/.exec(result.stderr)?.[1]);
    expect(kilobytes / 1024).toBeLessThan(500);
  });
});

describe('characters no page can publish', () => {
  it('refuses a lone surrogate written as a YAML escape, at the value', () => {
    const diagnostics = checkWith({ [STRUCTURE]: edited(STRUCTURE, '    name: Town LSP Board', '    name: "Town LSP \\uD800 Board"') });
    expect(diagnostics.map((d) => `${d.line}:${d.column} ${d.code}`)).toEqual(['7:11 invalid-character']);
    expect(diagnostics[0].message).toBe('this value holds, through a backslash escape, U+D800, half of a pair of codes that only together make one character (a "lone surrogate"), which open-data readers refuse; it cannot be published; remove the escape, or write the character it stands for itself');
  });

  it('refuses a key written with an escape that makes a non-character, at the key', () => {
    const diagnostics = checkWith({ [STRUCTURE]: edited(STRUCTURE, '    size: 8', '    "size\\uFFFE": 8') });
    expect(diagnostics.find((d) => d.code === 'invalid-character')).toMatchObject({ line: 9, column: 5 });
  });

  it('lets through a control character written as an escape, which is deliberate and which every output escapes or drops', () => {
    expect(checkWith({ [STRUCTURE]: edited(STRUCTURE, '    name: Delivery Group', '    name: "Delivery Group \\e[2J\\a"') })).toEqual([]);
  });

  it('refuses a non-character and a control character in the text itself, at the first, counting both', () => {
    const diagnostics = checkWith({ [STRUCTURE]: edited(STRUCTURE, '    name: Delivery Group', '    name: Delivery \uFFFE Group\u000B') });
    expect(diagnostics.map((d) => `${d.line}:${d.column} ${d.code}`)).toEqual(['15:20 invalid-character']);
    expect(diagnostics[0].message).toBe('here is U+FFFE, which is not a character at all (a Unicode "non-character") and which feeds must drop; it is invisible in most editors, and often comes from text pasted from Word or a PDF; delete it; the file holds 2 such characters: delete them all');
  });

  it('refuses a control character pasted into a Markdown text, at the character', () => {
    const diagnostics = checkWith({ [DECISION]: decisionWith('').replace('The text.', 'The\u000C text.') });
    expect(diagnostics.map((d) => `${d.line}:${d.column} ${d.code}`)).toEqual(['9:4 invalid-character']);
    expect(diagnostics[0].message).toMatch(/^here is the control character U\+000C \(form feed\)/);
  });

  it('accepts every other character: emoji (a pair of surrogates), tabs, line and paragraph separators, private use', () => {
    expect(checkWith({ [STRUCTURE]: edited(STRUCTURE, '    name: Delivery Group', '    name: "Delivery 😀 Group\\t\\u2028 \\uE000"') })).toEqual([]);
  });
});
