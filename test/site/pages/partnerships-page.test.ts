import { describe, expect, it } from 'vitest';
import { partnershipsPageData, searchPageData } from '../../../src/site/pages/partnerships-page.ts';
import { exampleModel } from './example-model.ts';

const model = exampleModel();
const letters = (groups: ReturnType<typeof partnershipsPageData>['letters']) => groups.map((g) => [g.letter, g.partnerships.map((p) => p.name)]);

describe('the A to Z of partnerships', () => {
  const page = partnershipsPageData(model);

  it('lists every partnership under its first letter, A to Z', () => {
    expect(page.count).toBe('6 partnerships');
    expect(letters(page.letters)).toEqual([
      ['C', ['Calderdale Forward', 'Chorley Partnership']],
      ['L', ['Lancashire Partnership', 'Lancaster District Local Strategic Partnership']],
      ['W', ['Worcester District Local Strategic Partnership', 'Worcestershire Partnership']],
    ]);
  });

  it('sits under the home page, and says what the register holds', () => {
    expect(page.breadcrumbs).toEqual([{ text: 'Home', href: '/' }]);
    expect(page).toMatchObject({ title: 'All partnerships', description: 'Every partnership in the Local Partnerships Register, A to Z.' });
  });
});

describe('the search page', () => {
  it('offers the same A to Z for readers whose browser cannot search', () => {
    const page = searchPageData(model);
    expect(page.title).toBe('Search');
    expect(letters(page.letters)).toEqual(letters(partnershipsPageData(model).letters));
  });
});
