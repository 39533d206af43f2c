/**
 * Mermaid source → SVG, at build time, with the real Mermaid in a headless
 * browser: playwright-core drives a Chrome, Edge or Chromium already installed.
 * One browser session draws every diagram of a build; SVGs are cached by a hash
 * of their source, so a build whose diagrams have not changed starts no browser.
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import type { MermaidConfig } from 'mermaid';
import type { Page } from 'playwright-core';
import { CACHED_SVG_NAME, readCachedSvg, sourceHash, writeCachedSvg, writeFileAtomically } from './cache.ts';
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

/** Longest a page may take to draw one batch before the build gives up on it and its page. */
const RENDER_TIMEOUT_MS = 30_000;

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

/** No browser was found, or the one found could not be started. */
export class BrowserUnavailableError extends Error {
  override name = 'BrowserUnavailableError';
}

/** Some diagrams could not be drawn; the others were drawn and cached. */
export class DiagramRenderError extends Error {
  override name = 'DiagramRenderError';
  /** The sources that failed, with why. */
  readonly failures: { source: string; error: Error }[];
  constructor(failures: { source: string; error: Error }[]) {
    super(`${failures.length === 1 ? 'A diagram' : `${failures.length} diagrams`} could not be drawn: ${failures.map((f) => f.error.message).join('; ')}`);
    this.failures = failures;
  }
}

/** Where Chrome, Chromium and Edge are usually installed, by platform, most likely first. */
function browserCandidates(platform: NodeJS.Platform, env: NodeJS.ProcessEnv): string[] {
  if (platform === 'darwin') {
    return ['Google Chrome.app/Contents/MacOS/Google Chrome', 'Chromium.app/Contents/MacOS/Chromium', 'Microsoft Edge.app/Contents/MacOS/Microsoft Edge']
      .flatMap((app) => [`/Applications/${app}`, ...(env.HOME ? [`${env.HOME}/Applications/${app}`] : [])]);
  }
  if (platform === 'win32') {
    const roots = [env.LOCALAPPDATA, env.PROGRAMFILES, env['PROGRAMFILES(X86)']].filter((root): root is string => Boolean(root));
    return ['Google\\Chrome\\Application\\chrome.exe', 'Chromium\\Application\\chrome.exe', 'Microsoft\\Edge\\Application\\msedge.exe']
      .flatMap((program) => roots.map((root) => `${root}\\${program}`));
  }
  return [
    '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable',
    '/opt/google/chrome/chrome', '/usr/bin/microsoft-edge', '/usr/bin/microsoft-edge-stable', '/snap/bin/chromium',
  ];
}

/**
 * The browser to draw diagrams with: `CHROMIUM_PATH` when it is set (and only
 * that, so a wrong setting is noticed rather than worked around), otherwise the
 * first Chrome, Chromium or Edge found where they are usually installed.
 * Undefined when there is none.
 */
export function findBrowser(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
  exists: (path: string) => boolean = existsSync,
): string | undefined {
  if (env.CHROMIUM_PATH) return exists(env.CHROMIUM_PATH) ? env.CHROMIUM_PATH : undefined;
  return browserCandidates(platform, env).find(exists);
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

/**
 * What the drawing depends on besides the source: Mermaid's version and how it
 * is loaded, its configuration, the page, the browser's switches and the
 * script that draws and cleans. When any changes, cached SVGs are dropped, so
 * a cache never holds drawings made another way. (How many pages draw at once,
 * and how many diagrams a call, changes nothing drawn.)
 */
function rendererFingerprint(): string {
  const { version } = JSON.parse(readFileSync(nodeRequire.resolve('mermaid/package.json'), 'utf8')) as { version: string };
  return sourceHash(JSON.stringify({
    mermaid: version,
    getConfig: [MERMAID_GET_CONFIG.source, FASTER_GET_CONFIG],
    config: MERMAID_CONFIG,
    page: PAGE_HTML,
    browserArgs: BROWSER_ARGS,
    script: inBrowserScript(),
  }));
}

/**
 * Empties the cache if it holds drawings made by another renderer (see
 * `rendererFingerprint`). Only cached SVGs are removed.
 */
export function refreshCache(cacheDir: string): void {
  const marker = join(cacheDir, 'renderer.txt');
  const fingerprint = rendererFingerprint();
  if (existsSync(marker) && readFileSync(marker, 'utf8') === fingerprint) return;
  mkdirSync(cacheDir, { recursive: true });
  for (const name of readdirSync(cacheDir)) {
    if (CACHED_SVG_NAME.test(name)) rmSync(join(cacheDir, name), { force: true });
  }
  writeFileAtomically(marker, fingerprint);
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

/** Runs a promise with a time limit. */
async function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} took longer than ${ms / 1000} s`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** A diagram to draw: its source, and the prefix of every id in its SVG. */
interface Diagram {
  source: string;
  id: string;
}

/** Readies a page to draw: the page, then in-browser.js (Mermaid's `getConfig` calls it), then Mermaid, configured once. */
async function preparePage(page: Page, scripts: readonly string[]): Promise<void> {
  await page.route('**/*', (route) => route.abort());
  await page.setContent(PAGE_HTML);
  for (const content of scripts) await page.addScriptTag({ content });
  await page.evaluate(`initialiseDiagrams(${JSON.stringify(MERMAID_CONFIG)})`);
}

/**
 * Draws diagrams from the queue in one page, a batch at a time, until the
 * queue is empty, and caches each. A batch that takes too long fails, and the
 * page, which may still be busy with it, is left for the others to finish the queue.
 */
async function drawInPage(page: Page, scripts: readonly string[], queue: Diagram[], cacheDir: string, failures: Map<string, Error>): Promise<void> {
  await preparePage(page, scripts);
  while (queue.length > 0) {
    const batch = queue.splice(0, BATCH_SIZE);
    let results: ({ svg: string } | { error: string })[];
    try {
      results = await withTimeout(page.evaluate(`renderDiagrams(${JSON.stringify(batch)})`), RENDER_TIMEOUT_MS, `Drawing ${batch.map((d) => d.id).join(', ')}`);
    } catch (error) {
      for (const { source } of batch) failures.set(source, error as Error);
      return;
    }
    batch.forEach(({ source }, i) => {
      try {
        const result = results[i]!;
        if ('error' in result) throw new Error(result.error);
        assertSafeSvg(result.svg);
        writeCachedSvg(cacheDir, source, result.svg);
      } catch (error) {
        failures.set(source, error as Error);
      }
    });
  }
}

/**
 * Draws Mermaid sources as SVG, using the cache where it can: sources already
 * cached are read, the rest are drawn in one browser session and cached.
 * No browser is started when everything is cached. With many to draw, several
 * pages draw at once, one a CPU; what each draws does not depend on the others.
 *
 * Each SVG is safe to inline (no script, event handlers, foreignObject or outside
 * links), has `role="img"` with `<title>` and `<desc>` from `accTitle` and
 * `accDescr`, and prefixes its ids with `structure-<hash>`, so diagrams on one
 * page never share ids. The same source always gives the same bytes.
 *
 * @returns each source's SVG
 * @throws BrowserUnavailableError when something must be drawn and no browser can be found or started
 * @throws DiagramRenderError when some diagrams failed (the rest are drawn and cached)
 */
export async function renderMermaidToSvg(sources: readonly string[], options: { cacheDir: string; browserPath?: string }): Promise<Map<string, string>> {
  const { cacheDir } = options;
  refreshCache(cacheDir);
  const unique = [...new Set(sources)];
  const toDraw = unique.filter((source) => readCachedSvg(cacheDir, source) === undefined);
  const failures = new Map<string, Error>();
  if (toDraw.length > 0) {
    const executablePath = options.browserPath ?? findBrowser();
    if (!executablePath) throw new BrowserUnavailableError('No Chrome, Edge or Chromium found. Set CHROMIUM_PATH or install chromium.');
    let browser;
    try {
      // Playwright gives the browser an empty profile of its own: nothing from a user's browser is read, nothing is left behind.
      // Loaded only when something is to be drawn: a build whose diagrams are all cached saves ~0.3 s.
      const { chromium } = await import('playwright-core');
      browser = await chromium.launch({ executablePath, headless: true, args: BROWSER_ARGS });
    } catch (error) {
      throw new BrowserUnavailableError(`The browser at ${executablePath} could not be started (${(error as Error).message.split('\n')[0]})`);
    }
    try {
      const queue = toDraw.map((source) => ({ source, id: `structure-${sourceHash(source).slice(0, 12)}` }));
      const pageCount = Math.min(availableParallelism(), 1 + Math.floor((toDraw.length - 1) / DIAGRAMS_PER_EXTRA_PAGE));
      // A context (a window) for each page: Chromium lowers the priority of a tab behind another in the same window.
      const pages = await Promise.all(Array.from({ length: pageCount }, async () => (await browser.newContext({ offline: true })).newPage()));
      const scripts = [inBrowserScript(), mermaidScript()];
      await Promise.all(pages.map((page) => drawInPage(page, scripts, queue, cacheDir, failures)));
      const stuck = new Error('Not drawn: every page of the browser stopped responding.');
      for (const { source } of queue) failures.set(source, stuck);
    } finally {
      await browser.close();
    }
  }
  if (failures.size > 0) throw new DiagramRenderError(toDraw.filter((source) => failures.has(source)).map((source) => ({ source, error: failures.get(source)! })));
  return new Map(unique.map((source) => [source, readCachedSvg(cacheDir, source)!]));
}
