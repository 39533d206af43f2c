/**
 * Every gate, on one site: the tests a site's test file gets by calling
 * `describeSiteGates`. The site is built once (beforeAll), served, and its
 * pages discovered from the files; the gates run on a sample of every page
 * type, or on every page of a small site.
 */
import { readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeCheck, DESKTOP, keyboardCheck, NARROW, noJavaScriptCheck, reflowCheck, ZOOM_200 } from './accessibility-gates.ts';
import { checkPages, chromiumPath, launchBrowser, reportMissingBrowser, typesOf, type PageCheck, type Problems } from './browser.ts';
import { crawlPages, injectedMarkupCheck, policyProblems, readPagePolicy } from './security-gates.ts';
import { buildSite, discoverPages, samplePages, serveSite, type BuiltSite, type SitePage, type SiteServer } from './site.ts';

/** How a site is checked. */
export interface SiteGateOptions {
  /** Run every gate on every page (a small fixture site) rather than on a sample of each type. */
  everyPage: boolean;
  /** Page types the site must have, so a build that lost a kind of page fails here. */
  expectTypes: string[];
}

/** A built, served site and the browser its gates share. */
export interface SiteUnderTest {
  site: BuiltSite;
  server: SiteServer;
  browser: Browser;
  pages: SitePage[];
}

/**
 * Builds and serves a site and starts the browser before the file's tests,
 * and stops them after. The returned object is filled in by beforeAll.
 */
export function useSite(name: string, contentDir: string | ((work: string) => string), browserPath: string): SiteUnderTest {
  const state = {} as SiteUnderTest;
  beforeAll(async () => {
    state.site = buildSite(name, contentDir);
    state.pages = discoverPages(state.site.out);
    [state.server, state.browser] = await Promise.all([serveSite(state.site.out), launchBrowser(browserPath)]);
  }, 240_000);
  afterAll(async () => {
    await state.browser?.close();
    await state.server?.close();
    state.site?.remove();
  });
  return state;
}

/** Runs a check on pages and expects no problems, listing every one when there are. */
async function expectNoProblems(problems: Promise<Problems>): Promise<void> {
  expect(await problems).toEqual([]);
}

/** Something only a script can do on the page, done as a user would, so the policy is tested on the scripts at work. */
const useScripts: PageCheck = async (tab, page) => {
  const text = (selector: string) => tab.evaluate((s) => document.querySelector(s)?.textContent ?? null, selector);
  if (page.type === 'search') {
    const word = await tab.evaluate(() => document.querySelector('main ul a, main ol a')?.textContent?.trim().split(/\s+/)[0] ?? 'partnership');
    await tab.fill('#search-input', word);
    await tab.press('#search-input', 'Enter');
    const found = await tab.waitForSelector('#search-results li', { timeout: 10_000 }).then(() => true, () => false);
    return found ? [] : [`searching for "${word}" shows no results (status: "${await text('#search-status')}")`];
  }
  if (page.type === 'register') {
    const select = await tab.$('#register-filter select');
    if (!select) return ['the register has no filter to use'];
    const before = await text('#register-count');
    const value = await select.evaluate((el: HTMLSelectElement) => [...el.options].find((option) => option.value)?.value ?? '');
    await select.selectOption(value);
    const after = await text('#register-count');
    return after && after !== before ? [] : [`choosing "${value}" in the filter does not change "${before}"`];
  }
  return [];
};

/** The gates, as tests, on one site. */
export function describeSiteGates(name: string, contentDir: string | ((work: string) => string), options: SiteGateOptions): void {
  const browserPath = chromiumPath();
  if (!browserPath) {
    reportMissingBrowser(name);
    return;
  }
  describe(`the ${name} in a browser`, () => {
    const under = useSite(name.replace(/\W+/g, '-'), contentDir, browserPath);
    const checked = () => (options.everyPage ? under.pages : samplePages(under.pages));
    const run = (context: Parameters<typeof checkPages>[3], check: PageCheck) => checkPages(under.browser, under.server.origin, checked(), context, check);

    it('has pages of every type it should, and the gates check each type', () => {
      const types = typesOf(under.pages);
      for (const type of options.expectTypes) expect(types, `a ${type} page`).toContain(type);
      expect(typesOf(checked())).toEqual(types);
    });

    it('has no problems axe can find against WCAG 2.2 AA', () => expectNoProblems(run(DESKTOP, axeCheck)), 120_000);

    it('can be used with the keyboard alone: every link and control in reading order, each with a visible focus', () =>
      expectNoProblems(run(DESKTOP, keyboardCheck)), 120_000);

    it('shows all its content without JavaScript, and the register lists every decision', async () => {
      const withScripts = await under.browser.newContext(DESKTOP);
      try {
        const decisions = under.pages.filter((page) => page.type === 'decision').length;
        await expectNoProblems(run({ ...DESKTOP, javaScriptEnabled: false }, noJavaScriptCheck(await withScripts.newPage(), under.server.origin, decisions)));
      } finally {
        await withScripts.close();
      }
    }, 120_000);

    it('reflows on a 320px screen, with and without JavaScript: nothing lost, no sideways scrolling outside diagrams and tables', async () => {
      await expectNoProblems(run(NARROW, reflowCheck));
      await expectNoProblems(run({ ...NARROW, javaScriptEnabled: false }, reflowCheck));
    }, 120_000);

    it('reflows at 200% zoom: nothing lost, no sideways scrolling outside diagrams and tables', () => expectNoProblems(run(ZOOM_200, reflowCheck)), 120_000);

    it('carries a Content Security Policy on every page that allows no inline or foreign scripts', () => {
      const problems = under.pages.flatMap((page) => {
        const { count, policy, before } = readPagePolicy(readFileSync(page.file, 'utf8'));
        if (count !== 1) return [`${page.path}: ${count} policies`];
        return [...policyProblems(policy), ...before.map((tag) => `${tag} comes before the policy`)].map((problem) => `${page.path}: ${problem}`);
      });
      expect(problems).toEqual([]);
    });

    it('reports no policy violations, console errors or failed requests on any page, with search and the register filter in use', async () => {
      expect(await crawlPages(under.browser, under.server.origin, under.pages, DESKTOP, useScripts)).toEqual([]);
    }, 120_000);

    it('blocks a script injected into a page, and the crawl hears of it', async () => {
      const problems = await crawlPages(under.browser, under.server.origin, under.pages.slice(0, 1), DESKTOP, async (tab) => {
        const ran = await tab.evaluate(() => {
          const script = document.createElement('script');
          script.textContent = 'document.body.dataset.injected = "ran"';
          document.body.append(script);
          return document.body.dataset.injected === 'ran';
        });
        return ran ? ['the injected script ran'] : [];
      });
      expect(problems.some((problem) => /violation: script-src(-elem)? blocked inline/.test(problem)), problems.join('\n')).toBe(true);
      expect(problems).not.toContain('the injected script ran');
    });

    it('holds no markup but its own: no event handlers, script links, frames or foreign scripts', () => expectNoProblems(run(DESKTOP, injectedMarkupCheck)), 60_000);
  });
}
