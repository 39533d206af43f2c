/**
 * The on-disk cache of drawn diagrams: one entry per Mermaid source, named by
 * the SHA-256 of the source, so an unchanged diagram is never drawn twice and
 * pages can find a diagram's SVG without a browser. An entry is the SVG, or
 * why the source could not be drawn, and records the key of the renderer that
 * made it (Mermaid's version and set-up, the browser's version): a build with
 * another renderer draws it afresh instead of trusting it.
 *
 * Several builds may share the folder at once, with different content (two
 * terminals, or tests), so nothing a build may still read is removed: each
 * build marks the entries it uses, and only entries no build has used for
 * `UNUSED_ENTRY_LIFETIME_MS` are cleared out. This module has no browser code,
 * because pages import it at build time.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/**
 * `DIAGRAM_CACHE_DIR` when it is set, otherwise `.cache/diagrams` under the
 * folder commands run from (the project root; git ignores `.cache/`). CI keeps
 * diagrams between runs by caching this folder. `prepareDiagrams` sets
 * `DIAGRAM_CACHE_DIR` to the folder it used, so a build that changes folder
 * before writing its pages still reads the drawings it made.
 */
export function defaultCacheDir(): string {
  return resolve(process.env.DIAGRAM_CACHE_DIR || join(process.cwd(), '.cache', 'diagrams'));
}

/** The SHA-256 of a Mermaid source, in hex: the cached entry's name, and the prefix of its ids. */
export function sourceHash(source: string): string {
  return createHash('sha256').update(source, 'utf8').digest('hex');
}

/** Where the SVG of a source is cached. */
export function cachedSvgPath(cacheDir: string, source: string): string {
  return join(cacheDir, `${sourceHash(source)}.svg`);
}

/** Where the reason a source could not be drawn is cached. */
export function cachedFailurePath(cacheDir: string, source: string): string {
  return join(cacheDir, `${sourceHash(source)}.failed`);
}

/** Reads a file, or undefined when there is none. */
function readIfThere(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/** The first line of a cached SVG, naming the renderer that drew it; pages never see it. */
const SVG_HEADER = /^<!-- renderer ([0-9a-f]+) -->\n/;

/**
 * The cached SVG of a source, whichever renderer drew it, or undefined when it
 * has not been drawn. The SVG alone, as pages inline it.
 */
export function readCachedSvg(cacheDir: string, source: string): string | undefined {
  return readIfThere(cachedSvgPath(cacheDir, source))?.replace(SVG_HEADER, '');
}

/** Why a source could not be drawn, as the last build that tried recorded it. */
export interface CachedFailure {
  /** The key of the renderer that tried. */
  key: string;
  /** What went wrong, in one line. */
  reason: string;
  /**
   * Whether another build should try again: a time-out may come from a
   * machine that was busy rather than from the diagram, so it is not trusted.
   */
  retry: boolean;
}

/** The cached failure of a source, whichever renderer recorded it; undefined when none is recorded. */
export function readCachedFailure(cacheDir: string, source: string): CachedFailure | undefined {
  const text = readIfThere(cachedFailurePath(cacheDir, source));
  return text === undefined ? undefined : (JSON.parse(text) as CachedFailure);
}

/** What the cache holds for a source and a renderer: what a build need not draw again. */
export type CachedResult = { svg: string } | { failure: CachedFailure };

/**
 * What the cache holds for a source that the renderer with this key can use
 * as it is: its SVG, or a failure it should not retry. With no key (no browser
 * to draw with), anything cached is the best there is and is used.
 */
export function cachedResult(cacheDir: string, source: string, key: string | undefined): CachedResult | undefined {
  const stored = readIfThere(cachedSvgPath(cacheDir, source));
  if (stored !== undefined) {
    const drawnBy = SVG_HEADER.exec(stored)?.[1];
    if (key === undefined || drawnBy === key) return { svg: stored.replace(SVG_HEADER, '') };
  }
  const failure = readCachedFailure(cacheDir, source);
  if (failure && (key === undefined || (failure.key === key && !failure.retry))) return { failure };
  return undefined;
}

/**
 * Writes a file so that readers see the old file or the new one, never half of
 * one: a build interrupted mid-write cannot leave a broken SVG to be inlined.
 */
export function writeFileAtomically(file: string, text: string): void {
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    writeFileSync(temporary, text, 'utf8');
    renameSync(temporary, file);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}

/** Caches the SVG drawn from a source by the renderer with this key; an older failure of the source is forgotten. */
export function writeCachedSvg(cacheDir: string, source: string, svg: string, key: string): void {
  mkdirSync(cacheDir, { recursive: true });
  writeFileAtomically(cachedSvgPath(cacheDir, source), `<!-- renderer ${key} -->\n${svg}`);
  rmSync(cachedFailurePath(cacheDir, source), { force: true });
}

/**
 * Caches why a source could not be drawn, so its pages say so; an older SVG
 * of it is removed, so pages show what this build found.
 */
export function writeCachedFailure(cacheDir: string, source: string, failure: CachedFailure): void {
  mkdirSync(cacheDir, { recursive: true });
  writeFileAtomically(cachedFailurePath(cacheDir, source), JSON.stringify(failure));
  rmSync(cachedSvgPath(cacheDir, source), { force: true });
}

/**
 * Cache entries: a SHA-256 in hex, then `.svg` or `.failed`, or such a file
 * half-written by a build that was killed. Nothing else in the folder is ever removed.
 */
export const CACHE_ENTRY_NAME = /^[0-9a-f]{64}\.(svg|failed)(\.\d+\.tmp)?$/;

/**
 * How long an entry no build has used is kept: a day, far longer than any
 * build takes between marking the entries it uses and reading them into its
 * pages, and short enough that editing a structure all day leaves a day's
 * drawings at most.
 */
export const UNUSED_ENTRY_LIFETIME_MS = 24 * 60 * 60 * 1000;

/** A lock older than this was left by a build that was killed: no build holds it for more than a moment. */
const STALE_LOCK_MS = 10_000;

/**
 * Whether a process is running; one we may not signal is running too. Builds
 * use it to tell a lock or a folder left by a killed build from a live one's.
 *
 * @example
 * isAlive(process.pid) // true
 */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Waits a few milliseconds without giving up the thread: the lock is held for a moment only. */
function pause(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/**
 * Runs `work` while holding the cache folder's lock (a folder, which only one
 * process can create), so that one build never removes an entry in the moment
 * another marks it as used. A lock whose owner has stopped, or that is older
 * than any build holds it, is taken over.
 */
export function withCacheLock<T>(cacheDir: string, work: () => T): T {
  const lock = join(cacheDir, '.lock');
  const owner = join(lock, 'pid');
  mkdirSync(cacheDir, { recursive: true });
  for (;;) {
    try {
      mkdirSync(lock);
      writeFileSync(owner, String(process.pid));
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const pid = Number(readIfThere(owner));
      let age = 0;
      try {
        age = Date.now() - statSync(lock).mtimeMs;
      } catch {
        continue;
      }
      // A lock without its owner's pid yet is being taken right now, unless it is old.
      if (age > STALE_LOCK_MS || (pid > 0 && !isAlive(pid))) rmSync(lock, { recursive: true, force: true });
      else pause(5);
    }
  }
  try {
    return work();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

/**
 * Marks the entries of the sources a build uses as used now, and removes
 * entries that no build has used for `UNUSED_ENTRY_LIFETIME_MS`, so the cache
 * holds what current content needs without growing with every edit, and never
 * loses an entry that a build running beside this one is about to read.
 *
 * @returns how many entries were removed
 */
export function markUsedAndPrune(cacheDir: string, used: Iterable<string>, now = Date.now()): number {
  const wanted = new Set<string>();
  for (const source of used) {
    const hash = sourceHash(source);
    wanted.add(`${hash}.svg`);
    wanted.add(`${hash}.failed`);
  }
  return withCacheLock(cacheDir, () => {
    let removed = 0;
    for (const name of readdirSync(cacheDir)) {
      if (!CACHE_ENTRY_NAME.test(name)) continue;
      const file = join(cacheDir, name);
      // A build drawing beside this one may replace or remove an entry at any moment: one that is gone is skipped.
      try {
        if (wanted.has(name)) {
          utimesSync(file, new Date(now), new Date(now));
        } else if (now - statSync(file).mtimeMs > UNUSED_ENTRY_LIFETIME_MS) {
          rmSync(file, { force: true });
          removed++;
        }
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      }
    }
    return removed;
  });
}
