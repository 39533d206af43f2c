/**
 * The register, search and feeds as a resident uses them, in a browser, on
 * the site tests' fixture register (Chorley, Lancaster and Vale decisions):
 * filter counts that respect the other filters, one set of filter controls at
 * a time, Back undoing one filter, search excerpts that read as the page does,
 * and the feeds' stylesheet turning a feed into a readable page.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { chromiumPath, reportMissingBrowser } from '../quality/browser/harness/browser.ts';
import { ROOT } from '../quality/browser/harness/site.ts';
import { useSite } from '../quality/browser/harness/suite.ts';

const browserPath = chromiumPath();
if (!browserPath) reportMissingBrowser('register and search');

describe.skipIf(!browserPath)('the register, search and feeds in a browser', () => {
  const under = useSite('officer-register', join(ROOT, 'test/site/fixtures/content'), browserPath!);
  const tabs: Page[] = [];
  afterEach(async () => {
    for (const tab of tabs.splice(0)) await tab.context().close();
  });

  async function open(path: string, javaScriptEnabled = true): Promise<Page> {
    const context = await under.browser.newContext({ javaScriptEnabled, viewport: { width: 1280, height: 800 } });
    const tab = await context.newPage();
    tabs.push(tab);
    await tab.goto(under.server.origin + path, { waitUntil: 'load' });
    return tab;
  }

  /** An option of a filter as the reader sees it: its text, and whether it can be chosen. */
  const option = (tab: Page, dimension: string, value: string) =>
    tab.$eval(`#filter-${dimension} option[value="${value}"]`, (el: HTMLOptionElement) => ({ text: el.textContent, disabled: el.disabled }));
  const count = (tab: Page) => tab.$eval('#register-count', (el) => el.textContent);
  const visibleRows = (tab: Page) => tab.$$eval('#register-table tbody tr', (rows) => rows.filter((row) => !(row as HTMLElement).hidden).length);

  it('counts each filter option with the other filters as chosen, so no option promises decisions it would not show', async () => {
    const tab = await open('/decisions/');
    expect(await option(tab, 'kind', 'funding')).toEqual({ text: 'Funding (1)', disabled: false });
    await tab.selectOption('#filter-partnership', 'chorley-partnership');
    // Chorley's funding decision is exempt: its kind is not published, so choosing Funding would show nothing.
    expect(await option(tab, 'kind', 'funding')).toEqual({ text: 'Funding (0)', disabled: true });
    expect(await option(tab, 'kind', 'structure')).toEqual({ text: 'Structure (1)', disabled: false });
    await tab.selectOption('#filter-kind', 'structure');
    expect(await visibleRows(tab)).toBe(1);
    expect(await count(tab)).toBe('Showing 1 decision of 4');
  });

  it('shows one set of filter controls: the form with JavaScript, the links without', async () => {
    const withScripts = await open('/decisions/');
    expect(await withScripts.isVisible('#register-filter')).toBe(true);
    expect(await withScripts.isVisible('#register-filter-links')).toBe(false);
    const without = await open('/decisions/', false);
    expect(await without.isVisible('#register-filter')).toBe(false);
    expect(await without.isVisible('#register-filter-links')).toBe(true);
  });

  it('keeps each filter in the address and the history, so Back undoes one filter at a time', async () => {
    const tab = await open('/decisions/');
    await tab.selectOption('#filter-year', '2011');
    await tab.selectOption('#filter-kind', 'funding');
    expect(new URL(tab.url()).search).toBe('?year=2011&kind=funding');
    await tab.goBack();
    expect(new URL(tab.url()).pathname).toBe('/decisions/');
    expect(new URL(tab.url()).search).toBe('?year=2011');
    expect(await tab.$eval('#filter-kind', (el: HTMLSelectElement) => el.value)).toBe('');
    expect(await count(tab)).toBe('Showing 1 decision of 4');
    await tab.goBack();
    expect(await count(tab)).toBe('Showing all 4 decisions');
    await tab.goForward();
    expect(await tab.$eval('#filter-year', (el: HTMLSelectElement) => el.value)).toBe('2011');
  });

  it('shows search excerpts with words apart and each label apart from its value', async () => {
    const tab = await open('/search/?q=cabinet');
    await tab.waitForSelector('#search-results li', { timeout: 15_000 });
    const excerpts = (await tab.$$eval('#search-results li p', (items) => items.map((item) => item.textContent ?? ''))).join('\n');
    expect(excerpts).toContain('Decision maker: Executive Cabinet');
    expect(excerpts).not.toMatch(/makerExecutive|Date\d|Proposeddate/);
  });

  it('renders a feed with the feeds’ stylesheet as a readable page that says what a feed is, with every entry linked', async () => {
    // The built feed as it is: it names the stylesheet itself (src/exports/atom.ts).
    const feed = readFileSync(join(under.site.out, 'decisions.xml'), 'utf8');
    expect(feed).toContain('<?xml-stylesheet type="text/xsl" href="/feed.xsl"?>');
    const tab = await open('/404.html');
    await tab.route('**/styled-feed.xml', (route) => route.fulfill({ contentType: 'application/xml', body: feed }));
    await tab.goto(`${under.server.origin}/styled-feed.xml`);
    expect(await tab.textContent('h1')).toBe('Decisions: Fixture Partnerships Register');
    expect(await tab.textContent('main')).toContain('What is a feed?');
    const entries = await tab.$$eval('main ol li h3 a', (links) => links.map((link) => (link as HTMLAnchorElement).href));
    expect(entries).toHaveLength(4);
    expect(entries).toContain('https://partnerships.example.org/partnerships/vale-lsp/decisions/2012-02-01-pooled-budget/');
  });
});
