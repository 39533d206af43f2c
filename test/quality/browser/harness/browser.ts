/**
 * The browser the gates run in: the one src/diagrams/browser.ts finds
 * (CHROMIUM_PATH, or an installed Chrome, Chromium or Edge), driven by
 * playwright-core. In CI the gates must run, so a missing browser fails them;
 * on a developer's machine they are skipped with a banner that cannot be missed.
 */
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';
import { it } from 'vitest';
import { findBrowser, INSTALL_BROWSER_ADVICE, noBrowserReason } from '../../../../src/diagrams/browser.ts';
import type { SitePage } from './site.ts';

/** The browser's path, found as the diagram step finds it; undefined when there is none. */
export function chromiumPath(): string | undefined {
  return findBrowser();
}

/** Whether this run is CI's, where skipping a gate would hide a failure. */
export function inCI(): boolean {
  return Boolean(process.env.CI) && process.env.CI !== 'false';
}

/**
 * What a test file does when there is no browser: in CI, a test that fails
 * saying how to fix it; elsewhere, a loud banner and a skipped test in the
 * gates' place. Any test file that needs a browser uses it, with its own name
 * for what did not run.
 */
export function reportMissingBrowser(suite: string): void {
  const why = noBrowserReason();
  const fix = INSTALL_BROWSER_ADVICE;
  if (inCI()) {
    it(`runs the ${suite} gates in a browser`, () => {
      throw new Error(`No browser for the ${suite} gates: ${why}. CI must run them. ${fix}`);
    });
    return;
  }
  const line = '!'.repeat(78);
  console.warn(`\n${line}\n!! SKIPPED: the ${suite} browser gates did not run.\n!! ${why}.\n!! ${fix}\n${line}\n`);
  it.skip(`runs the ${suite} gates in a browser`, () => {});
}

/** Starts the browser: one per test file, shared by every gate in it. */
export function launchBrowser(executablePath: string): Promise<Browser> {
  // Without smooth scrolling, a key press has scrolled by the time the next check looks.
  const args = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-smooth-scrolling'];
  return chromium.launch({ executablePath, args });
}

/** What went wrong on one page, in words that name the page. */
export type Problems = string[];

/** A check run on one loaded page; returns what it found wrong (nothing when the page passes). */
export type PageCheck = (tab: Page, page: SitePage, context: BrowserContext) => Promise<Problems>;

/**
 * Opens each page, in one context made with `options` (and set up by
 * `prepare` before any page opens), and runs the check on it. Problems are
 * prefixed with the page's type and path; a check that throws is a problem
 * too, so one broken page never hides the others.
 */
export async function checkPages(
  browser: Browser,
  origin: string,
  pages: readonly SitePage[],
  options: BrowserContextOptions,
  check: PageCheck,
  prepare?: (context: BrowserContext) => Promise<void>,
): Promise<Problems> {
  const context = await browser.newContext(options);
  const problems: Problems = [];
  try {
    await prepare?.(context);
    const tab = await context.newPage();
    for (const page of pages) {
      const name = page.type === page.path ? page.path : `${page.type} ${page.path}`;
      try {
        const response = await tab.goto(origin + page.path, { waitUntil: 'load' });
        if (!response?.ok()) problems.push(`${name}: the server answered ${response?.status()}`);
        problems.push(...(await check(tab, page, context)).map((problem) => `${name}: ${problem}`));
      } catch (error) {
        problems.push(`${name}: the check failed: ${(error as Error).message.split('\n')[0]}`);
      }
    }
  } finally {
    await context.close();
  }
  return problems;
}

/** The distinct page types among pages, sorted, to show that a gate covered them all. */
export function typesOf(pages: readonly SitePage[]): string[] {
  return [...new Set(pages.map((page) => page.type))].sort();
}
