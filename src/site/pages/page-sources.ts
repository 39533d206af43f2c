/**
 * What each page shows of a file, for its list of sources: a partnership's own
 * frontmatter, without what the model gathers under it (its structures and
 * decisions are other pages' facts); any other file as the model holds it.
 */
import type { ChapterModel, DecisionModel, Model, PartnershipModel, StrategyModel, StructureModel } from '../../model/index.ts';
import { RELATION_KIND_LABELS } from '../labels.ts';
import { indexModel } from '../lookup.ts';
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

/**
 * What a page shows of a structure: the model object, with each relation named
 * by what it links, since a relation has no name of its own.
 *
 * @example
 * // relations: [{ from: board, to: llyn-district-partnership, kind: represented-on, cite: "constitution, para 9" }]
 * structureShown(model, structure).labelOf?.(['relations', 0]) // 'Board is represented on Llŷn District Partnership'
 */
export function structureShown(model: Model, s: StructureModel): ShownFile {
  const bodyName = (id: string) => s.bodies.find((b) => b.id === id)?.name ?? id;
  return {
    file: s.file,
    value: s,
    labelOf: (path) => {
      const relation = path.length === 2 && path[0] === 'relations' && typeof path[1] === 'number' ? s.relations[path[1]] : undefined;
      if (!relation) return undefined;
      const { target } = relation;
      const to = target.type === 'body' ? bodyName(target.id)
        : target.type === 'partnership' ? (indexModel(model).partnership(target.id)?.name ?? target.id)
          : target.name;
      return `${bodyName(relation.from)} ${RELATION_KIND_LABELS[relation.kind]} ${to}`;
    },
  };
}
