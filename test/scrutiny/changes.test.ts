import { describe, expect, it } from 'vitest';
import { readGitHistory } from '../../src/history/index.ts';
import { CHANGES_MAX_GROUPS, changesPageData, changesPagePaths, changeLog, PAGES_LISTED, structureEvents } from '../../src/site/scrutiny/changes.ts';
import { exampleModel } from '../site/pages/example-model.ts';
import { madeUpHistory, NO_HISTORY, scrutinyModel } from './helpers.ts';

const VALE_BOARD = 'partnerships/vale-lsp/structures/2020-current.yaml';
const JOBS_FUND = 'partnerships/vale-lsp/decisions/2021-03-10-jobs-fund.md';
const SHIRE_STRATEGY = 'partnerships/shire-partnership/strategies/scs-2020.yaml';

const history = madeUpHistory([
  { subject: 'Correct the Vale Board’s seats', date: '2026-11-20T10:00:00+00:00', files: [VALE_BOARD] },
  { subject: 'Add the jobs fund <b>& its objective</b>', date: '2026-11-20T09:00:00+00:00', files: [JOBS_FUND, SHIRE_STRATEGY, 'site.yaml', 'partnerships/gone/partnership.md'] },
]);

/** Each group's heading, then each change as "label: title". */
const outline = (page: ReturnType<typeof changesPageData>) =>
  page.groups.map((group) => [group.heading, ...group.changes.map((c) => `${c.label}: ${c.title.text}`)]);

describe('what changed, in a build without history', () => {
  const page = changesPageData(scrutinyModel(), NO_HISTORY);

  it('lists decisions and structure events newest first, by month, a year-only date after its year’s months', () => {
    expect(outline(page)).toEqual([
      ['August 2021', 'Decision: Exempt contract'],
      ['July 2021', 'Decision: Pooled budget'],
      ['June 2021', 'Decision: Rejected grant'],
      ['May 2021', 'Decision: Skills bid'],
      ['March 2021', 'Decision: Jobs fund', 'Structure proposed: Proposed Vale structure (2021)'],
      ['2021, month not recorded', 'Decision: Crime review'],
      ['April 2020', 'Structure adopted: Vale structure (2020)', 'Structure adopted: Shire structure (2020)'],
      ['March 2020', 'Structure superseded: Vale structure (2015)'],
      ['June 2015', 'Structure adopted: Vale structure (2015)'],
    ]);
  });

  it('keeps each date as precise as the records give it, never inventing a day or a month', () => {
    const dates = page.groups.flatMap((g) => g.changes.map((c) => c.date));
    expect(dates).toEqual(['2021-08-01', '2021-07-01', '2021-06-01', '2021-05', '2021-03-10', '2021-03-10', '2021', '2020-04-01', '2020-04', '2020-03-31', '2015-06']);
  });

  it('says that edits to pages are not listed, and why', () => {
    expect(page.historyNote).toBe('This build has no git history of the content, so edits to pages are not listed: only decisions and structures, by their dates.');
    expect(changesPageData(scrutinyModel(), { available: false, reason: 'shallow-clone' }).historyNote).toMatch(/^This site was built from a copy of the repository without its full history/);
  });

  it('lists apart the structures whose dates are not recorded', () => {
    expect(page.undated.map((c) => `${c.label}: ${c.title.text} (${c.partnership?.text})`)).toEqual(['Structure adopted: Dale structure (Dale Partnership)']);
  });

  it('shows a published decision’s status, and of an exempt decision only its title and date', () => {
    const [exempt] = page.groups[0].changes;
    expect(exempt).toMatchObject({ title: { text: 'Exempt contract', href: '/partnerships/vale-lsp/decisions/2021-08-01-exempt-contract/' }, note: 'Exempt from publication: only its title and date are published.' });
    expect(exempt.status).toBeUndefined();
    expect(page.groups[1].changes[0].status).toEqual({ text: 'Approved', colour: 'green' });
  });
});

describe('what changed, with the content’s git history', () => {
  const page = changesPageData(scrutinyModel(), history);

  it('lists each commit’s edits first, newest first, naming the pages it changed and linking the commit', () => {
    expect(outline(page)[0]).toEqual(['November 2026', 'Page edited: Correct the Vale Board’s seats', 'Pages edited: Add the jobs fund <b>& its objective</b>']);
    const [board, jobs] = page.groups[0].changes;
    expect(board.pages).toEqual([{ text: 'Vale structure (2020)', href: '/partnerships/vale-lsp/structures/2020-current/', partnershipId: 'vale-lsp', partnershipName: 'Vale Partnership' }]);
    expect(jobs.pages?.map((p) => `${p.text} (${p.partnershipName})`)).toEqual(['Shire Sustainable Community Strategy (Shire Partnership)', 'Jobs fund (Vale Partnership)']);
    expect(jobs.title.href).toBe(`https://github.com/example/scrutiny-register/commit/${'1'.padStart(40, 'a')}`);
    expect(page.historyNote).toBeUndefined();
  });

  it('names a page the way the page does, and leaves out files that are no page (site.yaml, a removed file)', () => {
    const [, jobs] = page.groups[0].changes;
    expect(jobs.pages?.map((p) => p.href)).toEqual(['/partnerships/shire-partnership/strategies/scs-2020/', '/partnerships/vale-lsp/decisions/2021-03-10-jobs-fund/']);
  });

  it('lists a commit’s first pages and says how many more it changed', () => {
    const files = [...scrutinyModel().partnerships.flatMap((p) => [p.file, ...p.structures.map((s) => s.file), ...p.strategies.map((s) => s.file), ...p.chapters.map((c) => c.file), ...p.decisions.map((d) => d.file)])];
    const big = changesPageData(scrutinyModel(), madeUpHistory([{ subject: 'Import', date: '2026-01-05T12:00:00Z', files }]));
    const [imported] = big.groups[0].changes;
    expect(files).toHaveLength(17);
    expect(imported.pages).toHaveLength(PAGES_LISTED);
    expect(imported.morePages).toBe(17 - PAGES_LISTED);
  });
});

describe('each partnership’s and each year’s changes', () => {
  const model = scrutinyModel();
  const paths = changesPagePaths(model, history);
  const pageFor = (dimension: string, value: string) => {
    const path = paths.find((p) => p.params.dimension === dimension && p.params.value === value);
    if (!path) throw new Error(`no changes page for ${dimension} ${value}`);
    return changesPageData(model, history, path.props);
  };

  it('are pre-built pages, one for each partnership and year with changes', () => {
    expect(paths.map((p) => `${p.params.dimension}/${p.params.value}`)).toEqual([
      'partnership/dale-partnership', 'partnership/shire-partnership', 'partnership/vale-lsp', 'year/2026', 'year/2021', 'year/2020', 'year/2015',
    ]);
    // Six decisions, four structure events (two of the 2015 structure) and two edits.
    expect(paths.find((p) => p.params.value === 'vale-lsp')?.props.option).toMatchObject({ label: 'Vale Partnership', count: 12, url: '/changes/partnership/vale-lsp/' });
  });

  it('give a partnership its own decisions, structures and edits, each edit with only its own pages', () => {
    const shire = pageFor('partnership', 'shire-partnership');
    expect(shire.title).toBe('What changed: Shire Partnership');
    expect(outline(shire)).toEqual([
      ['November 2026', 'Page edited: Add the jobs fund <b>& its objective</b>'],
      ['April 2020', 'Structure adopted: Shire structure (2020)'],
    ]);
    expect(shire.groups[0].changes[0].pages?.map((p) => p.text)).toEqual(['Shire Sustainable Community Strategy']);
    expect(pageFor('partnership', 'dale-partnership').undated.map((c) => c.title.text)).toEqual(['Dale structure']);
  });

  it('give a year its dated changes, and no undated ones', () => {
    const year = pageFor('year', '2020');
    expect(year.title).toBe('What changed in 2020');
    expect(outline(year).map((g) => g[0])).toEqual(['April 2020', 'March 2020']);
    expect(year.undated).toEqual([]);
    expect(year.breadcrumbs.at(-1)).toEqual({ text: 'What changed', href: '/changes/' });
  });
});

describe('a register with more months of changes than /changes/ shows', () => {
  const months = Array.from({ length: CHANGES_MAX_GROUPS + 4 }, (_, i) => ({
    subject: `Edit ${i}`,
    // December 2025 back, one month a commit.
    date: `${2025 - Math.floor(i / 12)}-${String(12 - (i % 12)).padStart(2, '0')}-15T12:00:00Z`,
    files: [VALE_BOARD],
  }));
  const busy = madeUpHistory(months);

  it('shows the newest months, and says the earlier ones are on each year’s page, which holds them all', () => {
    const page = changesPageData(scrutinyModel(), busy);
    expect(page.groups).toHaveLength(CHANGES_MAX_GROUPS);
    expect(page.groups[0].heading).toBe('December 2025');
    expect(page.earlierNote).toBe(`This page shows the newest ${CHANGES_MAX_GROUPS} months with changes. Earlier changes are on the page for each year, below.`);
    const year = changesPagePaths(scrutinyModel(), busy).find((p) => p.params.value === '2024')!;
    expect(changesPageData(scrutinyModel(), busy, year.props).groups.map((g) => g.heading)).toEqual(['December 2024', 'November 2024', 'October 2024', 'September 2024']);
  });
});

describe('structure events', () => {
  const structure = { status: 'superseded', from: '2015-06', to: '2020-03-31', decided_by: 'x' } as Parameters<typeof structureEvents>[0];

  it('date an adoption by `from`, else by the decision that adopted it, and never make a date up', () => {
    expect(structureEvents(structure, () => '2015-05-01')).toEqual([{ event: 'adopted', date: '2015-06' }, { event: 'superseded', date: '2020-03-31' }]);
    expect(structureEvents({ ...structure, status: 'current', from: undefined }, () => '2015-05-01')).toEqual([{ event: 'adopted', date: '2015-05-01' }]);
    expect(structureEvents({ ...structure, status: 'current', from: undefined, decided_by: undefined }, () => undefined)).toEqual([{ event: 'adopted' }]);
  });

  it('date a proposal by the decision that proposed it, else by its `from`', () => {
    expect(structureEvents({ ...structure, status: 'proposed' }, () => '2021-03-10')).toEqual([{ event: 'proposed', date: '2021-03-10' }]);
    expect(structureEvents({ ...structure, status: 'proposed', decided_by: undefined }, () => undefined)).toEqual([{ event: 'proposed', date: '2015-06' }]);
  });
});

describe('what changed, on the example register with its real history', () => {
  it('lists its decisions and structures, and the commits that edited its pages', () => {
    const model = exampleModel();
    const real = readGitHistory(new URL('../../content', import.meta.url).pathname);
    const log = changeLog(model, real);
    expect(log.dated.filter((c) => c.kind === 'decision')).toHaveLength(model.decisions.length);
    expect(log.dated.some((c) => c.kind === 'structure' && c.event === 'proposed' && c.date === '2006-03-09')).toBe(true);
    if (real.available) expect(log.dated.some((c) => c.kind === 'edit')).toBe(true);
    else expect(log.history.available).toBe(false);
  });
});
