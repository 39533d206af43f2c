/**
 * The diagram cache shared by builds running at the same time with different
 * content (two terminals, a test run beside a build): neither may lose the
 * other's drawings, or its pages would say "Diagram not available".
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { findBrowser } from '../../src/diagrams/browser.ts';
import {
  cachedResult, cachedSvgPath, markUsedAndPrune, readCachedSvg, UNUSED_ENTRY_LIFETIME_MS, withCacheLock, writeCachedFailure, writeCachedSvg,
} from '../../src/diagrams/cache.ts';
import { diagramFor, partnershipNamesIn, structureToMermaid } from '../../src/diagrams/index.ts';
import { prepareDiagrams } from '../../src/diagrams/prepare.ts';
import type { StructureModel } from '../../src/model/types.ts';
import { reportMissingBrowser } from '../quality/browser/harness/browser.ts';
import { makeStructure, modelWith } from './support.ts';

const browser = findBrowser();
if (!browser) reportMissingBrowser('diagram cache');

const temporaryDirs: string[] = [];
function freshCacheDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'diagram-cache-'));
  temporaryDirs.push(dir);
  return dir;
}
afterAll(() => temporaryDirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));
afterEach(() => {
  vi.unstubAllEnvs();
});

const KEY = 'a'.repeat(64);
const OTHER_KEY = 'b'.repeat(64);
const dayAgo = () => new Date(Date.now() - UNUSED_ENTRY_LIFETIME_MS - 60_000);

/** A register of its own: structures named after it, so two registers share nothing. */
function register(name: string, count = 2): StructureModel[] {
  return Array.from({ length: count }, (_, i) => makeStructure([['board', `${name} board ${i}`], ['group', `${name} group ${i}`, 'board']], [], `${name}-${i}`));
}

/** Whether every structure's page inlines a drawing. */
function allDrawn(structures: StructureModel[], cacheDir: string): boolean {
  return structures.every((structure) => diagramFor(structure, modelWith(structures), { cacheDir }).svg !== undefined);
}

describe('two builds of different content sharing one cache', () => {
  it('keep each other’s drawings: a build clears out only what no build has used for a day', async () => {
    vi.stubEnv('CHROMIUM_PATH', '/nowhere/chromium');
    const cacheDir = freshCacheDir();
    const [a, b] = [register('a'), register('b')];
    // A's drawings were last used more than a day ago, B's an hour ago: B's build must not take A's for unused.
    const hourAgo = new Date(Date.now() - 60 * 60 * 1000);
    for (const structure of [...a, ...b]) {
      const source = structureToMermaid(structure, partnershipNamesIn(modelWith([])));
      writeCachedSvg(cacheDir, source, `<svg>${structure.id}</svg>`, KEY);
      const when = a.includes(structure) ? dayAgo() : hourAgo;
      utimesSync(cachedSvgPath(cacheDir, source), when, when);
    }
    // Build A prepares, then build B prepares while A is still writing its pages.
    expect(await prepareDiagrams(modelWith(a), { cacheDir, log: () => {} })).toMatchObject({ cached: 2, missing: 0 });
    expect(await prepareDiagrams(modelWith(b), { cacheDir, log: () => {} })).toMatchObject({ cached: 2, missing: 0 });
    expect(allDrawn(a, cacheDir)).toBe(true);
    expect(allDrawn(b, cacheDir)).toBe(true);
  });

  it('clear out, a day later, the drawings neither uses any more', () => {
    const cacheDir = freshCacheDir();
    const [kept, dropped] = ['kept', 'dropped'].map((name) => structureToMermaid(register(name, 1)[0]!, partnershipNamesIn(modelWith([]))));
    for (const source of [kept!, dropped!]) {
      writeCachedSvg(cacheDir, source, '<svg/>', KEY);
      utimesSync(cachedSvgPath(cacheDir, source), dayAgo(), dayAgo());
    }
    expect(markUsedAndPrune(cacheDir, [kept!])).toBe(1);
    expect([readCachedSvg(cacheDir, kept!), readCachedSvg(cacheDir, dropped!)]).toEqual(['<svg/>', undefined]);
  });
});

describe.skipIf(!browser)('two builds drawing different content into one cache at the same time', () => {
  it('both keep every diagram they drew, and so does a third build of the first content', async () => {
    const cacheDir = freshCacheDir();
    const [a, b] = [register('first'), register('second')];
    const [resultA, resultB] = await Promise.all([
      prepareDiagrams(modelWith(a), { cacheDir, require: true, log: () => {} }),
      prepareDiagrams(modelWith(b), { cacheDir, require: true, log: () => {} }),
    ]);
    expect([resultA.rendered, resultB.rendered]).toEqual([2, 2]);
    expect(await prepareDiagrams(modelWith(a), { cacheDir, require: true, log: () => {} })).toMatchObject({ rendered: 0, cached: 2 });
    expect(allDrawn(a, cacheDir)).toBe(true);
    expect(allDrawn(b, cacheDir)).toBe(true);
  }, 120_000);
});

describe('what the cache offers a build', () => {
  const source = 'flowchart TB\n  a --> b\n';

  it('offers a drawing only to the renderer that made it, or to a build with no browser at all', () => {
    const cacheDir = freshCacheDir();
    writeCachedSvg(cacheDir, source, '<svg/>', KEY);
    expect(cachedResult(cacheDir, source, KEY)).toEqual({ svg: '<svg/>' });
    expect(cachedResult(cacheDir, source, OTHER_KEY)).toBeUndefined();
    expect(cachedResult(cacheDir, source, undefined)).toEqual({ svg: '<svg/>' });
    expect(readCachedSvg(cacheDir, source)).toBe('<svg/>');
  });

  it('offers a failure to the renderer that failed, so it is not tried every build, but not one that may pass next time', () => {
    const cacheDir = freshCacheDir();
    writeCachedFailure(cacheDir, source, { key: KEY, reason: 'Parse error', retry: false });
    expect(cachedResult(cacheDir, source, KEY)).toEqual({ failure: { key: KEY, reason: 'Parse error', retry: false } });
    expect(cachedResult(cacheDir, source, OTHER_KEY)).toBeUndefined();
    writeCachedFailure(cacheDir, source, { key: KEY, reason: 'Drawing it took longer than 30 s', retry: true });
    expect(cachedResult(cacheDir, source, KEY)).toBeUndefined();
  });

  it('keeps a drawing or a failure for a source, never both, so a page shows what the last build found', () => {
    const cacheDir = freshCacheDir();
    writeCachedSvg(cacheDir, source, '<svg/>', OTHER_KEY);
    writeCachedFailure(cacheDir, source, { key: KEY, reason: 'Parse error', retry: false });
    expect(readCachedSvg(cacheDir, source)).toBeUndefined();
    writeCachedSvg(cacheDir, source, '<svg/>', KEY);
    expect(cachedResult(cacheDir, source, undefined)).toEqual({ svg: '<svg/>' });
  });
});

describe('the cache’s lock', () => {
  it('waits for a build that holds it', async () => {
    const cacheDir = freshCacheDir();
    const released = join(cacheDir, 'released');
    const holder = spawn(process.execPath, ['--input-type=module', '-e', `
      import { writeFileSync } from 'node:fs';
      import { withCacheLock } from ${JSON.stringify(new URL('../../src/diagrams/cache.ts', import.meta.url).pathname)};
      withCacheLock(${JSON.stringify(cacheDir)}, () => {
        console.log('locked');
        Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 500);
        writeFileSync(${JSON.stringify(released)}, '');
      });
    `]);
    await new Promise<void>((done, fail) => {
      holder.stdout.on('data', (data: Buffer) => data.toString().includes('locked') && done());
      holder.on('exit', (code) => fail(new Error(`the lock holder exited (${code}) before taking the lock`)));
    });
    expect(withCacheLock(cacheDir, () => existsSync(released))).toBe(true);
  }, 30_000);

  it('is taken over from a build that was killed while holding it', () => {
    const cacheDir = freshCacheDir();
    mkdirSync(join(cacheDir, '.lock'));
    // No process has this id: ids stop well short of it on Linux, macOS and Windows.
    writeFileSync(join(cacheDir, '.lock', 'pid'), String(2 ** 31 - 2));
    const started = performance.now();
    expect(withCacheLock(cacheDir, () => 'ran')).toBe('ran');
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(existsSync(join(cacheDir, '.lock'))).toBe(false);
  });

  it('is taken over when it is older than any build holds it', () => {
    const cacheDir = freshCacheDir();
    mkdirSync(join(cacheDir, '.lock'));
    writeFileSync(join(cacheDir, '.lock', 'pid'), String(process.pid));
    utimesSync(join(cacheDir, '.lock'), dayAgo(), dayAgo());
    expect(withCacheLock(cacheDir, () => 'ran')).toBe('ran');
  });
});

describe('the cache folder a build uses', () => {
  it('is the one its pages read, even when the build changes folder between drawing and writing pages', () => {
    const project = freshCacheDir();
    const elsewhere = freshCacheDir();
    const script = `
      import { mkdirSync } from 'node:fs';
      import { join } from 'node:path';
      import { writeCachedSvg } from ${JSON.stringify(new URL('../../src/diagrams/cache.ts', import.meta.url).pathname)};
      import { diagramFor, partnershipNamesIn, structureToMermaid } from ${JSON.stringify(new URL('../../src/diagrams/index.ts', import.meta.url).pathname)};
      import { prepareDiagrams } from ${JSON.stringify(new URL('../../src/diagrams/prepare.ts', import.meta.url).pathname)};
      const structure = { id: 's', partnershipId: 'p', file: 'partnerships/p/structures/s.yaml', title: 'S', status: 'current', bodies: [{ id: 'a', name: 'A', kind: 'other' }], relations: [] };
      const model = { partnerships: [{ id: 'p', name: 'P', structures: [structure] }] };
      writeCachedSvg(join(process.cwd(), '.cache', 'diagrams'), structureToMermaid(structure, partnershipNamesIn(model)), '<svg>drawn</svg>', 'f'.repeat(64));
      await prepareDiagrams(model, { log: () => {} });
      process.chdir(${JSON.stringify(elsewhere)});
      console.log(diagramFor(structure, model).svg);
    `;
    const result = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
      cwd: project, encoding: 'utf8', env: { ...process.env, CHROMIUM_PATH: '/nowhere/chromium', DIAGRAM_CACHE_DIR: '' },
    });
    expect(result.stderr).toBe('');
    expect(result.stdout.trim()).toBe('<svg>drawn</svg>');
  });
});
