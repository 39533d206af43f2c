/**
 * Folders and files the checker is refused: simulated, because these tests
 * run as root in CI, where permissions stop nothing (layout.test.ts tries the
 * real thing when not root). The file system answers EACCES, as it does to
 * an officer whose checkout has a folder they cannot read.
 */
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';

/** Paths (ending) the simulated file system refuses to list or open. */
const refused = new Set<string>();

const eacces = (path: string) => Object.assign(new Error(`EACCES: permission denied, '${path}'`), { code: 'EACCES', path });

vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs')>();
  const isRefused = (path: unknown) => [...refused].some((end) => String(path).endsWith(end));
  return {
    ...fs,
    readdirSync: ((path: string, options: never) => {
      if (isRefused(path)) throw eacces(path);
      return fs.readdirSync(path, options);
    }) as typeof fs.readdirSync,
    openSync: ((path: string, flags: never, mode: never) => {
      if (isRefused(path)) throw eacces(path);
      return fs.openSync(path, flags, mode);
    }) as typeof fs.openSync,
  };
});

const { check, copyValid } = await import('../helpers/fixtures.ts');
const { rmSync } = await import('node:fs');

const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

/** Checks a copy of the valid folder with `paths` refused. */
function checkRefusing(...paths: string[]) {
  const dir = copyValid();
  made.push(dir);
  refused.clear();
  for (const path of paths) refused.add(join(dir, path));
  try {
    return check(dir);
  } finally {
    refused.clear();
  }
}

describe('a folder that cannot be read', () => {
  it("is an error at the folder, not a partnership's decisions passed over in silence", () => {
    const diagnostics = checkRefusing('partnerships/town-lsp/decisions');
    const found = diagnostics.find((d) => d.code === 'unreadable-folder');
    expect(found).toMatchObject({ file: 'partnerships/town-lsp/decisions', line: 1, column: 1, severity: 'error' });
    expect(found!.message).toBe('the folder partnerships/town-lsp/decisions cannot be read (EACCES), so nothing in it could be checked or published; check that you have permission to read it (on Linux or macOS: chmod u+rx "partnerships/town-lsp/decisions")');
  });

  it('is an error when partnerships/ itself cannot be read', () => {
    expect(checkRefusing('partnerships').filter((d) => d.severity === 'error').map((d) => `${d.file} ${d.code}`)).toEqual(['partnerships unreadable-folder']);
  });

  it("is an error when a partnership's own folder cannot be read", () => {
    expect(checkRefusing('partnerships/village-forum').map((d) => `${d.file} ${d.code}`)).toContain('partnerships/village-forum unreadable-folder');
  });
});

describe('a file that cannot be read', () => {
  it('is an error when site.yaml cannot be read, instead of a site with default settings', () => {
    const diagnostics = checkRefusing('site.yaml');
    expect(diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.file} ${d.code}`)).toEqual(['site.yaml unreadable-file']);
    expect(diagnostics[0].message).toContain('this file cannot be read (EACCES)');
  });
});
