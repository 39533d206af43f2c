/**
 * The on-disk cache of drawn diagrams: one SVG per Mermaid source, named by the
 * SHA-256 of the source, so an unchanged diagram is never drawn twice and pages
 * can find a diagram's SVG without a browser. This module has no browser code,
 * because pages import it at build time.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** `.cache/diagrams` under the project root (the folder commands run from); git ignores `.cache/`. */
export function defaultCacheDir(): string {
  return resolve(process.cwd(), '.cache', 'diagrams');
}

/** The SHA-256 of a Mermaid source, in hex: the cached SVG's name, and the prefix of its ids. */
export function sourceHash(source: string): string {
  return createHash('sha256').update(source, 'utf8').digest('hex');
}

/** Where the SVG of a source is cached. */
export function cachedSvgPath(cacheDir: string, source: string): string {
  return join(cacheDir, `${sourceHash(source)}.svg`);
}

/** The cached SVG of a source, or undefined when it has not been drawn. */
export function readCachedSvg(cacheDir: string, source: string): string | undefined {
  try {
    return readFileSync(cachedSvgPath(cacheDir, source), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
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

/** Caches the SVG drawn from a source. */
export function writeCachedSvg(cacheDir: string, source: string, svg: string): void {
  mkdirSync(cacheDir, { recursive: true });
  writeFileAtomically(cachedSvgPath(cacheDir, source), svg);
}

/** Cached SVG files: a SHA-256 in hex, then `.svg`. Nothing else in the folder is ever removed. */
export const CACHED_SVG_NAME = /^[0-9a-f]{64}\.svg$/;

/**
 * Removes cached SVGs of sources not in `keep`, so the cache holds what the
 * current content needs and does not grow with every edit.
 *
 * @returns how many were removed
 */
export function pruneCache(cacheDir: string, keep: Iterable<string>): number {
  const wanted = new Set([...keep].map((source) => `${sourceHash(source)}.svg`));
  let removed = 0;
  for (const name of readdirSync(cacheDir)) {
    if (!CACHED_SVG_NAME.test(name) || wanted.has(name)) continue;
    rmSync(join(cacheDir, name), { force: true });
    removed++;
  }
  return removed;
}
