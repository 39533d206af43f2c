/**
 * The site works wherever base_url puts it (issue 15): built from the site
 * tests' fixture with `base_url: https://www.example.org/register/`, served
 * under /register/ as a GitHub Pages project site or a council's folder would
 * serve it, and crawled over HTTP from its home page. Then the same at the
 * root of a domain.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, join, relative, resolve, sep } from 'node:path';
import { Parser, StaticConfigLoader } from 'html-validate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findBrowser, noBrowserReason } from '../../src/diagrams/browser.ts';
import { ROOT } from '../helpers/fixtures.ts';
import { decodeEntities } from '../quality/static/helpers/links.ts';
import { launchBrowser, reportMissingBrowser } from '../quality/browser/harness/browser.ts';

/** The site's host in base_url; addresses on it are the site's own, whatever path they give. */
const HOST = 'https://www.example.org';

/** A word of the fixture's content that search must find. */
const SEARCH_WORD = 'Chorley';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.xml': 'application/xml',
  '.wasm': 'application/wasm',
  '.csv': 'text/csv; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.mmd': 'text/plain; charset=utf-8',
};

/**
 * Serves a built folder under `prefix` as a static host does: `index.html` for
 * a folder, the site's 404 page with status 404 for a missing address under
 * the prefix, and a bare 404 for anything outside it, which is not the site's.
 */
async function serveUnder(out: string, prefix: string): Promise<{ origin: string; server: Server }> {
  const server = createServer((request, response) => {
    const pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://127.0.0.1').pathname);
    if (!pathname.startsWith(prefix)) return void response.writeHead(404, { 'content-type': 'text/plain' }).end('Not this site.');
    let file = resolve(out, pathname.slice(prefix.length));
    if (relative(out, file).startsWith('..')) return void response.writeHead(403).end();
    try {
      if (statSync(file).isDirectory()) file = join(file, 'index.html');
      response.writeHead(200, { 'content-type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file));
    } catch {
      response.writeHead(404, { 'content-type': CONTENT_TYPES['.html'] }).end(readFileSync(join(out, '404.html')));
    }
  });
  await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
  const address = server.address();
  if (address === null || typeof address !== 'object') throw new Error('The static server has no port.');
  return { origin: `http://127.0.0.1:${address.port}`, server };
}

/**
 * Copies the site tests' fixture with `baseUrl` in its site.yaml and builds it
 * with the build users run. Diagrams are drawn when there is a browser; without
 * one the build is told not to try, and says so.
 */
function buildFixture(work: string, name: string, baseUrl: string): string {
  const content = join(work, `${name}-content`);
  cpSync(join(ROOT, 'test/site/fixtures/content'), content, { recursive: true });
  const site = join(content, 'site.yaml');
  writeFileSync(site, readFileSync(site, 'utf8').replace(/^base_url:.*$/m, `base_url: ${baseUrl}`));
  const out = join(work, `${name}-site`);
  const browser = findBrowser();
  if (!browser) console.warn(`Building the ${name} site without diagrams: ${noBrowserReason()}.`);
  // The working folder is the test's own, so its diagram cache is too.
  const result = spawnSync(process.execPath, [join(ROOT, 'scripts/build.ts'), '--out', out, ...(browser ? [] : ['--no-diagrams'])], {
    cwd: work,
    // Search in shards of 20 pages, as a large site's is, so the shards' addresses are tested too.
    env: { ...process.env, CONTENT_DIR: content, REGISTER_SEARCH_SHARD_PAGES: '20' },
    encoding: 'utf8',
    timeout: 240_000,
  });
  if (result.status !== 0) throw new Error(`The ${name} site did not build (exit ${result.status}):\n${result.stderr}\n${result.stdout}`);
  return out;
}

/** What crawling a site found. */
interface Crawl {
  /** Every address on the site that was fetched, with the status it was answered with. */
  statuses: Map<string, number>;
  /** `from: reference → address` for each reference that leaves the site's path on its own host. */
  outside: string[];
  /** Full addresses on base_url's host (canonical links, JSON-LD, feeds, sitemap, robots.txt, open data), by the file they are in. */
  absolute: Map<string, string[]>;
  /** `@id`s of the pages' JSON-LD. */
  jsonLdIds: string[];
}

/** A parser of HTML that reads a page as browsers do (html-validate's, which the static link checker uses too). */
async function htmlParser(): Promise<Parser> {
  return new Parser(await new StaticConfigLoader({ extends: ['html-validate:recommended'] }).getConfigFor('page.html'));
}

/** Reads an HTML page's references: every href, src, action and srcset candidate, and its JSON-LD's `@id`s and addresses. */
function readPage(parser: Parser, html: string): { references: string[]; jsonLdIds: string[]; jsonLdAddresses: string[] } {
  const references: string[] = [];
  for (const element of parser.parseHtml(html).querySelectorAll('*')) {
    for (const attribute of ['href', 'src', 'action']) {
      const value = element.getAttributeValue(attribute);
      if (value !== null) references.push(decodeEntities(value));
    }
    const srcset = element.getAttributeValue('srcset');
    if (srcset !== null) references.push(...decodeEntities(srcset).split(/,\s+/).map((candidate) => candidate.trim().split(/\s+/)[0]));
  }
  // Parsed and written out again, so the JSON's escapes (`\/`, `\u003c`) do not hide an address.
  const jsonLd = [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].map(([, json]) => JSON.stringify(JSON.parse(json)));
  return {
    references,
    jsonLdIds: jsonLd.flatMap((json) => [...json.matchAll(/"@id":"([^"]*)"/g)].map(([, id]) => id)),
    jsonLdAddresses: jsonLd.flatMap(addressesOnHost),
  };
}

/** The full addresses on base_url's host in a text; a full stop or semicolon after one in prose ends the sentence, not the address. */
function addressesOnHost(text: string): string[] {
  return [...text.matchAll(/https?:\/\/www\.example\.org[^\s"'<>,)\]}]*/g)].map(([address]) => address.replace(/[.;]+$/, ''));
}

/**
 * Crawls a site from the addresses given, following every reference on its own
 * origin or on base_url's host: pages' links, assets and scripts, the modules
 * scripts import, the search index's shards, and the full addresses in feeds,
 * the sitemap, robots.txt and open data. References elsewhere are not fetched.
 */
async function crawl(origin: string, prefix: string, starts: string[]): Promise<Crawl> {
  const parser = await htmlParser();
  const result: Crawl = { statuses: new Map(), outside: [], absolute: new Map(), jsonLdIds: [] };
  const queue = [...starts];
  const follow = (from: string, reference: string) => {
    if (/^(mailto|tel):/i.test(reference) || reference.startsWith('#')) return;
    const url = new URL(reference, origin + from);
    if (url.origin === HOST) result.absolute.set(from, [...(result.absolute.get(from) ?? []), reference]);
    if (url.origin !== origin && url.origin !== HOST) {
      if (!/^https?:$/.test(url.protocol)) result.outside.push(`${from}: ${reference} → not a web address`);
      return;
    }
    if (!url.pathname.startsWith(prefix)) return void result.outside.push(`${from}: ${reference} → ${url.pathname}`);
    if (!result.statuses.has(url.pathname) && !queue.includes(url.pathname)) queue.push(url.pathname);
  };
  for (let path = queue.shift(); path !== undefined; path = queue.shift()) {
    const response = await fetch(origin + path, { redirect: 'manual' });
    result.statuses.set(path, response.status);
    const type = response.headers.get('content-type') ?? '';
    const body = await response.text();
    if (type.startsWith('text/html')) {
      const page = readPage(parser, body);
      result.jsonLdIds.push(...page.jsonLdIds);
      for (const reference of [...page.references, ...page.jsonLdAddresses]) follow(path, reference);
    } else if (type.startsWith('text/javascript') && path.startsWith(`${prefix}_astro/`)) {
      for (const [, reference] of body.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s*)["'`]((?:\.{1,2})?\/[^"'`$]+)["'`]/g)) follow(path, reference);
    } else if (type.startsWith('text/css')) {
      for (const [, , reference] of body.matchAll(/url\(\s*(['"]?)([^'")]+)\1\s*\)/g)) follow(path, reference);
    } else if (path === `${prefix}pagefind/shards.json`) {
      for (const shard of JSON.parse(body) as string[]) follow(path, `${shard}pagefind-entry.json`);
    } else if (/^(application\/(xml|json)|text\/(csv|plain))/.test(type) && !path.startsWith(`${prefix}pagefind/`)) {
      for (const address of addressesOnHost(type.includes('xml') ? decodeEntities(body) : body)) follow(path, address);
    }
  }
  return result;
}

/** Every HTML page the build wrote, by the address it is served at under `prefix` (404.html is served at missing addresses). */
function builtPages(out: string, prefix: string): string[] {
  return readdirSync(out, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.html') && file !== '404.html')
    .map((file) => `${prefix}${file.split(sep).join('/')}`.replace(/(^|\/)index\.html$/, '$1'))
    .sort();
}

const SITES = [
  { name: 'sub-path', where: 'under /register/', baseUrl: `${HOST}/register/`, prefix: '/register/' },
  { name: 'root', where: 'at the root of its domain', baseUrl: HOST, prefix: '/' },
];

let work: string;
beforeAll(() => {
  // Inside the project (the git-ignored .cache/), because Astro's build imports its own output and needs node_modules.
  mkdirSync(join(ROOT, '.cache'), { recursive: true });
  work = mkdtempSync(join(ROOT, '.cache', 'subpath-crawl-'));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe.each(SITES)('the fixture register served $where (base_url: $baseUrl)', ({ name, baseUrl, prefix }) => {
  const missing = `${prefix}no-such-page/at-all/`;
  let out: string;
  let origin: string;
  let server: Server | undefined;
  let found: Crawl;

  beforeAll(async () => {
    out = buildFixture(work, name, baseUrl);
    ({ origin, server } = await serveUnder(out, prefix));
    // Every page the build wrote, whether another page links to it or not, and what only scripts ask for.
    found = await crawl(origin, prefix, [prefix, ...builtPages(out, prefix), `${prefix}robots.txt`, `${prefix}pagefind/pagefind.js`, `${prefix}pagefind/shards.json`, missing]);
  }, 300_000);
  afterAll(async () => {
    await new Promise((done) => server?.close(done));
  });

  it(`serves every page, stylesheet, script, feed and data file it links to ${prefix === '/' ? 'from the root' : `under ${prefix}`}`, () => {
    const broken = [...found.statuses].filter(([path, status]) => status !== 200 && path !== missing).map(([path, status]) => `${path} → ${status}`);
    expect(broken).toEqual([]);
    // The crawl really went through the site: its assets, data, feeds, diagram sources and search shards.
    const fetched = [...found.statuses.keys()];
    for (const kind of [`${prefix}_astro/`, `${prefix}data/`, `${prefix}decisions.xml`, `${prefix}changes.xml`, `${prefix}sitemap.xml`, `${prefix}favicon.svg`, `${prefix}pagefind/shards/`]) {
      expect(fetched.some((path) => path.startsWith(kind)), kind).toBe(true);
    }
    expect(fetched.some((path) => path.endsWith('.mmd')), 'a diagram source').toBe(true);
  });

  it(`has no link that leaves ${prefix}, except to other web sites`, () => {
    expect(found.outside).toEqual([]);
  });

  it(`gives full addresses under ${baseUrl.replace(/\/?$/, '/')} in the sitemap, feeds, robots.txt, open data, canonical links and JSON-LD`, () => {
    const under = `${HOST}${prefix}`;
    const sitemap = found.absolute.get(`${prefix}sitemap.xml`) ?? [];
    expect(sitemap.length).toBeGreaterThan(10);
    expect(found.absolute.get(`${prefix}robots.txt`)).toEqual([`${under}sitemap.xml`]);
    // The register's canonical link.
    expect(found.absolute.get(`${prefix}decisions/`)).toContain(`${under}decisions/`);
    for (const file of [`${prefix}decisions.xml`, `${prefix}data/decisions.json`, `${prefix}data/allocations.csv`, `${prefix}data/seats.csv`]) {
      expect(found.absolute.get(file)?.length ?? 0, file).toBeGreaterThan(0);
    }
    expect([...found.absolute.values()].flat().filter((address) => !address.startsWith(under))).toEqual([]);
    expect(found.jsonLdIds.length).toBeGreaterThan(0);
    expect(found.jsonLdIds.filter((id) => !id.startsWith(under))).toEqual([]);
  });

  it('answers a missing address with the 404 page, whose links all work from there', async () => {
    expect(found.statuses.get(missing)).toBe(404);
    const page = await (await fetch(origin + missing)).text();
    expect(page).toContain('Page not found');
    const links = readPage(await htmlParser(), page).references.filter((reference) => !/^(https?:|mailto:|#)/.test(reference));
    expect(links.length).toBeGreaterThan(3);
    for (const link of links) {
      const url = new URL(link, origin + missing);
      expect(url.pathname.startsWith(prefix), link).toBe(true);
      expect((await fetch(url, { redirect: 'manual' })).status, link).toBe(200);
    }
  });

  const chromium = findBrowser();
  if (!chromium) reportMissingBrowser(`${name} search`);
  else {
    it(`finds a page by a word typed into search, and links to it ${prefix === '/' ? 'from the root' : `under ${prefix}`}`, async () => {
      const browser = await launchBrowser(chromium);
      try {
        const tab = await browser.newPage();
        await tab.goto(`${origin}${prefix}search/`);
        await tab.fill('#search-input', SEARCH_WORD);
        await tab.press('#search-input', 'Enter');
        await tab.locator('#search-results a').first().waitFor({ timeout: 20_000 });
        const hrefs = await tab.locator('#search-results a').evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''));
        expect(hrefs.filter((href) => !href.startsWith(prefix))).toEqual([]);
        // The partnership's page is indexed in a later shard than the first, which the search page merges in:
        // shards take the pages' files in sorted order, 20 at a time.
        const page = `${prefix}partnerships/chorley-partnership/`;
        const files = readdirSync(out, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.html')).map((file) => file.split(sep).join('/')).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
        expect(files.indexOf('partnerships/chorley-partnership/index.html')).toBeGreaterThanOrEqual(20);
        expect(hrefs).toContain(page);
        await tab.locator(`#search-results a[href="${page}"]`).click();
        await tab.waitForURL((url) => url.pathname === page);
        expect(await tab.locator('h1').first().textContent()).toContain(SEARCH_WORD);
      } finally {
        await browser.close();
      }
    }, 60_000);
  }
});
