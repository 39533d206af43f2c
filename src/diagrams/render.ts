/**
 * Mermaid source → SVG, at build time, with the real Mermaid in a headless
 * browser: playwright-core drives a Chrome, Edge or Chromium already installed.
 * One browser session draws every diagram of a build; SVGs are cached by a hash
 * of their source, with the key of the renderer that drew them, so a build
 * whose diagrams have not changed starts no browser.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import type { MermaidConfig } from 'mermaid';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { browserVersion, findBrowser, noBrowserReason } from './browser.ts';
import { cachedResult, sourceHash, writeCachedFailure, writeCachedSvg } from './cache.ts';
import { LABEL_WRAP_WIDTH } from './mermaid.ts';

/** How Mermaid draws: SVG text labels (no foreignObject), GOV.UK colours, text at 16px and never scaled down. */
const MERMAID_CONFIG: MermaidConfig = {
  startOnLoad: false,
  securityLevel: 'strict',
  deterministicIds: true,
  htmlLabels: false,
  suppressErrorRendering: true,
  look: 'classic',
  // Dagre, Mermaid's long-standing layout, with right-angled lines as in an organisation
  // chart: as clear as ELK's for these structures, at about 70% of its cost a diagram
  // (bench/RESULTS.md, "Diagrams"), which keeps a cold build within 50 ms a diagram.
  layout: 'dagre',
  theme: 'base',
  fontFamily: 'arial, sans-serif',
  fontSize: 16,
  maxTextSize: 1_000_000,
  maxEdges: 5_000,
  themeVariables: {
    fontFamily: 'arial, sans-serif',
    fontSize: '16px',
    primaryColor: '#ffffff',
    primaryTextColor: '#0b0c0c',
    primaryBorderColor: '#0b0c0c',
    lineColor: '#0b0c0c',
    textColor: '#0b0c0c',
    edgeLabelBackground: '#ffffff',
  },
  flowchart: { curve: 'step', useMaxWidth: false, wrappingWidth: LABEL_WRAP_WIDTH, nodeSpacing: 40, rankSpacing: 60, padding: 12 },
};

/** Chromium switches for a quiet, offline session: this machine's network may be closed, and nothing is fetched. */
const BROWSER_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
  '--disable-sync', '--no-first-run', '--disable-quic',
];

/** The page diagrams are drawn in; render.ts adds the scripts. */
const PAGE_HTML = '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Diagrams</title></head><body></body></html>';

/**
 * Longest a page may take over one diagram before the build gives up on it
 * and draws the rest in a fresh page. Within the limits of limits.ts a
 * diagram takes a few seconds at most, so only a diagram Mermaid cannot
 * finish, or a machine far too busy, reaches it.
 */
export const RENDER_TIMEOUT_MS = 30_000;

/** Diagrams sent to a page in one call: fewer round trips between Node and the browser, and little left for the last page to finish alone. */
const BATCH_SIZE = 4;

/**
 * Each page draws on one CPU at a time, so pages draw in parallel up to one a CPU.
 * Another page costs its own loading and warming up of Mermaid (one to two
 * seconds of CPU), worth it only with this many diagrams for it.
 */
const DIAGRAMS_PER_EXTRA_PAGE = 10;

/**
 * Mermaid's `getConfig` in its bundle (`getConfig = () => assignWithDepth({}, currentConfig)`,
 * minified), and what it becomes: `copyMermaidConfig` in in-browser.js makes the
 * same copy several times faster.
 */
const MERMAID_GET_CONFIG = /([\w$]+)=([\w$]+)\(\(\)=>[\w$]+\(\{\},([\w$]+)\),"getConfig"\)/g;
const FASTER_GET_CONFIG = '$1=$2(()=>copyMermaidConfig($3),"getConfig")';

/** No browser was found, or the one found could not be started or stopped while drawing. */
export class BrowserUnavailableError extends Error {
  override name = 'BrowserUnavailableError';
}

/** Some diagrams could not be drawn, for reasons of their own; the others were drawn and cached. */
export class DiagramRenderError extends Error {
  override name = 'DiagramRenderError';
  /** The sources that failed, with why. */
  readonly failures: { source: string; error: Error }[];
  constructor(failures: { source: string; error: Error }[]) {
    super(`${failures.length === 1 ? 'A diagram' : `${failures.length} diagrams`} could not be drawn: ${failures.map((f) => f.error.message).join('; ')}`);
    this.failures = failures;
  }
}

const nodeRequire = createRequire(import.meta.url);

/**
 * Mermaid's browser bundle, read from node_modules and injected: the page
 * fetches nothing. Its `getConfig` is made to call `copyMermaidConfig` (see
 * in-browser.js); a Mermaid whose bundle no longer has it in that form is used
 * as it is, only slower, and a test says so.
 */
export function mermaidScript(): string {
  const bundle = readFileSync(nodeRequire.resolve('mermaid/dist/mermaid.min.js'), 'utf8');
  return bundle.match(MERMAID_GET_CONFIG)?.length === 1 ? bundle.replace(MERMAID_GET_CONFIG, FASTER_GET_CONFIG) : bundle;
}

/** The script that draws and cleans each diagram inside the page. */
function inBrowserScript(): string {
  return readFileSync(new URL('./in-browser.js', import.meta.url), 'utf8');
}

/** The version of the installed Mermaid. */
function installedMermaidVersion(): string {
  return (JSON.parse(readFileSync(nodeRequire.resolve('mermaid/package.json'), 'utf8')) as { version: string }).version;
}

/**
 * The key under which a renderer's drawings are cached: the SHA-256 of
 * everything the drawing depends on besides the source. That is Mermaid's
 * version and how it is loaded, its configuration, the page, the browser's
 * version and switches, and the script that draws and cleans. When any
 * changes, cached drawings are drawn afresh. (How many pages draw at once,
 * and how many diagrams a call, changes nothing drawn.)
 */
export function rendererKey(browser: string, mermaidVersion = installedMermaidVersion()): string {
  return sourceHash(JSON.stringify({
    mermaid: mermaidVersion,
    getConfig: [MERMAID_GET_CONFIG.source, FASTER_GET_CONFIG],
    config: MERMAID_CONFIG,
    page: PAGE_HTML,
    browser,
    browserArgs: BROWSER_ARGS,
    script: inBrowserScript(),
  }));
}

/** A browser to draw with, and the key its drawings are cached under. */
export interface Renderer {
  browserPath: string;
  key: string;
}

/**
 * The renderer a build would draw with: the browser found (or given) and its
 * key. Undefined when there is no browser; the browser is not started, only
 * asked its version once, and the answer is kept in the cache folder.
 */
export function findRenderer(cacheDir: string, browserPath: string | undefined = findBrowser()): Renderer | undefined {
  if (browserPath === undefined) return undefined;
  mkdirSync(cacheDir, { recursive: true });
  try {
    return { browserPath, key: rendererKey(browserVersion(browserPath, join(cacheDir, 'browser-version.json'))) };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/**
 * Refuses an SVG that could run script or load anything, as a last check before
 * it is cached for inlining. Only tags are inspected: text content cannot hold
 * a `<`, so a body named "onload=…" is not mistaken for an attribute.
 */
export function assertSafeSvg(svg: string): void {
  const problems: string[] = [];
  for (const [tag] of svg.matchAll(/<[^>]*>/g)) {
    const name = /^<\/?\s*([\w:-]+)/.exec(tag)?.[1]?.toLowerCase() ?? '';
    if (['script', 'foreignobject', 'iframe', 'object', 'embed', 'image', 'a'].includes(name)) problems.push(`a <${name}> element`);
    for (const [, attribute = '', ...quoted] of tag.matchAll(/\s([^\s=/>]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g)) {
      const lower = attribute.toLowerCase();
      const value = quoted.find((part) => part !== undefined) ?? '';
      if (lower.startsWith('on')) problems.push(`an ${attribute} attribute`);
      if ((lower === 'href' || lower === 'xlink:href') && !value.startsWith('#')) problems.push(`a link to ${value}`);
      if (/url\(\s*['"]?(?!#)|javascript:/i.test(value)) problems.push(`an ${attribute} attribute that loads something`);
    }
  }
  for (const [style] of svg.matchAll(/<style[^>]*>[\s\S]*?<\/style>/g)) {
    if (/@import|url\(\s*['"]?(?!#)/i.test(style)) problems.push('a style sheet that loads something');
  }
  if (problems.length > 0) throw new Error(`The drawn SVG is not safe to inline: it has ${[...new Set(problems)].join(', ')}.`);
}

/** A diagram to draw: its source, and the prefix of every id in its SVG. */
interface Diagram {
  source: string;
  id: string;
}

/** A page that spent too long on one diagram. */
class StalledError extends Error {
  override name = 'StalledError';
}

/** Readies a page to draw: the page, then in-browser.js (Mermaid's `getConfig` calls it), then Mermaid, configured once. */
async function preparePage(page: Page, scripts: readonly string[]): Promise<void> {
  await page.route('**/*', (route) => route.abort());
  await page.setContent(PAGE_HTML);
  for (const content of scripts) await page.addScriptTag({ content });
  await page.evaluate(`initialiseDiagrams(${JSON.stringify(MERMAID_CONFIG)})`);
}

/** Where drawings and failures go, as each diagram finishes. */
interface Outcomes {
  drawn(diagram: Diagram, svg: string): void;
  /** `retry`: the failure may come from the machine rather than the diagram, so a later build should try again. */
  failed(diagram: Diagram, error: Error, retry: boolean): void;
}

/** Which diagrams a page has finished, and when it last finished one; in-browser.js reports each. */
interface Progress {
  finished: Set<string>;
  at: number;
}

/** The first line of an error's message. */
const firstLine = (error: unknown) => (error instanceof Error ? error.message : String(error)).split('\n')[0]!;

/**
 * Draws diagrams from the queue until it is empty, a batch at a time, each
 * page in a window of its own, and reports each. The page reports each diagram
 * it finishes, so when it spends `timeoutMs` on one (or crashes), that
 * one is known: it fails, the page is closed, and the rest of its batch goes
 * back on the queue for a fresh page. So a diagram Mermaid cannot draw costs
 * only itself. A browser that stops altogether is not a diagram's failure: it
 * is thrown as BrowserUnavailableError.
 */
async function drawInPages(browser: Browser, scripts: readonly string[], queue: Diagram[], outcomes: Outcomes, timeoutMs: number): Promise<void> {
  while (queue.length > 0) {
    const progress: Progress = { finished: new Set(), at: performance.now() };
    let context: BrowserContext | undefined;
    let page: Page;
    try {
      // A context (a window) for each page: Chromium lowers the priority of a tab behind another in the same window.
      context = await browser.newContext({ offline: true });
      page = await context.newPage();
      await page.exposeBinding('reportDiagramDrawn', (_, id: string) => {
        progress.finished.add(id);
        progress.at = performance.now();
      });
      await preparePage(page, scripts);
    } catch (error) {
      await context?.close().catch(() => {});
      if (!browser.isConnected()) throw new BrowserUnavailableError(`The browser stopped while drawing diagrams (${firstLine(error)})`);
      throw new BrowserUnavailableError(`The browser could not load Mermaid into a page (${firstLine(error)})`);
    }
    try {
      await drawBatches(browser, page, queue, outcomes, progress, timeoutMs);
    } finally {
      await context.close().catch(() => {});
    }
  }
}

/** Draws batches from the queue in one page, until the queue is empty or the page must be given up. */
async function drawBatches(browser: Browser, page: Page, queue: Diagram[], outcomes: Outcomes, progress: Progress, timeoutMs: number): Promise<void> {
  while (queue.length > 0) {
    const batch = queue.splice(0, BATCH_SIZE);
    progress.at = performance.now();
    let results: ({ svg: string } | { error: string })[];
    try {
      results = await untilStalled(page.evaluate(`renderDiagrams(${JSON.stringify(batch)})`), progress, timeoutMs);
    } catch (error) {
      if (!browser.isConnected()) throw new BrowserUnavailableError(`The browser stopped while drawing diagrams (${firstLine(error)})`);
      const culprit = batch.find((diagram) => !progress.finished.has(diagram.id)) ?? batch[0]!;
      const why = error instanceof StalledError ? error : new Error(`The page drawing it stopped (${firstLine(error)})`);
      outcomes.failed(culprit, why, true);
      queue.unshift(...batch.filter((diagram) => diagram !== culprit));
      return;
    }
    batch.forEach((diagram, i) => {
      const result = results[i]!;
      if ('error' in result) return outcomes.failed(diagram, new Error(result.error), false);
      try {
        assertSafeSvg(result.svg);
      } catch (error) {
        return outcomes.failed(diagram, error as Error, false);
      }
      outcomes.drawn(diagram, result.svg);
    });
  }
}

/** Waits for a page's drawing, unless the page spends `timeoutMs` on one diagram: then it is given up. */
async function untilStalled<T>(drawing: Promise<T>, progress: Progress, timeoutMs: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const stalled = new Promise<never>((_, reject) => {
    const check = () => {
      const idle = performance.now() - progress.at;
      if (idle >= timeoutMs) reject(new StalledError(`Drawing it took longer than ${timeoutMs / 1000} s`));
      else timer = setTimeout(check, timeoutMs - idle);
    };
    timer = setTimeout(check, timeoutMs);
  });
  try {
    return await Promise.race([drawing, stalled]);
  } finally {
    clearTimeout(timer);
  }
}

/** Options for `renderMermaidToSvg`. */
export interface RenderOptions {
  /** Where drawings are cached. */
  cacheDir: string;
  /** The browser to draw with; the one `findBrowser` finds by default. */
  browserPath?: string;
  /** How long a page may spend on one diagram; `RENDER_TIMEOUT_MS` by default. */
  timeoutMs?: number;
}

/**
 * Draws Mermaid sources as SVG, using the cache where it can: sources the
 * renderer has already drawn are read, the rest are drawn in one browser
 * session and cached, and so is why any could not be drawn. No browser is
 * started when everything is cached; with no browser at all, drawings cached
 * by any renderer are used. With many to draw, several pages draw at once, one
 * a CPU; what each draws does not depend on the others.
 *
 * Each SVG is safe to inline (no script, event handlers, foreignObject or outside
 * links), has `role="img"` with `<title>` and `<desc>` from `accTitle` and
 * `accDescr`, and prefixes its ids with `structure-<hash>`, so diagrams on one
 * page never share ids. The same source always gives the same bytes.
 *
 * @returns each source's SVG
 * @throws BrowserUnavailableError when something must be drawn and no browser can be found, started or kept
 *   running, or when its pages stop on every one of several diagrams and draw none
 * @throws DiagramRenderError when some diagrams failed (the rest are drawn and cached)
 */
export async function renderMermaidToSvg(sources: readonly string[], options: RenderOptions): Promise<Map<string, string>> {
  const { cacheDir, timeoutMs = RENDER_TIMEOUT_MS } = options;
  const renderer = findRenderer(cacheDir, options.browserPath ?? findBrowser());
  const unique = [...new Set(sources)];
  const svgs = new Map<string, string>();
  for (const source of unique) {
    const cached = cachedResult(cacheDir, source, renderer?.key);
    if (cached && 'svg' in cached) svgs.set(source, cached.svg);
  }
  const toDraw = unique.filter((source) => !svgs.has(source));
  const failures = new Map<string, Error>();
  if (toDraw.length > 0) {
    if (!renderer) throw new BrowserUnavailableError(options.browserPath ? `No browser at ${options.browserPath}` : noBrowserReason());
    const { browserPath: executablePath, key } = renderer;
    let browser: Browser;
    try {
      // Playwright gives the browser an empty profile of its own: nothing from a user's browser is read, nothing is left behind.
      // Loaded only when something is to be drawn: a build whose diagrams are all cached saves ~0.3 s.
      const { chromium } = await import('playwright-core');
      browser = await chromium.launch({ executablePath, headless: true, args: BROWSER_ARGS });
    } catch (error) {
      throw new BrowserUnavailableError(`The browser at ${executablePath} could not be started (${firstLine(error)})`);
    }
    try {
      const queue = toDraw.map((source) => ({ source, id: `structure-${sourceHash(source).slice(0, 12)}` }));
      const pageCount = Math.min(availableParallelism(), 1 + Math.floor((toDraw.length - 1) / DIAGRAMS_PER_EXTRA_PAGE));
      const scripts = [inBrowserScript(), mermaidScript()];
      let drawn = 0;
      let pagesStopped = 0;
      const outcomes: Outcomes = {
        drawn({ source }, svg) {
          writeCachedSvg(cacheDir, source, svg, key);
          svgs.set(source, svg);
          drawn++;
        },
        failed({ source }, error, retry) {
          writeCachedFailure(cacheDir, source, { key, reason: firstLine(error), retry });
          failures.set(source, error);
          if (retry) pagesStopped++;
        },
      };
      await Promise.all(Array.from({ length: pageCount }, () => drawInPages(browser, scripts, queue, outcomes, timeoutMs)));
      // One diagram may stop a page; a page stopping on every one of several says more about the browser than the diagrams.
      if (drawn === 0 && pagesStopped >= 2 && pagesStopped === failures.size) {
        throw new BrowserUnavailableError(`The browser at ${executablePath} could not draw any diagram: its page stopped on each of ${pagesStopped} (${firstLine(failures.values().next().value)})`);
      }
    } finally {
      await browser.close();
    }
  }
  if (failures.size > 0) throw new DiagramRenderError(toDraw.filter((source) => failures.has(source)).map((source) => ({ source, error: failures.get(source)! })));
  return new Map(unique.map((source) => [source, svgs.get(source)!]));
}
