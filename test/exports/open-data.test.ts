import { describe, expect, it } from 'vitest';
import {
  ALLOCATION_COLUMNS, allocationsCsv, decisionsJson, partnershipsJson, structuresPopolo, toJsonFile,
} from '../../src/exports/index.ts';
import { fixtureModel, parseCsv } from './helpers.ts';

const model = fixtureModel();

describe('allocations.csv', () => {
  const rows = parseCsv(allocationsCsv(model));
  const [header, ...data] = rows;
  const byItem = (item: string) => Object.fromEntries(header.map((h, i) => [h, data.find((r) => r[4] === item)![i]]));

  it('starts with the columns the data page lists, in order', () => {
    expect(header).toEqual([...ALLOCATION_COLUMNS]);
    expect(header.slice(0, 8)).toEqual(['decision_id', 'date', 'partnership', 'fund', 'item', 'revenue', 'capital', 'total']);
  });

  it('has one row for every allocation of every public decision, and none for an exempt one', () => {
    expect(data).toHaveLength(5);
    expect(data.some((r) => r.includes('Confidential supplier'))).toBe(false);
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
  const grants = json.decisions.find((d) => d.id === '2011-11-08-grants') as Record<string, any>;

  it('gives money as whole pence and as a pounds string', () => {
    expect(grants.funding.available).toEqual({ revenue: { pence: 10000001, pounds: '100000.01' }, capital: { pence: 5000000, pounds: '50000.00' } });
    expect(grants.funding.allocations[0]).toEqual({
      item: 'Warm Homes', revenue: { pence: 500025, pounds: '5000.25' }, capital: { pence: 1000000, pounds: '10000.00' }, total: { pence: 1500025, pounds: '15000.25' },
      outcomes: 'Homes insulated; <script>alert(1)</script>',
    });
    expect(grants.funding.allocations[1].capital).toBeNull();
    expect(grants.funding.allocated.total).toEqual({ pence: 5500123, pounds: '55001.23' });
    expect(grants.funding.remaining.revenue).toEqual({ pence: 10000001 - 500124, pounds: '94998.77' });
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

  it('gives every partnership with its parent, children, dates as recorded and pages', () => {
    expect(json.partnerships.map((p) => p.id)).toEqual(['shire-partnership', 'vale-lsp']);
    expect(vale).toMatchObject({ parent: 'shire-partnership', established: '2002-10', short_name: 'Vale LSP', current_structure: '2010-current', url: 'https://register.example.org/partnerships/vale-lsp/' });
    expect(json.partnerships[0].children).toEqual(['vale-lsp']);
    expect(vale.decisions.map((d) => d.id)).toContain('2011-12-exempt-contract');
    expect(vale.structures.map((s) => s.url)).toContain('https://register.example.org/partnerships/vale-lsp/structures/2010-current/');
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
      { from: 'vale-lsp/2010-current/executive', to: 'shire-partnership', external: null, kind: 'represented-on' },
      { from: 'vale-lsp/2010-current/board', to: null, external: 'Sub-regional <groups>', kind: 'works-with' },
    ]);
    expect(popolo.structures).toContainEqual(expect.objectContaining({ id: 'vale-lsp/2005-old', status: 'superseded', from: '2002', to: '2010-03', current: false }));
    expect(popolo.structures).toContainEqual(expect.objectContaining({ id: 'vale-lsp/2010-current', current: true, decided_by: 'vale-lsp/2010-03-15-new-structure' }));
  });
});

describe('every open-data file', () => {
  it('is the same bytes when built twice from the same content', () => {
    const again = fixtureModel();
    expect(allocationsCsv(again)).toBe(allocationsCsv(model));
    expect(toJsonFile(decisionsJson(again))).toBe(toJsonFile(decisionsJson(model)));
    expect(toJsonFile(partnershipsJson(again))).toBe(toJsonFile(partnershipsJson(model)));
    expect(toJsonFile(structuresPopolo(again))).toBe(toJsonFile(structuresPopolo(model)));
  });

  it('parses as JSON', () => {
    for (const value of [decisionsJson(model), partnershipsJson(model), structuresPopolo(model)]) {
      expect(JSON.parse(toJsonFile(value))).toEqual(JSON.parse(JSON.stringify(value)));
    }
  });
});
