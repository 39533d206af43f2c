import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  ALLOCATION_COLUMNS, allocationsCsv, decisionsJson, grants360Giving, inlineJson, partnershipJsonLd, partnershipsJson, structuresPopolo, toJsonFile,
} from '../../src/exports/index.ts';
import { decisionRecord } from '../../src/exports/decisions-json.ts';
import { sumFunding } from '../../src/rules/funding.ts';
import { fixtureModel, parseCsv } from './helpers.ts';

const model = fixtureModel();

describe('allocations.csv', () => {
  const rows = parseCsv(allocationsCsv(model));
  const [header, ...data] = rows;
  const byItem = (item: string) => Object.fromEntries(header.map((h, i) => [h, data.find((r) => r[4] === item)![i]]));

  it('starts with the columns the data page lists, in order, with who made each allocation, when, and what it serves last', () => {
    expect(header).toEqual([...ALLOCATION_COLUMNS]);
    expect(header.slice(0, 12)).toEqual(['decision_id', 'date', 'partnership', 'fund', 'item', 'revenue', 'capital', 'total', 'partnership_name', 'status', 'per', 'url']);
    expect(header.slice(12)).toEqual(['allocated_by', 'allocated_on', 'made_by_this_decision', 'serves']);
  });

  it('has one row for every allocation of every public decision, and none for an exempt one or a table that lists no allocations', () => {
    expect(data).toHaveLength(9);
    expect(data.some((r) => r.includes('Confidential supplier'))).toBe(false);
    expect(data.some((r) => r[0] === '2012-06-20-lottery-bid')).toBe(false);
  });

  it('says who made each allocation and when: this decision on its own date, or whoever made it elsewhere, blank where not recorded', () => {
    expect(byItem('Warm Homes')).toMatchObject({ allocated_by: 'this-decision', allocated_on: '2011-11-08', made_by_this_decision: 'true' });
    // Partnership support's decision is only proposed: it names itself as the maker, but made nothing on its date.
    expect(byItem('Partnership support')).toMatchObject({ allocated_by: 'this-decision', allocated_on: '', made_by_this_decision: 'true', status: 'proposed' });
    expect(byItem('Town centre events')).toMatchObject({ decision_id: '2012-02-14-prg-record', allocated_by: 'shire-partnership', allocated_on: '2011-12-14', made_by_this_decision: 'false' });
    expect(byItem('Village hall repairs')).toMatchObject({ allocated_by: 'Vale Community Forum', allocated_on: '', made_by_this_decision: 'false' });
    expect(byItem('Newsletter')).toMatchObject({ allocated_by: '', allocated_on: '', made_by_this_decision: '' });
  });

  it('carries what each decision serves in a strategy, as partnership/strategy/id, blank where it names nothing', () => {
    expect(byItem('Warm Homes').serves).toBe('shire-partnership/scs-2011/economy vale-lsp/scs-2011/jobs');
    expect(byItem('Partnership support').serves).toBe('');
  });

  it('gives amounts in pounds to the penny, blank where the table gives no figure', () => {
    expect(byItem('Warm Homes')).toMatchObject({ decision_id: '2011-11-08-grants', date: '2011-11-08', partnership: 'vale-lsp', fund: 'Performance Reward Grant', revenue: '5000.25', capital: '10000.00', total: '15000.25', status: 'approved' });
    expect(byItem('Partnership support')).toMatchObject({ date: '2011', revenue: '12345.67', capital: '', total: '12345.67', per: 'year' });
    expect(byItem('Warm-Homes')).toMatchObject({ revenue: '0.00', capital: '0.00', total: '0.00' });
  });

  it('keeps commas, quotes and line breaks in a field, and defuses text a spreadsheet would run as a formula', () => {
    expect(byItem('Youth work, phase 2\n(north)')).toMatchObject({ capital: '39999.99' });
    expect(data.map((r) => r[4])).toContain('\'=HYPERLINK("http://evil")');
  });
});

describe('decisions.json', () => {
  const json = decisionsJson(model);
  const decision = (id: string) => json.decisions.find((d) => d.id === id) as Record<string, any>;
  const grants = decision('2011-11-08-grants');
  const record = decision('2012-02-14-prg-record');
  const lottery = decision('2012-06-20-lottery-bid');

  it('dates allocations a decision makes itself by its date only once approved, as allocations.csv does', () => {
    const proposed = json.decisions.find((d) => (d as Record<string, any>).funding?.allocations?.some((a: { item: string }) => a.item === 'Partnership support')) as Record<string, any>;
    expect(proposed.status).toBe('proposed');
    expect(proposed.funding.allocated_by).toMatchObject({ type: 'this-decision' });
    expect(proposed.funding.allocated_on).toBeNull();
    expect(grants.funding.allocated_on).toBe('2011-11-08');
  });

  it('gives money as whole pence and as a pounds string', () => {
    expect(grants.funding.available).toEqual({ revenue: { pence: 10000001, pounds: '100000.01' }, capital: { pence: 5000000, pounds: '50000.00' } });
    expect(grants.funding.allocations[0]).toEqual({
      item: 'Warm Homes', revenue: { pence: 500025, pounds: '5000.25' }, capital: { pence: 1000000, pounds: '10000.00' }, total: { pence: 1500025, pounds: '15000.25' },
      outcomes: 'Homes insulated; <script>alert(1)</script>', cite: [{ source: 'report', where: 'Appendix A row 1' }],
    });
    expect(grants.funding.allocations[1].capital).toBeNull();
    expect(grants.funding.allocated.total).toEqual({ pence: 5500123, pounds: '55001.23' });
    expect(grants.funding.remaining.revenue).toEqual({ pence: 10000001 - 500124, pounds: '94998.77' });
  });

  it('gives the register’s amount for a decision: what it decides, or the allocations it makes, and null when not recorded', () => {
    expect(grants.amount).toEqual({
      revenue: { pence: 500124, pounds: '5001.24' }, capital: { pence: 4999999, pounds: '49999.99' }, total: { pence: 5500123, pounds: '55001.23' }, basis: 'allocations',
    });
    expect(record.amount).toEqual({ revenue: null, capital: { pence: 750000, pounds: '7500.00' }, total: { pence: 750000, pounds: '7500.00' }, basis: 'decides' });
    expect(decision('2012-03-forum-grants').amount).toBeNull();
    expect(decision('2012-04-01-budget-note').amount).toBeNull();
    expect(lottery.amount).toBeNull();
  });

  it('gives a decision that says it allocates nothing itself (allocations: []) 0 in each stream its table speaks of, agreeing with its total, and null in the one it never mentions', () => {
    const lotteryModel = model.decisions.find((d) => d.id === '2012-06-20-lottery-bid')!;
    const funding = sumFunding({ fund: 'Big Lottery Fund', available: { capital: 10000000 }, allocated_by: 'this-decision', allocations: [] });
    const { amount } = decisionRecord(model.site, { ...lotteryModel, funding }) as Record<string, unknown>;
    expect(amount).toEqual({ revenue: null, capital: { pence: 0, pounds: '0.00' }, total: { pence: 0, pounds: '0.00' }, basis: 'allocations' });
  });

  it('says who made the allocations a table lists, and when, and null where the table does not say', () => {
    expect(grants.funding).toMatchObject({ allocated_by: { type: 'this-decision' }, allocated_on: '2011-11-08', decides: null });
    expect(record.funding).toMatchObject({
      allocated_by: { type: 'partnership', id: 'shire-partnership', name: 'Shire Partnership' }, allocated_on: '2011-12-14',
      decides: { revenue: null, capital: { pence: 750000, pounds: '7500.00' } },
    });
    expect(decision('2012-03-forum-grants').funding).toMatchObject({ allocated_by: { type: 'named', name: 'Vale Community Forum' }, allocated_on: null });
    expect(decision('2012-04-01-budget-note').funding).toMatchObject({ allocated_by: null, allocated_on: null });
  });

  it('gives null, never 0, for what a table that lists no allocations has allocated and has left', () => {
    expect(lottery.funding).toMatchObject({ allocations: null, allocated: null, remaining: null, allocated_by: null, decides: null });
    expect(lottery.funding.available).toEqual({ revenue: null, capital: { pence: 10000000, pounds: '100000.00' } });
  });

  it('gives null, never false, 0 or an empty list, for everything else a decision does not record', () => {
    expect(lottery).toMatchObject({
      key_decision: null, forward_plan: null, report: null, sources: null, recommendations: null, outcome: null, options: null,
      structure: null, supersedes: null, serves: null, discrepancies: null,
    });
    expect(lottery.funding).toMatchObject({ accountable_body: null, per: null, remaining_stated: null, contributions: null, cite: null, discrepancies: null });
    expect(grants.options[1]).toEqual({ title: 'Wait a year', recommended: null, advantages: null, disadvantages: null, risks: null, cite: null });
    expect(grants.funding.allocations[1]).toMatchObject({ capital: null, outcomes: null, cite: null });
  });

  it('carries the decision’s sources, its report first as the source "report", each item’s citations and the discrepancies recorded', () => {
    expect(grants.sources).toEqual([
      { id: 'report', title: 'Performance Reward Grant round one', publisher: null, date: null, author: 'Head of Policy', reference: 'CAB/11/08', url: 'https://democracy.example.org/vale/cab-11-08.pdf', listed_in: 'decision' },
      { id: 'minutes', title: 'Cabinet minutes, 8 November 2011', publisher: null, date: '2011-11-08', author: null, reference: null, url: null, listed_in: 'decision' },
    ]);
    expect(grants.options[0].cite).toEqual([{ source: 'report', where: 'para 4' }]);
    expect(grants.funding.cite).toEqual([{ source: 'report', where: 'Appendix A' }]);
    expect(grants.funding.allocations[0].cite).toEqual([{ source: 'report', where: 'Appendix A row 1' }]);
    expect(grants.funding.discrepancies).toEqual([
      { text: "The report's summary rounds the total to £55,000.", cite: [{ source: 'report', where: 'para 1' }, { source: 'minutes', where: null }] },
    ]);
    expect(record.sources).toEqual([{ id: 'report', title: 'Performance Reward Grant update', publisher: null, date: null, author: null, reference: null, url: null, listed_in: 'decision' }]);
  });

  it('lists each partnership source a decision cites among its sources, so every citation in the record resolves within it', () => {
    const cited = fixtureModel();
    const decision = cited.decisions.find((d) => d.id === '2012-02-14-prg-record')!;
    decision.funding!.cite = [{ source: 'report' }, { source: 'fixture-document', where: 'p. 2' }];
    const json = decisionsJson(cited).decisions.find((d) => d.id === decision.id) as Record<string, any>;
    expect(json.funding.cite.map((c: { source: string }) => c.source)).toEqual(['report', 'fixture-document']);
    expect(json.sources.map((s: { id: string; listed_in: string }) => [s.id, s.listed_in])).toEqual([['report', 'decision'], ['fixture-document', 'partnership']]);
    expect(json.sources[1]).toMatchObject({ title: 'A test document about Vale "Together" LSP', date: '2010-01-12' });
  });

  it('gives the date the status was last known, as recorded, and null when the file does not give it', () => {
    expect(lottery.status_as_at).toBe('2012-07');
    expect(grants.status_as_at).toBeNull();
  });

  it('gives the date its page gives the status, and from where: status_as_at, else the latest dated source, never the decision’s date for its undated report', () => {
    expect(lottery.status_date).toEqual({ date: '2012-07', basis: 'status_as_at' });
    expect(grants.status_date).toEqual({ date: '2011-11-08', basis: 'latest_source' });
    expect(record.status_date).toEqual({ date: null, basis: null });
  });

  it('carries what a decision serves in a strategy, as partnership/strategy/id', () => {
    expect(grants.serves).toEqual(['shire-partnership/scs-2011/economy', 'vale-lsp/scs-2011/jobs']);
  });

  it('lists every decision newest first, each with its page', () => {
    expect(json.decisions.map((d) => d.id)).toEqual(model.decisions.map((d) => d.id));
    expect(grants.url).toBe('https://register.example.org/partnerships/vale-lsp/decisions/2011-11-08-grants/');
  });

  it('gives only the title and date of an exempt decision', () => {
    expect(json.decisions.find((d) => d.id === '2011-12-exempt-contract')).toEqual({
      id: '2011-12-exempt-contract', partnership_id: 'vale-lsp', url: 'https://register.example.org/partnerships/vale-lsp/decisions/2011-12-exempt-contract/',
      title: 'Exempt contract award', date: '2011-12', public: false,
    });
  });

  it('names the licence, the Open Government Licence by default', () => {
    expect(json.licence).toEqual({ name: 'Open Government Licence v3.0', url: 'https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/' });
  });

  it('resolves references to full partnership/decision form', () => {
    const structural = json.decisions.find((d) => d.id === '2010-03-15-new-structure') as Record<string, any>;
    expect(structural.structure).toBe('2010-current');
    expect(structural.funding).toBeNull();
  });
});

describe('partnerships.json', () => {
  const json = partnershipsJson(model);
  const vale = json.partnerships.find((p) => p.id === 'vale-lsp')!;
  const shire = json.partnerships.find((p) => p.id === 'shire-partnership')!;

  it('gives every partnership with its parent, children, dates as recorded and pages', () => {
    expect(json.partnerships.map((p) => p.id)).toEqual(['shire-partnership', 'vale-lsp']);
    expect(vale).toMatchObject({ parent: 'shire-partnership', established: '2002-10', short_name: 'Vale LSP', current_structure: '2010-current', url: 'https://register.example.org/partnerships/vale-lsp/' });
    expect(json.partnerships[0].children).toEqual(['vale-lsp']);
    expect(vale.decisions.map((d) => d.id)).toContain('2011-12-exempt-contract');
    expect(vale.structures.map((s) => s.url)).toContain('https://register.example.org/partnerships/vale-lsp/structures/2010-current/');
  });

  it('gives null for a tier and a status date the file does not give, keeping the key', () => {
    expect(vale).toHaveProperty('tier', null);
    expect(vale).toHaveProperty('status_as_at', null);
    expect(shire).toMatchObject({ tier: 'county', status_as_at: '2010-01' });
  });

  it('gives the date a partnership’s page gives its status: its status_as_at before any source’s date', () => {
    expect(shire.status_date).toEqual({ date: '2010-01', basis: 'status_as_at' });
  });

  it('carries each partnership’s sources and the discrepancies recorded, with their citations', () => {
    expect(shire.sources).toEqual([{ id: 'fixture-document', title: 'A test document about Shire Partnership', publisher: 'Test Council', date: '2010-01-12', author: null, reference: null, url: null }]);
    expect(shire.discrepancies).toEqual([
      { text: 'The document names the partnership "Shire LSP" on its cover and "Shire Partnership" inside.', cite: [{ source: 'fixture-document', where: 'cover' }] },
    ]);
    expect(vale.discrepancies).toBeNull();
  });

  it('gives each strategy’s period and objectives, and each chapter’s priorities and measures, with their citations', () => {
    expect(shire.strategies[0]).toMatchObject({
      id: 'scs-2011', period: { from: '2011', to: '2021' }, sources: null,
      objectives: [
        { id: 'economy', title: 'A prosperous economy', lead: 'Economy Theme Group', cite: [{ source: 'fixture-document', where: 'page 4' }] },
        { id: 'safer', title: 'Safer communities', lead: null, cite: null },
      ],
    });
    expect(vale.chapters[0]).toMatchObject({ strategy: 'shire-partnership/scs-2011', status_as_at: null, agreed: '2011-03' });
    expect(vale.chapters[0].priorities[0]).toEqual({
      id: 'jobs', title: 'More local jobs', objective: 'economy', lead: null, cite: [{ source: 'fixture-document', where: 'page 3' }],
      measures: [{ indicator: 'New jobs in the Vale', target: 300, unit: 'jobs', by: '2015', cite: [{ source: 'fixture-document', where: 'page 5' }] }],
    });
  });
});

describe('structures.json', () => {
  const popolo = structuresPopolo(model);
  const org = (id: string) => popolo.organizations.find((o) => (o as { id: string }).id === id) as Record<string, unknown>;

  it('makes each partnership and each body an organization, with parent_id following reporting lines', () => {
    expect(org('vale-lsp')).toMatchObject({ classification: 'partnership', parent_id: 'shire-partnership', founding_date: '2002-10' });
    expect(org('vale-lsp/2010-current/board')).toMatchObject({ name: 'Vale Board', classification: 'board', parent_id: 'vale-lsp' });
    expect(org('vale-lsp/2010-current/executive')).toMatchObject({ parent_id: 'vale-lsp/2010-current/board' });
    expect(org('vale-lsp/2010-current/safety')).toMatchObject({ parent_id: 'vale-lsp/2010-current/executive', statutory: true });
  });

  it('says a body reports to no other body only where the document does ("none"), and null where the register does not record it', () => {
    expect(org('shire-partnership/2009-current/board')).toMatchObject({ reports_to: 'none', parent_id: 'shire-partnership' });
    expect(org('shire-partnership/2009-current/forum')).toMatchObject({ reports_to: null, parent_id: 'shire-partnership' });
    expect(org('vale-lsp/2010-current/board')).toMatchObject({ reports_to: null });
    expect(org('vale-lsp/2010-current/executive')).toMatchObject({ reports_to: 'vale-lsp/2010-current/board' });
    expect(popolo.reporting_lines.filter((l) => (l as { to: string }).to.startsWith('shire-partnership/'))).toEqual([]);
  });

  it('gives sizes, meetings a year and terms as the document states them, hedged figures never rounded', () => {
    expect(org('shire-partnership/2009-current/board')).toMatchObject({ size: { approx: 6 }, meetings_per_year: { at_least: 4 }, term_years: { at_most: 3 } });
    expect(org('vale-lsp/2010-current/executive')).toMatchObject({ size: null, meetings_per_year: 6, term_years: null, voting_seats: null });
  });

  it('gives null, never an empty list, for what a body does not record', () => {
    expect(org('shire-partnership/2009-current/forum')).toMatchObject({ purpose: null, goals: null, notes: null, cite: null, discrepancies: null, statutory: null });
  });

  it('carries each structure’s sources and status date, and each body’s and seat’s citations and discrepancies', () => {
    expect(popolo.structures).toContainEqual(expect.objectContaining({
      id: 'shire-partnership/2009-current', status_as_at: '2010-06',
      sources: [{ id: 'governance-review', title: 'Shire governance review', publisher: 'Shire County Council', date: '2009-03', author: null, reference: 'GR/09', url: 'https://democracy.example.org/shire/governance-review.pdf' }],
    }));
    expect(org('shire-partnership/2009-current/board')).toMatchObject({
      cite: [{ source: 'governance-review', where: 'para 2' }, { source: 'fixture-document', where: null }],
      discrepancies: [{ text: 'The review says the Board has "about six" members; its annex lists seven posts.', cite: [{ source: 'governance-review', where: 'Annex B' }] }],
    });
    expect(org('vale-lsp/2010-current/executive').cite).toEqual([{ source: 'structure-report', where: 'section 2' }]);
    expect(popolo.posts).toContainEqual(expect.objectContaining({ id: 'vale-lsp/2010-current/board/seats/councillors', cite: [{ source: 'structure-report', where: 'table 1' }] }));
  });

  it('makes seats posts, with their count, voting and sector category', () => {
    const posts = popolo.posts.filter((p) => (p as { organization_id: string }).organization_id === 'vale-lsp/2010-current/board');
    expect(posts).toEqual([
      expect.objectContaining({ id: 'vale-lsp/2010-current/board/seats/councillors', label: 'Councillors', seats: 4, voting: true, classification: 'elected-members', start_date: '2010-04', end_date: null }),
      expect.objectContaining({ label: 'Business sector', seats: 4, classification: 'business' }),
      expect.objectContaining({ label: 'Voluntary, community & faith', seats: 4 }),
      expect.objectContaining({ label: 'Youth council', seats: 2, voting: false, role: 'Advisory member', classification: null }),
      expect.objectContaining({ label: 'Chair of the Board', role: 'Named member', seats: null }),
    ]);
  });

  it('lists reporting lines, other links and the structure versions', () => {
    expect(popolo.reporting_lines).toContainEqual({ from: 'vale-lsp/2010-current/safety', to: 'vale-lsp/2010-current/executive' });
    expect(popolo.relations).toEqual([
      { from: 'vale-lsp/2010-current/executive', to: 'shire-partnership', external: null, kind: 'represented-on', cite: null },
      { from: 'vale-lsp/2010-current/board', to: null, external: 'Sub-regional <groups>', kind: 'works-with', cite: null },
    ]);
    expect(popolo.structures).toContainEqual(expect.objectContaining({ id: 'vale-lsp/2005-old', status: 'superseded', from: '2002', to: '2010-03', current: false }));
    expect(popolo.structures).toContainEqual(expect.objectContaining({ id: 'vale-lsp/2010-current', current: true, decided_by: 'vale-lsp/2010-03-15-new-structure' }));
  });
});

describe('every open-data file', () => {
  const jsonFiles = () => ({
    'decisions.json': toJsonFile(decisionsJson(model)),
    'partnerships.json': toJsonFile(partnershipsJson(model)),
    'structures.json': toJsonFile(structuresPopolo(model)),
    'grants-360giving.json': toJsonFile(grants360Giving(model)),
  });

  it('is the same bytes when built twice from the same content', () => {
    const again = fixtureModel();
    expect(allocationsCsv(again)).toBe(allocationsCsv(model));
    expect(toJsonFile(decisionsJson(again))).toBe(toJsonFile(decisionsJson(model)));
    expect(toJsonFile(partnershipsJson(again))).toBe(toJsonFile(partnershipsJson(model)));
    expect(toJsonFile(structuresPopolo(again))).toBe(toJsonFile(structuresPopolo(model)));
    expect(toJsonFile(grants360Giving(again))).toBe(toJsonFile(grants360Giving(model)));
  });

  it('parses as JSON, with every value the export gave', () => {
    for (const value of [decisionsJson(model), partnershipsJson(model), structuresPopolo(model)]) {
      expect(JSON.parse(toJsonFile(value))).toEqual(JSON.parse(JSON.stringify(value).replaceAll('\\ud800', '\uFFFD')));
    }
  });

  const jq = (() => {
    try {
      execFileSync('jq', ['--version'], { stdio: 'ignore' });
      return true;
    } catch {
      console.warn('\n*** jq is not installed: skipping the strict-parser test of the JSON files (apt-get install jq). ***\n');
      return false;
    }
  })();
  const dir = mkdtempSync(join(tmpdir(), 'register-json-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.skipIf(!jq)('parses with a strict JSON parser (jq), a lone surrogate in a body’s name included', () => {
    // The checker refuses a lone surrogate in content (invalid-character); the exports stay safe even so.
    const forum = model.partnerships[0].structures[0].bodies.find((b) => b.id === 'forum')!;
    forum.name = 'Shire Forum \uD800 (a lone surrogate, as a YAML escape can write one)';
    expect(forum.name.isWellFormed(), 'the test plants a lone surrogate in a name').toBe(false);
    const files = { ...jsonFiles(), 'json-ld.json': inlineJson(partnershipJsonLd(model, model.partnerships[0])) };
    for (const [name, text] of Object.entries(files)) {
      const path = join(dir, name);
      writeFileSync(path, text);
      const result = (() => {
        try {
          return execFileSync('jq', ['-c', '.', path], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
        } catch (error) {
          return `jq refused ${name}: ${(error as { stderr?: string }).stderr}`;
        }
      })();
      expect(result, name).not.toMatch(/^jq refused/);
    }
    const structures = execFileSync('jq', ['-r', '.organizations[] | select(.id == "shire-partnership/2009-current/forum") | .name', join(dir, 'structures.json')], { encoding: 'utf8' });
    expect(structures.trim()).toBe('Shire Forum \uFFFD (a lone surrogate, as a YAML escape can write one)');
  });
});
