/**
 * Every address the register writes is under the path the site is served at,
 * and full addresses carry that path once. The modules read the path when they
 * load, as Vite writes it into them, so each test loads them afresh with the
 * path set as astro.config.mjs sets it (`__REGISTER_BASE_PATH__`).
 */
import { afterEach, describe, expect, it, vi } from 'vitest';

const SLOT = '__REGISTER_BASE_PATH__';
type Slot = { [SLOT]?: string };

/** urls.ts and the modules that build on it, loaded as in a site whose base path is `basePath`. */
async function modulesUnder(basePath: string) {
  (globalThis as Slot)[SLOT] = basePath;
  vi.resetModules();
  return {
    urls: await import('../../src/site/urls.ts'),
    scrutiny: await import('../../src/site/scrutiny/urls.ts'),
    filter: await import('../../src/site/register-filter.ts'),
    links: await import('../../src/exports/site-links.ts'),
    sitemap: await import('../../src/exports/sitemap.ts'),
    atom: await import('../../src/exports/atom.ts'),
  };
}

afterEach(() => {
  delete (globalThis as Slot)[SLOT];
  vi.resetModules();
});

describe('addresses under /register/', () => {
  it('puts every page, feed, data file and asset the register links to under /register/', async () => {
    const { urls, scrutiny, filter, atom } = await modulesUnder('/register/');
    const addresses = [
      urls.HOME_URL, urls.PARTNERSHIPS_URL, urls.REGISTER_URL, urls.SEARCH_URL, urls.ACCESSIBILITY_URL, urls.FEED_URL, urls.DATA_URL,
      urls.GUIDE_URL, urls.SITEMAP_URL, urls.FAVICON_URL, urls.dataFileUrl('decisions.json'), urls.siteUrl('/compare/'),
      urls.partnershipUrl('vale-lsp'), urls.structureUrl('vale-lsp', 'current'), urls.mermaidUrl('vale-lsp', 'current'),
      urls.decisionUrl('vale-lsp', '2012-02-01-pooled-budget'), urls.chapterUrl('vale-lsp', 'scs-2011'), urls.strategyUrl('shire-partnership', 'scs-2011'),
      scrutiny.COMPARE_URL, scrutiny.SEATS_CSV_URL, scrutiny.CHANGES_URL, scrutiny.CHANGES_FEED_URL, scrutiny.compareFilterUrl('tier', 'district'),
      scrutiny.changesFilterUrl('year', '2011'), filter.filterPageUrl('year', '2011'), atom.partnershipFeedUrl('vale-lsp'),
    ];
    expect(addresses.filter((address) => !address.startsWith('/register/'))).toEqual([]);
    expect(urls.HOME_URL).toBe('/register/');
    expect(urls.decisionUrl('vale-lsp', '2012-02-01-pooled-budget')).toBe('/register/partnerships/vale-lsp/decisions/2012-02-01-pooled-budget/');
    expect(atom.partnershipFeedUrl('vale-lsp')).toBe('/register/partnerships/vale-lsp/decisions.xml');
  });

  it('gives full addresses with /register/ once, on the host base_url names', async () => {
    const { urls, links } = await modulesUnder('/register/');
    const site = { base_url: 'https://www.example.org/register/' };
    expect(links.absoluteUrl(site, urls.REGISTER_URL)).toBe('https://www.example.org/register/decisions/');
    expect(links.absoluteUrl(site, urls.HOME_URL)).toBe('https://www.example.org/register/');
    expect(links.absoluteUrl({ base_url: 'https://www.example.org/register' }, urls.HOME_URL)).toBe('https://www.example.org/register/');
  });

  it('points robots.txt at the sitemap under /register/', async () => {
    const { sitemap } = await modulesUnder('/register/');
    expect(sitemap.robotsTxt({ base_url: 'https://www.example.org/register/' } as Parameters<typeof sitemap.robotsTxt>[0])).toContain(
      'Sitemap: https://www.example.org/register/sitemap.xml\n',
    );
  });

  it('leaves a council folder named like a page of the register (/partnerships/) as the start of every address', async () => {
    const { urls, links } = await modulesUnder('/partnerships/');
    expect(urls.PARTNERSHIPS_URL).toBe('/partnerships/partnerships/');
    expect(links.absoluteUrl({ base_url: 'https://www.council.gov.uk/partnerships/' }, urls.partnershipUrl('vale-lsp'))).toBe(
      'https://www.council.gov.uk/partnerships/partnerships/vale-lsp/',
    );
  });
});

describe('addresses at the root', () => {
  it('starts every address at / when no base path is set, as scripts run by Node alone and the tests see them', async () => {
    const urls = await import('../../src/site/urls.ts');
    const links = await import('../../src/exports/site-links.ts');
    expect(urls.HOME_URL).toBe('/');
    expect(urls.partnershipUrl('vale-lsp')).toBe('/partnerships/vale-lsp/');
    expect(links.absoluteUrl({ base_url: 'https://partnerships.example.org' }, urls.REGISTER_URL)).toBe('https://partnerships.example.org/decisions/');
  });
});
