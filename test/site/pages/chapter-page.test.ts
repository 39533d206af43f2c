import { describe, expect, it } from 'vitest';
import type { Model } from '../../../src/model/index.ts';
import { chapterPageData, chapterPagePaths } from '../../../src/site/pages/chapter-page.ts';
import { fixtureModel } from '../helpers/fixture-model.ts';
import { exampleModel } from './example-model.ts';

const pageOf = (model: Model, partnershipId: string) => {
  const partnership = model.partnerships.find((p) => p.id === partnershipId);
  const chapter = partnership?.chapters[0];
  if (!partnership || !chapter) throw new Error(`no chapter of ${partnershipId}`);
  return chapterPageData(model, partnership, chapter);
};

describe('the chapter pages', () => {
  it('are one for each chapter, under the district that wrote it, at the strategy’s id', () => {
    expect(chapterPagePaths(exampleModel()).map((path) => path.params)).toEqual([{ id: 'worcester-lsp', strategy: 'scs-2011' }]);
  });
});

describe('a district’s chapter (Worcester’s, in the example register)', () => {
  const page = pageOf(exampleModel(), 'worcester-lsp');

  it('is titled with the chapter and its district, under the district’s page', () => {
    expect(page.title).toBe('Worcester district chapter – Worcester District Local Strategic Partnership');
    expect(page.heading).toBe('Worcester district chapter');
    expect(page.description).toBe("Worcester District Local Strategic Partnership's chapter of Worcestershire Sustainable Community Strategy: 1 priority.");
    expect(page.breadcrumbs.at(-1)).toEqual({ text: 'Worcester District Local Strategic Partnership', href: '/partnerships/worcester-lsp/' });
  });

  it('links the county strategy it is a chapter of, and the county that owns it', () => {
    expect(page.strategy).toMatchObject({ text: 'Worcestershire Sustainable Community Strategy', href: '/partnerships/worcestershire-partnership/strategies/scs-2011/' });
    expect(page.owner).toEqual({ text: 'Worcestershire Partnership', href: '/partnerships/worcestershire-partnership/' });
    expect(page.status).toEqual({ text: 'Draft', colour: 'yellow' });
  });

  it('links each priority to the objective it serves on the strategy’s page', () => {
    expect(page.priorities.map((p) => [p.title, p.objective, p.lead])).toEqual([
      [
        'Create jobs in private sector',
        { text: 'A skilled and prosperous economy', href: '/partnerships/worcestershire-partnership/strategies/scs-2011/#objective-skilled-prosperous-economy' },
        'Place Shaping Theme Group',
      ],
    ]);
  });
});

describe('an agreed chapter with many priorities (Vale’s, in the fixture register)', () => {
  const page = pageOf(fixtureModel(), 'vale-lsp');

  it('says when it was agreed, how many priorities it has, and the years of its strategy', () => {
    expect(page).toMatchObject({ agreed: '2011-03', priorityCount: 6, status: { text: 'Agreed' } });
    expect(page.strategy?.period).toBe('2011 to 2021');
  });

  it('warns that it has more priorities than a chapter should', () => {
    expect(page.notes.map((n) => n.text)).toEqual(['This chapter has 6 priorities. Chapters are meant to keep to a limited set of high level priorities: at most 5.']);
  });

  it('gives a priority’s evidence and measures where the chapter has them, and says when no lead is recorded', () => {
    const [jobs, skills] = page.priorities;
    expect(jobs).toMatchObject({ anchor: 'priority-private-sector-jobs', evidence: 'Local *evidence* behind the priority.', measures: [{ indicator: 'New private-sector jobs', target: 1200 }] });
    expect(skills).toMatchObject({
      anchor: 'priority-skills',
      title: 'Raise skills',
      objective: { text: 'A skilled and prosperous economy', href: '/partnerships/shire-partnership/strategies/scs-2011/#objective-skilled-prosperous-economy' },
      lead: 'Not recorded',
    });
    expect(skills.evidence).toBeUndefined();
    expect(skills.measures).toBeUndefined();
  });

  it('shows the chapter’s own text', () => {
    expect(page.body).toBe("The Vale's chapter.\n");
  });
});
