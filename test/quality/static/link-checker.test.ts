/**
 * The gates' own tools, on tiny hand-made sites: a gate that cannot fail
 * proves nothing, so each kind of broken reference is shown to be caught.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkLinks, pageUrl } from './helpers/links.ts';
import { siteRoutes } from './helpers/routes.ts';

const BASE = 'https://register.example.org';
const made: string[] = [];
afterAll(() => made.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** Writes a site from a map of paths to contents and returns its folder. */
function site(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'quality-links-'));
  made.push(dir);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

const page = (body: string, head = '') => `<!doctype html><html lang="en"><head><title>t</title>${head}</head><body>${body}</body></html>`;

describe('the link checker', () => {
  it('passes a site whose every link, asset, fragment and feed address resolves', async () => {
    const dir = site({
      'index.html': page('<a href="/a/">A</a> <a href="a/#top">A top</a> <a href="#here" id="here">here</a> <a href="https://elsewhere.example.com/x">out</a> <a href="mailto:x@example.org">mail</a>', '<link rel="stylesheet" href="/s.css"><script type="module" src="/m.js"></script>'),
      'a/index.html': page('<h1 id="top">A</h1><a href="../">home</a><a href="/data.csv">csv</a><svg><defs><linearGradient id="g"></linearGradient></defs><rect fill="url(#g)"></rect></svg>'),
      '404.html': page('<a href="/">home</a>'),
      's.css': 'body{background:url("/i.svg")}',
      'i.svg': '<svg xmlns="http://www.w3.org/2000/svg"></svg>',
      'm.js': 'import("/n.js");import x from "./n.js";',
      'n.js': '',
      'data.csv': `name,url\nA,${BASE}/a/\n`,
      'sitemap.xml': `<urlset><url><loc>${BASE}/</loc></url><url><loc>${BASE}/a/</loc></url></urlset>`,
    });
    const report = await checkLinks(dir, BASE);
    expect(report.broken).toEqual([]);
    expect(report.external).toEqual(['https://elsewhere.example.com/x']);
    expect(report.checked).toBeGreaterThanOrEqual(12);
  });

  it('reports a missing page, a missing fragment, a folder without its slash and a relative link on the 404 page', async () => {
    const dir = site({
      'index.html': page('<a href="/gone/">gone</a> <a href="/a/#nowhere">frag</a> <a href="/a">no slash</a> <a href="#">empty</a>'),
      'a/index.html': page('<h1 id="top">A</h1>'),
      '404.html': page('<a href="a/">relative</a>'),
    });
    const { broken } = await checkLinks(dir, BASE);
    expect(broken).toEqual([
      expect.stringMatching(/^404\.html:1 a\[href\]: a\/ → a relative link on the 404 page/),
      expect.stringMatching(/^index\.html:1 a\[href\]: \/gone\/ → no page there/),
      expect.stringMatching(/^index\.html:1 a\[href\]: \/a\/#nowhere → a\/index\.html has no element with id "nowhere"/),
      expect.stringMatching(/^index\.html:1 a\[href\]: \/a → a folder without its trailing slash/),
      expect.stringMatching(/^index\.html:1 a\[href\]: # → an empty fragment/),
    ]);
  });

  it('reports a missing stylesheet image, script chunk, SVG gradient and feed or sitemap address', async () => {
    const dir = site({
      'index.html': page('<svg><rect fill="url(#missing)"></rect></svg>', '<script type="module" src="/m.js"></script>'),
      'm.js': 'import("/pagefind/pagefind.js")',
      's.css': 'a{background:url(/missing.png)}',
      'sitemap.xml': `<urlset><url><loc>${BASE}/old-page/</loc></url></urlset>`,
      'feed.xml': `<feed><link href="${BASE}/decisions/x/"/></feed>`,
    });
    const { broken } = await checkLinks(dir, BASE);
    expect(broken).toEqual([
      expect.stringMatching(/^feed\.xml address: .*\/decisions\/x\/ → no page there/),
      expect.stringMatching(/^index\.html:1 url\(\): #missing → index\.html has no element with id "missing"/),
      expect.stringMatching(/^m\.js import: \/pagefind\/pagefind\.js → no file there/),
      expect.stringMatching(/^s\.css url\(\): \/missing\.png → no file there/),
      expect.stringMatching(/^sitemap\.xml address: .*\/old-page\/ → no page there/),
    ]);
  });

  it('knows the address each built file is served at', () => {
    expect(pageUrl('index.html')).toBe('/');
    expect(pageUrl('partnerships/x/index.html')).toBe('/partnerships/x/');
    expect(pageUrl('404.html')).toBe('/404.html');
  });
});

describe('the route list', () => {
  it('turns every kind of page and endpoint into the files the build writes', () => {
    const routes = siteRoutes();
    const match = (source: string, file: string) => routes.find((r) => r.source === source)?.pattern.test(file);
    expect(match('index.astro', 'index.html')).toBe(true);
    expect(match('404.astro', '404.html')).toBe(true);
    expect(match('search.astro', 'search/index.html')).toBe(true);
    expect(match('partnerships/[id]/index.astro', 'partnerships/chorley-partnership/index.html')).toBe(true);
    expect(match('partnerships/[id]/structures/[structure].astro', 'partnerships/a/structures/b/index.html')).toBe(true);
    expect(match('partnerships/[id]/structures/[structure].mmd.ts', 'partnerships/a/structures/b.mmd')).toBe(true);
    expect(match('partnerships/[id]/structures/[structure].mmd.ts', 'partnerships/a/structures/b/index.html')).toBe(false);
    expect(match('data/allocations.csv.ts', 'data/allocations.csv')).toBe(true);
  });
});
