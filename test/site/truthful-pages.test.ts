/**
 * The example site, read as a scrutiny member would with the source documents
 * in hand: it states what its sources say and nothing more. Each assertion is
 * one of the defects found on the site before (issue 12), checked on the
 * built pages, so none can come back unseen.
 */
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOrThrow, EXAMPLE_CONTENT, workFolder } from '../quality/static/helpers/build-site.ts';

const work = workFolder('truthful-pages-');
const out = join(work, 'site');
const page = (path: string) => readFileSync(join(out, path, 'index.html'), 'utf8');
/** A page's text as a reader sees it: tags dropped, spaces folded. */
const text = (path: string) => page(path).replace(/<[^>]+>/g, ' ').replace(/&#39;/g, "'").replace(/&amp;/g, '&').replace(/\s+/g, ' ');
/** The value beside a key in a page's summary lists. */
const row = (path: string, key: string) => {
  const match = new RegExp(`<dt class="govuk-summary-list__key">${key}</dt>\\s*<dd class="govuk-summary-list__value">([\\s\\S]*?)</dd>`).exec(page(path));
  return match ? match[1].replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim() : undefined;
};

function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return htmlFiles(path);
    return path.endsWith('.html') ? [path] : [];
  });
}

beforeAll(() => {
  buildOrThrow({ content: EXAMPLE_CONTENT, out, cwd: work });
}, 240_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

const DECISIONS = {
  calderdale: 'partnerships/calderdale-forward/decisions/2010-01-12-future-of-lsp-support/',
  chorleyResponse: 'partnerships/chorley-partnership/decisions/2006-03-02-lsps-shaping-their-future-response/',
  chorleyWayForward: 'partnerships/chorley-partnership/decisions/2006-03-09-a-way-forward/',
  lancaster: 'partnerships/lancaster-district-lsp/decisions/2011-11-08-partnerships/',
  worcestershire: 'partnerships/worcestershire-partnership/decisions/2011-future-of-district-lsps/',
};

describe('what the example site no longer says', () => {
  it('never says "Key decision: No" where the source does not say; Lancaster\'s is a key decision', () => {
    for (const path of [DECISIONS.calderdale, DECISIONS.chorleyResponse, DECISIONS.chorleyWayForward, DECISIONS.worcestershire]) {
      expect(row(path, 'Key decision'), path).toBe('Not recorded');
    }
    expect(row(DECISIONS.lancaster, 'Key decision')).toBe('Yes');
  });

  it('never says a body reports to no other body unless the source puts it at the top', () => {
    for (const file of htmlFiles(out)) {
      const html = readFileSync(file, 'utf8');
      expect(html, file).not.toContain('No other body in this structure');
      expect(html, file).not.toContain('reported to no other body');
    }
    expect(text('partnerships/chorley-partnership/structures/pre-2006/')).toMatch(/Reports to Not recorded/);
  });

  it('never says in a diagram\'s description that a body without `reports_to` is at the top', () => {
    const before = text('partnerships/chorley-partnership/structures/pre-2006/');
    expect(before).toContain('Structure diagram of 4 bodies with no reporting lines and no other links. The reporting lines of Board of Directors, The Executive, Thematic/Task Groups and 1 other are not recorded.');
    expect(before).not.toMatch(/at the top|none reporting to another/);
    expect(text('partnerships/chorley-partnership/structures/2006-proposed/'))
      .toContain('LSP Board is at the top. The reporting line of Public Service Board is not recorded.');
  });

  it('shows Calderdale\'s pooled budget without allocated or remaining figures, since the report lists no allocations', () => {
    const calderdale = text(DECISIONS.calderdale);
    expect(calderdale).not.toMatch(/Total allocated|Remaining £|£0\.00/);
    expect(calderdale).toContain('Allocations from this fund are not recorded.');
    expect(text('decisions/')).not.toContain('£147,000.00 a year available');
  });

  it('attributes Lancaster\'s allocations to the LSP, gives Cabinet\'s own sums as the amount, and keeps the report\'s rounding as a note', () => {
    const lancaster = text(DECISIONS.lancaster);
    expect(lancaster).toMatch(/These allocations were made by Lancaster District Local Strategic Partnership/);
    expect(lancaster).toContain('This decision is asked to allocate £27,535.40 revenue and £89,910.60 capital.');
    expect(lancaster).toMatch(/£27,535 .*£89,910|£647\.5K/);
    const register = text('decisions/');
    expect(register).toContain('£117,446.00 asked for; outcome not recorded');
    // Words beside the figure read as text, so that cell is not right-aligned as a number.
    expect(page('decisions/')).toMatch(/<td class="govuk-table__cell">£117,446\.00 asked for; outcome not recorded<\/td>/);
    expect(register).not.toContain('£530,000.00');
  });

  it('keeps hedged figures hedged: "around 6" and "at least 4" meetings, not 6 and 4', () => {
    const proposed = text('partnerships/chorley-partnership/structures/2006-proposed/');
    expect(proposed).toMatch(/Meets around 6 times a year/);
    expect(proposed).toMatch(/Meets at least 4 times a year/);
  });

  it('gives no strategy period the document does not state', () => {
    expect(row('partnerships/worcestershire-partnership/strategies/scs-2011/', 'Period')).toBe('Not recorded');
  });

  it('shows a partnership\'s status with when it was last known, and "reviewed" as the day an officer checked the page', () => {
    const chorley = 'partnerships/chorley-partnership/';
    // The tag and the words after it are separate elements, which `row` parts with a space.
    expect(row(chorley, 'Status')).toMatch(/^Active ?, (as at|as described in) .*(2006|2005)/);
    expect(row(chorley, 'Page last checked by an officer')).toBeDefined();
    expect(page(chorley)).not.toContain('>Last reviewed<');
  });
});

describe('facts no source states, and arrangements as the sources describe them', () => {
  it('claims no statutory status, parent, tier or short name that no source gives', () => {
    for (const path of ['partnerships/chorley-partnership/structures/2006-proposed/', 'partnerships/chorley-partnership/structures/pre-2006/']) {
      expect(page(path), path).not.toContain('Statutory partnership');
    }
    expect(row('partnerships/lancaster-district-lsp/', 'Part of')).toBe('No wider partnership recorded');
    expect(text('partnerships/lancashire-partnership/')).not.toContain('Lancaster District');
    expect(row('partnerships/calderdale-forward/', 'Tier')).toBe('Not recorded');
    expect(row('partnerships/worcester-lsp/', 'Also known as')).toBeUndefined();
  });

  it('says the secondees\' contracts come to an end, as the report does, not that they ended', () => {
    const calderdale = text(DECISIONS.calderdale);
    expect(calderdale).toContain('come to an end');
    expect(calderdale).not.toMatch(/contracts (had )?ended/);
  });

  it('titles Chorley\'s arrangements the 2006 report calls current as current then, and shows the report\'s own discrepancies', () => {
    const current = text('partnerships/chorley-partnership/structures/pre-2006/');
    expect(current).toContain('Current arrangements (as described in March 2006)');
    expect(current).not.toMatch(/Structure before 2006|Until 2006/);
    const proposed = text('partnerships/chorley-partnership/structures/2006-proposed/');
    expect(proposed).toMatch(/44/);
    expect(proposed).toMatch(/18/);
    expect(proposed).toMatch(/five Sub-Groups/);
  });

  it('exports Lancaster\'s LSP allocations to 360Giving only with their own maker and date, which no source gives', () => {
    const grants = JSON.parse(readFileSync(join(out, 'data/grants-360giving.json'), 'utf8')) as { grants: { title: string; awardDate: string; fundingOrganization: { name: string }[] }[] };
    expect(grants.grants.map((g) => g.title).join(' ')).not.toContain('Warm Homes');
    for (const grant of grants.grants) expect(grant.fundingOrganization.map((o) => o.name).join(), grant.title).not.toBe('Lancaster City Council');
  });
});

describe('sources and citations on the example site', () => {
  const factPages = () =>
    htmlFiles(join(out, 'partnerships')).filter((file) => /partnerships\/[^/]+\/(index\.html|(structures|decisions|chapters|strategies)\/[^/]+\/index\.html)$/.test(file));

  it('ends every page that states facts with a Sources list', () => {
    const pages = factPages();
    expect(pages.length).toBeGreaterThan(15);
    for (const file of pages) {
      const html = readFileSync(file, 'utf8');
      if (html.includes('Exempt from publication')) continue;
      expect(html, file).toMatch(/<h2 class="govuk-heading-l" id="sources">Sources<\/h2>\s*<ol/);
    }
  });

  it('links each citation to an entry on the same page, which links back, with the source named for screen readers', () => {
    let citations = 0;
    for (const file of factPages()) {
      const html = readFileSync(file, 'utf8');
      const ids = new Set([...html.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]));
      for (const [, id, target, label] of html.matchAll(/<a class="govuk-link" id="(cite-[^"]+)" href="#(source-\d+)">.*?<span class="govuk-visually-hidden">([^<]*)<\/span><\/a>/g)) {
        citations++;
        expect(ids.has(target), `${file}: ${id} → ${target}`).toBe(true);
        expect(label, file).toMatch(/^source \d+: \S/);
        expect(html, `${file}: no way back to ${id}`).toContain(`href="#${id}"`);
      }
    }
    expect(citations).toBeGreaterThan(20);
  });

  it('cites the paragraphs of Chorley\'s report for its Board of Directors', () => {
    expect(page('partnerships/chorley-partnership/structures/pre-2006/')).toMatch(/source 1: Chorley Partnership – a way forward, paras? \d+/);
  });
});
