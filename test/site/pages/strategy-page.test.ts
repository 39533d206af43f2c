import { describe, expect, it } from 'vitest';
import type { Model } from '../../../src/model/index.ts';
import { strategyPageData, strategyPagePaths } from '../../../src/site/pages/strategy-page.ts';
import { fixtureModel } from '../helpers/fixture-model.ts';
import { exampleModel } from './example-model.ts';
import { extendedFixtureModel } from './extended-fixture.ts';

const pageOf = (model: Model, ownerId: string, strategyId: string) => {
  const partnership = model.partnerships.find((p) => p.id === ownerId);
  const strategy = partnership?.strategies.find((s) => s.id === strategyId);
  if (!partnership || !strategy) throw new Error(`no strategy ${ownerId}/${strategyId}`);
  return strategyPageData(model, partnership, strategy);
};

describe('the strategy pages', () => {
  it('are one for each strategy, under the partnership that owns it', () => {
    expect(strategyPagePaths(exampleModel()).map((path) => path.params)).toEqual([{ id: 'worcestershire-partnership', strategy: 'scs-2011' }]);
  });
});

describe('a county’s strategy with one district chapter (Shire, in the fixture register)', () => {
  const page = pageOf(fixtureModel(), 'shire-partnership', 'scs-2011');

  it('says what kind of strategy it is, whose, and for which years', () => {
    expect(page.title).toBe('Shire Sustainable Community Strategy');
    expect(page.description).toBe('Sustainable community strategy of Shire Partnership, 2011 to 2021.');
    expect(page).toMatchObject({ kind: 'Sustainable community strategy', period: '2011 to 2021', ownerUrl: '/partnerships/shire-partnership/', vision: 'A *prosperous* county.' });
    expect(page.breadcrumbs.at(-1)).toEqual({ text: 'Shire Partnership', href: '/partnerships/shire-partnership/' });
  });

  it('lists each objective with its lead, and the district priorities that serve it, linked to the chapter', () => {
    expect(page.objectives.map((o) => [o.title, o.lead, o.serving.map((s) => s.title)])).toEqual([
      ['A skilled and prosperous economy', 'Place Shaping Theme Group', ['Create jobs in the private sector', 'Raise skills', 'More apprenticeships', 'A lively town centre']],
      ['Safer communities', 'not recorded', ['Less crime', 'Less fear of crime']],
    ]);
    expect(page.objectives[1].serving[0]).toEqual({ title: 'Less crime', href: '/partnerships/vale-lsp/chapters/scs-2011/#priority-crime', partnershipName: 'Vale District Local Strategic Partnership' });
  });

  it('lists the district’s chapter, with each priority and the objective it serves', () => {
    expect(page.chapters).toHaveLength(1);
    expect(page.chapters[0]).toMatchObject({
      title: 'Vale district chapter',
      href: '/partnerships/vale-lsp/chapters/scs-2011/',
      status: { text: 'Agreed' },
      partnership: { text: 'Vale District Local Strategic Partnership', href: '/partnerships/vale-lsp/' },
      agreed: '2011-03',
      priorityCount: '6 priorities',
    });
    expect(page.chapters[0].priorities.at(-1)).toEqual({ title: 'Less fear of crime', serves: 'Safer communities' });
  });

  it('shows a chapter’s warnings beside that chapter, not as the strategy’s own', () => {
    expect(page.chapters[0].notes.map((n) => n.text)).toEqual(['This chapter has 6 priorities. Chapters are meant to keep to a limited set of high level priorities: at most 5.']);
    expect(page.notes).toEqual([]);
  });
});

describe('a strategy with chapters from several districts', () => {
  const page = pageOf(extendedFixtureModel(), 'shire-partnership', 'scs-2011');

  it('lists the chapters A to Z by district, and each objective’s priorities in that order', () => {
    expect(page.chapters.map((c) => [c.partnership.text, c.priorityCount, c.agreed])).toEqual([
      ['Chorley Partnership', '1 priority', undefined],
      ['Vale District Local Strategic Partnership', '6 priorities', '2011-03'],
    ]);
    expect(page.objectives[1].serving.map((s) => `${s.title} (${s.partnershipName})`)).toEqual([
      'Safer streets (Chorley Partnership)',
      'Less crime (Vale District Local Strategic Partnership)',
      'Less fear of crime (Vale District Local Strategic Partnership)',
    ]);
  });
});
