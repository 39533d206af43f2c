import { describe, expect, it } from 'vitest';
import { amountOf, filterOptions, filterPages, filterRows, registerRows } from '../../src/site/register.ts';
import { filterPageUrl, filterQuery, matchesFilter, parseFilterQuery } from '../../src/site/register-filter.ts';
import { fixtureModel } from './helpers/fixture-model.ts';

const rows = registerRows(fixtureModel());
const titles = (list: typeof rows) => list.map((row) => row.decision.title);

describe('the decision register', () => {
  it('lists every decision, newest first', () => {
    expect(rows.map((row) => row.decision.date)).toEqual(['2012-02-01', '2011-11-08', '2007-01-10', '2006-03-09']);
  });

  it('publishes nothing of an exempt decision but its title, date and partnership', () => {
    const exempt = rows.find((row) => !row.decision.public);
    expect(exempt).toMatchObject({ partnership: 'chorley-partnership', year: '2007', kinds: [] });
    expect(exempt?.status).toBeUndefined();
    expect(exempt?.keyDecision).toBeUndefined();
    expect(exempt?.amount).toBeUndefined();
  });

  it('gives the money a decision itself decides, not the allocations others made that its report records, saying a proposed one was only asked for', () => {
    expect(rows.find((row) => row.partnership === 'lancaster-district-lsp')?.amount).toBe('£117,446.00 asked for; outcome not recorded');
  });

  it('gives no amount, rather than what was available, when a pooled budget’s table does not say what the decision allocates', () => {
    const pooled = rows.find((row) => row.partnership === 'vale-lsp');
    expect(pooled && amountOf(pooled.decision)).toBeUndefined();
  });
});

describe('filtering the register', () => {
  it('narrows by partnership', () => {
    expect(titles(filterRows(rows, { partnership: 'chorley-partnership' }))).toEqual(['Property matter', 'Chorley Partnership – a way forward']);
  });

  it('narrows by year and kind together', () => {
    expect(titles(filterRows(rows, { year: '2011', kind: 'funding' }))).toEqual(['Partnerships: the future approach to working in partnership']);
    expect(filterRows(rows, { year: '2006', kind: 'funding' })).toEqual([]);
  });

  it('never reveals an exempt decision’s kind, status or key-decision flag through a filter', () => {
    expect(titles(filterRows(rows, { kind: 'funding' }))).not.toContain('Property matter');
    expect(titles(filterRows(rows, { status: 'approved' }))).not.toContain('Property matter');
    expect(titles(filterRows(rows, { 'key-decision': 'yes' }))).not.toContain('Property matter');
  });

  it('offers only values some decision has, with counts and a pre-built page each', () => {
    const options = filterOptions(rows);
    expect(options.year.map((o) => [o.value, o.count])).toEqual([['2012', 1], ['2011', 1], ['2007', 1], ['2006', 1]]);
    expect(options.kind.map((o) => o.value)).toEqual(['funding', 'structure', 'support']);
    // A key decision the source does not state is not recorded, never "not a key decision".
    expect(options['key-decision'].map((o) => [o.label, o.count])).toEqual([['Key decisions', 1], ['Key decision not recorded', 2]]);
    expect(options.partnership[0]).toMatchObject({ label: 'Chorley Partnership', url: '/decisions/partnership/chorley-partnership/' });
    expect(filterPages(rows)).toHaveLength(Object.values(options).flat().length);
  });
});

describe('filters in the address', () => {
  it('reads known parameters and ignores the rest', () => {
    expect(parseFilterQuery('?year=2011&kind=funding&page=2&status=')).toEqual({ year: '2011', kind: 'funding' });
  });

  it('writes parameters in one order, so a filter has one address', () => {
    expect(filterQuery({ kind: 'funding', year: '2011' })).toBe('?year=2011&kind=funding');
    expect(filterQuery(parseFilterQuery(filterQuery({ partnership: 'vale-lsp', 'key-decision': 'no' })))).toBe('?partnership=vale-lsp&key-decision=no');
    expect(filterQuery({})).toBe('');
  });

  it('matches a row that has every chosen value', () => {
    const row = { partnership: 'vale-lsp', year: '2012', kinds: ['support', 'funding'], status: 'approved', keyDecision: 'no' };
    expect(matchesFilter(row, {})).toBe(true);
    expect(matchesFilter(row, { kind: 'funding', 'key-decision': 'no' })).toBe(true);
    expect(matchesFilter(row, { kind: 'funding', status: 'proposed' })).toBe(false);
  });

  it('builds the pre-built pages’ addresses', () => {
    expect(filterPageUrl('key-decision', 'yes')).toBe('/decisions/key-decision/yes/');
  });
});
