/**
 * Search on a site whose index is written in shards (src/site/search-index.ts):
 * the fixture register built with 10 pages a shard, so its pages are spread over
 * several indexes, and a search still finds a page that only a later shard holds.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findBrowser } from '../../src/diagrams/browser.ts';
import { reportMissingBrowser } from '../quality/browser/harness/browser.ts';
import { serveSite, type SiteServer } from '../quality/browser/harness/site.ts';
import { FIXTURE_CONTENT } from './helpers/fixture-model.ts';

const root = resolve(import.meta.dirname, '../..');
mkdirSync(join(root, '.cache'), { recursive: true });
const work = mkdtempSync(join(root, '.cache', 'search-shards-test-'));
const out = join(work, 'site');
const browserPath = findBrowser();
if (!browserPath) reportMissingBrowser('search');
/** Sorted after the site's first 10 HTML files, so it is in a later shard. */
const LATE_PAGE = '/partnerships/vale-lsp/decisions/2012-02-01-pooled-budget/';

let site: SiteServer | undefined;
let origin: string;

beforeAll(async () => {
  const result = spawnSync(process.execPath, [join(root, 'scripts/build.ts'), '--out', out, '--no-diagrams'], {
    cwd: work,
    env: { ...process.env, CONTENT_DIR: FIXTURE_CONTENT, REGISTER_SEARCH_SHARD_PAGES: '10' },
    encoding: 'utf8',
    timeout: 180_000,
  });
  if (result.status !== 0) throw new Error(`The fixture site did not build:\n${result.stderr}\n${result.stdout}`);
  site = await serveSite(out);
  origin = site.origin;
}, 200_000);

afterAll(async () => {
  await site?.close();
  rmSync(work, { recursive: true, force: true });
});

describe('a search index written in shards', () => {
  it('keeps the first shard at /pagefind/ and lists the others for the search page', () => {
    expect(existsSync(join(out, 'pagefind/pagefind.js'))).toBe(true);
    // The fixture's pages in shards of 10: the first at /pagefind/, the others numbered from 2, in order.
    const shards = JSON.parse(readFileSync(join(out, 'pagefind/shards.json'), 'utf8')) as string[];
    expect(shards.length).toBeGreaterThanOrEqual(3);
    expect(shards).toEqual(shards.map((_, i) => `/pagefind/shards/${i + 2}/`));
    for (const shard of shards) expect(existsSync(join(out, shard, 'pagefind-entry.json')), shard).toBe(true);
  });

  it.skipIf(!browserPath)('finds a page that only a later shard holds', async () => {
    const { chromium } = await import('playwright-core');
    const browser = await chromium.launch({ executablePath: browserPath, args: ['--no-sandbox'] });
    try {
      const tab = await browser.newPage();
      const problems: string[] = [];
      tab.on('console', (message) => { if (message.type() === 'error') problems.push(message.text()); });
      await tab.goto(`${origin}/search/?q=${encodeURIComponent('pooled budget')}`);
      await tab.waitForSelector('#search-results h2');
      const links = await tab.locator('#search-results a').evaluateAll((anchors) => anchors.map((a) => a.getAttribute('href')));
      expect(links).toContain(LATE_PAGE);
      // The first shard alone does not know the page: the search page found it by merging the others.
      // A string, not a function: Vitest would rewrite a function's import() for Node.
      const firstShardOnly = await tab.evaluate<string[]>(`(async () => {
        const first = await import('/pagefind/pagefind.js?first-shard-only');
        const found = await first.search('pooled budget');
        return Promise.all(found.results.map(async (result) => (await result.data()).url));
      })()`);
      expect(firstShardOnly).not.toContain(LATE_PAGE);
      expect(problems).toEqual([]);
    } finally {
      await browser.close();
    }
  }, 60_000);
});
