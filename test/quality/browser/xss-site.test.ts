/**
 * The XSS gates: a register whose every text field and Markdown body carries
 * the XSS corpus (fixtures/xss), built like any other. In the browser nothing
 * from it runs, with the Content Security Policy on and with it off (so
 * escaping alone is proven, not just the policy); every payload is shown as
 * the text the officer wrote; and no payload survives as markup in any file.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DESKTOP } from './harness/accessibility-gates.ts';
import { checkPages, chromiumPath, reportMissingBrowser, type PageCheck } from './harness/browser.ts';
import { crawlPages, injectedMarkupCheck, policyProblems, readPagePolicy } from './harness/security-gates.ts';
import type { SitePage } from './harness/site.ts';
import { useSite } from './harness/suite.ts';
import { writeXssContent } from './fixtures/xss/content.ts';
import { TEXT_PAYLOADS } from './fixtures/xss/payloads.ts';

const browserPath = chromiumPath();
if (!browserPath) reportMissingBrowser('XSS');

const squash = (text: string) => text.replace(/\s+/g, ' ').trim();

/** Waits until the search page has answered (results, or a message saying there are none). */
async function searchAnswered(tab: Page): Promise<void> {
  await tab.waitForFunction(() => {
    const status = document.querySelector('#search-status')?.textContent ?? '';
    return status !== 'Searching…' && (document.querySelector('#search-results h2') !== null || status !== '');
  }, undefined, { timeout: 10_000 });
}

describe.skipIf(!browserPath)('the XSS fixture register in a browser', () => {
  const under = useSite('xss', (work) => writeXssContent(join(work, 'content')), browserPath!);

  /**
   * The crawl: every page, then addresses a visitor could be sent to with a
   * payload in them (search words, register filters), checked for anything
   * run, reported, navigated or injected.
   */
  async function crawl(bypassCSP: boolean): Promise<string[]> {
    const reflected: SitePage[] = [
      ...TEXT_PAYLOADS.map((payload) => ({ path: `/search/?q=${encodeURIComponent(payload.text)}`, type: 'search for a payload', file: '', bytes: 0 })),
      { path: '/search/?q=onerror', type: 'search results quoting payloads', file: '', bytes: 0 },
      { path: `/decisions/?partnership=${encodeURIComponent(TEXT_PAYLOADS[0].text)}&year=${encodeURIComponent(TEXT_PAYLOADS[4].text)}`, type: 'register filtered by a payload', file: '', bytes: 0 },
    ];
    const act: PageCheck = async (tab, page, context) => {
      if (page.type.startsWith('search ')) await searchAnswered(tab);
      // Handlers that need a person (hover, focus) get one on every element a payload might have reached.
      await tab.evaluate(() => {
        for (const el of document.querySelectorAll('main *, header *, footer *')) {
          for (const type of ['mouseover', 'focus', 'toggle']) el.dispatchEvent(new Event(type, { bubbles: false }));
        }
      });
      const quoted = page.type === 'search results quoting payloads' && (await tab.$$('#search-results li')).length === 0 ? ['no results, so no excerpt quoting a payload was shown'] : [];
      const moved = new URL(tab.url()).pathname !== new URL(under.server.origin + page.path).pathname ? [`the page went to ${tab.url()}`] : [];
      return [...quoted, ...moved, ...(await injectedMarkupCheck(tab, page, context))];
    };
    return crawlPages(under.browser, under.server.origin, [...under.pages, ...reflected], { ...DESKTOP, bypassCSP }, act);
  }

  it('runs nothing from any payload with the Content Security Policy on: no dialog, violation, console error or injected markup', async () => {
    expect(await crawl(false)).toEqual([]);
  }, 120_000);

  it('runs nothing from any payload with the Content Security Policy off, so escaping alone keeps every payload inert', async () => {
    expect(await crawl(true)).toEqual([]);
  }, 120_000);

  it('shows every text payload as the text the officer wrote', async () => {
    const shown = new Set<string>();
    const problems = await checkPages(under.browser, under.server.origin, under.pages, DESKTOP, async (tab) => {
      const text = squash(await tab.evaluate(() => `${document.title} ${document.body.innerText}`));
      for (const payload of TEXT_PAYLOADS) if (text.includes(squash(payload.text))) shown.add(payload.id);
      return [];
    });
    expect(problems).toEqual([]);
    expect(TEXT_PAYLOADS.map((payload) => payload.id).filter((id) => !shown.has(id))).toEqual([]);
  }, 60_000);

  it('draws every structure diagram with the payloads in its labels, as text', async () => {
    let drawn = '';
    const problems = await checkPages(under.browser, under.server.origin, under.pages.filter((page) => page.type === 'structure'), DESKTOP, async (tab) => {
      const text = await tab.evaluate(() => [...document.querySelectorAll('.app-diagram__canvas svg')].map((svg) => svg.textContent).join(' '));
      drawn += text;
      return text ? [] : ['the diagram is not drawn, so Mermaid never saw the payloads'];
    });
    expect(problems).toEqual([]);
    const markers = TEXT_PAYLOADS.flatMap((payload) => payload.text.match(/xss:[a-z-]+/g) ?? []);
    expect(markers.filter((marker) => !drawn.includes(marker))).toEqual([]);
  }, 60_000);

  it('writes no payload into any page as markup, and keeps the policy on every page', () => {
    const problems = under.pages.flatMap((page) => {
      const html = readFileSync(page.file, 'utf8');
      // Text quoted in an attribute value is not markup.
      const markup = html.replace(/="[^"]*"/g, '=""');
      const raw = TEXT_PAYLOADS.filter((payload) => payload.text.includes('<') && markup.includes(payload.text)).map((payload) => `payload ${payload.id} is written as markup`);
      const { count, policy } = readPagePolicy(html);
      return [...raw, ...(count === 1 ? policyProblems(policy) : [`${count} policies`])].map((problem) => `${page.path}: ${problem}`);
    });
    expect(problems).toEqual([]);
  });
});
