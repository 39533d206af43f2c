/**
 * Every built page, whatever its kind, is valid HTML and every reference in
 * the output leads somewhere. The pages are found by walking the output, never
 * listed by hand, so a page type added later falls under the same gates; a
 * route that neither site builds is reported, so it cannot slip past them.
 *
 * Two sites: the example content (diagrams drawn when a browser exists, so
 * inline SVGs are checked too) and the site tests' fixture register (text
 * alternatives only, plus the pages the example lacks: exempt decisions,
 * hostile content, warnings shown as notes).
 */
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkContent } from '../../../src/model/index.ts';
import { BROWSER, buildOrThrow, EXAMPLE_CONTENT, FIXTURE_SITE_CONTENT, listFiles, workFolder } from './helpers/build-site.ts';
import { validateSite } from './helpers/html-validity.ts';
import { checkLinks, type LinkReport } from './helpers/links.ts';
import { siteRoutes } from './helpers/routes.ts';

interface Site {
  name: string;
  content: string;
  diagrams: boolean;
  out: string;
  links?: LinkReport;
}

const work = workFolder('pages');
const sites: Site[] = [
  { name: 'example', content: EXAMPLE_CONTENT, diagrams: BROWSER !== undefined, out: join(work, 'example') },
  { name: 'fixture', content: FIXTURE_SITE_CONTENT, diagrams: false, out: join(work, 'fixture') },
];

beforeAll(() => {
  // One after the other: two Astro builds at once on two cores only slow each other down.
  for (const site of sites) buildOrThrow({ content: site.content, out: site.out, cwd: work, diagrams: site.diagrams });
}, 240_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe.each(sites)('the $name site', (site) => {
  /** The link report, computed once per site and shared by the tests below. */
  const links = async () => (site.links ??= await checkLinks(site.out, checkContent(site.content).site.base_url));

  it('has no html-validate error on any page', async () => {
    const pages = listFiles(site.out).filter((file) => file.endsWith('.html'));
    expect(pages.length).toBeGreaterThan(10);
    expect(await validateSite(site.out)).toEqual([]);
  }, 60_000);

  it('has no internal link, asset, fragment, feed, sitemap or open-data address that leads nowhere', async () => {
    const report = await links();
    expect(report.broken).toEqual([]);
    expect(report.checked).toBeGreaterThan(500);
  }, 60_000);

  it('follows every address in the sitemap, the feeds and the open data, not only links in pages', async () => {
    const { followed } = await links();
    const files = listFiles(site.out);
    const feeds = files.filter((file) => file.endsWith('decisions.xml'));
    expect(feeds.length).toBeGreaterThan(1);
    const locs = readFileSync(join(site.out, 'sitemap.xml'), 'utf8').match(/<loc>/g) ?? [];
    expect(locs.length).toBeGreaterThan(10);
    expect(followed['sitemap.xml']).toBe(locs.length);
    for (const file of [...feeds, 'data/partnerships.json', 'data/decisions.json']) expect(followed[file], file).toBeGreaterThan(0);
  });

  it('publishes the Mermaid source of every structure beside its page, and links it from there', () => {
    const files = new Set(listFiles(site.out));
    const structurePages = [...files].filter((file) => /^partnerships\/[^/]+\/structures\/[^/]+\/index\.html$/.test(file));
    expect(structurePages.length).toBeGreaterThan(0);
    for (const page of structurePages) {
      const mmd = `${page.slice(0, -'/index.html'.length)}.mmd`;
      expect(files.has(mmd), mmd).toBe(true);
      expect(readFileSync(join(site.out, page), 'utf8'), page).toContain(`href="/${mmd}"`);
    }
  });

  it('lists the external links it found (never fetched: there is no network here)', async (context) => {
    const { external } = await links();
    for (const url of external) expect(() => new URL(url), url).not.toThrow();
    await context.annotate(`${external.length} external links:\n${external.join('\n')}`);
  });
});

describe('the sites under test', () => {
  it('build at least one file for every route in src/pages, so no kind of page escapes the gates', () => {
    const built = sites.flatMap((site) => listFiles(site.out));
    const unbuilt = siteRoutes()
      .filter((route) => !built.some((file) => route.pattern.test(file)))
      .map((route) => `src/pages/${route.source}: add content that produces it to content/ or test/site/fixtures/content`);
    expect(unbuilt).toEqual([]);
  });
});
