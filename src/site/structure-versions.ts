/**
 * The versions of a partnership's structure in the order they belong to:
 * past ones oldest first, then the one in force, then proposals.
 */
import type { PartnershipModel, StructureModel } from '../model/index.ts';
import { compareDates } from '../schemas/index.ts';

/** A partnership's structures in time order: superseded (oldest first), current, proposed. */
export function versionsInOrder(partnership: PartnershipModel): StructureModel[] {
  const rank = { superseded: 0, current: 1, proposed: 2 } as const;
  const when = (s: StructureModel) => s.from ?? s.to ?? '';
  return [...partnership.structures].sort(
    (a, b) => rank[a.status] - rank[b.status] || compareDates(when(a), when(b)) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
}

/**
 * The version a structure is best compared with. A proposal is compared with
 * the structure in force, since that is what it would change; other versions
 * with the one before them. Undefined for the first version.
 */
export function baselineFor(partnership: PartnershipModel, structure: StructureModel): StructureModel | undefined {
  const enacted = versionsInOrder(partnership).filter((s) => s.status !== 'proposed');
  if (structure.status === 'proposed') return enacted.find((s) => s.status === 'current') ?? enacted.at(-1);
  const position = enacted.indexOf(structure);
  return position > 0 ? enacted[position - 1] : undefined;
}
