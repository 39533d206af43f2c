/**
 * The example content states what its five source reports say and nothing
 * more (issue 12). A scrutiny member found facts on the example site that no
 * report gives: a "No" where a report is silent, figures made exact, a tier, a
 * parent, a period. Each test here pins one finding at the level of the model
 * every page is built from, so it cannot come back unnoticed.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkContent } from '../../src/model/index.ts';
import type { PartnershipModel } from '../../src/model/types.ts';
import { ROOT, TODAY } from '../helpers/fixtures.ts';

const CONTENT = join(ROOT, 'content');
const model = checkContent(CONTENT, { today: TODAY });

function partnership(id: string): PartnershipModel {
  const found = model.partnerships.find((p) => p.id === id);
  if (!found) throw new Error(`the example content has no partnership ${id}`);
  return found;
}

function structure(partnershipId: string, id: string) {
  const found = partnership(partnershipId).structures.find((s) => s.id === id);
  if (!found) throw new Error(`${partnershipId} has no structure ${id}`);
  return found;
}

function decision(partnershipId: string, id: string) {
  const found = partnership(partnershipId).decisions.find((d) => d.id === id);
  if (!found) throw new Error(`${partnershipId} has no decision ${id}`);
  return found;
}

function body(partnershipId: string, structureId: string, id: string) {
  const found = structure(partnershipId, structureId).bodies.find((b) => b.id === id);
  if (!found) throw new Error(`${structureId} has no body ${id}`);
  return found;
}

/** The sources' ids a list of citations names. */
const citedIds = (cite: readonly { source: string }[] | null | undefined) => (cite ?? []).map((c) => c.source);

/** Every citation in a value, at any depth. */
function citations(value: unknown): { source: string; where?: string }[] {
  if (Array.isArray(value)) return value.flatMap(citations);
  if (!value || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, child]) => (key === 'cite' && Array.isArray(child) ? child : key === 'sources' ? [] : citations(child)));
}

const LANCASTER = 'lancaster-district-lsp';
const LANCASTER_DECISION = '2011-11-08-partnerships';

describe('the example content asserts only what its reports say', () => {
  it('answers "key decision" only for Lancaster\'s, whose report ticks the box; the four other reports do not say', () => {
    const answered = model.decisions.filter((d) => d.key_decision != null).map((d) => [d.id, d.key_decision]);
    expect(answered).toEqual([[LANCASTER_DECISION, true]]);
    expect(model.decisions).toHaveLength(5);
  });

  it('records no reporting line in Calderdale\'s, Chorley\'s current and Lancaster\'s current structures, whose reports give none', () => {
    for (const [p, s] of [['calderdale-forward', '2010-current'], ['chorley-partnership', 'pre-2006'], [LANCASTER, '2011-current']]) {
      for (const b of structure(p, s).bodies) expect(b.reports_to, `${s}: ${b.name}`).toBeUndefined();
    }
  });

  it('marks only Chorley\'s proposed LSP Board as reporting to no other body, the report calling it "overarching"', () => {
    const tops = model.partnerships.flatMap((p) => p.structures.flatMap((s) => s.bodies.filter((b) => b.reports_to === 'none').map((b) => `${p.id}/${s.id}/${b.id}`)));
    expect(tops).toEqual(['chorley-partnership/2006-proposed/board']);
    expect(citedIds(body('chorley-partnership', '2006-proposed', 'board').cite)).toContain('way-forward');
  });

  it('shows Calderdale\'s £147,000 pooled budget with nothing allocated or remaining, as the report gives no figures for what it paid', () => {
    const funding = decision('calderdale-forward', '2010-01-12-future-of-lsp-support').funding;
    expect(funding?.availableTotals).toEqual({ revenue: 14_700_000, capital: null });
    expect(funding?.per).toBe('year');
    expect(funding?.allocations).toBeUndefined();
    expect(funding?.allocated).toBeUndefined();
    expect(funding?.remainingComputed).toBeUndefined();
    expect(funding?.allocated_by).toBeUndefined();
    expect(decision('calderdale-forward', '2010-01-12-future-of-lsp-support').body).toContain('salaries of four seconded staff have been paid');
  });

  it('attributes Lancaster\'s PRG allocations to the Lancaster District LSP, undated, and records that Cabinet decides only the uncommitted £27,535.40 and £89,910.60', () => {
    const funding = decision(LANCASTER, LANCASTER_DECISION).funding;
    expect(funding?.allocator).toEqual({ type: 'partnership', id: LANCASTER });
    expect(funding?.allocated_on).toBeUndefined();
    expect(funding?.decides).toEqual({ revenue: 2_753_540, capital: 8_991_060 });
    expect(funding?.decidedAmount).toEqual({ revenue: 2_753_540, capital: 8_991_060 });
    expect(funding?.allocated).toEqual({ revenue: 33_000_000, capital: 20_000_000 });
  });

  it('records the Lancaster report\'s rounded £27,535 and £89,910 and its £647.5K total as cited discrepancies of the funding table', () => {
    const found = decision(LANCASTER, LANCASTER_DECISION).funding?.discrepancies ?? [];
    expect(found.map((d) => d.text)).toEqual([
      expect.stringMatching(/£27,535 revenue and £89,910 capital/),
      expect.stringMatching(/£647,446\.00 together; paragraph 2\.7 gives .* £647\.5K/),
    ]);
    for (const d of found) expect(citedIds(d.cite)).toContain('report');
  });

  it('keeps hedged figures hedged: "approximately six", "at least quarterly", "normally twice a year", "around 40"', () => {
    expect(body('chorley-partnership', '2006-proposed', 'executive').meetings_per_year).toEqual({ approx: 6 });
    expect(body('chorley-partnership', '2006-proposed', 'board').size).toEqual({ approx: 40 });
    const subGroups = structure('chorley-partnership', '2006-proposed').bodies.filter((b) => b.reports_to === 'executive');
    expect(subGroups).toHaveLength(6);
    for (const b of subGroups) expect(b.meetings_per_year, b.name).toEqual({ at_least: 4 });
    expect(body('chorley-partnership', 'pre-2006', 'partnership-forum').meetings_per_year).toEqual({ approx: 2 });
  });

  it('gives Worcestershire\'s strategy no period and its objective no lead, as the paper states neither', () => {
    const [strategy] = partnership('worcestershire-partnership').strategies;
    expect(strategy.period).toBeUndefined();
    expect(strategy.objectives.map((o) => o.lead)).toEqual([undefined]);
  });

  it('states no tier, parent, short name or statutory status that no report gives', () => {
    expect(partnership('calderdale-forward').tier).toBeUndefined();
    expect(partnership(LANCASTER).parent).toBeUndefined();
    expect(partnership('worcester-lsp').short_name).toBeUndefined();
    expect(structure('chorley-partnership', '2006-proposed').bodies.filter((b) => b.statutory != null)).toEqual([]);
    // Lancaster's report does call its Children's Trust and Community Safety Partnership statutory (paragraph 2.6).
    const statutory = structure(LANCASTER, '2011-current').bodies.filter((b) => b.statutory);
    expect(statutory.map((b) => b.id)).toEqual(['childrens-trust', 'community-safety-partnership']);
    for (const b of statutory) expect(b.cite?.some((c) => c.where?.includes('2.6'))).toBe(true);
  });

  it('does not name Lancaster as a district of the Lancashire Partnership, which Lancaster\'s report never mentions', () => {
    const lancashire = partnership('lancashire-partnership');
    expect(lancashire.children).toEqual(['chorley-partnership']);
    expect(`${lancashire.summary}\n${lancashire.body}`).not.toMatch(/Lancaster/);
  });

  it('says the Calderdale secondees\' contracts "come to an end" on 31 March, not that they ended', () => {
    const calderdale = partnership('calderdale-forward');
    const texts = [calderdale.body, ...calderdale.decisions.map((d) => d.body), ...calderdale.structures.flatMap((s) => s.bodies.map((b) => b.notes ?? ''))];
    for (const text of texts) expect(text).not.toMatch(/contracts (have )?ended|ended on 31 March/);
    expect(calderdale.body).toContain('come to an end when the contracts of the');
  });

  it('titles the arrangements Chorley\'s March 2006 report calls current as current, not as "before 2006"', () => {
    expect(structure('chorley-partnership', 'pre-2006').title).toBe('Current arrangements (as described in March 2006)');
    const chorley = partnership('chorley-partnership');
    const texts = [chorley.body, ...chorley.decisions.map((d) => d.body), ...chorley.structures.map((s) => s.title)];
    for (const text of texts) expect(text).not.toMatch(/before 2006|until 2006/i);
  });

  it('records the Chorley report\'s 44 Board members, Executive of 18 and "five Sub-Groups" as discrepancies citing the report', () => {
    const proposed = structure('chorley-partnership', '2006-proposed');
    const board = body('chorley-partnership', '2006-proposed', 'board').discrepancies ?? [];
    const executive = body('chorley-partnership', '2006-proposed', 'executive').discrepancies ?? [];
    expect(board.map((d) => d.text)).toEqual([expect.stringContaining('44 representatives')]);
    expect(executive.map((d) => d.text)).toEqual([expect.stringContaining('18 representatives')]);
    expect(proposed.discrepancies?.map((d) => d.text)).toEqual(expect.arrayContaining([expect.stringContaining('"five Sub-Groups')]));
    for (const d of [...board, ...executive, ...(proposed.discrepancies ?? [])]) expect(citedIds(d.cite), d.text).toContain('way-forward');
    // Prose only: no figure the report gives in words is turned into a size.
    expect(body('chorley-partnership', '2006-proposed', 'executive').size).toBe(20);
  });

  it('dates each partnership\'s status from its reports, never from the day an officer reviewed the page', () => {
    const asAt = Object.fromEntries(model.partnerships.map((p) => [p.id, p.status_as_at ?? null]));
    expect(asAt).toEqual({
      'calderdale-forward': '2010-01-12',
      'chorley-partnership': '2006-03-09',
      'lancashire-partnership': '2006-03-09',
      'lancaster-district-lsp': '2011-11-08',
      // The Worcestershire paper is undated: the status is shown with no date rather than a guessed one.
      'worcester-lsp': null,
      'worcestershire-partnership': null,
    });
    for (const p of model.partnerships) {
      const latest = (p.sources ?? []).map((s) => s.date).filter((d): d is string => d != null).sort().at(-1) ?? null;
      expect(p.status_as_at ?? null, p.id).toBe(latest);
      expect(p.status_as_at, p.id).not.toBe(p.reviewed);
    }
  });

  it('names a source for every file: partnership.md lists its reports, a decision its report, and every other file cites one', () => {
    for (const p of model.partnerships) {
      expect(p.sources?.length, p.id).toBeGreaterThan(0);
      for (const source of p.sources ?? []) expect(source.url, `${p.id}: ${source.id} has no web address in its seed`).toBeUndefined();
      for (const d of p.decisions) expect(d.report?.title, d.id).toBeTruthy();
      for (const item of [...p.structures, ...p.strategies, ...p.chapters]) {
        expect(citations(item).length, `${p.id}/${item.id}`).toBeGreaterThan(0);
      }
    }
  });

  it('links no decision to a strategy it serves, as no report ties one to the Worcestershire objective or the Worcester priority', () => {
    expect(model.decisions.filter((d) => d.serves != null).map((d) => d.id)).toEqual([]);
  });
});

describe('npm run check -- --strict on the example content', () => {
  it('reports only the warnings the reports themselves cause: figures that do not add up, and partnerships whose structure no report describes', () => {
    const result = spawnSync(process.execPath, ['scripts/check.ts', '--strict', '--json'], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, CONTENT_DIR: CONTENT, REGISTER_TODAY: TODAY },
    });
    const problems = (JSON.parse(result.stdout) as { file: string; code: string; severity: string }[]).map((p) => [p.file, p.severity, p.code]);
    expect(problems).toEqual([
      ['partnerships/chorley-partnership/structures/2006-proposed.yaml', 'warning', 'size-mismatch'],
      ['partnerships/chorley-partnership/structures/pre-2006.yaml', 'warning', 'size-mismatch'],
      ['partnerships/lancashire-partnership/partnership.md', 'warning', 'no-current-structure'],
      ['partnerships/worcester-lsp/partnership.md', 'warning', 'no-current-structure'],
    ]);
    // --strict counts those warnings as errors, so the command still exits 1.
    expect(result.status).toBe(1);
  });
});
