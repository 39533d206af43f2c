/**
 * What changed (`/changes/`, `/changes.xml`): decisions by their dates,
 * structures proposed, adopted or superseded by theirs, and, where the build
 * has the git history, each content page's edits (the commits each page's own
 * history lists). Newest first, grouped by month; a date known only to the year
 * is grouped under that year, after its months, never in a month made up for
 * it, and a date known to the month comes after that month's dated entries
 * (as the feeds read a partial date as the start of its period).
 *
 * The log is worked out once per model and history; the pages for each
 * partnership and year, and the feed, take their share of it from maps built
 * in the same pass.
 */
import { commitUrl, type Commit, type HistoryIndex } from '../../history/index.ts';
import type { DecisionModel, Model, StructureModel } from '../../model/index.ts';
import { datePrecision } from '../../schemas/index.ts';
import { formatDate, plural } from '../format.ts';
import { DECISION_STATUS_LABELS } from '../labels.ts';
import { indexModel } from '../lookup.ts';
import { HOME_CRUMBS, type Crumb, type Label, type Link } from './shapes.ts';
import type { FilterOption } from '../register.ts';
import { chapterUrl, decisionUrl, partnershipUrl, strategyUrl, structureUrl } from '../urls.ts';
import { CHANGES_FEED_URL, CHANGES_URL, changesFilterUrl } from './urls.ts';

/** What a structure's dates say happened to it. */
export type StructureEvent = 'proposed' | 'adopted' | 'superseded';

/** A content page, as an edit names it. */
export interface EditedPage extends Link {
  partnershipId: string;
  partnershipName: string;
}

/** One change. */
export type Change =
  | { kind: 'decision'; date: string; partnershipId: string; decision: DecisionModel }
  | { kind: 'structure'; event: StructureEvent; date?: string; partnershipId: string; structure: StructureModel }
  | { kind: 'edit'; date: string; commit: Commit; pages: EditedPage[] };

/** A change whose date is recorded: every decision and edit, and most structure events. */
export type DatedChange = Change & { date: string };

/** The whole log for one model and history. */
export interface ChangeLog {
  /** Dated changes, newest first. */
  dated: DatedChange[];
  /** Structure events whose date is not recorded, partnerships A to Z. */
  undated: Extract<Change, { kind: 'structure' }>[];
  /** Whether the build has the content's git history, and if not, why. */
  history: { available: true } | { available: false; reason: Extract<HistoryIndex, { available: false }>['reason'] };
  /** Dated changes by partnership id (an edit under every partnership whose pages it touched). */
  byPartnership: Map<string, DatedChange[]>;
  /** Dated changes by year (`2011`). */
  byYear: Map<string, DatedChange[]>;
}

/** Which page a content file is shown on, for naming edits. */
function pagesByFile(model: Model): Map<string, EditedPage> {
  const pages = new Map<string, EditedPage>();
  for (const p of model.partnerships) {
    const on = (file: string, text: string, href: string) => pages.set(file, { text, href, partnershipId: p.id, partnershipName: p.name });
    on(p.file, p.name, partnershipUrl(p.id));
    for (const s of p.structures) on(s.file, s.title, structureUrl(p.id, s.id));
    for (const s of p.strategies) on(s.file, s.title, strategyUrl(p.id, s.id));
    for (const c of p.chapters) on(c.file, c.title, chapterUrl(p.id, c.id));
    for (const d of p.decisions) on(d.file, d.title, decisionUrl(p.id, d.id));
  }
  return pages;
}

/**
 * What a structure's status and dates say happened to it, with the date of
 * each: proposed on the date of the decision that proposed it (or its `from`);
 * adopted on its `from` (or the date of the decision that adopted it); and,
 * once superseded, superseded on its `to`. An event whose date is not recorded
 * is kept, undated, to be listed apart.
 */
export function structureEvents(s: StructureModel, decisionDate: (id: string) => string | undefined): { event: StructureEvent; date?: string }[] {
  const decided = s.decided_by ? decisionDate(s.decided_by) : undefined;
  const dated = (event: StructureEvent, date: string | null | undefined) => ({ event, ...(date ? { date } : {}) });
  if (s.status === 'proposed') return [dated('proposed', decided ?? s.from)];
  const adopted = dated('adopted', s.from ?? decided);
  return s.status === 'superseded' ? [adopted, dated('superseded', s.to)] : [adopted];
}

/**
 * The order of changes, newest first, as one sortable text per change: a date
 * known to the month sorts after that month's days, a year after its months.
 */
function sortKey(date: string): string {
  const precision = datePrecision(date);
  return precision === 'year' ? `${date}-00-00` : precision === 'month' ? `${date}-00` : date;
}

const KIND_ORDER: Record<Change['kind'], number> = { edit: 0, decision: 1, structure: 2 };

function newestFirst(a: DatedChange, b: DatedChange): number {
  const x = sortKey(a.date);
  const y = sortKey(b.date);
  if (x !== y) return x < y ? 1 : -1;
  // On the same day, git's own order for commits, then edits before decisions and structures.
  if (a.kind === 'edit' && b.kind === 'edit') return a.commit.position - b.commit.position;
  return KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || titleOf(a).localeCompare(titleOf(b), 'en-GB');
}

function titleOf(change: Change): string {
  return change.kind === 'decision' ? change.decision.title : change.kind === 'structure' ? change.structure.title : change.commit.subject;
}

/** The partnerships a change concerns. */
function partnershipsOf(change: Change): string[] {
  return change.kind === 'edit' ? [...new Set(change.pages.map((page) => page.partnershipId))] : [change.partnershipId];
}

const logs = new WeakMap<Model, WeakMap<HistoryIndex, ChangeLog>>();

/**
 * Every change in the register, once per model and history.
 *
 * @param history the content's git history, as `loadHistory()` reads it once per build
 */
export function changeLog(model: Model, history: HistoryIndex): ChangeLog {
  let byHistory = logs.get(model);
  if (!byHistory) logs.set(model, (byHistory = new WeakMap()));
  const cached = byHistory.get(history);
  if (cached) return cached;

  const index = indexModel(model);
  const dated: DatedChange[] = [];
  const undated: ChangeLog['undated'] = [];
  for (const decision of model.decisions) dated.push({ kind: 'decision', date: decision.date, partnershipId: decision.partnershipId, decision });
  for (const p of model.partnerships) {
    for (const structure of p.structures) {
      for (const { event, date } of structureEvents(structure, (id) => index.decision(id, p.id)?.date)) {
        const change = { kind: 'structure' as const, event, partnershipId: p.id, structure };
        if (date) dated.push({ ...change, date });
        else undated.push(change);
      }
    }
  }
  if (history.available) {
    const pages = pagesByFile(model);
    const edits = new Map<string, Extract<Change, { kind: 'edit' }>>();
    for (const [file, page] of pages) {
      for (const { commit } of history.files.get(file) ?? []) {
        let edit = edits.get(commit.hash);
        // The committer's own calendar day, as each page's history shows it.
        if (!edit) edits.set(commit.hash, (edit = { kind: 'edit', date: commit.date.slice(0, 10), commit, pages: [] }));
        if (!edit.pages.includes(page)) edit.pages.push(page);
      }
    }
    for (const edit of edits.values()) {
      edit.pages.sort((a, b) => a.partnershipName.localeCompare(b.partnershipName, 'en-GB') || a.text.localeCompare(b.text, 'en-GB'));
      dated.push(edit);
    }
  }
  dated.sort(newestFirst);

  const byPartnership = new Map<string, DatedChange[]>();
  const byYear = new Map<string, DatedChange[]>();
  const add = (map: Map<string, DatedChange[]>, key: string, change: DatedChange) => {
    const list = map.get(key);
    if (list) list.push(change);
    else map.set(key, [change]);
  };
  for (const change of dated) {
    for (const id of partnershipsOf(change)) add(byPartnership, id, change);
    add(byYear, change.date.slice(0, 4), change);
  }
  const log: ChangeLog = {
    dated,
    undated,
    history: history.available ? { available: true } : { available: false, reason: history.reason },
    byPartnership,
    byYear,
  };
  byHistory.set(history, log);
  return log;
}

/**
 * A change's id on every page that lists it (`/changes/`, and its partnership's
 * and year's pages), which the feed's entries are named by. Ids are slugs, which
 * never hold "--", so joining them with it is unambiguous.
 *
 * @example
 * changeAnchor({ kind: 'decision', partnershipId: 'vale-lsp', decision: { id: '2021-03-10-jobs-fund' }, … }) // 'change-decision-vale-lsp--2021-03-10-jobs-fund'
 */
export function changeAnchor(change: Change): string {
  if (change.kind === 'decision') return `change-decision-${change.partnershipId}--${change.decision.id}`;
  if (change.kind === 'structure') return `change-structure-${change.partnershipId}--${change.structure.id}--${change.event}`;
  return `change-commit-${change.commit.hash}`;
}

/**
 * Where a dated change can always be found: its id on the page of its year,
 * which lists every change of that year (`/changes/` keeps only the newest months).
 *
 * @example
 * changeUrl(change) // '/changes/year/2021/#change-decision-vale-lsp--2021-03-10-jobs-fund'
 */
export function changeUrl(change: DatedChange): string {
  return `${changesFilterUrl('year', change.date.slice(0, 4))}#${changeAnchor(change)}`;
}

/** How many of a commit's pages a change lists before saying how many more there are. */
export const PAGES_LISTED = 10;

/** What a structure event is called. */
const STRUCTURE_EVENT_LABELS: Record<StructureEvent, string> = { proposed: 'Structure proposed', adopted: 'Structure adopted', superseded: 'Structure superseded' };

/** A change as a page lists it. */
export interface ChangeView {
  kind: Change['kind'];
  /** Its id on the page (see `changeAnchor`). */
  anchor: string;
  /** What happened: "Decision", "Structure adopted", "Pages edited". */
  label: string;
  /** As precise as the source: YYYY, YYYY-MM or YYYY-MM-DD; absent for a structure whose date is not recorded. */
  date?: string;
  /** The decision or structure, linked; for an edit, the commit's subject, linked to the commit when the repository is known. */
  title: { text: string; href?: string };
  partnership?: Link;
  /** A decision's status; absent when it is exempt. */
  status?: Label;
  /** "Exempt from publication: only its title and date are published." */
  note?: string;
  /** The pages an edit changed (at most PAGES_LISTED), and how many more it changed. */
  pages?: EditedPage[];
  morePages?: number;
}

/** Changes of one month, or of a year whose month is not recorded. */
export interface ChangeGroup {
  /** `2011-11`, or `2011` for dates known only to the year. */
  key: string;
  /** "November 2011", or "2011, month not recorded". */
  heading: string;
  /** The heading's id, for links into the list. */
  anchor: string;
  changes: ChangeView[];
}

/**
 * Changes in groups, newest first.
 *
 * @example
 * groupChanges(views).map((g) => g.heading) // ['November 2026', 'November 2011', '2011, month not recorded', 'January 2010']
 */
export function groupChanges(views: readonly ChangeView[]): ChangeGroup[] {
  const groups: ChangeGroup[] = [];
  for (const view of views) {
    const date = view.date ?? '';
    const key = datePrecision(date) === 'year' ? date : date.slice(0, 7);
    let group = groups.at(-1);
    if (group?.key !== key) {
      const heading = key.length === 4 ? `${key}, month not recorded` : formatDate(key);
      groups.push((group = { key, heading, anchor: `changes-${key}`, changes: [] }));
    }
    group.changes.push(view);
  }
  return groups;
}

/**
 * A change as a page shows it. On a partnership's page, an edit lists only
 * that partnership's pages.
 */
export function changeView(model: Model, change: Change, partnershipId?: string): ChangeView {
  const index = indexModel(model);
  const partnershipLink = (id: string): Link => ({ text: index.partnership(id)?.name ?? id, href: partnershipUrl(id) });
  if (change.kind === 'decision') {
    const { decision } = change;
    return {
      kind: 'decision',
      anchor: changeAnchor(change),
      label: 'Decision',
      date: change.date,
      title: { text: decision.title, href: decisionUrl(decision.partnershipId, decision.id) },
      partnership: partnershipLink(decision.partnershipId),
      ...(decision.public ? { status: DECISION_STATUS_LABELS[decision.status] } : { note: 'Exempt from publication: only its title and date are published.' }),
    };
  }
  if (change.kind === 'structure') {
    return {
      kind: 'structure',
      anchor: changeAnchor(change),
      label: STRUCTURE_EVENT_LABELS[change.event],
      ...(change.date ? { date: change.date } : {}),
      title: { text: change.structure.title, href: structureUrl(change.partnershipId, change.structure.id) },
      partnership: partnershipLink(change.partnershipId),
    };
  }
  const pages = partnershipId ? change.pages.filter((page) => page.partnershipId === partnershipId) : change.pages;
  const { repository } = model.site;
  return {
    kind: 'edit',
    anchor: changeAnchor(change),
    label: pages.length === 1 ? 'Page edited' : 'Pages edited',
    date: change.date,
    title: { text: change.commit.subject, ...(repository ? { href: commitUrl(repository, change.commit.hash) } : {}) },
    pages: pages.slice(0, PAGES_LISTED),
    ...(pages.length > PAGES_LISTED ? { morePages: pages.length - PAGES_LISTED } : {}),
  };
}

/** The ways the changes can be narrowed: each is a path segment of a pre-built page. */
export const CHANGES_DIMENSIONS = ['partnership', 'year'] as const;

/** One way of narrowing the changes. */
export type ChangesDimension = (typeof CHANGES_DIMENSIONS)[number];

const optionsByLog = new WeakMap<ChangeLog, Record<ChangesDimension, FilterOption[]>>();

/** Each partnership and year with changes, with how many: partnerships A to Z, years newest first. Worked out once per log. */
export function changesFilterOptions(model: Model, log: ChangeLog): Record<ChangesDimension, FilterOption[]> {
  const cached = optionsByLog.get(log);
  if (cached) return cached;
  const undated = new Map<string, number>();
  for (const u of log.undated) undated.set(u.partnershipId, (undated.get(u.partnershipId) ?? 0) + 1);
  const partnerships = model.partnerships
    .map((p) => ({ value: p.id, label: p.name, count: (log.byPartnership.get(p.id)?.length ?? 0) + (undated.get(p.id) ?? 0), url: changesFilterUrl('partnership', p.id) }))
    .filter((option) => option.count > 0);
  const years = [...log.byYear.keys()].sort().reverse().map((year) => ({ value: year, label: year, count: log.byYear.get(year)?.length ?? 0, url: changesFilterUrl('year', year) }));
  const options = { partnership: partnerships, year: years };
  optionsByLog.set(log, options);
  return options;
}

/** The most month groups `/changes/` shows: the newest; the pages for each year hold the rest. */
export const CHANGES_MAX_GROUPS = 12;

/** What `/changes/`, or a partnership's or a year's changes, show. */
export interface ChangesPage {
  title: string;
  description: string;
  breadcrumbs: readonly Crumb[];
  /** "12 changes". */
  total: string;
  groups: ChangeGroup[];
  /** Structures whose dates are not recorded: listed apart, not in the feed (not on a year's page). */
  undated: ChangeView[];
  /** Why edits to pages are not listed, when the build has no history. */
  historyNote?: string;
  /** Set when `/changes/` shows only the newest groups: what it leaves to the pages for each year. */
  earlierNote?: string;
  options: Record<ChangesDimension, FilterOption[]>;
  current?: { dimension: ChangesDimension; value: string };
  feedUrl: string;
}

/** What a build without history says, by reason. */
const NO_HISTORY: Record<Extract<HistoryIndex, { available: false }>['reason'], string> = {
  'not-a-repository': 'This build has no git history of the content, so edits to pages are not listed: only decisions and structures, by their dates.',
  'shallow-clone': 'This site was built from a copy of the repository without its full history, so edits to pages are not listed: only decisions and structures, by their dates.',
  'git-failed': 'The git history of the content could not be read in this build, so edits to pages are not listed: only decisions and structures, by their dates.',
};

/** One page for each partnership and each year that has changes. */
export function changesPagePaths(model: Model, history: HistoryIndex): { params: { dimension: ChangesDimension; value: string }; props: { dimension: ChangesDimension; option: FilterOption } }[] {
  const options = changesFilterOptions(model, changeLog(model, history));
  return CHANGES_DIMENSIONS.flatMap((dimension) => options[dimension].map((option) => ({ params: { dimension, value: option.value }, props: { dimension, option } })));
}

/**
 * What changed: everything (`/changes/`, its newest month groups), or one
 * partnership's or one year's changes.
 *
 * @example
 * changesPageData(model, loadHistory()).groups[0].heading // 'November 2026'
 * changesPageData(model, loadHistory(), { dimension: 'year', option }).title // 'What changed in 2011'
 */
export function changesPageData(model: Model, history: HistoryIndex, filter?: { dimension: ChangesDimension; option: FilterOption }): ChangesPage {
  const log = changeLog(model, history);
  const partnershipId = filter?.dimension === 'partnership' ? filter.option.value : undefined;
  const changes = !filter ? log.dated : (filter.dimension === 'partnership' ? log.byPartnership : log.byYear).get(filter.option.value) ?? [];
  let groups = groupChanges(changes.map((change) => changeView(model, change, partnershipId)));
  const all = groups.length;
  if (!filter) groups = groups.slice(0, CHANGES_MAX_GROUPS);
  const undated = filter?.dimension === 'year' ? [] : log.undated.filter((u) => !partnershipId || u.partnershipId === partnershipId).map((u) => changeView(model, u));
  const shown = groups.reduce((sum, group) => sum + group.changes.length, 0) + undated.length;
  const title = !filter ? 'What changed' : filter.dimension === 'year' ? `What changed in ${filter.option.label}` : `What changed: ${filter.option.label}`;
  return {
    title,
    description: `Decisions, structures and edits to pages${filter ? (filter.dimension === 'year' ? ` in ${filter.option.label}` : ` of ${filter.option.label}`) : ` in the ${model.site.title}`}, newest first.`,
    breadcrumbs: filter ? [...HOME_CRUMBS, { text: 'What changed', href: CHANGES_URL }] : HOME_CRUMBS,
    total: plural(shown, 'change'),
    groups,
    undated,
    ...(log.history.available ? {} : { historyNote: NO_HISTORY[log.history.reason] }),
    ...(all > groups.length ? { earlierNote: `This page shows the newest ${CHANGES_MAX_GROUPS} months with changes. Earlier changes are on the page for each year, below.` } : {}),
    options: changesFilterOptions(model, log),
    ...(filter ? { current: { dimension: filter.dimension, value: filter.option.value } } : {}),
    feedUrl: CHANGES_FEED_URL,
  };
}
