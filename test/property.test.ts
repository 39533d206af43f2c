/**
 * Whatever an officer's editor does to a file, the checker answers with
 * diagnostics inside that file and never crashes. Valid fixture files are
 * corrupted at random (edits, bad bytes, truncation, indentation) and checked.
 */
import { readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Diagnostic } from '../src/content/diagnostics.ts';
import { check, copyValid } from './helpers/fixtures.ts';

let dir: string;
let files: string[];
const originals = new Map<string, Buffer>();

beforeAll(() => {
  dir = copyValid();
  const walk = (path: string): string[] =>
    readdirSync(path, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(path, e.name)) : [relative(dir, join(path, e.name))]));
  files = walk(dir).sort();
  for (const file of files) originals.set(file, readFileSync(join(dir, file)));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** One thing an editor, a paste or a bad save can do to a file. */
type Corruption =
  | { kind: 'delete'; at: number; length: number }
  | { kind: 'insert'; at: number; text: string }
  | { kind: 'replace'; at: number; text: string }
  | { kind: 'bytes'; at: number; bytes: Uint8Array }
  | { kind: 'truncate'; at: number }
  | { kind: 'duplicate-line'; line: number }
  | { kind: 'indent'; line: number; indent: string }
  | { kind: 'value'; line: number; value: string }
  | { kind: 'crlf' };

/** Characters that mean something to YAML or to frontmatter, and some that Word pastes. */
const yamlish = fc.constantFrom(
  ':', ' ', '-', '\n', '\t', '"', "'", '[', ']', '{', '}', '#', '&', '*', '!', '|', '>', '%', '@', '`', ',', '?', '---', '\n---\n', '£', '–', '’', '\u00a0', '\r', '\ufeff', '😀', 'a', '0',
);
const position = fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true });

const corruption: fc.Arbitrary<Corruption> = fc.oneof(
  fc.record({ kind: fc.constant('delete' as const), at: position, length: fc.integer({ min: 1, max: 40 }) }),
  fc.record({ kind: fc.constant('insert' as const), at: position, text: fc.oneof(fc.string({ unit: yamlish, minLength: 1, maxLength: 6 }), fc.string({ minLength: 1, maxLength: 6 })) }),
  fc.record({ kind: fc.constant('replace' as const), at: position, text: fc.string({ unit: yamlish, minLength: 1, maxLength: 2 }) }),
  fc.record({
    kind: fc.constant('bytes' as const),
    at: position,
    // Invalid UTF-8 above all: lone continuation bytes, Windows-1252, truncated sequences, a BOM.
    bytes: fc.oneof(
      fc.uint8Array({ minLength: 1, maxLength: 4 }),
      fc.constantFrom(Uint8Array.of(0x80), Uint8Array.of(0xa3), Uint8Array.of(0x96), Uint8Array.of(0xe2, 0x80), Uint8Array.of(0xf0, 0x9f), Uint8Array.of(0xef, 0xbb, 0xbf), Uint8Array.of(0xc0, 0xaf), Uint8Array.of(0xff)),
    ),
  }),
  fc.record({ kind: fc.constant('truncate' as const), at: position }),
  fc.record({ kind: fc.constant('duplicate-line' as const), line: position }),
  fc.record({ kind: fc.constant('indent' as const), line: position, indent: fc.constantFrom('', ' ', '\t', '  \t', '   ', '        ') }),
  // Well-formed YAML with the wrong thing in it: the schemas and the resolver must cope.
  fc.record({
    kind: fc.constant('value' as const),
    line: position,
    value: fc.constantFrom('~', '', '[]', '{}', '0', '-1', '1.234', '1e400', 'true', '"x"', "''", '[a, b]', '{ approx: x }', '{ a: 1 }', '12/01/2010', '"£147k"', 'board', 'town-lsp', 'county-partnership/scs-2011', '9999999999999999999'),
  }),
  fc.constant({ kind: 'crlf' as const }),
);

/** Applies corruptions to a file's bytes, in order. */
function corrupt(original: Buffer, corruptions: Corruption[]): Buffer {
  let bytes = Buffer.from(original);
  const at = (fraction: number) => Math.floor(fraction * (bytes.length + 1));
  for (const c of corruptions) {
    switch (c.kind) {
      case 'delete': {
        const start = at(c.at);
        bytes = Buffer.concat([bytes.subarray(0, start), bytes.subarray(start + c.length)]);
        break;
      }
      case 'insert':
      case 'replace': {
        const start = at(c.at);
        const end = c.kind === 'replace' ? start + 1 : start;
        bytes = Buffer.concat([bytes.subarray(0, start), Buffer.from(c.text, 'utf8'), bytes.subarray(end)]);
        break;
      }
      case 'bytes': {
        const start = at(c.at);
        bytes = Buffer.concat([bytes.subarray(0, start), c.bytes, bytes.subarray(start)]);
        break;
      }
      case 'truncate':
        bytes = bytes.subarray(0, at(c.at));
        break;
      case 'duplicate-line':
      case 'indent':
      case 'value': {
        const lines = bytes.toString('latin1').split('\n');
        const i = Math.floor(c.line * lines.length);
        if (c.kind === 'duplicate-line') lines.splice(i, 0, lines[i]);
        else if (c.kind === 'indent') lines[i] = c.indent + lines[i].replace(/^[ \t]*/, '');
        else lines[i] = lines[i].replace(/^([ -]*[a-z_]+:).*$/, `$1 ${c.value}`);
        bytes = Buffer.from(lines.join('\n'), 'latin1');
        break;
      }
      case 'crlf':
        bytes = Buffer.from(bytes.toString('latin1').replaceAll('\n', '\r\n'), 'latin1');
        break;
    }
  }
  return bytes;
}

/** The lines of a file as an editor shows them (any line ending, invalid bytes as one character each). */
function linesOf(bytes: Buffer): string[] {
  return new TextDecoder('utf-8').decode(bytes).split(/\r\n|\r|\n/);
}

/** Every diagnostic names a place inside the file it is about. */
function expectInside(d: Diagnostic): void {
  const where = `${d.file}:${d.line}:${d.column} ${d.code}`;
  expect(Number.isInteger(d.line) && d.line >= 1, where).toBe(true);
  expect(Number.isInteger(d.column) && d.column >= 1, where).toBe(true);
  expect(['error', 'warning'], where).toContain(d.severity);
  expect(d.code, where).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  expect(d.message.length, where).toBeGreaterThan(0);
  const path = join(dir, d.file);
  let isFile = false;
  try {
    isFile = statSync(path).isFile();
  } catch {
    // A file the layout expects but that is missing (a deleted partnership.md): reported at 1:1.
  }
  if (!isFile) {
    expect([d.line, d.column], where).toEqual([1, 1]);
    return;
  }
  const lines = linesOf(readFileSync(path));
  expect(d.line, where).toBeLessThanOrEqual(lines.length + 1);
  expect(d.column, where).toBeLessThanOrEqual((lines[d.line - 1] ?? '').length + 1);
}

describe('the checker on corrupted files', () => {
  it('never throws, and places every diagnostic inside the file it names', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1000 }), fc.array(corruption, { minLength: 1, maxLength: 5 }), (pick, corruptions) => {
        const file = files[pick % files.length];
        const original = originals.get(file) as Buffer;
        writeFileSync(join(dir, file), corrupt(original, corruptions));
        try {
          const diagnostics = check(dir);
          for (const d of diagnostics) expectInside(d);
        } finally {
          writeFileSync(join(dir, file), original);
        }
      }),
      { numRuns: Number(process.env.FC_RUNS ?? 200), seed: Number(process.env.FC_SEED ?? 20261126) },
    );
  });

  it('keeps the valid folder clean between runs', () => {
    expect(check(dir)).toEqual([]);
  });
});
