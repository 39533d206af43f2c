import { describe, expect, it } from 'vitest';
import type { FilterDimension } from '../../../src/site/register-filter.ts';
import { registerFilterPageData, registerFilterPagePaths, registerPageData } from '../../../src/site/pages/register-page.ts';
import { fixtureModel } from '../helpers/fixture-model.ts';

const model = fixtureModel();
const filterPage = (dimension: FilterDimension, value: string) => {
  const path = registerFilterPagePaths(model).find((p) => p.params.dimension === dimension && p.params.value === value);
  if (!path) throw new Error(`no filter page ${dimension}/${value}`);
  return registerFilterPageData(model, path.props.dimension, path.props.option);
};

describe('the decision register', () => {
  const page = registerPageData(model);

  it('lists every decision, newest first, and says how many', () => {
    expect(page.rows.map((row) => row.decision.date)).toEqual(['2012-02-01', '2011-11-08', '2007-01-10', '2006-03-09']);
    expect(page.total).toBe('4 decisions');
  });

  it('offers a drop-down for each filter, in the form’s order, with how many decisions each choice keeps', () => {
    expect(page.selects.map((s) => [s.dimension, s.label])).toEqual([
      ['partnership', 'Partnership'],
      ['year', 'Year'],
      ['kind', 'Kind'],
      ['status', 'Status'],
      ['key-decision', 'Key decision'],
    ]);
    expect(page.selects[1].options.map((o) => `${o.label} (${o.count})`)).toEqual(['2012 (1)', '2011 (1)', '2007 (1)', '2006 (1)']);
  });

  it('is described as the register of the whole site', () => {
    expect(page.description).toBe('Every decision and report in the Fixture Partnerships Register, newest first.');
  });
});

describe('the register’s filter pages', () => {
  it('are one for each value some decision has, in each filter', () => {
    const paths = registerFilterPagePaths(model).map((p) => `${p.params.dimension}/${p.params.value}`);
    expect(paths).toContain('year/2011');
    expect(paths).toContain('partnership/vale-lsp');
    expect(paths).not.toContain('year/2010');
  });

  it('are titled by what they keep', () => {
    expect(filterPage('partnership', 'chorley-partnership').title).toBe('Decisions of Chorley Partnership');
    expect(filterPage('year', '2011').title).toBe('Decisions in 2011');
    expect(filterPage('kind', 'funding').title).toBe('Funding decisions');
    expect(filterPage('status', 'approved').title).toBe('Approved decisions');
    expect(filterPage('key-decision', 'yes').title).toBe('Key decisions');
  });

  it('list the decisions they keep, newest first, out of how many the register holds', () => {
    const page = filterPage('partnership', 'chorley-partnership');
    expect(page.rows.map((row) => row.decision.title)).toEqual(['Property matter', 'Chorley Partnership – a way forward']);
    expect(page).toMatchObject({ count: '2 decisions', total: 4, caption: 'Decisions of Chorley Partnership, newest first' });
  });

  it('mark their own filter as the current choice', () => {
    expect(filterPage('year', '2011').current).toEqual({ dimension: 'year', value: '2011' });
  });

  it('leave out the partnership column only on a partnership’s own page', () => {
    expect(filterPage('partnership', 'vale-lsp').showPartnership).toBe(false);
    expect(filterPage('year', '2012').showPartnership).toBe(true);
  });

  it('sit under the register', () => {
    expect(filterPage('year', '2011').breadcrumbs).toEqual([{ text: 'Home', href: '/' }, { text: 'Decision register', href: '/decisions/' }]);
  });
});
