/**
 * Data-quality notes: the checker's warnings about what a page shows, in plain
 * words for residents, and the discrepancies the content records where a
 * document contradicts itself in a way the checker cannot compute. The checker
 * decides what is wrong (one copy of each rule); this module only words it,
 * using the facts in the model and the diagnostic's own (`subject`,
 * `expected`, `actual`). Every warning the checker gives about a page's facts
 * has a resident's wording here; rule codes are for officers and never reach
 * a page. Notes are matched to pages by file: ids and names repeat across
 * partnerships (a strategy and the chapters written for it share an id).
 */
import type { Diagnostic, PathSegment } from '../content/diagnostics.ts';
import type { ChapterModel, DecisionModel, Model, PartnershipModel, StrategyModel, StructureModel } from '../model/index.ts';
import type { Discrepancy } from '../schemas/index.ts';
import { datePhrase, formatSize, plural } from './format.ts';
import { indexModel } from './lookup.ts';

/** One note for a page. */
export interface DataQualityNote {
  /** The checker's rule (`size-mismatch`). */
  code: string;
  /** What a resident should know, as one or two sentences. */
  text: string;
  /** The content file the note is about, relative to the content folder. */
  file: string;
  /** The line in that file, for officers following it up (a checker's warning). */
  line?: number;
  /** The id of the body the note is about, when it is about one body, so it can be shown beside it too. */
  bodyId?: string;
  /** For a recorded discrepancy, where it is in the file, so the page can link its citation. */
  path?: PathSegment[];
  /** True for a discrepancy recorded on a funding table, so it is shown beside the table too. */
  funding?: boolean;
}

/** What a file holds, so a warning can be worded from the model. */
type Subject =
  | { kind: 'partnership'; partnership: PartnershipModel }
  | { kind: 'structure'; partnership: PartnershipModel; structure: StructureModel }
  | { kind: 'chapter'; partnership: PartnershipModel; chapter: ChapterModel }
  | { kind: 'strategy'; partnership: PartnershipModel; strategy: StrategyModel }
  | { kind: 'decision'; partnership: PartnershipModel; decision: DecisionModel }
  | { kind: 'other' };

const subjects = new WeakMap<Model, Map<string, Subject>>();

function subjectsOf(model: Model): Map<string, Subject> {
  let map = subjects.get(model);
  if (!map) {
    map = new Map();
    for (const partnership of model.partnerships) {
      map.set(partnership.file, { kind: 'partnership', partnership });
      for (const structure of partnership.structures) map.set(structure.file, { kind: 'structure', partnership, structure });
      for (const chapter of partnership.chapters) map.set(chapter.file, { kind: 'chapter', partnership, chapter });
      for (const strategy of partnership.strategies) map.set(strategy.file, { kind: 'strategy', partnership, strategy });
      for (const decision of partnership.decisions) map.set(decision.file, { kind: 'decision', partnership, decision });
    }
    subjects.set(model, map);
  }
  return map;
}

/**
 * Warnings about how a file is stored (its encoding or line endings), not
 * about what it says: officers see them from the checker; a resident's page
 * has nothing to learn from them.
 */
const STORAGE_WARNINGS: ReadonlySet<string> = new Set(['byte-order-mark', 'line-endings']);

const warningsByFile = new WeakMap<Model, Map<string, Diagnostic[]>>();

/** The notes for the content in these files, in file order then line order. */
export function notesForFiles(model: Model, files: readonly string[]): DataQualityNote[] {
  let byFile = warningsByFile.get(model);
  if (!byFile) {
    byFile = new Map();
    for (const d of model.diagnostics) {
      if (d.severity !== 'warning' || STORAGE_WARNINGS.has(d.code)) continue;
      byFile.set(d.file, [...(byFile.get(d.file) ?? []), d]);
    }
    warningsByFile.set(model, byFile);
  }
  const subjectOf = subjectsOf(model);
  return [...new Set(files)].flatMap((file) => [
    ...(byFile.get(file) ?? []).map((d) => noteFor(d, model)),
    ...discrepancyNotes(file, subjectOf.get(file) ?? { kind: 'other' }),
  ]);
}

/**
 * The discrepancies a file records, as notes: the file's own, each body's
 * (shown beside the body too) and a funding table's (shown beside the table).
 */
function discrepancyNotes(file: string, subject: Subject): DataQualityNote[] {
  const notes: DataQualityNote[] = [];
  const add = (list: readonly Discrepancy[] | null | undefined, path: PathSegment[], extra: Partial<DataQualityNote> = {}) =>
    (list ?? []).forEach((d, i) => notes.push({ code: 'discrepancy', text: d.text, file, path: [...path, 'discrepancies', i], ...extra }));
  switch (subject.kind) {
    case 'partnership':
      add(subject.partnership.discrepancies, []);
      break;
    case 'structure':
      add(subject.structure.discrepancies, []);
      subject.structure.bodies.forEach((body, i) => add(body.discrepancies, ['bodies', i], { bodyId: body.id }));
      break;
    case 'chapter':
      add(subject.chapter.discrepancies, []);
      break;
    case 'strategy':
      add(subject.strategy.discrepancies, []);
      break;
    case 'decision':
      add(subject.decision.discrepancies, []);
      add(subject.decision.funding?.discrepancies, ['funding'], { funding: true });
      break;
  }
  return notes;
}

/** Notes for a partnership's page: the partnership itself and the structure shown on it. */
export function partnershipNotes(model: Model, partnership: PartnershipModel): DataQualityNote[] {
  const current = partnership.currentStructureId ? indexModel(model).structure(partnership.id, partnership.currentStructureId) : undefined;
  return notesForFiles(model, [partnership.file, ...(current ? [current.file] : [])]);
}

/**
 * Words one warning for residents, from the facts the checker's rule gave
 * (`subject`, `expected`, `actual`) and the model; never from its message,
 * which speaks to officers.
 *
 * @example
 * // a size-mismatch warning on Chorley's Board of Directors: subject 'board-of-directors', expected 25, actual 22
 * noteFor(warning, model).text // 'The source document gives the Board of Directors 25 members, but the seats it lists add up to 22.'
 */
export function noteFor(diagnostic: Diagnostic, model: Model): DataQualityNote {
  const subject = subjectsOf(model).get(diagnostic.file) ?? { kind: 'other' };
  const note: DataQualityNote = { code: diagnostic.code, text: UNWORDED_NOTE, file: diagnostic.file, line: diagnostic.line };
  if (diagnostic.code === 'size-mismatch' && subject.kind === 'structure') {
    const body = subject.structure.bodies.find((b) => b.id === diagnostic.subject);
    if (body && body.size != null && body.votingSeats !== undefined) {
      const advisory = body.advisorySeats ? `, not counting ${plural(body.advisorySeats, 'advisory seat')}` : '';
      return { ...note, bodyId: body.id, text: `The source document gives ${withArticle(body.name)} ${formatSize(body.size)}, but the seats it lists add up to ${body.votingSeats}${advisory}.` };
    }
  }
  return { ...note, text: wording(diagnostic, subject, model) ?? note.text };
}

function wording(d: Diagnostic, subject: Subject, model: Model): string | undefined {
  switch (d.code) {
    case 'size-mismatch':
      return 'The source document gives a body a number of members that the seats it lists do not add up to.';
    case 'no-current-structure':
      return subject.kind === 'partnership'
        ? `No structure in force is recorded for ${subject.partnership.name}, so this page cannot show how it works today.`
        : 'No structure in force is recorded, so the register cannot show how this partnership works today.';
    case 'review-overdue':
      return subject.kind === 'partnership' && subject.partnership.reviewed
        ? `This page was last checked ${datePhrase(subject.partnership.reviewed)}, more than ${plural(model.site.review_every_months, 'month')} ago, so some details may be out of date.`
        : `This page has not been checked for more than ${plural(model.site.review_every_months, 'month')}, so some details may be out of date.`;
    case 'too-many-priorities':
      return subject.kind === 'chapter'
        ? `This chapter has ${plural(subject.chapter.priorities.length, 'priority', 'priorities')}. Chapters are meant to keep to a limited set of high level priorities: at most ${model.site.max_chapter_priorities}.`
        : `This chapter has more priorities than the limited set of high level priorities chapters are meant to keep to (at most ${model.site.max_chapter_priorities}).`;
    case 'chapter-not-child': {
      const owner = subject.kind === 'chapter' ? indexModel(model).partnership(subject.chapter.strategyOwnerId) : undefined;
      return subject.kind === 'chapter' && owner
        ? `This is a chapter of ${owner.name}'s strategy, but ${subject.partnership.name} is not recorded as one of ${owner.name}'s partnerships.`
        : 'This chapter was written by a partnership that is not recorded as one of the strategy owner’s partnerships.';
    }
    case 'no-sources':
      return 'This part of the record does not say which document it is taken from.';
    case 'allocated-by-missing':
      return 'The funding table lists allocations but does not say who made them.';
    case 'serves-draft-chapter':
      return 'This decision serves a priority of a chapter that is still a draft, so the priority may yet change.';
    default:
      return undefined;
  }
}

/** "Board of Directors" reads as "the Board of Directors"; names that already start with "The" keep theirs. */
function withArticle(name: string): string {
  return /^the\s/i.test(name) ? name : `the ${name}`;
}

/**
 * What a note says for a warning this module has no wording for (a rule newer
 * than its wording): that the checker flagged the data, so nothing is hidden
 * and nothing is made up. The rule's code stays with the officers.
 */
export const UNWORDED_NOTE = 'The register’s checks flagged this part of the record for its officers to look at.';
