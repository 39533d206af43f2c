/**
 * A page's list of sources and its citation links, worked out from the files
 * it shows.
 */
import { describe, expect, it } from 'vitest';
import type { PartnershipModel } from '../../src/model/index.ts';
import { statusAsAt, statusDate } from '../../src/site/as-at.ts';
import { structureShown } from '../../src/site/pages/page-sources.ts';
import { fixtureModel } from './helpers/fixture-model.ts';
import { pageSources } from '../../src/site/sources-view.ts';

const partnership = {
  id: 'p', file: 'partnerships/p/partnership.md',
  sources: [{ id: 'review', title: 'The review', publisher: 'A Council', date: '2011-06-14', url: 'https://example.org/review.pdf' }],
} as unknown as PartnershipModel;

describe('a page\'s sources', () => {
  const structure = {
    file: 'partnerships/p/structures/current.yaml',
    value: {
      sources: [{ id: 'minutes', title: 'Minutes', url: 'javascript:alert(1)' }],
      bodies: [{ id: 'board', name: 'Board', cite: [{ source: 'review', where: 'para 4' }, { source: 'minutes' }] }],
    },
  };

  it('lists the file\'s own sources, then the partnership\'s that it cites, numbered', () => {
    const { entries } = pageSources(partnership, [structure]);
    expect(entries.map((e) => [e.number, e.title])).toEqual([[1, 'Minutes'], [2, 'The review']]);
    expect(entries[1].details).toEqual(['A Council', '14 June 2011']);
  });

  it('links a source only when its address is a web address: a javascript: address is shown as text', () => {
    const { entries } = pageSources(partnership, [structure]);
    expect(entries[0].url).toBeUndefined();
    expect(entries[1].url).toBe('https://example.org/review.pdf');
  });

  it('gives each cited item a link per citation, announced in full, and each source a link back', () => {
    const sources = pageSources(partnership, [structure]);
    const marks = sources.marks(structure.file, 'bodies', 0);
    expect(marks.map((m) => [m.href, m.label])).toEqual([['#source-2', 'source 2: The review, para 4'], ['#source-1', 'source 1: Minutes']]);
    expect(sources.entries[1].citedFrom).toEqual([{ id: marks[0].id, label: 'Board', where: 'para 4' }]);
    expect(new Set(marks.map((m) => m.id)).size).toBe(2);
  });

  it('takes a file with no sources of its own from its partnership\'s', () => {
    const { entries } = pageSources(partnership, [{ file: 'partnerships/p/decisions/2011-x.md', value: { title: 'X' } }]);
    expect(entries.map((e) => e.title)).toEqual(['The review']);
  });

  it('lists a decision\'s report first, as the source "report"', () => {
    const decision = { file: 'partnerships/p/decisions/2011-11-08-x.md', value: { title: 'X', date: '2011-11-08', report: { title: 'Partnerships', author: 'Head of Community Engagement' }, funding: { cite: [{ source: 'report', where: 'Appendix A' }] } } };
    const sources = pageSources(partnership, [decision]);
    // The report's own date is not recorded: the decision's date is when it was considered, not written.
    expect(sources.entries[0]).toMatchObject({ title: 'Partnerships', details: ['Head of Community Engagement'] });
    expect(sources.marks(decision.file, 'funding')[0].label).toBe('source 1: Partnerships, Appendix A');
  });
});

describe('the link back from a source to a cited relation', () => {
  it('names the relation by what it links, not "This page"', () => {
    const model = fixtureModel();
    const structure = model.partnerships.find((p) => p.id === 'chorley-partnership')!.structures.find((s) => s.id === '2006-proposed')!;
    const cited = {
      ...structure,
      sources: [{ id: 'constitution', title: 'Constitution' }],
      relations: structure.relations.map((r, i) => (i === 1 ? { ...r, cite: [{ source: 'constitution', where: 'para 9' }] } : r)),
    };
    const { entries } = pageSources(undefined, [structureShown(model, cited)]);
    expect(entries[0].citedFrom.map((c) => [c.label, c.where])).toEqual([['LSP Executive works with Shire Partnership', 'para 9']]);
  });

  it('keeps a long relation label whole, so it still says what the relation links to', () => {
    const model = fixtureModel();
    const structure = model.partnerships.find((p) => p.id === 'chorley-partnership')!.structures.find((s) => s.id === '2006-proposed')!;
    const executive = 'The Executive Group of the Partnership Board and Assembly of Chorley';
    const cited = {
      ...structure,
      sources: [{ id: 'constitution', title: 'Constitution' }],
      bodies: structure.bodies.map((b) => (b.id === 'executive' ? { ...b, name: executive } : b)),
      relations: structure.relations.map((r, i) => (i === 1 ? { ...r, cite: [{ source: 'constitution', where: 'para 9' }] } : r)),
    };
    const { entries } = pageSources(undefined, [structureShown(model, cited)]);
    expect(entries[0].citedFrom[0].label).toBe(`${executive} works with Shire Partnership`);
  });
});

describe('when a status was last known', () => {
  it('is the file\'s status_as_at, else its latest dated source, else not recorded; never the review date', () => {
    expect(statusAsAt({ status_as_at: '2011-06' })).toBe('as at June 2011');
    expect(statusAsAt({ sources: [{ date: '2006-03-02' }, { date: '2006-03-09' }, {}] })).toBe('as described on 9 March 2006');
    expect(statusAsAt({ reviewed: '2026-11-26' } as never)).toBe('date not recorded');
  });

  it('says "on" a full date and "in" a month or a year', () => {
    expect(statusAsAt({ sources: [{ date: '2021-06-15' }] })).toBe('as described on 15 June 2021');
    expect(statusAsAt({ sources: [{ date: '2022-01' }] })).toBe('as described in January 2022');
    expect(statusAsAt({ sources: [{ date: '2021' }] })).toBe('as described in 2021');
  });

  it('is not recorded for a decision whose only source is its undated report: the decision’s date is not the status’s', () => {
    const decision = { date: '2021-06-15', status: 'approved', report: { title: 'A report' }, sources: null };
    expect(statusAsAt(decision)).toBe('date not recorded');
    expect(statusDate(decision)).toEqual({ date: null, basis: null });
  });
});
