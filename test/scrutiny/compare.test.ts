import { describe, expect, it } from 'vitest';
import type { Model } from '../../src/model/index.ts';
import { CHART_MAX_BODIES, comparePageData, comparePagePaths, compareFilterOptions, formatShare, seatsByCategory } from '../../src/site/scrutiny/compare.ts';
import { exampleModel } from '../site/pages/example-model.ts';
import { scrutinyModel } from './helpers.ts';

const bodyNamed = (model: Model, name: string) => {
  const row = comparePageData(model).rows.find((r) => r.body.name === name);
  if (!row) throw new Error(`no compared body named ${name}`);
  return row;
};

describe('boards compared, on the example register', () => {
  const page = comparePageData(exampleModel());

  it('shows Chorley’s Board of Directors by seat category, as counts and shares of its 22 voting seats', () => {
    const board = bodyNamed(exampleModel(), 'Board of Directors');
    expect(board.partnership.name).toBe('Chorley Partnership');
    expect(board.seats?.votingTotal).toBe(22);
    expect(board.seats?.voting).toMatchObject({
      'local-authority': { seats: 4, share: '18%' },
      business: { seats: 3, share: '14%' },
      'voluntary-community-faith': { seats: 3, share: '14%' },
      other: { seats: 5, share: '23%' },
      police: { seats: 1, share: '5%' },
    });
  });

  it('gives the stated 25 beside the 22 seats listed, with the data-quality note that they disagree', () => {
    const board = bodyNamed(exampleModel(), 'Board of Directors');
    expect(board.size).toBe('25 members');
    expect(board.sizeNote).toBe('The source document gives the Board of Directors 25 members, but the seats it lists add up to 22.');
  });

  it('shows Lancaster’s LSP Board with its seats not recorded, never as 0', () => {
    const lancaster = bodyNamed(exampleModel(), 'LSP Board');
    expect(lancaster.partnership.name).toBe('Lancaster District Local Strategic Partnership');
    expect(lancaster.seats).toBeUndefined();
    expect(lancaster.size).toBeUndefined();
  });

  it('compares only each partnership’s current structure, so Chorley’s proposed Board of around 40 is not among them', () => {
    expect(page.rows.map((r) => `${r.partnership.id}/${r.structure.id}/${r.body.id}`)).toEqual([
      'calderdale-forward/2010-current/board',
      'chorley-partnership/pre-2006/board-of-directors',
      'chorley-partnership/pre-2006/executive',
      'lancaster-district-lsp/2011-current/board',
    ]);
  });

  it('says which partnerships it cannot compare, and why', () => {
    expect(page.notCompared.map((n) => `${n.name}: ${n.reason}`)).toEqual([
      'Lancashire Partnership: no structure in force is recorded',
      'Worcester District Local Strategic Partnership: no structure in force is recorded',
      'Worcestershire Partnership: its current structure lists no board or executive',
    ]);
  });

  it('draws the chart of the same bodies, and links the same figures as open data', () => {
    expect(page.chart).toMatch(/^<svg[^>]+role="img"/);
    expect(page.chart).toContain('Board of Directors: 22 voting seats');
    expect(page.seatsCsvUrl).toBe('/data/seats.csv');
  });
});

describe('boards compared, on a register with advisory seats and seats without a category', () => {
  const model = scrutinyModel();

  it('keeps advisory seats apart: not in the voting total, nor in the shares, nor against the stated size', () => {
    const vale = bodyNamed(model, 'Vale Board');
    expect(vale.seats).toMatchObject({ votingTotal: 8, advisoryTotal: 2, advisoryShare: '20%', advisory: { health: { seats: 2, share: '20%' } } });
    expect(vale.seats?.voting.health).toBeUndefined();
    expect(vale.sizeNote).toBe('The source document gives the Vale Board 12 members, but the seats it lists add up to 8, not counting 2 advisory seats.');
  });

  it('counts seats listed without a category in a column of their own', () => {
    const vale = bodyNamed(model, 'Vale Board');
    expect(vale.seats?.voting['not-given']).toEqual({ seats: 1, share: '13%' });
    expect(comparePageData(model).columns.map((c) => c.label)).toEqual([
      'Elected members', 'Police', 'Health', 'Business', 'Voluntary, community and faith', 'Category not given',
    ]);
  });

  it('keeps a hedged size hedged, and gives no note when the seats are close enough to it', () => {
    const shire = bodyNamed(model, 'Shire Board');
    expect(shire.size).toBe('around 20 members');
    expect(shire.sizeNote).toBeUndefined();
  });

  it('says how many members an executive names when it lists no seats', () => {
    expect(bodyNamed(model, 'Shire Executive')).toMatchObject({ members: 3 });
    expect(bodyNamed(model, 'Shire Executive').seats).toBeUndefined();
  });

  it('leaves out thematic groups, and superseded and proposed structures', () => {
    expect(comparePageData(model).rows.map((r) => r.body.name)).toEqual(['Shire Board', 'Shire Executive', 'Vale Board']);
  });

  it('names the partnerships it cannot compare: one with no structure, one whose structure has no board', () => {
    expect(comparePageData(model).notCompared).toEqual([
      { name: 'Dale Partnership', url: '/partnerships/dale-partnership/', reason: 'its current structure lists no board or executive' },
      { name: 'Fell Forum', url: '/partnerships/fell-forum/', reason: 'no structure in force is recorded' },
    ]);
  });
});

describe('the comparison’s filters by kind and tier', () => {
  const model = scrutinyModel();

  it('offer each kind and tier that some partnership has, with how many, as links to pre-built pages', () => {
    const options = compareFilterOptions(model);
    expect(options.kind.map((o) => [o.label, o.count, o.url])).toEqual([
      ['County local strategic partnership', 1, '/compare/kind/county-lsp/'],
      ['District local strategic partnership', 1, '/compare/kind/district-lsp/'],
      ['Thematic partnership', 1, '/compare/kind/thematic/'],
      ['Forum', 1, '/compare/kind/forum/'],
    ]);
    expect(options.tier.map((o) => o.value)).toEqual(['county', 'district', 'neighbourhood']);
    expect(comparePagePaths(model).map((p) => `${p.params.dimension}/${p.params.value}`)).toEqual([
      'kind/county-lsp', 'kind/district-lsp', 'kind/thematic', 'kind/forum', 'tier/county', 'tier/district', 'tier/neighbourhood',
    ]);
  });

  it('build a page with only that tier’s bodies, its own columns, and the link back', () => {
    const path = comparePagePaths(model).find((p) => p.params.value === 'district')!;
    const page = comparePageData(model, path.props);
    expect(page.title).toBe('Boards compared: District tier');
    expect(page.rows.map((r) => r.body.name)).toEqual(['Vale Board']);
    expect(page.columns.map((c) => c.column)).toEqual(['elected-members', 'business', 'not-given']);
    expect(page.hasAdvisory).toBe(true);
    expect(page.current).toEqual({ dimension: 'tier', value: 'district' });
    expect(page.breadcrumbs.at(-1)).toEqual({ text: 'Boards compared', href: '/compare/' });
  });

  it('say so on a page whose partnerships have no board to compare, and name them', () => {
    const path = comparePagePaths(model).find((p) => p.params.value === 'forum')!;
    const page = comparePageData(model, path.props);
    expect(page.rows).toEqual([]);
    expect(page.chart).toBeUndefined();
    expect(page.notCompared.map((n) => n.name)).toEqual(['Fell Forum']);
  });
});

describe('a register with more boards than a chart can show', () => {
  it('draws no chart, and says how to narrow the comparison to draw one', () => {
    const base = scrutinyModel();
    const vale = base.partnerships.find((p) => p.id === 'vale-lsp')!;
    const many: Model = { ...base, partnerships: Array.from({ length: CHART_MAX_BODIES + 1 }, (_, i) => ({ ...vale, id: `vale-${i}`, name: `Vale ${i}` })) };
    const page = comparePageData(many);
    expect(page.rows).toHaveLength(CHART_MAX_BODIES + 1);
    expect(page.chart).toBeUndefined();
    expect(page.chartNote).toBe(`The chart is drawn for up to ${CHART_MAX_BODIES} bodies; this comparison has ${CHART_MAX_BODIES + 1}. Choose a kind or tier of partnership below to draw it, or read the table.`);
  });
});

describe('seats by category, for open data', () => {
  it('adds a body’s seats up by category, voting and advisory apart, and is null when no seats are listed', () => {
    const vale = scrutinyModel().partnerships.find((p) => p.id === 'vale-lsp')!.structures.find((s) => s.id === '2020-current')!.bodies[0];
    expect(seatsByCategory(vale)).toEqual({ voting: { 'elected-members': 4, business: 3, 'not-given': 1 }, advisory: { health: 2 } });
    expect(seatsByCategory({ seats: undefined })).toBeNull();
    expect(seatsByCategory({ seats: [] })).toBeNull();
  });
});

describe('shares in words', () => {
  it('round to whole per cents, but never round a seat away or a body into one category', () => {
    expect(formatShare(5, 22)).toBe('23%');
    expect(formatShare(1, 300)).toBe('under 1%');
    expect(formatShare(299, 300)).toBe('over 99%');
    expect(formatShare(4, 4)).toBe('100%');
  });
});
