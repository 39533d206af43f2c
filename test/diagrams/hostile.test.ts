/**
 * Structures that pass the checker but once broke a build that requires
 * diagrams (CI): a name holding U+FFFE, a reporting line 10,000 bodies deep,
 * 4,900 bodies, a name of 100 KB. Each goes through the build's diagram step
 * with the real renderer, diagrams required, and must leave the build going
 * and its page complete: drawn, or listed as text with a note saying why.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { findBrowser } from '../../src/diagrams/browser.ts';
import { readCachedFailure, writeCachedFailure } from '../../src/diagrams/cache.ts';
import { diagramFor, partnershipNamesIn, structureToMermaid, type OutlineBody } from '../../src/diagrams/index.ts';
import { prepareDiagrams } from '../../src/diagrams/prepare.ts';
import { BrowserUnavailableError, DiagramRenderError, findRenderer, renderMermaidToSvg } from '../../src/diagrams/render.ts';
import type { StructureModel } from '../../src/model/types.ts';
import { reportMissingBrowser } from '../quality/browser/harness/browser.ts';
import { makeStructure, modelWith } from './support.ts';

const browser = findBrowser();
if (!browser) reportMissingBrowser('hostile diagram');

const temporaryDirs: string[] = [];
function freshCacheDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'diagram-hostile-'));
  temporaryDirs.push(dir);
  return dir;
}
afterAll(() => temporaryDirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));
afterEach(() => {
  vi.unstubAllEnvs();
});

/** A reporting line `count` bodies deep. */
const reportingLine = (count: number) =>
  makeStructure(Array.from({ length: count }, (_, i): [string, string, string?] => [`b${i}`, `Body ${i}`, i > 0 ? `b${i - 1}` : undefined]), [], 'line');

/** A board with `count - 1` bodies reporting to it. */
const wide = (count: number) =>
  makeStructure(Array.from({ length: count }, (_, i): [string, string, string?] => [`b${i}`, `Body ${i}`, i > 0 ? 'b0' : undefined]), [], 'wide');

const hostile = {
  nonCharacters: makeStructure([['board', 'Board \ufffe of the \ud800 partnership \ufdd0'], ['group', 'Group', 'board']], [], 'non-characters'),
  line: reportingLine(10_000),
  wide: wide(4_900),
  longName: makeStructure([['board', 'word '.repeat(20_000).trim()], ['group', 'Group', 'board']], [], 'long-name'),
};
const tooLarge = [hostile.line, hostile.wide, hostile.longName];

/** How many bodies an outline lists, however deep. */
function listed(bodies: readonly OutlineBody[]): number {
  let count = 0;
  const stack = [...bodies];
  for (let body = stack.pop(); body; body = stack.pop()) {
    count++;
    stack.push(...body.reports);
  }
  return count;
}

/** Expects the page to list every body under the note that the structure is too large to draw. */
function expectListedAsTooLarge(structure: StructureModel, cacheDir: string): void {
  const diagram = diagramFor(structure, modelWith([structure]), { cacheDir });
  expect(diagram.svg, structure.id).toBeUndefined();
  expect(diagram.note, structure.id).toBe('This structure is too large to draw as a diagram; its bodies are listed below.');
  expect(listed(diagram.outline.bodies), structure.id).toBe(structure.bodies.length);
}

describe('structures too large to draw, in a build that requires diagrams', () => {
  it('are listed as text with a note, and the build goes on in seconds, with no browser needed', async () => {
    vi.stubEnv('CHROMIUM_PATH', '/nowhere/chromium');
    const cacheDir = freshCacheDir();
    const lines: string[] = [];
    const started = performance.now();
    const result = await prepareDiagrams(modelWith(tooLarge), { cacheDir, require: true, log: (line) => lines.push(line) });
    expect((performance.now() - started) / 1000).toBeLessThan(5);
    expect(result).toEqual({ rendered: 0, cached: 0, missing: 3, tooLarge: 3, failed: 0 });
    expect(lines).toEqual([
      'Diagrams: partnerships/test-partnership/structures/line.yaml is too large to draw (10,000 boxes (bodies and the organisations they link to); a diagram draws at most 300); its page lists its bodies instead.',
      'Diagrams: partnerships/test-partnership/structures/wide.yaml is too large to draw (4,900 boxes (bodies and the organisations they link to); a diagram draws at most 300); its page lists its bodies instead.',
      'Diagrams: partnerships/test-partnership/structures/long-name.yaml is too large to draw (a name of 99,999 characters; a diagram draws names of up to 500); its page lists its bodies instead.',
    ]);
    for (const structure of tooLarge) expectListedAsTooLarge(structure, cacheDir);
  });
});

describe.skipIf(!browser)('hostile structures through the real renderer, diagrams required', () => {
  it('draws a name holding non-characters and a lone surrogate, with U+FFFD in their place, and lists the rest as too large', async () => {
    const cacheDir = freshCacheDir();
    const model = modelWith([hostile.nonCharacters, ...tooLarge]);
    const started = performance.now();
    const result = await prepareDiagrams(model, { cacheDir, require: true, log: () => {} });
    console.log(`The four hostile structures took ${((performance.now() - started) / 1000).toFixed(1)} s, drawing one.`);
    expect(result).toEqual({ rendered: 1, cached: 0, missing: 3, tooLarge: 3, failed: 0, browser });
    const svg = diagramFor(hostile.nonCharacters, model, { cacheDir }).svg!;
    expect(svg).toMatch(/^<svg [^>]*role="img"/);
    expect(svg).toContain('\ufffd');
    expect(svg).not.toMatch(/[\ufffe\ufdd0\ud800]/);
    for (const structure of tooLarge) expectListedAsTooLarge(structure, cacheDir);
  }, 60_000);

  it('gives up on a diagram that keeps its page busy too long, draws the others, and lets a later build try it again', async () => {
    const cacheDir = freshCacheDir();
    const names = partnershipNamesIn(modelWith([]));
    const small = (id: string) => structureToMermaid(makeStructure([['board', `Board ${id}`], ['group', 'Group', 'board']], [], id), names);
    // 4,900 bodies, past the limits, sent straight to the renderer: Mermaid works on it for well over a minute.
    const endless = structureToMermaid(hostile.wide, names);
    const started = performance.now();
    const failure = await renderMermaidToSvg([small('first'), endless, small('last')], { cacheDir, timeoutMs: 3_000 }).catch((error: unknown) => error);
    expect((performance.now() - started) / 1000).toBeLessThan(30);
    expect(failure).toBeInstanceOf(DiagramRenderError);
    const { failures } = failure as DiagramRenderError;
    expect(failures.map(({ source, error }) => [source, error.message])).toEqual([[endless, 'Drawing it took longer than 3 s']]);
    for (const id of ['first', 'last']) expect(diagramFor(makeStructure([['board', `Board ${id}`], ['group', 'Group', 'board']], [], id), modelWith([]), { cacheDir }).svg).toMatch(/^<svg /);
    expect(readCachedFailure(cacheDir, endless)).toEqual({ key: findRenderer(cacheDir)!.key, reason: 'Drawing it took longer than 3 s', retry: true });
  }, 60_000);

  it('blames the browser, not the diagrams, when its pages stop on every one of several diagrams', async () => {
    const cacheDir = freshCacheDir();
    const names = partnershipNamesIn(modelWith([]));
    const sources = ['one', 'two'].map((id) => structureToMermaid(makeStructure([['board', `Board ${id}`]], [], id), names));
    // A millisecond is too short for any diagram: as if the browser could draw nothing at all.
    const error = await renderMermaidToSvg(sources, { cacheDir, timeoutMs: 1 }).catch((failure: unknown) => failure);
    expect(error).toBeInstanceOf(BrowserUnavailableError);
    expect((error as Error).message).toBe(`The browser at ${browser} could not draw any diagram: its page stopped on each of 2 (Drawing it took longer than 0.001 s)`);
    // Nothing is held against the diagrams: the next build draws them.
    for (const source of sources) expect(readCachedFailure(cacheDir, source)?.retry).toBe(true);
  }, 60_000);

  it('lists a diagram Mermaid could not draw with a note, and still builds when diagrams are required', async () => {
    const cacheDir = freshCacheDir();
    const structure = makeStructure([['board', 'Board'], ['group', 'Group', 'board']], [], 'undrawable');
    const model = modelWith([structure]);
    const source = structureToMermaid(structure, partnershipNamesIn(model));
    writeCachedFailure(cacheDir, source, { key: findRenderer(cacheDir)!.key, reason: 'Parse error on line 3', retry: false });
    const lines: string[] = [];
    expect(await prepareDiagrams(model, { cacheDir, require: true, log: (line) => lines.push(line) })).toEqual({ rendered: 0, cached: 0, missing: 1, tooLarge: 0, failed: 1 });
    expect(lines).toEqual([
      'Diagrams: partnerships/test-partnership/structures/undrawable.yaml could not be drawn (Parse error on line 3, in an earlier build); its page lists its bodies instead.',
    ]);
    const diagram = diagramFor(structure, model, { cacheDir });
    expect(diagram.svg).toBeUndefined();
    expect(diagram.note).toBe('This structure could not be drawn as a diagram; its bodies are listed below.');
    expect(listed(diagram.outline.bodies)).toBe(2);
  });
});
