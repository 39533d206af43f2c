import { describe, expect, it } from 'vitest';
import type { Model } from '../../../src/model/index.ts';
import { partnershipPageData, partnershipPagePaths } from '../../../src/site/pages/partnership-page.ts';
import { fixtureModel } from '../helpers/fixture-model.ts';
import { exampleModel } from './example-model.ts';

// No drawn diagrams: the page falls back to the diagram's text alternative.
const NO_DRAWINGS = { cacheDir: '/nonexistent/diagram-cache' };
const pageOf = (model: Model, id: string) => {
  const partnership = model.partnerships.find((p) => p.id === id);
  if (!partnership) throw new Error(`no partnership ${id}`);
  return partnershipPageData(model, partnership, NO_DRAWINGS);
};

describe('the partnership pages', () => {
  it('are one for each partnership, at its id', () => {
    expect(partnershipPagePaths(exampleModel()).map((path) => path.params.id)).toEqual([
      'calderdale-forward',
      'chorley-partnership',
      'lancashire-partnership',
      'lancaster-district-lsp',
      'worcester-lsp',
      'worcestershire-partnership',
    ]);
  });
});

describe('a partnership’s page (Chorley, in the example register)', () => {
  const page = pageOf(exampleModel(), 'chorley-partnership');

  it('is titled with its name, under the list of partnerships', () => {
    expect(page.title).toBe('Chorley Partnership');
    expect(page.breadcrumbs).toEqual([{ text: 'Home', href: '/' }, { text: 'Partnerships', href: '/partnerships/' }]);
  });

  it('says what kind of partnership it is, its status and tier, and the county partnership it is part of', () => {
    expect(page).toMatchObject({ kind: 'District local strategic partnership', status: { text: 'Active', colour: 'green' }, tier: 'District' });
    expect(page.parent).toEqual({ text: 'Lancashire Partnership', href: '/partnerships/lancashire-partnership/' });
    expect(page.children).toEqual([]);
  });

  it('shows the structure in force, with every body in order, and the warning about the Board beside it', () => {
    expect(page.current).toMatchObject({
      title: 'Current arrangements (as described in March 2006)',
      href: '/partnerships/chorley-partnership/structures/pre-2006/',
      bodyCount: '4 bodies',
      diagramSource: '/partnerships/chorley-partnership/structures/pre-2006.mmd',
    });
    expect(page.current?.diagram.title).toBe('Chorley Partnership: Current arrangements (as described in March 2006)');
    expect(page.current?.bodies.map((b) => b.body.name)).toEqual(['Board of Directors', 'The Executive', 'Thematic/Task Groups', 'Partnership Forum']);
    expect(page.current?.bodies[0].notes.map((n) => n.text)).toEqual(['The source document gives the Board of Directors 25 members, but the seats it lists add up to 22.']);
    expect(page.current?.bodies.slice(1).every((b) => b.notes.length === 0)).toBe(true);
  });

  it('shows the structure over time: the version in force, then the proposal and what it would change', () => {
    expect(page.timeline.map((t) => [t.title, t.status.text, t.against])).toEqual([
      ['Current arrangements (as described in March 2006)', 'Current', undefined],
      [
        'Proposed structure (March 2006)',
        'Proposed',
        { title: 'Current arrangements (as described in March 2006)', changes: '8 bodies added, 3 removed, 1 renamed, 1 with a reporting line not recorded before, 1 resized, 1 with new seats' },
      ],
    ]);
  });

  it('lists its decisions and reports, newest first', () => {
    expect(page.decisions.map((row) => [row.decision.date, row.decision.title])).toEqual([
      ['2006-03-09', 'Chorley Partnership – a way forward'],
      ['2006-03-02', 'Local Strategic Partnerships: Shaping their Future – response to the consultation paper'],
    ]);
    expect(page.decisionsCaption).toBe('Decisions and reports of Chorley Partnership, newest first');
  });

  it('builds its history from the partnership’s file and every version of its structure', () => {
    expect(page.history.files).toEqual([
      'partnerships/chorley-partnership/partnership.md',
      'partnerships/chorley-partnership/structures/pre-2006.yaml',
      'partnerships/chorley-partnership/structures/2006-proposed.yaml',
    ]);
  });

  it('lists the Board’s warning with the page’s data-quality notes too', () => {
    expect(page.notes.map((n) => n.code)).toContain('size-mismatch');
    expect(page.sections).toContainEqual({ id: 'data-quality-notes', text: 'Data-quality notes' });
  });
});

describe('a county partnership’s page (Lancashire, in the example register)', () => {
  const page = pageOf(exampleModel(), 'lancashire-partnership');

  it('lists the partnerships recorded as within it', () => {
    expect(page.children).toEqual([{ text: 'Chorley Partnership', href: '/partnerships/chorley-partnership/' }]);
  });

  it('has no structure in force, no timeline and no strategies to show', () => {
    expect(page.current).toBeUndefined();
    expect(page.timeline).toEqual([]);
    expect(page.sections.map((s) => s.id)).not.toContain('strategies');
  });
});

describe('strategies and chapters on a partnership’s page', () => {
  it('lists the strategies a partnership owns, with how many districts wrote chapters, and no period the source does not state', () => {
    const [strategy] = pageOf(exampleModel(), 'worcestershire-partnership').strategies;
    expect(strategy).toMatchObject({
      title: 'Worcestershire Sustainable Community Strategy',
      href: '/partnerships/worcestershire-partnership/strategies/scs-2011/',
      chapterCount: '1 district chapter',
    });
    expect(strategy.period).toBeUndefined();
  });

  it('lists a strategy’s period when its file states one', () => {
    expect(pageOf(fixtureModel(), 'shire-partnership').strategies.map((s) => s.period)).toEqual(['2011 to 2021']);
  });

  it('lists a district’s chapters of its county’s strategy, linked to the strategy', () => {
    const page = pageOf(exampleModel(), 'worcester-lsp');
    expect(page.chapters).toEqual([
      {
        title: 'Worcester district chapter',
        href: '/partnerships/worcester-lsp/chapters/scs-2011/',
        status: { text: 'Draft', colour: 'yellow' },
        strategy: { text: 'Worcestershire Sustainable Community Strategy', href: '/partnerships/worcestershire-partnership/strategies/scs-2011/' },
      },
    ]);
    expect(page.sections.map((s) => s.id)).toContain('strategies');
  });
});

describe('a dissolved partnership’s page (Lancaster, in the fixture register)', () => {
  const page = pageOf(fixtureModel(), 'lancaster-district-lsp');

  it('says when it was dissolved and what replaced it: the proposed structure and the decision that set it out', () => {
    expect(page.dissolved).toEqual({
      date: '2011-11',
      replacement: {
        structure: { text: 'Proposed key partnerships (November 2011)', href: '/partnerships/lancaster-district-lsp/structures/2011-proposed/' },
        decision: {
          text: 'Partnerships: the future approach to working in partnership',
          href: '/partnerships/lancaster-district-lsp/decisions/2011-11-08-partnerships/',
          date: '2011-11-08',
        },
      },
    });
  });

  it('has no structure in force, but still shows every version it had', () => {
    expect(page.current).toBeUndefined();
    expect(page.timeline.map((t) => [t.title, t.period, t.against?.changes])).toEqual([
      ['LSP structure (2011)', 'until November 2011', undefined],
      ['Proposed key partnerships (November 2011)', undefined, '2 bodies added, 2 removed'],
    ]);
  });

  it('is not shown as dissolved when the partnership is active', () => {
    expect(pageOf(fixtureModel(), 'vale-lsp').dissolved).toBeUndefined();
  });
});

describe('a page overdue for review (Chorley, in the fixture register)', () => {
  const page = pageOf(fixtureModel(), 'chorley-partnership');

  it('warns at the top of the page, and does not repeat the warning among the data-quality notes', () => {
    expect(page.reviewWarning).toBe('This page was last checked on 15 January 2025, more than 12 months ago, so some details may be out of date.');
    expect(page.notes.map((n) => n.code)).toEqual(['size-mismatch']);
  });

  it('lists an exempt decision with the others, by its title and date only', () => {
    const exempt = page.decisions.find((row) => !row.decision.public);
    expect(exempt).toMatchObject({ url: '/partnerships/chorley-partnership/decisions/2007-01-10-exempt-matter/', kinds: [] });
    expect(exempt?.status).toBeUndefined();
  });
});
