/**
 * The same content builds the same bytes: two clean builds into separate
 * folders produce the same files with the same SHA-256, so a published change
 * is always a content or code change, never noise (timestamps, random ids,
 * ordering), and a deploy of an unchanged site uploads nothing.
 *
 * Diagrams: the first two builds share one diagram cache in a working folder of
 * their own. The first draws every diagram into it (when a browser exists) and
 * the second takes them from it, which is how officers and CI build; sharing
 * the cache, rather than passing --no-diagrams, keeps the inline SVGs in the
 * comparison. A third build, with a cold cache in another folder, draws every
 * diagram again, to show that drawing itself is repeatable.
 */
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BROWSER, buildOrThrow, EXAMPLE_CONTENT, hashTree, workFolder, type BuildRun } from './helpers/build-site.ts';

const work = workFolder('determinism');
const warm = join(work, 'warm');
const cold = join(work, 'cold');
let builds: { first: BuildRun; second: BuildRun; redrawn?: BuildRun };
let contentBefore: Record<string, string>;

beforeAll(() => {
  mkdirSync(warm);
  mkdirSync(cold);
  // The example content may be edited by someone else while this runs; its hash shows whether it was.
  contentBefore = hashTree(EXAMPLE_CONTENT);
  const first = buildOrThrow({ content: EXAMPLE_CONTENT, out: join(work, 'first'), cwd: warm, diagrams: true });
  const second = buildOrThrow({ content: EXAMPLE_CONTENT, out: join(work, 'second'), cwd: warm, diagrams: true });
  const redrawn = BROWSER ? buildOrThrow({ content: EXAMPLE_CONTENT, out: join(work, 'redrawn'), cwd: cold, diagrams: true }) : undefined;
  builds = { first, second, ...(redrawn ? { redrawn } : {}) };
}, 240_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

/** The first file whose bytes differ, with the first differing line, so a failure names its cause. */
function firstDifference(a: Record<string, string>, b: Record<string, string>, dirA: string, dirB: string): string {
  const files = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
  const differing = files.filter((file) => a[file] !== b[file]);
  if (differing.length === 0) return 'none';
  const file = differing[0];
  if (!(file in a) || !(file in b)) return `${file} is only in ${file in a ? dirA : dirB} (${differing.length} files differ)`;
  const linesA = readFileSync(join(dirA, file), 'utf8').split('\n');
  const linesB = readFileSync(join(dirB, file), 'utf8').split('\n');
  const found = linesA.findIndex((text, i) => text !== linesB[i]);
  // No differing line in the first file's length: the second file has more lines.
  const line = found === -1 ? linesA.length : found;
  const [textA = '', textB = ''] = [linesA[line], linesB[line]];
  const at = Math.max(0, [...textA].findIndex((c, i) => c !== textB[i]) - 40);
  return `${differing.length} files differ, first ${file} line ${line + 1}:\n  ${textA.slice(at, at + 160)}\n  ${textB.slice(at, at + 160)}`;
}

describe('two clean builds of the same content', () => {
  it('write the same files with the same SHA-256', (context) => {
    context.skip(JSON.stringify(hashTree(EXAMPLE_CONTENT)) !== JSON.stringify(contentBefore), 'content/ changed while the builds ran; run again');
    const a = hashTree(join(work, 'first'));
    const b = hashTree(join(work, 'second'));
    expect(Object.keys(a).length).toBeGreaterThan(50);
    expect(firstDifference(a, b, join(work, 'first'), join(work, 'second'))).toBe('none');
  });

  it('inline the drawn diagrams when a browser exists, so the SVGs are part of the comparison', (context) => {
    context.skip(!BROWSER, 'No Chromium here: both builds show text alternatives only.');
    expect(builds.first.stdout).toMatch(/Diagrams: drew \d+/);
    expect(builds.second.stdout).toMatch(/Diagrams: all \d+ are unchanged, taken from the cache/);
    const page = readFileSync(join(work, 'first', 'partnerships/chorley-partnership/index.html'), 'utf8');
    expect(page).toMatch(/<svg[^>]*role="img"/);
  });
});

describe('a build that draws every diagram again, with a cold cache', () => {
  it('writes the same bytes as the builds that shared a cache', (context) => {
    context.skip(!BROWSER, 'No Chromium here, so no diagram can be drawn twice to compare.');
    context.skip(JSON.stringify(hashTree(EXAMPLE_CONTENT)) !== JSON.stringify(contentBefore), 'content/ changed while the builds ran; run again');
    expect(builds.redrawn?.stdout).toMatch(/Diagrams: drew \d+/);
    const a = hashTree(join(work, 'first'));
    const c = hashTree(join(work, 'redrawn'));
    expect(firstDifference(a, c, join(work, 'first'), join(work, 'redrawn'))).toBe('none');
  });

  it('caches byte-identical SVGs', (context) => {
    context.skip(!BROWSER, 'No Chromium here.');
    const warmCache = hashTree(join(warm, '.cache/diagrams'));
    const coldCache = hashTree(join(cold, '.cache/diagrams'));
    expect(Object.keys(warmCache).filter((file) => file.endsWith('.svg')).length).toBeGreaterThan(0);
    expect(coldCache).toEqual(warmCache);
  });
});
