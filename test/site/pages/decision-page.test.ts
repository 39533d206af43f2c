import { describe, expect, it } from 'vitest';
import type { Model } from '../../../src/model/index.ts';
import { decisionPageData, decisionPagePaths, type PublishedDecisionPage } from '../../../src/site/pages/decision-page.ts';
import { fixtureModel } from '../helpers/fixture-model.ts';
import { exampleModel } from './example-model.ts';
import { extendedFixtureModel } from './extended-fixture.ts';

const pageOf = (model: Model, partnershipId: string, decisionId: string) => {
  const partnership = model.partnerships.find((p) => p.id === partnershipId);
  const decision = partnership?.decisions.find((d) => d.id === decisionId);
  if (!partnership || !decision) throw new Error(`no decision ${partnershipId}/${decisionId}`);
  return decisionPageData(model, partnership, decision);
};
const published = (model: Model, partnershipId: string, decisionId: string): PublishedDecisionPage => {
  const page = pageOf(model, partnershipId, decisionId);
  if (!page.public) throw new Error(`${decisionId} is exempt`);
  return page;
};

describe('the decision pages', () => {
  it('are one for each decision, exempt ones too, under its partnership', () => {
    expect(decisionPagePaths(fixtureModel()).map((path) => `${path.params.id}/${path.params.decision}`)).toEqual([
      'chorley-partnership/2007-01-10-exempt-matter',
      'chorley-partnership/2006-03-09-a-way-forward',
      'lancaster-district-lsp/2011-11-08-partnerships',
      'vale-lsp/2012-02-01-pooled-budget',
    ]);
  });
});

describe('a published decision’s page (Lancaster’s November 2011 report, in the example register)', () => {
  const page = published(exampleModel(), 'lancaster-district-lsp', '2011-11-08-partnerships');

  it('is titled with the decision, under its partnership’s page, and described by who decided and when', () => {
    expect(page.title).toBe('Partnerships: the future approach to working in partnership and the use of uncommitted Performance Reward Grant');
    expect(page.breadcrumbs.at(-1)).toEqual({ text: 'Lancaster District Local Strategic Partnership', href: '/partnerships/lancaster-district-lsp/' });
    expect(page.description).toBe('Cabinet, Lancaster City Council, 2011-11-08');
  });

  it('gives its status and its kinds in words', () => {
    expect(page.status).toEqual({ text: 'Proposed', colour: 'yellow' });
    expect(page.kinds).toBe('Funding, Structure');
  });

  it('names the report it was taken on', () => {
    expect(page.report).toMatchObject({ title: 'Partnerships', author: 'Head of Community Engagement' });
  });

  it('links the structure it proposes, with that structure’s status', () => {
    expect(page.structure).toEqual({
      text: 'Proposed key partnerships (November 2011)',
      href: '/partnerships/lancaster-district-lsp/structures/2011-proposed/',
      status: { text: 'Proposed', colour: 'yellow' },
    });
  });

  it('builds its history from its own file', () => {
    expect(page.history.files).toEqual(['partnerships/lancaster-district-lsp/decisions/2011-11-08-partnerships.md']);
  });
});

describe('an exempt decision’s page (Chorley’s property matter, in the fixture register)', () => {
  const page = pageOf(fixtureModel(), 'chorley-partnership', '2007-01-10-exempt-matter');

  it('holds its title and date, and nothing of its contents, status or history', () => {
    expect(page.public).toBe(false);
    expect(Object.keys(page).sort()).toEqual(['breadcrumbs', 'date', 'jsonLd', 'partnership', 'public', 'title']);
    expect(page).toMatchObject({ title: 'Property matter', date: '2007-01-10', partnership: { id: 'chorley-partnership', name: 'Chorley Partnership' } });
  });
});

describe('decisions that replace others', () => {
  const model = extendedFixtureModel();

  it('links the decision a decision supersedes, naming the partnership when it is another’s', () => {
    expect(published(model, 'chorley-partnership', '2006-06-01-structure-agreed').supersedes).toEqual({
      text: 'Chorley Partnership – a way forward',
      href: '/partnerships/chorley-partnership/decisions/2006-03-09-a-way-forward/',
      date: '2006-03-09',
      elsewhere: '',
    });
    expect(published(model, 'vale-lsp', '2013-05-01-shared-working').supersedes).toMatchObject({
      href: '/partnerships/chorley-partnership/decisions/2006-03-09-a-way-forward/',
      elsewhere: ' (Chorley Partnership)',
    });
  });

  it('lists every decision that supersedes it, from its own partnership or another', () => {
    const superseded = published(model, 'chorley-partnership', '2006-03-09-a-way-forward').supersededBy;
    expect(superseded.map((d) => [d.text, d.elsewhere]).sort()).toEqual([
      ['New structure agreed', ''],
      ['Shared working with Chorley', ' (Vale District Local Strategic Partnership)'],
    ]);
  });
});
