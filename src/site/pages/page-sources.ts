/**
 * What each page shows of a file, for its list of sources: a partnership's own
 * frontmatter, without what the model gathers under it (its structures and
 * decisions are other pages' facts); any other file as the model holds it.
 */
import type { ChapterModel, DecisionModel, PartnershipModel, StrategyModel, StructureModel } from '../../model/index.ts';
import type { ShownFile } from '../sources-view.ts';

/** The keys the model adds to a partnership: other files' facts. */
const GATHERED = new Set(['structures', 'strategies', 'chapters', 'decisions', 'children', 'body']);

/**
 * A partnership's own facts: its partnership.md.
 *
 * @example
 * citationsIn(partnershipShown(p).value) // the partnership.md's citations only
 */
export function partnershipShown(p: PartnershipModel): ShownFile {
  return { file: p.file, value: Object.fromEntries(Object.entries(p).filter(([key]) => !GATHERED.has(key))) };
}

/** What a page shows of any other file: the model object as it is. */
export function shown(item: StructureModel | DecisionModel | StrategyModel | ChapterModel): ShownFile {
  return { file: item.file, value: item };
}
