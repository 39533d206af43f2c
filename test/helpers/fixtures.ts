/**
 * Fixture helpers: build a content folder for one test case in a temporary
 * directory, so no test ever writes into test/fixtures or content/.
 *
 * An invalid case is a folder under test/fixtures/invalid/<case>/ holding:
 * - `fixture.json`: what the case is about (`about`, used as the test's name),
 *   the codes it must produce (`codes`), and optionally files to `remove` from
 *   the valid folder and a `generate` step for bytes git would mangle;
 * - `content/`: files laid over a copy of test/fixtures/valid (a file here
 *   replaces the valid one at the same path, or adds a new one);
 * - `expected.json`: the diagnostics, without messages.
 */
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { checkContent, checkForProblems } from '../../src/model/index.ts';
import type { Diagnostic } from '../../src/content/diagnostics.ts';

/** The repository's root folder. */
export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
/** The complete, clean content folder every invalid case starts from. */
export const VALID = join(ROOT, 'test/fixtures/valid');
/** One folder per invalid case. */
export const INVALID = join(ROOT, 'test/fixtures/invalid');
/** The date the tests treat as today (as test/vitest.config.ts pins it). */
export const TODAY = '2026-11-26';

/** What `fixture.json` says about a case. */
export interface FixtureSpec {
  /** The test's name, as a sentence. */
  about: string;
  /** Codes the case exists to produce; each must appear in the result. */
  codes: string[];
  /** Paths (relative to the content folder) to delete from the valid copy. */
  remove?: string[];
  /** The name of a generator in GENERATORS, for bytes that cannot be committed as text. */
  generate?: keyof typeof GENERATORS;
}

/** A diagnostic as expected.json holds it: everything but the message. */
export type ExpectedDiagnostic = Omit<Diagnostic, 'message'>;

/** A fresh temporary folder, removed by the caller with `rmSync(dir, { recursive: true })`. */
export function temporaryFolder(prefix = 'register-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** Copies the valid fixture into a new temporary folder and returns its path. */
export function copyValid(): string {
  const dir = temporaryFolder();
  cpSync(VALID, dir, { recursive: true });
  return dir;
}

/** The names of the invalid cases, sorted. */
export function invalidCases(): string[] {
  return readdirSync(INVALID, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
}

/** Reads a case's fixture.json. */
export function readSpec(name: string): FixtureSpec {
  return JSON.parse(readFileSync(join(INVALID, name, 'fixture.json'), 'utf8')) as FixtureSpec;
}

/** Builds the content folder for a case in a temporary folder and returns its path. */
export function materialise(name: string): string {
  const spec = readSpec(name);
  const dir = copyValid();
  for (const path of spec.remove ?? []) rmSync(join(dir, path), { recursive: true, force: true });
  const overlay = join(INVALID, name, 'content');
  try {
    cpSync(overlay, dir, { recursive: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  if (spec.generate) GENERATORS[spec.generate](dir);
  return dir;
}

/**
 * Runs the whole checker in-process on a content folder, with today pinned:
 * the site build's pipeline, which must find exactly what `npm run check`'s
 * (which keeps less of each file) finds.
 */
export function check(dir: string): Diagnostic[] {
  const { diagnostics, fileCount } = checkContent(dir, { today: TODAY });
  expect(checkForProblems(dir, { today: TODAY }), `npm run check's pipeline on ${dir}`).toEqual({ diagnostics, fileCount });
  return diagnostics;
}

/** Drops the message, for comparing with expected.json. */
export function withoutMessage({ message: _message, ...rest }: Diagnostic): ExpectedDiagnostic {
  return { file: rest.file, line: rest.line, column: rest.column, severity: rest.severity, code: rest.code };
}

const write = (dir: string, path: string, bytes: string | Uint8Array) => {
  mkdirSync(dirname(join(dir, path)), { recursive: true });
  writeFileSync(join(dir, path), bytes);
};

/** Bytes in the shape Word and Notepad save them: `£` and `–` as Windows-1252. */
function windows1252(text: string): Uint8Array {
  const table: Record<string, number> = { '£': 0xa3, '–': 0x96, '’': 0x92 };
  return Uint8Array.from([...text].map((c) => table[c] ?? c.charCodeAt(0)));
}

/**
 * Cases whose bytes git would mangle (encodings, line endings) or that are too
 * big to commit. Each writes into a materialised copy of the valid folder.
 */
export const GENERATORS = {
  /** town-lsp's partnership.md with a summary pasted from Word and saved as Windows-1252. */
  'windows-1252': (dir: string) => {
    const path = 'partnerships/town-lsp/partnership.md';
    const text = readFileSync(join(dir, path), 'utf8').replace(
      'Provide "bottom up" local evidence for the county strategy.',
      'Provide local evidence – worth £147,000 a year.',
    );
    write(dir, path, windows1252(text));
  },
  /** site.yaml saved as "UTF-8 with BOM". */
  bom: (dir: string) => {
    const text = readFileSync(join(dir, 'site.yaml'));
    write(dir, 'site.yaml', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), text]));
  },
  /** A structure saved with Windows line endings. */
  crlf: (dir: string) => {
    const path = 'partnerships/town-lsp/structures/2009-current.yaml';
    write(dir, path, readFileSync(join(dir, path), 'utf8').replaceAll('\n', '\r\n'));
  },
  /** A decision with more than 1 MB of narrative. */
  'too-large': (dir: string) => {
    const path = 'partnerships/town-lsp/decisions/2009-01-20-adopt-structure.md';
    const paragraph = 'The Board discussed the structure at length and agreed it. '.repeat(20) + '\n\n';
    write(dir, path, readFileSync(join(dir, path), 'utf8') + paragraph.repeat(Math.ceil((1024 * 1024) / paragraph.length) + 1));
  },
} as const;
