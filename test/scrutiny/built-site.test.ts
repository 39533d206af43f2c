/**
 * The scrutiny pages in a built site: the site tests' fixture register
 * (test/site/fixtures/content, written for other tests, not for these pages)
 * built as `npm run build` builds it, then `/compare/`, `/changes/`, their
 * filter pages, `/changes.xml` and `/data/seats.csv` read as a reader and a
 * feed reader get them, held to the site's gates: valid HTML, links that
 * resolve, and in a browser axe, the keyboard, 320px and no JavaScript.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findBrowser } from '../../src/diagrams/browser.ts';
import { readGitHistory } from '../../src/history/index.ts';
import { expectValidAtom, parseCsv } from '../exports/helpers.ts';
import { childrenNamed } from '../exports/xml.ts';
import { axeCheck, DESKTOP, keyboardCheck, NARROW, noJavaScriptCheck, reflowCheck } from '../quality/browser/harness/accessibility-gates.ts';
import { checkPages, launchBrowser, reportMissingBrowser } from '../quality/browser/harness/browser.ts';
import { discoverPages, serveSite, type SitePage, type SiteServer } from '../quality/browser/harness/site.ts';
import { validateSite } from '../quality/static/helpers/html-validity.ts';
import { checkLinks } from '../quality/static/helpers/links.ts';
import { FIXTURE_CONTENT } from '../site/helpers/fixture-model.ts';

const root = resolve(import.meta.dirname, '../..');
mkdirSync(join(root, '.cache'), { recursive: true });
const work = mkdtempSync(join(root, '.cache', 'scrutiny-site-'));
const out = join(work, 'site');
const read = (path: string) => readFileSync(join(out, path.endsWith('/') ? `${path}index.html` : path), 'utf8');
/** A page's text as a reader sees it: tags dropped, entities read, spaces collapsed. */
const textOf = (path: string) =>
  read(path).replace(/<script[\s\S]*?<\/script>|<style[\s\S]*?<\/style>/g, ' ').replace(/<[^>]+>/g, ' ')
    .replace(/&#39;|&apos;/g, "'").replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');
/** The new pages' files under the site. */
const isScrutinyFile = (file: string) => /^(compare|changes)\//.test(file);

beforeAll(() => {
  const result = spawnSync(process.execPath, [join(root, 'scripts/build.ts'), '--out', out, '--no-diagrams'], {
    cwd: work,
    env: { ...process.env, CONTENT_DIR: FIXTURE_CONTENT },
    encoding: 'utf8',
    timeout: 180_000,
  });
  if (result.status !== 0) throw new Error(`The fixture site did not build:\n${result.stderr}\n${result.stdout}`);
}, 200_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('/compare/ on a register written for other tests', () => {
  it('shows Chorley’s Board of Directors by seat category, with the stated 25 beside the 22 listed and the note', () => {
    const text = textOf('/compare/');
    expect(text).toContain('Board of Directors , Chorley Partnership Board, in “Structure before 2006 (company limited by guarantee)” 25 members Does not match the seats listed: see the note 22');
    expect(text).toContain('Chorley Partnership : The source document gives the Board of Directors 25 members, but the seats it lists add up to 22.');
  });

  it('shows the Vale Board’s advisory seats apart, and names the partnerships with no board in force to compare', () => {
    const text = textOf('/compare/');
    expect(text).toContain('Vale Board , Vale District Local Strategic Partnership Board, in “Vale structure” 12 members Does not match the seats listed: see the note 8');
    expect(text).toContain('Advisory seats (not voting)');
    expect(text).toContain('2 20% of all seats listed');
    expect(text).toContain('The Executive , Chorley Partnership Executive');
    expect(text).toContain('Not recorded: the structure lists no seats for this body, but names');
    expect(text).toContain('Partnerships not compared Lancaster District Local Strategic Partnership : no structure in force is recorded. Shire Partnership : no structure in force is recorded.');
  });

  it('draws the chart after the table, named and described, and links the CSV', () => {
    const html = read('/compare/');
    expect(html.indexOf('<table')).toBeLessThan(html.indexOf('<svg'));
    expect(html).toMatch(/<svg[^>]*role="img" aria-labelledby="boards-compared-title" aria-describedby="boards-compared-desc"/);
    expect(html).toContain('href="/data/seats.csv"');
  });

  it('has a pre-built page for each kind and tier, linked from the comparison, with only those partnerships', () => {
    expect(read('/compare/')).toContain('href="/compare/tier/county/"');
    const county = textOf('/compare/tier/county/');
    expect(county).toContain('Boards compared: County tier');
    expect(county).toContain('Shire Partnership : no structure in force is recorded.');
    expect(county).not.toContain('Board of Directors');
    expect(textOf('/compare/kind/district-lsp/')).toContain('Board of Directors');
  });
});

describe('/data/seats.csv', () => {
  it('gives the same figures, one row per body and seat line', () => {
    const [header, ...rows] = parseCsv(read('data/seats.csv'));
    expect(header.slice(0, 7)).toEqual(['partnership', 'structure', 'body', 'sector', 'category', 'count', 'voting']);
    const chorley = rows.filter((r) => r[0] === 'chorley-partnership' && r[2] === 'board-of-directors');
    expect(chorley).toHaveLength(14);
    expect(chorley.reduce((sum, r) => sum + Number(r[5]), 0)).toBe(22);
    expect(rows.filter((r) => r[0] === 'vale-lsp').map((r) => r.slice(3, 7).join(','))).toEqual(['Councillors,elected-members,4,true', 'Business,business,4,true', 'Health,health,2,false']);
    expect(rows.filter((r) => r[0] === 'chorley-partnership' && r[2] === 'executive').map((r) => r.slice(3, 7))).toEqual([['', '', '', '']]);
    expect(rows.some((r) => r[0] === 'lancaster-district-lsp')).toBe(false);
  });
});

describe('/changes/', () => {
  it('lists the register’s decisions and structures by month, newest first, and the edits from git', () => {
    const html = read('/changes/');
    const months = [...html.matchAll(/<h2 class="govuk-heading-m" id="changes-(\d{4}-\d{2})">/g)].map((m) => m[1]);
    expect(months).toEqual(expect.arrayContaining(['2012-02', '2011-11', '2007-01', '2006-03']));
    expect(months).toEqual([...months].sort().reverse());
    for (const decision of ['vale-lsp--2012-02-01-pooled-budget', 'lancaster-district-lsp--2011-11-08-partnerships', 'chorley-partnership--2006-03-09-a-way-forward']) {
      expect(html).toContain(`id="change-decision-${decision}"`);
    }
    const text = textOf('/changes/');
    expect(text).toContain('Structure proposed, 9 March 2006');
    // A shallow clone (as CI may make) has no history to list edits from: the page says so instead.
    if (readGitHistory(FIXTURE_CONTENT).available) expect(text).toMatch(/Pages? edited, \d{1,2} \w+ 20\d\d/);
    else expect(text).toContain('so edits to pages are not listed: only decisions and structures, by their dates.');
    expect(read('/changes/')).toContain('href="/changes.xml"');
  });

  it('has a pre-built page for each partnership and year, linked from it', () => {
    expect(read('/changes/')).toContain('href="/changes/partnership/chorley-partnership/"');
    const chorley = textOf('/changes/partnership/chorley-partnership/');
    expect(chorley).toContain('What changed: Chorley Partnership');
    expect(chorley).toContain('Chorley Partnership – a way forward');
    expect(chorley).not.toContain('Pooled budget');
    expect(textOf('/changes/year/2011/')).toContain('Partnerships: the future approach to working in partnership');
  });

  it('is published as an Atom feed that validates', () => {
    const feed = expectValidAtom(read('changes.xml'));
    const titles = childrenNamed(feed, 'entry').map((e) => childrenNamed(e, 'title')[0].text);
    expect(titles).toContain('Decision: Chorley Partnership – a way forward');
    expect(titles).toContain('Structure proposed: Proposed structure (March 2006)');
  });
});

describe('the scrutiny pages’ markup', () => {
  it('is valid HTML on every page', async () => {
    expect(await validateSite(out, isScrutinyFile)).toEqual([]);
  });

  it('links only to pages, anchors and files that exist', async () => {
    const report = await checkLinks(out, 'https://partnerships.example.org');
    expect(report.broken.filter((line) => /^(compare|changes|data\/seats)/.test(line))).toEqual([]);
    expect(Object.keys(report.followed).filter(isScrutinyFile).length).toBeGreaterThan(5);
  });

  it('is in the search index where it should be: /compare/ and /changes/ are, their filter pages are not', () => {
    expect(read('/compare/')).toContain('data-pagefind-body');
    expect(read('/changes/')).toContain('data-pagefind-body');
    expect(read('/compare/tier/county/')).not.toContain('data-pagefind-body');
    expect(read('/changes/year/2011/')).not.toContain('data-pagefind-body');
  });
});

const browserPath = findBrowser();
if (!browserPath) reportMissingBrowser('scrutiny pages');

describe.skipIf(!browserPath)('the scrutiny pages in a browser', () => {
  let server: SiteServer;
  let browser: Browser;
  let pages: SitePage[];
  beforeAll(async () => {
    pages = discoverPages(out).filter((page) => /^\/(compare|changes)\//.test(page.path));
    [server, browser] = await Promise.all([serveSite(out), launchBrowser(browserPath!)]);
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('checks every page: the comparisons and the changes, filtered and not', () => {
    expect(pages.map((p) => p.path)).toEqual(expect.arrayContaining(['/compare/', '/compare/tier/county/', '/changes/', '/changes/year/2011/', '/changes/partnership/vale-lsp/']));
  });

  it('has no problems axe can find against WCAG 2.2 AA, at 1280px and 320px', async () => {
    expect(await checkPages(browser, server.origin, pages, DESKTOP, axeCheck)).toEqual([]);
    expect(await checkPages(browser, server.origin, pages, NARROW, axeCheck)).toEqual([]);
  }, 120_000);

  it('can be used with the keyboard alone, each link and scroll region in order with a visible focus', async () => {
    expect(await checkPages(browser, server.origin, pages, DESKTOP, keyboardCheck)).toEqual([]);
  }, 120_000);

  it('reflows on a 320px screen: no sideways scrolling outside the tables and chart, which the keyboard can scroll', async () => {
    expect(await checkPages(browser, server.origin, pages, NARROW, reflowCheck)).toEqual([]);
  }, 120_000);

  it('shows everything without JavaScript', async () => {
    const withScripts = await browser.newContext(DESKTOP);
    try {
      expect(await checkPages(browser, server.origin, pages, { ...DESKTOP, javaScriptEnabled: false }, noJavaScriptCheck(await withScripts.newPage(), server.origin, 0))).toEqual([]);
    } finally {
      await withScripts.close();
    }
  }, 120_000);
});
