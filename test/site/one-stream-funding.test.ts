/**
 * Funding tables that record one money stream, or say nothing was allocated,
 * read as a scrutiny member would: the valid fixture's harbour grants (revenue
 * available, one item with capital too) and community chest (capital only,
 * `allocations: []`, no `report`) check clean, and the built pages and open
 * data give "Not recorded" or null for the stream the source does not give,
 * never £0.00, 0 or "None", and never a report the decision does not have.
 */
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkContent, type DecisionModel, type FundingModel } from '../../src/model/index.ts';
import { sumFunding } from '../../src/rules/funding.ts';
import { fundingView } from '../../src/site/funding-view.ts';
import { buildOrThrow, VALID_CONTENT, workFolder } from '../quality/static/helpers/build-site.ts';

const HARBOUR = 'partnerships/harbour-partnership/decisions/';
const GRANTS = `${HARBOUR}2012-03-01-harbour-grants`;
const CHEST = `${HARBOUR}2012-05-04-community-chest`;

const work = workFolder('one-stream-funding-');
const out = join(work, 'site');
/**
 * A page's text as a reader sees it: tags dropped, entities that matter here decoded, spaces folded; without
 * its page history, which quotes commit messages (and those may say anything).
 */
const text = (path: string) => readFileSync(join(out, path, 'index.html'), 'utf8').replace(/<section class="app-page-history"[\s\S]*?<\/section>/, '').replace(/<[^>]+>/g, ' ').replace(/&#39;/g, "'").replace(/\s+/g, ' ');
/** The funding section of a decision page. */
const fundingText = (path: string) => /<section[^>]*aria-labelledby="funding"[\s\S]*?<\/section>/.exec(readFileSync(join(out, path, 'index.html'), 'utf8'))![0].replace(/<[^>]+>/g, ' ').replace(/&#39;/g, "'").replace(/\s+/g, ' ');
const data = (file: string) => readFileSync(join(out, 'data', file), 'utf8');

beforeAll(() => {
  buildOrThrow({ content: VALID_CONTENT, out, cwd: work });
}, 240_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

const model = checkContent(VALID_CONTENT, { today: '2026-11-26' });
const decision = (id: string) => {
  const found = model.decisions.find((d) => d.id === id);
  if (!found?.funding) throw new Error(`fixture decision ${id} with funding is missing`);
  return found as DecisionModel & { funding: FundingModel };
};

describe('a one-stream funding table in the valid fixture', () => {
  it('checks clean: capital allocated from a pot the report does not give is not "more than the £0.00 capital available"', () => {
    expect(model.diagnostics.filter((d) => d.file.includes('/harbour-partnership/decisions/2012-'))).toEqual([]);
  });

  it('shows "Not recorded", never "None" or £0.00, for a figure the source does not give, and works out no remaining from it', () => {
    const page = fundingText(GRANTS);
    expect(page).toContain('Sailing club £2,500.05 Not recorded');
    expect(page).toContain('Lifeguard hut £2,500.05 £300.00');
    expect(page).toContain('Total allocated £5,000.10 £300.00 Available £10,000.10 Not recorded Remaining £5,000.00 Not recorded');
    expect(page).not.toMatch(/£0\.00|\bNone\b|\bnull\b|undefined|NaN/);
  });

  it('has no column for the stream a capital-only table never mentions, and says who made no allocations, and when, as the source it cites says', () => {
    const page = fundingText(CHEST);
    expect(page).toContain('Item Capital “Community Chest Panel minutes, 28 April 2012” says nothing was allocated.');
    expect(page).not.toMatch(/Revenue|\bNone\b/);
    expect(page).toContain('“Community Chest Panel minutes, 28 April 2012” says Harbour Community Chest Panel allocated nothing from this fund on 28 April 2012.');
  });

  it('never claims a report that the decision does not have', () => {
    expect(text(CHEST)).not.toMatch(/[Tt]he report|recorded in this report/);
    expect(text(CHEST)).toContain('About this decision The panel met and allocated nothing.');
    const d = decision('2012-05-04-community-chest');
    const unlisted = fundingView(model, { ...d, funding: { ...d.funding, allocations: undefined } });
    expect(unlisted.attribution).toBe('Allocations from this fund are not recorded.');
    expect(fundingView(model, decision('2012-03-01-harbour-grants')).attribution).toMatch(/shown as the report records them/);
  });

  it('gives a stated remaining it cannot work out as the source states it, and does not say it agrees', () => {
    const d = decision('2012-03-01-harbour-grants');
    const view = fundingView(model, { ...d, funding: sumFunding({ ...d.funding, remaining: { revenue: 500000, capital: 100 } }) });
    expect(view.statedRemaining).toBe('The report states £5,000.00 revenue and £1.00 capital remaining.');
    expect(view.totals?.remaining).toEqual({ revenue: '£5,000.00', capital: 'Not recorded' });
    expect(view.remainingAgrees).toBe(false);
  });

  it('gives null, not 0, in decisions.json for a stream not recorded; 0 allocated only where the table speaks of the stream', () => {
    const { decisions } = JSON.parse(data('decisions.json')) as { decisions: { id: string; funding?: Record<string, unknown> }[] };
    const funding = (id: string) => decisions.find((d) => d.id === id)?.funding;
    expect(funding('2012-03-01-harbour-grants')).toMatchObject({
      available: { revenue: { pence: 1000010 }, capital: null },
      allocated: { revenue: { pence: 500010 }, capital: { pence: 30000 }, total: { pence: 530010 } },
      remaining: { revenue: { pence: 500000 }, capital: null },
    });
    expect(funding('2012-05-04-community-chest')).toMatchObject({
      available: { revenue: null, capital: { pence: 100000000 } },
      allocated: { revenue: null, capital: { pence: 0 }, total: { pence: 0 } },
      remaining: { revenue: null, capital: { pence: 100000000 } },
    });
  });

  it('leaves the unrecorded stream blank in allocations.csv and out of 360Giving, and says who allocated nothing in the feed', () => {
    expect(data('allocations.csv')).toMatch(/,Sailing club,2500\.05,,2500\.05,/);
    const grants = (JSON.parse(data('grants-360giving.json')) as { grants: { title: string; classifications: { code: string }[] }[] }).grants;
    expect(grants.find((g) => g.title === 'Sailing club')?.classifications.map((c) => c.code)).toEqual(['revenue', 'noted']);
    const feed = readFileSync(join(out, 'decisions.xml'), 'utf8');
    expect(feed).toContain('Community chest, amount not recorded; £1,000,000.00 available (capital £1,000,000.00). Allocations made by Harbour Community Chest Panel on 28 April 2012, recorded in “Community Chest Panel minutes, 28 April 2012”: none.');
  });
});
