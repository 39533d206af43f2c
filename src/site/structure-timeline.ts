/**
 * A partnership's structure over time: every version in order, each with a
 * one-line summary of what changed from the version before it.
 */
import type { PartnershipModel, StructureModel } from '../model/index.ts';
import { compareStructures, type StructureComparison } from './compare-structures.ts';
import { plural } from './format.ts';
import { baselineFor, versionsInOrder } from './structure-versions.ts';

/** One version on the timeline. */
export interface TimelineEntry {
  structure: StructureModel;
  /** The version it is compared with (the one in force, for a proposal). */
  baseline?: StructureModel;
  /** What changed against the baseline, in words; undefined for the first version. */
  changes?: string;
}

/**
 * Summarises a comparison in one sentence.
 *
 * @example
 * summariseChanges(comparison) // '8 bodies added, 3 removed, 1 renamed, 1 moved, 2 with new seats'
 */
export function summariseChanges(c: StructureComparison): string {
  const parts = [
    c.added.length > 0 && plural(c.added.length, 'body added', 'bodies added'),
    c.removed.length > 0 && `${c.removed.length} removed`,
    c.renamed.length > 0 && `${c.renamed.length} renamed`,
    c.reparented.length > 0 && `${c.reparented.length} reporting elsewhere`,
    // Not a change: the earlier version did not say where these reported.
    c.lineFirstRecorded.length > 0 && `${c.lineFirstRecorded.length} with a reporting line not recorded before`,
    c.resized.length > 0 && `${c.resized.length} resized`,
    c.reseated.length > 0 && `${c.reseated.length} with new seats`,
  ].filter((part): part is string => typeof part === 'string');
  return parts.length > 0 ? parts.join(', ') : 'no change to bodies, reporting lines, sizes or seats';
}

/** The versions of a partnership's structure in order, each with what changed from its baseline. */
export function structureTimeline(partnership: PartnershipModel): TimelineEntry[] {
  return versionsInOrder(partnership).map((structure) => {
    const baseline = baselineFor(partnership, structure);
    return { structure, baseline, changes: baseline ? summariseChanges(compareStructures(baseline, structure)) : undefined };
  });
}
