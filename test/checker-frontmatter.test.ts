/**
 * Frontmatter is split by gray-matter, set up so that only YAML is ever read:
 * another language on the first line (`---js`, `---javascript`, `---coffee`,
 * `---json`) is refused with a diagnostic, and its code never runs. Each
 * payload below would set a global (and the JavaScript one write a file) if it
 * ran; the first test shows that gray-matter's own defaults do run it.
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import matter from 'gray-matter';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { GRAY_MATTER_OPTIONS, MAX_BLANK_LINES } from '../src/content/load.ts';
import { check, copyValid, INVALID, materialise, withoutMessage } from './helpers/fixtures.ts';

declare global {
  // Set by the fixtures' payloads, if they ever run.
  var registerFrontmatterRan: string | undefined;
}

/** The file the JavaScript payload writes, if it ever runs. */
const MARKER = join(tmpdir(), 'register-frontmatter-ran');
const DECISION = 'partnerships/town-lsp/decisions/2006-03-09-way-forward.md';

const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});
afterEach(() => {
  delete globalThis.registerFrontmatterRan;
  rmSync(MARKER, { force: true });
});

/** The decision of an invalid case, as its fixture holds it. */
const payload = (name: string) => readFileSync(join(INVALID, name, 'content', DECISION), 'utf8');

describe('frontmatter in another language than YAML', () => {
  it('is live code: gray-matter left to its defaults runs the JavaScript payload', () => {
    matter(payload('frontmatter-language-javascript'), {});
    expect(globalThis.registerFrontmatterRan).toBe('javascript');
    expect(existsSync(MARKER)).toBe(true);
  });

  for (const language of ['js', 'javascript', 'coffee', 'json']) {
    const name = language === 'js' ? 'frontmatter-language' : `frontmatter-language-${language}`;
    it(`is refused with a diagnostic at the language's name and never run: ---${language}`, () => {
      const dir = materialise(name);
      made.push(dir);
      const diagnostics = check(dir);
      expect(diagnostics.map(withoutMessage)).toEqual([{ file: DECISION, line: 1, column: 4, severity: 'error', code: 'frontmatter-language' }]);
      expect(diagnostics[0].message).toContain(`remove "${language}" from the first line`);
      expect(globalThis.registerFrontmatterRan).toBeUndefined();
      expect(existsSync(MARKER)).toBe(false);
    });
  }

  // The loader refuses these before gray-matter is called; its engines are a second lock.
  for (const language of ['js', 'javascript', 'JS', 'coffee', 'cson', 'json', 'toml']) {
    it(`is refused by gray-matter's engines as the loader sets them up: ---${language}`, () => {
      const text = payload('frontmatter-language-javascript').replace(/^---javascript/, `---${language}`);
      expect(() => matter(text, GRAY_MATTER_OPTIONS)).toThrow();
      expect(globalThis.registerFrontmatterRan).toBeUndefined();
      expect(existsSync(MARKER)).toBe(false);
    });
  }
});

describe("gray-matter's YAML engine", () => {
  it('is the register\'s own parser: data comes with its problems, and aliases are refused', () => {
    expect(matter('---\ntitle: A report\n---\nText.\n', GRAY_MATTER_OPTIONS)).toMatchObject({
      data: { ok: true, data: { title: 'A report' } },
      content: 'Text.\n',
    });
    expect(matter('---\na: &a [1, 2]\nb: *a\n---\n', GRAY_MATTER_OPTIONS).data).toMatchObject({ ok: false, problems: [{ code: 'yaml-alias' }] });
  });

  it('keeps no copy of the files it splits', () => {
    made.push(...['duplicate-key', 'line-endings'].map((name) => {
      const dir = materialise(name);
      check(dir);
      return dir;
    }));
    // gray-matter keeps a file in its cache only when called without options; the loader always passes some.
    expect(Object.keys((matter as unknown as { cache: Record<string, unknown> }).cache)).toEqual([]);
  });
});

describe('blank lines in frontmatter', () => {
  /** The town's decision with `lines` blank lines after its date, checked. */
  function withBlankLines(lines: number, line = '') {
    const dir = copyValid();
    made.push(dir);
    const text = readFileSync(join(dir, DECISION), 'utf8');
    writeFileSync(join(dir, DECISION), text.replace('date: 2006-03-09\n', `date: 2006-03-09\n${`${line}\n`.repeat(lines)}`));
    const started = performance.now();
    const diagnostics = check(dir);
    return { diagnostics, seconds: (performance.now() - started) / 1000 };
  }

  it(`reads up to ${MAX_BLANK_LINES} in a row, white space or not`, () => {
    expect(withBlankLines(MAX_BLANK_LINES).diagnostics).toEqual([]);
    expect(withBlankLines(MAX_BLANK_LINES, '  \t').diagnostics).toEqual([]);
  });

  it('refuses a megabyte of them at once, where gray-matter would take minutes', () => {
    const { diagnostics, seconds } = withBlankLines(1_000_000);
    expect(diagnostics.map(withoutMessage)).toEqual([{ file: DECISION, line: 4, column: 1, severity: 'error', code: 'too-many-blank-lines' }]);
    expect(diagnostics[0].message).toContain(`more than ${MAX_BLANK_LINES} blank lines in a row`);
    expect(seconds).toBeLessThan(4);
  });
});
