import { describe, expect, it } from 'vitest';
import type { PartnershipNode } from '../../../src/site/partnership-groups.ts';
import { homePageData } from '../../../src/site/pages/home-page.ts';
import { exampleModel } from './example-model.ts';
import { fixtureModel } from '../helpers/fixture-model.ts';

const page = homePageData(exampleModel());
const names = (nodes: PartnershipNode[]): unknown[] => nodes.map((n) => (n.children.length > 0 ? [n.partnership.name, names(n.children)] : n.partnership.name));

describe('the home page', () => {
  it('is headed with the register’s name and says who publishes it', () => {
    expect(page).toMatchObject({ title: 'Home', heading: 'Local Partnerships Register', publisher: 'Example Council Policy Team' });
    expect(page.description).toBe('The partnerships, structures, strategies and decisions recorded by Example Council Policy Team.');
  });

  it('lists counties first, each with the partnerships recorded as within it beneath, then districts, then those whose tier is not recorded', () => {
    expect(page.partnershipCount).toBe('6 partnerships');
    expect(page.groups.map((g) => [g.heading, names(g.nodes)])).toEqual([
      [
        'Counties, with the partnerships within them',
        [
          ['Lancashire Partnership', ['Chorley Partnership']],
          ['Worcestershire Partnership', ['Worcester District Local Strategic Partnership']],
        ],
      ],
      ['Districts', ['Lancaster District Local Strategic Partnership']],
      ['Partnerships whose tier is not recorded', ['Calderdale Forward']],
    ]);
  });

  it('lists the five newest decisions, newest first, each with its partnership', () => {
    expect(page.latest.map((d) => [d.date, d.partnershipName])).toEqual([
      ['2011-11-08', 'Lancaster District Local Strategic Partnership'],
      ['2011', 'Worcestershire Partnership'],
      ['2010-01-12', 'Calderdale Forward'],
      ['2006-03-09', 'Chorley Partnership'],
      ['2006-03-02', 'Chorley Partnership'],
    ]);
    expect(page.latest[0]).toMatchObject({
      url: '/partnerships/lancaster-district-lsp/decisions/2011-11-08-partnerships/',
      partnershipUrl: '/partnerships/lancaster-district-lsp/',
    });
    expect(page.decisionCount).toBe('5 decisions');
  });

  it('lists an exempt decision by its title and date like any other', () => {
    const exempt = homePageData(fixtureModel()).latest.find((d) => d.title === 'Property matter');
    expect(exempt).toEqual({
      title: 'Property matter',
      date: '2007-01-10',
      url: '/partnerships/chorley-partnership/decisions/2007-01-10-exempt-matter/',
      partnershipName: 'Chorley Partnership',
      partnershipUrl: '/partnerships/chorley-partnership/',
    });
  });
});
