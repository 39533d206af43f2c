/**
 * The build's diagram step, run once before the pages are built: draws every
 * structure diagram that is not already cached, in one browser session, so
 * pages can inline the SVGs with `diagramFor`. A structure too large to draw,
 * or one Mermaid cannot draw, is listed as text on its page and the build goes
 * on; so does a build without a browser, unless diagrams are required, since
 * then every diagram is missing for want of the browser, not for anything in
 * the content.
 */
import type { Model } from '../model/types.ts';
import { INSTALL_BROWSER_ADVICE, noBrowserReason } from './browser.ts';
import { cachedResult, defaultCacheDir, markUsedAndPrune } from './cache.ts';
import { partnershipNamesIn } from './facts.ts';
import { tooLargeToDraw } from './limits.ts';
import { structureToMermaid } from './mermaid.ts';
import { BrowserUnavailableError, DiagramRenderError, findRenderer, renderMermaidToSvg } from './render.ts';

/** What the diagram step did. */
export interface PrepareResult {
  /** Diagrams drawn in this run. */
  rendered: number;
  /** Diagrams already drawn, taken from the cache. */
  cached: number;
  /** Diagrams not drawn, for any reason: their pages show the text alternative only. */
  missing: number;
  /** Of those, structures beyond the limits of limits.ts. */
  tooLarge: number;
  /** Of those, diagrams Mermaid could not draw, in this run or (for the same renderer) an earlier one. */
  failed: number;
  /** The browser used, when one was started. */
  browser?: string;
}

/** Options for `prepareDiagrams`. */
export interface PrepareOptions {
  /**
   * Where SVGs are cached: by default `defaultCacheDir()`, which is then kept
   * in `DIAGRAM_CACHE_DIR` for the pages built after this step.
   */
  cacheDir?: string;
  /** Fail instead of building without diagrams when there is no working browser (`--require-diagrams`, or in CI). */
  require?: boolean;
  /** Where progress and problems are reported, one line at a time; the console by default. */
  log?: (line: string) => void;
}

/**
 * Diagrams are required and there is no browser that works: the one problem
 * that stops a build in the diagram step. Its message says what to install or
 * set, in full, for the build to print as it is (a stack trace adds nothing).
 */
export class DiagramsRequiredError extends Error {
  override name = 'DiagramsRequiredError';
}

/** `1 diagram`, `2 diagrams`. */
const diagrams = (count: number) => `${count} diagram${count === 1 ? '' : 's'}`;

/**
 * Draws every structure diagram of the model that is not cached yet.
 *
 * @throws DiagramsRequiredError when diagrams are required and there is no browser that works
 */
export async function prepareDiagrams(model: Pick<Model, 'partnerships'>, options: PrepareOptions = {}): Promise<PrepareResult> {
  const started = performance.now();
  const { cacheDir = defaultCacheDir(), require: required = false, log = console.log } = options;
  // Pages find drawings with defaultCacheDir too, later in the same process: if the build changes folder
  // before writing them (scripts/build.ts does), they must still read the folder drawn into here.
  if (options.cacheDir === undefined) process.env.DIAGRAM_CACHE_DIR = cacheDir;
  const names = partnershipNamesIn(model);
  const filesBySource = new Map<string, string[]>();
  let tooLarge = 0;
  for (const partnership of model.partnerships) {
    for (const structure of partnership.structures) {
      const why = tooLargeToDraw(structure, names);
      if (why) {
        log(`Diagrams: ${structure.file} is too large to draw (${why}); its page lists its bodies instead.`);
        tooLarge++;
        continue;
      }
      const source = structureToMermaid(structure, names);
      filesBySource.set(source, [...(filesBySource.get(source) ?? []), structure.file]);
    }
  }
  markUsedAndPrune(cacheDir, filesBySource.keys());
  const renderer = findRenderer(cacheDir);
  const toDraw: string[] = [];
  let cached = 0;
  let failed = 0;
  for (const [source, files] of filesBySource) {
    const result = cachedResult(cacheDir, source, renderer?.key);
    if (result === undefined) toDraw.push(source);
    else if ('svg' in result) cached++;
    else {
      log(`Diagrams: ${files.join(', ')} could not be drawn (${result.failure.reason}, in an earlier build); its page lists its bodies instead.`);
      failed++;
    }
  }
  const outcome = (rendered: number, extra: { missing?: number; failed?: number; browser?: string } = {}): PrepareResult => {
    const allFailed = failed + (extra.failed ?? 0);
    return {
      rendered, cached, missing: tooLarge + allFailed + (extra.missing ?? 0), tooLarge, failed: allFailed,
      ...(extra.browser ? { browser: extra.browser } : {}),
    };
  };
  if (toDraw.length === 0) {
    if (cached > 0) log(`Diagrams: ${cached === 1 ? 'the diagram is' : `all ${cached} are`} unchanged, taken from the cache.`);
    else if (tooLarge + failed === 0) log('Diagrams: there are no structures to draw.');
    return outcome(0);
  }

  /** No browser that works: the build goes on with text alternatives, said once, or stops when diagrams are required. */
  const withoutBrowser = (what: string, fix: string): PrepareResult => {
    if (required) throw new DiagramsRequiredError(`${what}, and diagrams are required (--require-diagrams or CI), so the build stops. ${fix}`);
    log(`${what}: ${toDraw.length === filesBySource.size ? 'diagrams' : diagrams(toDraw.length)} will be shown as text only. ${fix}`);
    return outcome(0, { missing: toDraw.length });
  };
  if (!renderer) return withoutBrowser(noBrowserReason(), INSTALL_BROWSER_ADVICE);
  const browser = renderer.browserPath;
  let notDrawn: DiagramRenderError['failures'] = [];
  try {
    await renderMermaidToSvg(toDraw, { cacheDir, browserPath: browser });
  } catch (error) {
    if (error instanceof BrowserUnavailableError) return withoutBrowser(error.message, 'Set CHROMIUM_PATH to a working Chrome, Edge or Chromium.');
    if (!(error instanceof DiagramRenderError)) throw error;
    notDrawn = error.failures;
  }
  for (const { source, error } of notDrawn) {
    log(`Diagrams: ${filesBySource.get(source)!.join(', ')} could not be drawn (${error.message.split('\n')[0]}); its page lists its bodies instead.`);
  }
  const rendered = toDraw.length - notDrawn.length;
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const unchanged = cached > 0 ? `; ${cached} unchanged, from the cache` : '';
  const lost = notDrawn.length > 0 ? `; ${diagrams(notDrawn.length)} could not be drawn` : '';
  log(`Diagrams: drew ${rendered} with ${browser} in ${seconds} s${unchanged}${lost}.`);
  return outcome(rendered, { failed: notDrawn.length, browser });
}
