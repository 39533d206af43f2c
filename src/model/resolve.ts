/**
 * resolve: typed entries → the model, with the rules between files: references
 * from one file to another, one current structure per partnership, reviews
 * falling due. The rules a file answers to on its own are in ../rules/, run as
 * each file is validated (./validate.ts).
 */
import type { PendingDiagnostic } from '../content/diagnostics.ts';
import type { Entry } from '../content/entry.ts';
import { listWords } from '../content/words.ts';
import { countSeats } from '../rules/bodies.ts';
import { allocatedBy, sumFunding } from '../rules/funding.ts';
import { noSources, unknownSource } from '../rules/sources.ts';
import { unknownReference } from '../rules/references.ts';
import { reportInto, valueAt as value, type Report } from '../rules/report.ts';
import { compareDates, decisionReference } from '../schemas/index.ts';
import type {
  ChapterModel, DecisionModel, Model, PartnershipModel, RelationModel, ServedTarget, SiteModel, StrategyModel, StructureModel,
} from './types.ts';

/** Defaults for optional site settings, as the contract's example gives them. */
export const SITE_DEFAULTS = { review_every_months: 12, max_chapter_priorities: 5, licence: 'Open Government Licence v3.0' } as const;

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
    if (entry.kind !== 'partnership') checkCitations(entry, owner, report);
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

  // Strategies and chapters that have a file but are not in the model: what names them is not told they do not exist.
  const resolvedChapters = new Set([...partnerships.values()].flatMap((p) => p.chapters.map((c) => `${p.id}/${c.id}`)));
  const chapterFiles = new Set(entries.filter((e) => e.kind === 'chapter').map((e) => `${e.partnershipId}/${e.id}`));
  const unresolvable = (reference: string) => {
    const [partnershipId, strategyId] = reference.split('/');
    return invalidStrategies.has(reference) || invalidIn(partnershipId, 'chapters').has(strategyId) || (chapterFiles.has(reference) && !resolvedChapters.has(reference)) ||
      (knownPartnershipIds.has(partnershipId) && !partnerships.has(partnershipId));
  };
  for (const p of partnerships.values()) {
    resolvePartnership(p, partnerships, knownPartnershipIds, site, options, report);
    const structureIds = new Set([...p.structures.map((s) => s.id), ...invalidIn(p.id, 'structures')]);
    const decisionIds = new Set([...p.decisions.map((d) => d.id), ...invalidIn(p.id, 'decisions')]);
    for (const structure of p.structures) checkDecidedBy(structure, decisionIds, report);
    for (const decision of p.decisions) {
      checkDecisionReferences(decision, structureIds, decisionIds, partnerships, knownPartnershipIds, report);
      checkAllocatedBy(decision, knownPartnershipIds, report);
      decision.servesResolved = resolveServes(decision, partnerships, strategies, unresolvable, report);
    }
    checkCurrentStructures(p, invalidIn(p.id, 'structures').size > 0, report);
    p.structures.sort(byStructureOrder);
    p.decisions.sort(newestFirst);
  }
  for (const p of partnerships.values()) {
    for (const chapter of p.chapters) strategies.get(`${chapter.strategyOwnerId}/${chapter.id}`)?.chapters.push({ partnershipId: p.id });
    for (const d of p.decisions) {
      const target = d.supersedes ? decisionReference(d.supersedes, p.id) : undefined;
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

function buildStructure(entry: Entry<'structure'>, partnershipIds: Set<string>, report: Report): StructureModel {
  const bodies = entry.value.bodies.map(countSeats);
  const bodyIds = bodies.map((b) => b.id);
  const relations: RelationModel[] = [];
  (entry.value.relations ?? []).forEach((relation, i) => {
    let ok = true;
    if (!bodyIds.includes(relation.from)) {
      report({ file: entry.file, severity: 'error', code: 'unknown-reference', locator: value('relations', i, 'from'), ...unknownReference('from', relation.from, 'a body in this file', bodyIds) });
      ok = false;
    }
    let target: RelationModel['target'] | undefined;
    if (relation.external != null) target = { type: 'external', name: relation.external };
    else if (relation.to != null && bodyIds.includes(relation.to)) target = { type: 'body', id: relation.to };
    else if (relation.to != null && partnershipIds.has(relation.to) && relation.to !== entry.partnershipId) target = { type: 'partnership', id: relation.to };
    else if (relation.to != null) {
      const others = [...partnershipIds].filter((id) => id !== entry.partnershipId).sort();
      const problem = unknownReference('to', relation.to, 'a body in this file or another partnership', [...bodyIds, ...others]);
      const external = 'for something outside the register, write `external:` with its name instead';
      report({ file: entry.file, severity: 'error', code: 'unknown-reference', locator: value('relations', i, 'to'), ...problem, message: `${problem.message}; ${external}`, fix: `${problem.fix}; ${external}` });
    }
    if (ok && target) relations.push({ from: relation.from, target, kind: relation.kind, ...(relation.cite ? { cite: relation.cite } : {}) });
  });
  return { ...entry.value, id: entry.id, partnershipId: entry.partnershipId ?? '', file: entry.file, bodies, relations };
}

function buildDecision(entry: Entry<'decision'>): DecisionModel {
  const { funding, ...rest } = entry.value;
  return { ...rest, id: entry.id, partnershipId: entry.partnershipId ?? '', file: entry.file, body: entry.body ?? '', supersededBy: [], servesResolved: [], funding: funding ? sumFunding(funding) : undefined };
}

function resolvePartnership(p: PartnershipModel, all: Map<string, PartnershipModel>, known: Set<string>, site: SiteModel, options: ResolveOptions, report: Report): void {
  if (p.parent) {
    if (p.parent === p.id) {
      const fix = 'correct it or delete the key';
      report({ file: p.file, severity: 'error', code: 'unknown-reference', locator: value('parent'), actual: p.parent, fix, message: `\`parent\` is "${p.parent}", this partnership itself; expected the id of the partnership it sits under; ${fix}` });
    } else if (!known.has(p.parent)) {
      report({ file: p.file, severity: 'error', code: 'unknown-reference', locator: value('parent'), ...unknownReference('parent', p.parent, 'a partnership in this register', [...known].filter((id) => id !== p.id).sort()) });
    } else {
      all.get(p.parent)?.children.push(p.id);
      const seen = new Set([p.id]);
      for (let up = all.get(p.parent); up; up = up.parent ? all.get(up.parent) : undefined) {
        if (seen.has(up.id)) {
          const fix = 'remove `parent` from one of them';
          report({ file: p.file, severity: 'error', code: 'parent-cycle', locator: value('parent'), actual: [...seen, up.id], fix, message: `\`parent\` makes a loop: ${[...seen, up.id].join(' → ')}; expected each partnership to sit under a different one, ending at a county; ${fix}` });
          break;
        }
        seen.add(up.id);
      }
    }
  }
  if (p.reviewed && isReviewOverdue(p.reviewed, site.review_every_months, options.today)) {
    const fix = "check the page is still accurate, then set `reviewed` to today's date";
    report({
      file: p.file, severity: 'warning', code: 'review-overdue', locator: value('reviewed'), expected: site.review_every_months, actual: p.reviewed, fix,
      message: `\`reviewed\` is ${p.reviewed}, more than ${site.review_every_months} months ago; expected a review at least every ${site.review_every_months} months (site.yaml \`review_every_months\`); ${fix}`,
    });
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

/** `unreadable`: some structure files have errors, so one of them may be the current one. */
function checkCurrentStructures(p: PartnershipModel, unreadable: boolean, report: Report): void {
  const current = p.structures.filter((s) => s.status === 'current').sort((a, b) => (a.id < b.id ? -1 : 1));
  p.currentStructureId = current[0]?.id;
  if (p.status !== 'active') return;
  if (current.length === 0 && !unreadable) {
    const fix = 'add structures/<id>.yaml with `status: current`';
    report({
      file: p.file, severity: 'warning', code: 'no-current-structure', locator: value('status'), subject: p.id, actual: p.structures.map((s) => s.id), fix,
      message: `this active partnership has no structure with \`status: current\`${p.structures.length ? ` (it has ${p.structures.map((s) => `${s.id}: ${s.status}`).join(', ')})` : ''}; expected one, so residents can see how it works today; ${fix}`,
    });
  }
  if (current.length > 1) {
    const names = current.map((c) => c.id);
    const ids = `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
    for (const s of current.slice(1)) {
      const fix = 'set the older ones to superseded (with `to:` the date they ended)';
      report({
        file: s.file, severity: 'error', code: 'multiple-current-structures', locator: value('status'), subject: s.id, actual: names, fix,
        message: `\`status\` is current, but ${ids} are ${current.length === 2 ? 'both' : 'all'} current; expected one current structure for an active partnership; ${fix}`,
      });
    }
  }
}

function checkDecidedBy(structure: StructureModel, decisionIds: Set<string>, report: Report): void {
  if (structure.decided_by && !decisionIds.has(structure.decided_by)) {
    report({ file: structure.file, severity: 'error', code: 'unknown-reference', locator: value('decided_by'), ...unknownReference('decided_by', structure.decided_by, 'a decision of this partnership', [...decisionIds].sort()) });
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
  const { title, date, decision_maker, kind, status, public: isPublic, structure, supersedes, serves, funding } = entry.value;
  // A funding table is kept only when it names a partnership as the allocator, which is checked across files.
  const kept = funding && allocatedBy(funding.allocated_by)?.type === 'partnership' ? { funding } : {};
  return { ...entry, body: undefined, value: { title, date, decision_maker, kind, status, public: isPublic, structure, supersedes, serves, ...kept } };
}

/**
 * A file's citations that it could not resolve by itself, against its
 * partnership.md's sources; and a file that names no source, where
 * partnership.md names none either.
 */
function checkCitations(entry: Entry, owner: PartnershipModel, report: Report): void {
  const facts = entry.sources;
  if (!facts) return;
  const partnershipIds = (owner.sources ?? []).map((source) => source.id);
  for (const use of facts.unresolved) {
    if (!partnershipIds.includes(use.citation.source)) report({ file: entry.file, ...unknownSource(use, [...facts.ids, ...partnershipIds]) });
  }
  if (facts.ids.length === 0 && partnershipIds.length === 0) report({ file: entry.file, ...noSources() });
}

/** `allocated_by` written as an id must name a partnership of the register; anything else is written in words. */
function checkAllocatedBy(d: DecisionModel, known: Set<string>, report: Report): void {
  const allocator = d.funding?.allocator ?? allocatedBy(d.funding?.allocated_by);
  if (allocator?.type !== 'partnership' || known.has(allocator.id)) return;
  const problem = unknownReference('allocated_by', allocator.id, 'a partnership in this register', [...known].sort());
  const words = 'or write `this-decision`, or the name of whoever made the allocations in words ("Lancaster District LSP")';
  report({ file: d.file, severity: 'error', code: 'unknown-reference', locator: value('funding', 'allocated_by'), ...problem, message: `${problem.message}; ${words}`, fix: `${problem.fix}; ${words}` });
}

/**
 * Resolves what a decision serves: `<partnership-id>/<strategy-id>/<id>`
 * names an objective of that partnership's strategy, or a priority of that
 * partnership's chapter of the strategy. A priority of a draft chapter is
 * served with a warning: the chapter may still change.
 */
function resolveServes(
  d: DecisionModel, partnerships: Map<string, PartnershipModel>, strategies: Map<string, StrategyModel>, unresolvable: (reference: string) => boolean, report: Report,
): ServedTarget[] {
  const resolved: ServedTarget[] = [];
  (d.serves ?? []).forEach((reference, i) => {
    // A single `serves: x/y/z` has no item 0: the locator then points at the text itself.
    const at = value('serves', i);
    const [partnershipId, strategyId, id, extra] = reference.split('/');
    if (id === undefined || extra !== undefined) {
      const fix = 'write it in that form, for example worcestershire-partnership/scs-2011/skilled-prosperous-economy';
      report({ file: d.file, severity: 'error', code: 'unknown-reference', locator: at, actual: reference, fix, message: `\`serves\` is "${reference}"; expected <partnership-id>/<strategy-id>/<objective-id or priority-id>; ${fix}` });
      return;
    }
    const strategy = strategies.get(`${partnershipId}/${strategyId}`);
    const objective = strategy?.objectives.find((o) => o.id === id);
    if (strategy && objective) {
      resolved.push({ type: 'objective', ownerId: partnershipId, strategyId, objectiveId: id });
      return;
    }
    const chapter = partnerships.get(partnershipId)?.chapters.find((c) => c.id === strategyId);
    const priority = chapter?.priorities.find((p) => p.id === id);
    if (chapter && priority) {
      resolved.push({ type: 'priority', partnershipId, ownerId: chapter.strategyOwnerId, strategyId, priorityId: id, objectiveId: priority.objective });
      if (chapter.status === 'draft') {
        const fix = 'leave it if the decision serves the draft priority; check it again once the chapter is agreed';
        report({ file: d.file, severity: 'warning', code: 'serves-draft-chapter', locator: at, subject: reference, actual: chapter.status, fix, message: `\`serves\` names "${id}", a priority of ${partnershipId}'s chapter of ${strategyId}, which is still a draft; expected a priority of an agreed chapter; ${fix}` });
      }
      return;
    }
    // A strategy or chapter that exists but could not be resolved (its own file, or its owner's, has errors) is reported there.
    if (unresolvable(`${partnershipId}/${strategyId}`)) return;
    const existing = [
      ...(strategy?.objectives.map((o) => `${partnershipId}/${strategyId}/${o.id}`) ?? []),
      ...(chapter?.priorities.map((p) => `${partnershipId}/${strategyId}/${p.id}`) ?? []),
    ];
    const what = strategy || chapter ? `an objective or priority of ${partnershipId}/${strategyId}` : 'an objective or priority in this register';
    const listed = existing.length > 0 ? existing : servable(partnerships);
    report({ file: d.file, severity: 'error', code: 'unknown-reference', locator: at, ...unknownReference('serves', reference, what, listed) });
  });
  return resolved;
}

/** Every objective and priority a decision could serve, as `serves` names them. */
function servable(partnerships: Map<string, PartnershipModel>): string[] {
  const names: string[] = [];
  for (const p of partnerships.values()) {
    for (const s of p.strategies) for (const o of s.objectives) names.push(`${p.id}/${s.id}/${o.id}`);
    for (const c of p.chapters) for (const priority of c.priorities) names.push(`${p.id}/${c.id}/${priority.id}`);
  }
  return names.sort();
}

/** A decision's references: to a structure of its partnership, and to the decision it supersedes. */
function checkDecisionReferences(d: DecisionModel, structureIds: Set<string>, decisionIds: Set<string>, all: Map<string, PartnershipModel>, known: Set<string>, report: Report): void {
  const { file } = d;
  if (d.structure && !structureIds.has(d.structure)) {
    report({ file, severity: 'error', code: 'unknown-reference', locator: value('structure'), ...unknownReference('structure', d.structure, 'a structure of this partnership', [...structureIds].sort()) });
  }
  if (d.supersedes) {
    const target = decisionReference(d.supersedes, d.partnershipId);
    const ids = target.partnershipId === d.partnershipId ? decisionIds : new Set(all.get(target.partnershipId)?.decisions.map((x) => x.id) ?? []);
    if (target.partnershipId === d.partnershipId && target.decisionId === d.id) {
      const fix = 'correct it or delete the key';
      report({ file, severity: 'error', code: 'unknown-reference', locator: value('supersedes'), actual: d.supersedes, fix, message: `\`supersedes\` names this decision itself; expected an earlier decision; ${fix}` });
    } else if (!all.has(target.partnershipId)) {
      // A partnership whose partnership.md has errors exists, and may hold the decision: its own file is reported instead.
      if (!known.has(target.partnershipId)) {
        report({ file, severity: 'error', code: 'unknown-reference', locator: value('supersedes'), ...unknownReference('supersedes', d.supersedes, 'a decision in this register', [...decisionIds].filter((id) => id !== d.id).sort()) });
      }
    } else if (!ids.has(target.decisionId)) {
      const prefix = target.partnershipId === d.partnershipId ? '' : `${target.partnershipId}/`;
      const what = `a decision of ${target.partnershipId === d.partnershipId ? 'this partnership' : target.partnershipId}`;
      report({ file, severity: 'error', code: 'unknown-reference', locator: value('supersedes'), ...unknownReference('supersedes', d.supersedes, what, [...ids].filter((id) => id !== d.id).sort().map((id) => prefix + id)) });
    }
  }
}

function resolveChapter(
  entry: Entry<'chapter'>, owner: PartnershipModel, partnerships: Map<string, PartnershipModel>, strategies: Map<string, StrategyModel>,
  invalidStrategies: Set<string>, site: SiteModel, report: Report,
): ChapterModel | undefined {
  const { file, value: chapter } = entry;
  if (chapter.priorities.length > site.max_chapter_priorities) {
    const fix = 'merge or drop some';
    report({
      file, severity: 'warning', code: 'too-many-priorities', locator: value('priorities'), expected: site.max_chapter_priorities, actual: chapter.priorities.length, fix,
      message: `this chapter has ${chapter.priorities.length} priorities; expected at most ${site.max_chapter_priorities} (site.yaml \`max_chapter_priorities\`), "a limited set of high level priorities"; ${fix}`,
    });
  }
  const [ownerId, strategyId, extra] = chapter.strategy.split('/');
  const all = [...strategies.keys()].sort();
  if (strategyId === undefined || extra !== undefined) {
    const fix = 'write it in that form';
    report({
      file, severity: 'error', code: 'unknown-reference', locator: value('strategy'), actual: chapter.strategy, expected: all, fix,
      message: `\`strategy\` is "${chapter.strategy}"; expected <partnership-id>/<strategy-id>, one of: ${listWords(all)}; ${fix}`,
    });
    return undefined;
  }
  if (strategyId !== entry.id) {
    const fix = `rename the file to "${strategyId}.md"`;
    report({
      file, severity: 'error', code: 'chapter-strategy-mismatch', locator: value('strategy'), expected: strategyId, actual: entry.id, fix,
      message: `\`strategy\` names the strategy "${strategyId}", but this file is named "${entry.id}.md"; expected a chapter's file to be named after its strategy; ${fix}`,
    });
  }
  const strategy = strategies.get(chapter.strategy);
  if (!strategy) {
    if (!invalidStrategies.has(chapter.strategy)) {
      report({ file, severity: 'error', code: 'unknown-reference', locator: value('strategy'), ...unknownReference('strategy', chapter.strategy, 'a strategy in this register', all) });
    }
    return undefined;
  }
  const owner2 = partnerships.get(ownerId);
  if (owner2 && owner.parent !== ownerId) {
    const fix = `set \`parent: ${ownerId}\` in partnership.md if it belongs there`;
    report({
      file, severity: 'warning', code: 'chapter-not-child', locator: value('strategy'), subject: owner.id, expected: ownerId, ...(owner.parent ? { actual: owner.parent } : {}), fix,
      message: `this is a chapter of ${owner2.name}'s strategy, but ${owner.name} is not one of its partnerships (its \`parent\` is ${owner.parent ? `"${owner.parent}"` : 'not set'}); expected a chapter from a partnership under the strategy's owner; ${fix}`,
    });
  }
  const objectives = strategy.objectives.map((o) => o.id);
  chapter.priorities.forEach((priority, i) => {
    if (!objectives.includes(priority.objective)) {
      report({ file, severity: 'error', code: 'unknown-reference', locator: value('priorities', i, 'objective'), subject: priority.id, ...unknownReference('objective', priority.objective, `an objective of ${strategy.title}`, objectives) });
    }
    priority.measures?.forEach((measure, j) => {
      if (!strategy.period) return;
      const { from, to } = strategy.period;
      // A period that ends before it starts is the strategy's error, reported there, not each measure's.
      if (!measure.by || compareDates(to, from) < 0) return;
      if (compareDates(measure.by, from) < 0 || compareDates(measure.by, to) > 0) {
        const fix = "correct the date, or check the strategy's period";
        report({
          file, severity: 'error', code: 'measure-outside-period', locator: value('priorities', i, 'measures', j, 'by'), subject: priority.id, expected: `${from} to ${to}`, actual: measure.by, fix,
          message: `\`by\` is ${measure.by}, outside the strategy's period (${from} to ${to}); expected a date within it; ${fix}`,
        });
      }
    });
  });
  return { ...chapter, id: entry.id, partnershipId: owner.id, strategyOwnerId: ownerId, file, body: entry.body ?? '' };
}
