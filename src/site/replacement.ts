/**
 * What replaced a dissolved partnership, as far as the register records it:
 * the newest decision about its structure, and the structure that decision
 * proposed or adopted (Lancaster's "key partnerships", for example).
 */
import type { DecisionModel, Model, PartnershipModel, StructureModel } from '../model/index.ts';
import { compareDates } from '../schemas/index.ts';
import { indexModel } from './lookup.ts';

/** The decision that set out what came next, and the arrangements it describes. */
export interface Replacement {
  decision?: DecisionModel;
  structure?: StructureModel;
}

/** What replaced a partnership, or undefined when the register records nothing. */
export function replacementOf(partnership: PartnershipModel, model: Model): Replacement | undefined {
  const index = indexModel(model);
  // Decisions are newest first; an exempt decision's contents are not published, so it cannot be pointed to for them.
  const decisions = partnership.decisions.filter((d) => d.public && d.kind.includes('structure'));
  const withStructure = decisions.find((d) => d.structure);
  if (withStructure?.structure) return { decision: withStructure, structure: index.structure(partnership.id, withStructure.structure) };
  if (decisions[0]) return { decision: decisions[0] };
  const later = partnership.structures.find((s) => s.status !== 'superseded' && partnership.dissolved && s.from && compareDates(s.from, partnership.dissolved) >= 0);
  return later ? { structure: later } : undefined;
}
