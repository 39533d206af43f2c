/**
 * The build's diagram step, run once before the pages are built: draws every
 * structure diagram that is not already cached, in one browser session, so
 * pages can inline the SVGs with `diagramFor`. Without a browser the site is
 * still built, with each diagram's text alternative, unless diagrams are required.
 */
import { existsSync } from 'node:fs';
import type { Model } from '../model/types.ts';
import { cachedSvgPath, defaultCacheDir, pruneCache } from './cache.ts';
import { partnershipNamesIn } from './facts.ts';
import { structureToMermaid } from './mermaid.ts';
import { BrowserUnavailableError, DiagramRenderError, findBrowser, refreshCache, renderMermaidToSvg } from './render.ts';

/** What the diagram step did. */
export interface PrepareResult {
  /** Diagrams drawn in this run. */
  rendered: number;
  /** Diagrams already drawn, taken from the cache. */
  cached: number;
  /** Diagrams that could not be drawn: their pages show the text alternative only. */
  missing: number;
  /** The browser used, when one was started. */
  browser?: string;
}

/** Options for `prepareDiagrams`. */
export interface PrepareOptions {
  /** Where SVGs are cached; `.cache/diagrams` under the project root by default. */
  cacheDir?: string;
  /** Fail instead of building without diagrams (`--require-diagrams`, or in CI). */
  require?: boolean;
  /** Where progress and problems are reported, one line at a time; the console by default. */
  log?: (line: string) => void;
}

/**
 * Draws every structure diagram of the model that is not cached yet.
 *
 * @throws when diagrams are required and some cannot be drawn
 */
export async function prepareDiagrams(model: Model, options: PrepareOptions = {}): Promise<PrepareResult> {
  const started = performance.now();
  const { cacheDir = defaultCacheDir(), require: required = false, log = console.log } = options;
  const names = partnershipNamesIn(model);
  const filesBySource = new Map<string, string[]>();
  for (const partnership of model.partnerships) {
    for (const structure of partnership.structures) {
      const source = structureToMermaid(structure, names);
      filesBySource.set(source, [...(filesBySource.get(source) ?? []), structure.file]);
    }
  }
  refreshCache(cacheDir);
  pruneCache(cacheDir, filesBySource.keys());
  const toDraw = [...filesBySource.keys()].filter((source) => !existsSync(cachedSvgPath(cacheDir, source)));
  const cached = filesBySource.size - toDraw.length;
  if (toDraw.length === 0) {
    log(cached === 0 ? 'Diagrams: there are no structures to draw.' : `Diagrams: ${cached === 1 ? 'the diagram is' : `all ${cached} are`} unchanged, taken from the cache.`);
    return { rendered: 0, cached, missing: 0 };
  }

  /** Reports what went wrong: the build goes on with text alternatives, or stops when diagrams are required. */
  const fail = (problem: { what: string; fix: string; details?: string[] }, missing: number, browser?: string): PrepareResult => {
    const outcome = required
      ? ', and diagrams are required (--require-diagrams or CI), so the build stops.'
      : `: ${missing === toDraw.length ? 'diagrams' : 'those diagrams'} will be shown as text only.`;
    const message = [`${problem.what}${outcome}${problem.fix ? ` ${problem.fix}` : ''}`, ...(problem.details ?? [])].join('\n');
    if (required) throw new Error(message);
    log(message);
    return { rendered: toDraw.length - missing, cached, missing, ...(browser ? { browser } : {}) };
  };
  const browser = findBrowser();
  if (!browser) {
    const configured = process.env.CHROMIUM_PATH;
    const detail = configured ? ` (CHROMIUM_PATH is set to ${configured}, but there is no file there.)` : '';
    return fail({ what: 'No Chrome, Edge or Chromium found', fix: `Set CHROMIUM_PATH or install chromium.${detail}` }, toDraw.length);
  }
  try {
    await renderMermaidToSvg(toDraw, { cacheDir, browserPath: browser });
  } catch (error) {
    if (error instanceof BrowserUnavailableError) {
      return fail({ what: error.message, fix: 'Set CHROMIUM_PATH to a working Chrome, Edge or Chromium.' }, toDraw.length);
    }
    if (error instanceof DiagramRenderError) {
      const details = error.failures.map(({ source, error: why }) => `  ${filesBySource.get(source)!.join(', ')}: ${why.message.split('\n')[0]}`);
      const what = `${error.failures.length === 1 ? 'A diagram' : `${error.failures.length} diagrams`} could not be drawn`;
      return fail({ what, fix: '', details }, error.failures.length, browser);
    }
    throw error;
  }
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  log(`Diagrams: drew ${toDraw.length} with ${browser} in ${seconds} s${cached > 0 ? `; ${cached} unchanged, from the cache` : ''}.`);
  return { rendered: toDraw.length, cached, missing: 0, browser };
}
