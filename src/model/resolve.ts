/**
 * resolve: typed entries → the model, with the rules between files: references
 * from one file to another, one current structure per partnership, reviews
 * falling due. Also here, because they share its helpers, are the rules a file
 * answers to on its own (`checkFileRules`: dates in order, a structure's bodies
 * and their reporting lines, money arithmetic in whole pence), which
 * validation runs on each file as it is read.
 */
import type { Locator, PathSegment, PendingDiagnostic, Severity } from '../content/diagnostics.ts';
import type { Entry } from '../content/validate.ts';
import { closest, listWords } from '../content/words.ts';
import { compareDates } from '../schemas/values.ts';
import { formatPounds } from './money.ts';
import type {
  BodyModel, ChapterModel, DecisionModel, FundingModel, Model, PartnershipModel, RelationModel, SiteModel, StrategyModel, StreamTotals, StructureModel,
} from './types.ts';

/** Defaults for optional site settings, as the contract's example gives them. */
export const SITE_DEFAULTS = { review_every_months: 12, max_chapter_priorities: 5, licence: 'Open Government Licence v3.0' } as const;

export type Report = (file: string, severity: Severity, code: string, locator: Locator, message: string) => void;

/** A `Report` that adds each problem to a list, to be placed once every file is read. */
export function reportInto(diagnostics: PendingDiagnostic[]): Report {
  return (file, severity, code, locator, message) => diagnostics.push({ file, severity, code, locator, message });
}

const value = (...path: PathSegment[]): Locator => ({ path, at: 'value' });

/** Options for resolving: today's date decides which reviews are overdue. */
export interface ResolveOptions {
  /** Today as YYYY-MM-DD. */
  today: string;
}

/**
 * Builds the model from every valid entry and adds the cross-file problems to
 * `diagnostics`. Entries that failed their schema are absent; references to
 * them are not reported again, since their own file already has an error.
 *
 * `npm run check` gives it entries cut down by `crossFileOnly`: a rule here
 * that reads more of a decision than its date and references, or any file's
 * Markdown, must keep it there too. (Every fixture is checked both ways, in
 * test/helpers/fixtures.ts, so the rule's fixture would show the difference.)
 */
export function resolveModel(entries: Entry[], invalidFiles: ReadonlySet<string>, diagnostics: PendingDiagnostic[], options: ResolveOptions): Omit<Model, 'diagnostics' | 'fileCount'> {
  const report = reportInto(diagnostics);
  const siteEntry = entries.find((e): e is Entry<'site'> => e.kind === 'site');
  const site: SiteModel = {
    title: 'Local Partnerships Register',
    publisher: 'Local Partnerships Register',
    base_url: 'https://example.org',
    ...stripNulls(siteEntry?.value ?? {}),
    review_every_months: siteEntry?.value.review_every_months ?? SITE_DEFAULTS.review_every_months,
    max_chapter_priorities: siteEntry?.value.max_chapter_priorities ?? SITE_DEFAULTS.max_chapter_priorities,
    licence: siteEntry?.value.licence ?? SITE_DEFAULTS.licence,
  };

  // Partnership folders whose partnership.md did not validate still exist: their ids resolve.
  const knownPartnershipIds = new Set<string>();
  for (const file of invalidFiles) {
    const match = /^partnerships\/([^/]+)\/partnership\.md$/.exec(file);
    if (match) knownPartnershipIds.add(match[1]);
  }
  const partnerships = new Map<string, PartnershipModel>();
  for (const entry of entries) {
    if (entry.kind !== 'partnership') continue;
    knownPartnershipIds.add(entry.id);
    partnerships.set(entry.id, {
      ...entry.value, id: entry.id, file: entry.file, body: entry.body ?? '', children: [], structures: [], strategies: [], chapters: [], decisions: [],
    });
  }
  const ensureOwner = (entry: Entry) => partnerships.get(entry.partnershipId ?? '');
  const invalidIn = (partnershipId: string, folder: string) =>
    new Set([...invalidFiles].filter((f) => f.startsWith(`partnerships/${partnershipId}/${folder}/`)).map((f) => f.slice(f.lastIndexOf('/') + 1).replace(/\.(yaml|md)$/, '')));

  for (const entry of entries) {
    const owner = ensureOwner(entry);
    if (!owner) continue;
    if (entry.kind === 'structure') owner.structures.push(buildStructure(entry, knownPartnershipIds, report));
    if (entry.kind === 'strategy') owner.strategies.push({ ...entry.value, id: entry.id, partnershipId: owner.id, file: entry.file, chapters: [] });
    if (entry.kind === 'decision') owner.decisions.push(buildDecision(entry));
  }

  const strategies = new Map<string, StrategyModel>();
  for (const p of partnerships.values()) for (const s of p.strategies) strategies.set(`${p.id}/${s.id}`, s);
  const invalidStrategies = new Set([...invalidFiles].filter((f) => /\/strategies\//.test(f)).map((f) => f.replace(/^partnerships\/([^/]+)\/strategies\/([^/]+)\.yaml$/, '$1/$2')));
  // A strategy whose partnership.md has errors is left out of the model, but it exists: a chapter naming it is not told otherwise.
  for (const entry of entries) if (entry.kind === 'strategy' && !ensureOwner(entry)) invalidStrategies.add(`${entry.partnershipId}/${entry.id}`);

  for (const entry of entries) {
    const owner = ensureOwner(entry);
    if (!owner || entry.kind !== 'chapter') continue;
    const chapter = resolveChapter(entry, owner, partnerships, strategies, invalidStrategies, site, report);
    if (chapter) owner.chapters.push(chapter);
  }

  for (const p of partnerships.values()) {
    resolvePartnership(p, partnerships, knownPartnershipIds, site, options, report);
    const structureIds = new Set([...p.structures.map((s) => s.id), ...invalidIn(p.id, 'structures')]);
    const decisionIds = new Set([...p.decisions.map((d) => d.id), ...invalidIn(p.id, 'decisions')]);
    for (const structure of p.structures) checkDecidedBy(structure, decisionIds, report);
    for (const decision of p.decisions) checkDecisionReferences(decision, structureIds, decisionIds, partnerships, knownPartnershipIds, report);
    checkCurrentStructures(p, invalidIn(p.id, 'structures').size > 0, report);
    p.structures.sort(byStructureOrder);
    p.decisions.sort(newestFirst);
  }
  for (const p of partnerships.values()) {
    for (const chapter of p.chapters) strategies.get(`${chapter.strategyOwnerId}/${chapter.id}`)?.chapters.push({ partnershipId: p.id });
    for (const d of p.decisions) {
      const target = supersededTarget(d);
      if (target) partnerships.get(target.partnershipId)?.decisions.find((x) => x.id === target.decisionId)?.supersededBy.push(`${p.id}/${d.id}`);
    }
  }

  const sorted = [...partnerships.values()].sort((a, b) => a.name.localeCompare(b.name, 'en-GB'));
  return { site, partnerships: sorted, decisions: sorted.flatMap((p) => p.decisions).sort(newestFirst) };
}

function stripNulls<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v != null)) as Partial<T>;
}

const newestFirst = (a: DecisionModel, b: DecisionModel) => (a.date < b.date ? 1 : a.date > b.date ? -1 : a.id < b.id ? -1 : 1);

const STATUS_ORDER = { current: 0, proposed: 1, superseded: 2 } as const;
function byStructureOrder(a: StructureModel, b: StructureModel): number {
  return STATUS_ORDER[a.status] - STATUS_ORDER[b.status] || compareDates(b.from ?? '0000', a.from ?? '0000') || (a.id < b.id ? -1 : 1);
}

/** A body with its listed seats counted, voting and advisory apart. */
export function countSeats(body: Entry<'structure'>['value']['bodies'][number]): BodyModel {
  if (!body.seats) return body;
  let voting = 0;
  let advisory = 0;
  for (const seat of body.seats) {
    if (seat.voting === false) advisory += seat.count;
    else voting += seat.count;
  }
  return { ...body, votingSeats: voting, advisorySeats: advisory };
}

function buildStructure(entry: Entry<'structure'>, partnershipIds: Set<string>, report: Report): StructureModel {
  const bodies = entry.value.bodies.map(countSeats);
  const bodyIds = bodies.map((b) => b.id);
  const relations: RelationModel[] = [];
  (entry.value.relations ?? []).forEach((relation, i) => {
    let ok = true;
    if (!bodyIds.includes(relation.from)) {
      report(entry.file, 'error', 'unknown-reference', value('relations', i, 'from'), unknownReference('from', relation.from, 'a body in this file', bodyIds));
      ok = false;
    }
    let target: RelationModel['target'] | undefined;
    if (relation.external != null) target = { type: 'external', name: relation.external };
    else if (relation.to != null && bodyIds.includes(relation.to)) target = { type: 'body', id: relation.to };
    else if (relation.to != null && partnershipIds.has(relation.to) && relation.to !== entry.partnershipId) target = { type: 'partnership', id: relation.to };
    else if (relation.to != null) {
      const others = [...partnershipIds].filter((id) => id !== entry.partnershipId).sort();
      report(entry.file, 'error', 'unknown-reference', value('relations', i, 'to'), unknownReference('to', relation.to, 'a body in this file or another partnership', [...bodyIds, ...others]) + '; for something outside the register, write `external:` with its name instead');
    }
    if (ok && target) relations.push({ from: relation.from, target, kind: relation.kind });
  });
  return { ...entry.value, id: entry.id, partnershipId: entry.partnershipId ?? '', file: entry.file, bodies, relations };
}

function buildDecision(entry: Entry<'decision'>): DecisionModel {
  const { funding, ...rest } = entry.value;
  return { ...rest, id: entry.id, partnershipId: entry.partnershipId ?? '', file: entry.file, body: entry.body ?? '', supersededBy: [], funding: funding ? sumFunding(funding) : undefined };
}

function streams(value: { revenue?: number | null; capital?: number | null } | null | undefined): StreamTotals {
  return { revenue: value?.revenue ?? 0, capital: value?.capital ?? 0 };
}

/** Works out allocated and remaining money per stream, in whole pence. */
export function sumFunding(funding: NonNullable<Entry<'decision'>['value']['funding']>): FundingModel {
  const allocated = { revenue: 0, capital: 0 };
  for (const a of funding.allocations) {
    allocated.revenue += a.revenue ?? 0;
    allocated.capital += a.capital ?? 0;
  }
  const availableTotals = streams(funding.available);
  return {
    ...funding,
    allocated,
    availableTotals,
    remainingComputed: { revenue: availableTotals.revenue - allocated.revenue, capital: availableTotals.capital - allocated.capital },
  };
}

/** An unknown-reference message: what was written, the ids that exist, and the likeliest one. */
function unknownReference(key: string, written: string, what: string, listed: string[]): string {
  // A list with a duplicate id (reported on its own) names it once here.
  const existing = [...new Set(listed)];
  const suggestion = closest(written, existing);
  return `\`${key}\` is "${written}", which is not ${what}; expected one of: ${listWords(existing)}; ` +
    (suggestion ? `did you mean "${suggestion}"?` : existing.length ? 'write one of them' : 'create it first, or delete the key');
}

function resolvePartnership(p: PartnershipModel, all: Map<string, PartnershipModel>, known: Set<string>, site: SiteModel, options: ResolveOptions, report: Report): void {
  if (p.parent) {
    if (p.parent === p.id) {
      report(p.file, 'error', 'unknown-reference', value('parent'), `\`parent\` is "${p.parent}", this partnership itself; expected the id of the partnership it sits under; correct it or delete the key`);
    } else if (!known.has(p.parent)) {
      report(p.file, 'error', 'unknown-reference', value('parent'), unknownReference('parent', p.parent, 'a partnership in this register', [...known].filter((id) => id !== p.id).sort()));
    } else {
      all.get(p.parent)?.children.push(p.id);
      const seen = new Set([p.id]);
      for (let up = all.get(p.parent); up; up = up.parent ? all.get(up.parent) : undefined) {
        if (seen.has(up.id)) {
          report(p.file, 'error', 'parent-cycle', value('parent'), `\`parent\` makes a loop: ${[...seen, up.id].join(' → ')}; expected each partnership to sit under a different one, ending at a county; remove \`parent\` from one of them`);
          break;
        }
        seen.add(up.id);
      }
    }
  }
  if (p.status === 'dissolved' && !p.dissolved) {
    report(p.file, 'error', 'missing-dissolved', { path: ['status'], at: 'value' }, '`status` is dissolved, but `dissolved` is missing; expected the date it was dissolved; add `dissolved:` with a date such as 2012-03');
  }
  for (const [earlier, later] of [['established', 'dissolved'], ['became_lsp', 'dissolved']] as const) {
    const a = p[earlier];
    const b = p[later];
    if (a && b && compareDates(b, a) < 0) {
      report(p.file, 'error', 'date-order', value(later), `\`${later}\` is ${b}, before \`${earlier}\` (${a}); expected it not to be earlier; correct one of the dates`);
    }
  }
  if (p.reviewed && isReviewOverdue(p.reviewed, site.review_every_months, options.today)) {
    report(p.file, 'warning', 'review-overdue', value('reviewed'), `\`reviewed\` is ${p.reviewed}, more than ${site.review_every_months} months ago; expected a review at least every ${site.review_every_months} months (site.yaml \`review_every_months\`); check the page is still accurate, then set \`reviewed\` to today's date`);
  }
}

/**
 * Whether a review date is more than `months` months before today. A partial
 * date counts from its last day: `2025-11` was reviewed at latest on 30 November.
 */
export function isReviewOverdue(reviewed: string, months: number, today: string): boolean {
  const [y, m = 12, d] = reviewed.split('-').map(Number);
  const day = d ?? new Date(Date.UTC(y, m, 0)).getUTCDate();
  const due = new Date(Date.UTC(y, m - 1 + months, day));
  return due.toISOString().slice(0, 10) < today;
}

function checkPeriod(file: string, from: string | null | undefined, to: string | null | undefined, toPath: PathSegment[], report: Report): void {
  if (from && to && compareDates(to, from) < 0) {
    report(file, 'error', 'date-order', value(...toPath), `\`to\` is ${to}, before \`from\` (${from}); expected an end no earlier than the start; correct one of the dates`);
  }
}

/** `unreadable`: some structure files have errors, so one of them may be the current one. */
function checkCurrentStructures(p: PartnershipModel, unreadable: boolean, report: Report): void {
  const current = p.structures.filter((s) => s.status === 'current').sort((a, b) => (a.id < b.id ? -1 : 1));
  p.currentStructureId = current[0]?.id;
  if (p.status !== 'active') return;
  if (current.length === 0 && !unreadable) {
    report(p.file, 'warning', 'no-current-structure', value('status'), `this active partnership has no structure with \`status: current\`${p.structures.length ? ` (it has ${p.structures.map((s) => `${s.id}: ${s.status}`).join(', ')})` : ''}; expected one, so residents can see how it works today; add structures/<id>.yaml with \`status: current\``);
  }
  if (current.length > 1) {
    for (const s of current.slice(1)) {
      report(s.file, 'error', 'multiple-current-structures', value('status'), `\`status\` is current, but ${current.map((c) => c.id).join(' and ')} are all current; expected one current structure for an active partnership; set the older ones to superseded (with \`to:\` the date they ended)`);
    }
  }
}

function checkDecidedBy(structure: StructureModel, decisionIds: Set<string>, report: Report): void {
  if (structure.decided_by && !decisionIds.has(structure.decided_by)) {
    report(structure.file, 'error', 'unknown-reference', value('decided_by'), unknownReference('decided_by', structure.decided_by, "a decision of this partnership", [...decisionIds].sort()));
  }
}

/**
 * The rules a file answers to on its own: dates in order; a structure's
 * bodies (ids, names, reporting lines, sizes); a strategy's objectives and a
 * chapter's priorities, each id and title once; a decision's file name, its
 * funding table's sums and its options. Run as each file is validated (see
 * validate.ts), not in `resolveModel`, so that the checker can drop a file's
 * details once they are checked (see `crossFileOnly`), and so that they are
 * checked even when the file's partnership.md has errors.
 */
export function checkFileRules(entry: Entry, report: Report): void {
  const { file } = entry;
  if (entry.kind === 'strategy') {
    const strategy = entry.value;
    checkPeriod(file, strategy.period.from, strategy.period.to, ['period', 'to'], report);
    checkUnique(file, 'objectives', strategy.objectives.map((o) => ({ id: o.id, name: o.title, nameKey: 'title' })), report);
  }
  if (entry.kind === 'chapter') {
    checkUnique(file, 'priorities', entry.value.priorities.map((p) => ({ id: p.id, name: p.title, nameKey: 'title' })), report);
  }
  if (entry.kind === 'structure') {
    checkPeriod(file, entry.value.from, entry.value.to, ['to'], report);
    checkBodies(file, entry.value.bodies.map(countSeats), report);
  }
  if (entry.kind === 'decision') {
    const d = entry.value;
    const datePrefix = /^(\d{4}(?:-\d{2}(?:-\d{2})?)?)-/.exec(entry.id)?.[1];
    if (!entry.id.startsWith(`${d.date}-`)) {
      const rest = datePrefix ? entry.id.slice(datePrefix.length + 1) : entry.id;
      report(file, 'error', 'decision-id-date', value('date'), datePrefix
        ? `the file name starts with ${datePrefix}, but \`date\` is ${d.date}; expected a decision's file name to start with its date; rename the file to "${d.date}-${rest}.md", or correct the date`
        : `the file name "${entry.id}.md" does not start with the decision's date; expected <date>-<words>.md; rename the file to "${d.date}-${rest}.md"`);
    }
    if (d.funding) checkFunding(file, sumFunding(d.funding), report);
    if (d.options) checkUnique(file, 'options', d.options.map((o) => ({ name: o.title, nameKey: 'title' })), report);
  }
}

/**
 * An entry cut down to what `resolveModel` needs to find the problems between
 * files. The checker keeps every file's entry until all are read, but wants
 * only the problems: a decision's details (funding, options, report, …) have
 * been checked by `checkFileRules`, and no rule across files reads them, nor
 * any file's Markdown. The model built from such entries is not the site's.
 */
export function crossFileOnly(entry: Entry): Entry {
  if (entry.kind !== 'decision') return { ...entry, body: undefined };
  const { title, date, decision_maker, kind, status, public: isPublic, structure, supersedes } = entry.value;
  return { ...entry, body: undefined, value: { title, date, decision_maker, kind, status, public: isPublic, structure, supersedes } };
}

/** The rules about one file's bodies alone: unique ids and names, reporting lines, sizes and quorums. */
export function checkBodies(file: string, bodies: readonly BodyModel[], report: Report): void {
  const bodyIds = bodies.map((b) => b.id);
  const known = new Set(bodyIds);
  checkUnique(file, 'bodies', bodies.map((b) => ({ id: b.id, name: b.name })), report);

  bodies.forEach((body, i) => {
    if (body.reports_to != null) {
      if (body.reports_to === body.id) {
        report(file, 'error', 'reporting-cycle', value('bodies', i, 'reports_to'), `\`reports_to\` is "${body.id}", the body itself; expected another body's id; correct it or delete the key`);
      } else if (!known.has(body.reports_to)) {
        report(file, 'error', 'unknown-reference', value('bodies', i, 'reports_to'), unknownReference('reports_to', body.reports_to, 'a body in this file', bodyIds.filter((id) => id !== body.id)));
      }
    }
    checkSize(file, body, i, report);
  });
  reportCycles(file, bodies, report);
}

/** Size against seats, and quorum against size. */
function checkSize(file: string, body: BodyModel, i: number, report: Report): void {
  const voting = body.votingSeats;
  const size = body.size;
  if (size != null && voting !== undefined && (body.seats?.length ?? 0) > 0) {
    const advisory = body.advisorySeats ? ` (not counting ${body.advisorySeats} advisory seats)` : '';
    if (typeof size === 'number' && size !== voting) {
      report(file, 'warning', 'size-mismatch', value('bodies', i, 'size'), `${body.name}: the stated size is ${size}, but the voting seats listed add up to ${voting}${advisory}; expected them to agree; if the source document really says both, leave them as they are: this note will be shown on the page`);
    } else if (typeof size === 'object' && Math.abs(voting - size.approx) > size.approx * 0.1) {
      report(file, 'warning', 'size-mismatch', value('bodies', i, 'size'), `${body.name}: the stated size is around ${size.approx}, but the voting seats listed add up to ${voting}${advisory}, more than 10% off; expected them to be close; if the source document really says both, leave them as they are: this note will be shown on the page`);
    }
  }
  if (body.quorum != null) {
    const limit = typeof size === 'number' ? size : size ? size.approx : voting ?? body.members?.length;
    if (limit !== undefined && body.quorum > limit) {
      report(file, 'error', 'quorum-exceeds-size', value('bodies', i, 'quorum'), `${body.name}: the quorum is ${body.quorum}, more than the body's ${limit} members; expected a quorum no larger than the body; correct the quorum or the size`);
    }
  }
}

/** How many bodies of a reporting loop its message names before saying how many more there are. */
const CYCLE_NAMES_SHOWN = 10;

/**
 * Finds loops in reporting lines and reports each once, naming the bodies in it.
 * Each body is walked at most once: a walk stops at a body an earlier walk has
 * been through (whatever is above it is known already) or at one on its own
 * path (a loop), so a long reporting line costs time in proportion to its length.
 */
function reportCycles(file: string, bodies: readonly BodyModel[], report: Report): void {
  const index = new Map(bodies.map((b, i) => [b.id, i]));
  const walked = new Set<string>();
  for (const start of bodies) {
    const path: string[] = [];
    const onPath = new Map<string, number>();
    for (let id: string | undefined = start.id; id !== undefined && index.has(id) && !walked.has(id); id = bodies[index.get(id) ?? 0].reports_to ?? undefined) {
      const at = onPath.get(id);
      if (at !== undefined) {
        // A body reporting to itself has its own message, given where its `reports_to` is checked.
        if (path.length - at > 1) reportCycle(file, path.slice(at), index, report);
        break;
      }
      onPath.set(id, path.length);
      path.push(id);
    }
    for (const id of path) walked.add(id);
  }
}

/** Reports one loop at the `reports_to` of its first body in the file, naming the loop from there. */
function reportCycle(file: string, loop: string[], index: Map<string, number>, report: Report): void {
  const first = loop.reduce((a, b) => ((index.get(a) ?? 0) < (index.get(b) ?? 0) ? a : b));
  const rotated = [...loop.slice(loop.indexOf(first)), ...loop.slice(0, loop.indexOf(first))];
  const named = rotated.length > CYCLE_NAMES_SHOWN ? [...rotated.slice(0, CYCLE_NAMES_SHOWN), `… and ${rotated.length - CYCLE_NAMES_SHOWN} more …`] : rotated;
  report(file, 'error', 'reporting-cycle', value('bodies', index.get(first) ?? 0, 'reports_to'), `reporting lines go round in a circle: ${[...named, first].join(' → ')}; expected every line to lead up to a body that reports to no one (usually the board); remove or change one \`reports_to\``);
}

/** Ids and names that must be unique within a list in one file. */
function checkUnique(file: string, list: string, items: { id?: string; name: string; nameKey?: string }[], report: Report): void {
  const ids = new Map<string, number>();
  const names = new Map<string, number>();
  items.forEach((item, i) => {
    if (item.id !== undefined) {
      const first = ids.get(item.id);
      if (first !== undefined) {
        report(file, 'error', 'duplicate-id', value(list, i, 'id'), `\`id\` "${item.id}" is used twice in \`${list}\` (items ${first + 1} and ${i + 1}); expected each id once, because references use it; give this one a different id`);
      } else ids.set(item.id, i);
    }
    const key = item.name.trim().toLowerCase().replace(/\s+/g, ' ');
    const first = names.get(key);
    const nameKey = item.nameKey ?? 'name';
    if (first !== undefined) {
      report(file, 'error', 'duplicate-name', value(list, i, nameKey), `\`${nameKey}\` "${item.name}" appears twice in \`${list}\` (items ${first + 1} and ${i + 1}); expected each once, so readers can tell them apart; merge them or make the names distinct`);
    } else names.set(key, i);
  });
}

function supersededTarget(d: DecisionModel): { partnershipId: string; decisionId: string } | undefined {
  if (!d.supersedes) return undefined;
  const [a, b] = d.supersedes.split('/');
  return b === undefined ? { partnershipId: d.partnershipId, decisionId: a } : { partnershipId: a, decisionId: b };
}

/** A decision's references: to a structure of its partnership, and to the decision it supersedes. */
function checkDecisionReferences(d: DecisionModel, structureIds: Set<string>, decisionIds: Set<string>, all: Map<string, PartnershipModel>, known: Set<string>, report: Report): void {
  const { file } = d;
  if (d.structure && !structureIds.has(d.structure)) {
    report(file, 'error', 'unknown-reference', value('structure'), unknownReference('structure', d.structure, 'a structure of this partnership', [...structureIds].sort()));
  }
  const target = supersededTarget(d);
  if (target && d.supersedes) {
    const ids = target.partnershipId === d.partnershipId ? decisionIds : new Set(all.get(target.partnershipId)?.decisions.map((x) => x.id) ?? []);
    if (target.partnershipId === d.partnershipId && target.decisionId === d.id) {
      report(file, 'error', 'unknown-reference', value('supersedes'), '`supersedes` names this decision itself; expected an earlier decision; correct it or delete the key');
    } else if (!all.has(target.partnershipId)) {
      // A partnership whose partnership.md has errors exists, and may hold the decision: its own file is reported instead.
      if (!known.has(target.partnershipId)) {
        report(file, 'error', 'unknown-reference', value('supersedes'), unknownReference('supersedes', d.supersedes, 'a decision in this register', [...decisionIds].filter((id) => id !== d.id).sort()));
      }
    } else if (!ids.has(target.decisionId)) {
      const prefix = target.partnershipId === d.partnershipId ? '' : `${target.partnershipId}/`;
      report(file, 'error', 'unknown-reference', value('supersedes'), unknownReference('supersedes', d.supersedes, `a decision of ${target.partnershipId === d.partnershipId ? 'this partnership' : target.partnershipId}`, [...ids].filter((id) => id !== d.id).sort().map((id) => prefix + id)));
    }
  }
}

export function checkFunding(file: string, funding: FundingModel, report: Report): void {
  const itemNames = new Map<string, number>();
  funding.allocations.forEach((a, i) => {
    const key = a.item.trim().toLowerCase();
    const first = itemNames.get(key);
    if (first !== undefined) {
      report(file, 'error', 'duplicate-name', value('funding', 'allocations', i, 'item'), `\`item\` "${a.item}" appears twice in \`allocations\` (items ${first + 1} and ${i + 1}); expected each item once, so the table adds up unambiguously; merge the two lines or name them apart`);
    } else itemNames.set(key, i);
  });
  for (const stream of ['revenue', 'capital'] as const) {
    const available = funding.availableTotals[stream];
    const allocated = funding.allocated[stream];
    if (allocated > available) {
      report(file, 'error', 'over-allocated', value('funding', 'available', ...(funding.available[stream] == null ? [] : [stream])), `the ${stream} allocations add up to ${formatPounds(allocated)}, more than the ${formatPounds(available)} ${stream} available; expected allocations within what is available; check each allocation's ${stream} and \`available\``);
    }
    const stated = funding.remaining?.[stream];
    if (stated != null && stated !== funding.remainingComputed[stream]) {
      report(file, 'error', 'remaining-mismatch', value('funding', 'remaining', stream), `remaining ${stream} is stated as ${formatPounds(stated)}, but ${formatPounds(available)} available minus ${formatPounds(allocated)} allocated is ${formatPounds(funding.remainingComputed[stream])}; expected them to agree; check the allocations and \`available\`, then correct \`remaining\``);
    }
  }
}

function resolveChapter(
  entry: Entry<'chapter'>, owner: PartnershipModel, partnerships: Map<string, PartnershipModel>, strategies: Map<string, StrategyModel>,
  invalidStrategies: Set<string>, site: SiteModel, report: Report,
): ChapterModel | undefined {
  const { file, value: chapter } = entry;
  if (chapter.priorities.length > site.max_chapter_priorities) {
    report(file, 'warning', 'too-many-priorities', value('priorities'), `this chapter has ${chapter.priorities.length} priorities; expected at most ${site.max_chapter_priorities} (site.yaml \`max_chapter_priorities\`), "a limited set of high level priorities"; merge or drop some`);
  }
  const [ownerId, strategyId, extra] = chapter.strategy.split('/');
  const all = [...strategies.keys()].sort();
  if (strategyId === undefined || extra !== undefined) {
    report(file, 'error', 'unknown-reference', value('strategy'), `\`strategy\` is "${chapter.strategy}"; expected <partnership-id>/<strategy-id>, one of: ${listWords(all)}; write it in that form`);
    return undefined;
  }
  if (strategyId !== entry.id) {
    report(file, 'error', 'chapter-strategy-mismatch', value('strategy'), `\`strategy\` names the strategy "${strategyId}", but this file is named "${entry.id}.md"; expected a chapter's file to be named after its strategy; rename the file to "${strategyId}.md"`);
  }
  const strategy = strategies.get(chapter.strategy);
  if (!strategy) {
    if (!invalidStrategies.has(chapter.strategy)) {
      report(file, 'error', 'unknown-reference', value('strategy'), unknownReference('strategy', chapter.strategy, 'a strategy in this register', all));
    }
    return undefined;
  }
  const owner2 = partnerships.get(ownerId);
  if (owner2 && owner.parent !== ownerId) {
    report(file, 'warning', 'chapter-not-child', value('strategy'), `this is a chapter of ${owner2.name}'s strategy, but ${owner.name} is not one of its partnerships (its \`parent\` is ${owner.parent ? `"${owner.parent}"` : 'not set'}); expected a chapter from a partnership under the strategy's owner; set \`parent: ${ownerId}\` in partnership.md if it belongs there`);
  }
  const objectives = strategy.objectives.map((o) => o.id);
  chapter.priorities.forEach((priority, i) => {
    if (!objectives.includes(priority.objective)) {
      report(file, 'error', 'unknown-reference', value('priorities', i, 'objective'), unknownReference('objective', priority.objective, `an objective of ${strategy.title}`, objectives));
    }
    priority.measures?.forEach((measure, j) => {
      const { from, to } = strategy.period;
      // A period that ends before it starts is the strategy's error, reported there, not each measure's.
      if (!measure.by || compareDates(to, from) < 0) return;
      if (compareDates(measure.by, from) < 0 || compareDates(measure.by, to) > 0) {
        report(file, 'error', 'measure-outside-period', value('priorities', i, 'measures', j, 'by'), `\`by\` is ${measure.by}, outside the strategy's period (${from} to ${to}); expected a date within it; correct the date, or check the strategy's period`);
      }
    });
  });
  return { ...chapter, id: entry.id, partnershipId: owner.id, strategyOwnerId: ownerId, file, body: entry.body ?? '' };
}
