/**
 * The text alternative of a structure diagram: the same facts as a nested list,
 * so the page is complete without the picture. Pure data; a component renders
 * it as nested `<ul>`s.
 */
import type { BodyModel, StructureModel } from '../model/types.ts';
import { REPORTS_TO_NONE } from '../rules/bodies.ts';
import { RELATION_VERBS, TARGET_QUALIFIERS, bodyQualifiers, reportingTree, targetName, type PartnershipNames } from './facts.ts';

/** A body in the reporting tree, with the bodies that report to it. */
export interface OutlineBody {
  id: string;
  name: string;
  kind: BodyModel['kind'];
  /** Words the diagram also shows after the name: `statutory`, `to be developed`. */
  qualifiers: string[];
  /** The name with its qualifiers, as one line of text: `Community Safety Partnership (statutory)`. */
  text: string;
  /** Bodies that report to this one, in file order. */
  reports: OutlineBody[];
  /**
   * For a body at the top of the tree, what its file says of its reporting
   * line: `top` (`reports_to: none`, the source puts it at the top) or
   * `not-recorded` (no `reports_to`: drawn unconnected, never assumed to be the top).
   */
  line?: 'top' | 'not-recorded';
}

/** A relation that is not a reporting line (a dotted line in the diagram). */
export interface OutlineRelation {
  from: { id: string; name: string };
  kind: StructureModel['relations'][number]['kind'];
  /** The kind as the verb of a sentence (`is represented on`), for pages that build the sentence with links. */
  verb: string;
  /** The target: a body of this structure, another partnership (with its id, for a link) or something outside the register. */
  to: { type: 'body' | 'partnership'; id: string; name: string } | { type: 'external'; name: string };
  /** The relation as a sentence: `LSP Executive works with Lancashire Partnership (another partnership).` */
  text: string;
}

/** The structure as lists: the reporting tree from the top, then the other relations. */
export interface StructureOutline {
  /** Bodies that report to no other body, each with the bodies below it. */
  bodies: OutlineBody[];
  /** Relations in file order. */
  relations: OutlineRelation[];
}

/** Joins a name and its qualifiers as the diagram's label does, on one line. */
function withQualifiers(name: string, qualifiers: readonly string[]): string {
  return qualifiers.length > 0 ? `${name} (${qualifiers.join(', ')})` : name;
}

/**
 * The facts of a structure diagram as nested lists.
 *
 * @example
 * structureOutline(chorley2006, names).bodies[0].text // 'LSP Board'
 * structureOutline(chorley2006, names).relations[1].text
 * // 'LSP Executive works with Lancashire Partnership (another partnership).'
 */
export function structureOutline(structure: StructureModel, partnershipNames: PartnershipNames): StructureOutline {
  const { roots, reports } = reportingTree(structure);
  const entry = (body: BodyModel): OutlineBody => {
    const qualifiers = bodyQualifiers(body);
    return { id: body.id, name: body.name, kind: body.kind, qualifiers, text: withQualifiers(body.name, qualifiers), reports: [] };
  };
  // Its own stack, not recursion, so a reporting line thousands deep cannot overflow the call stack.
  const outline = (root: BodyModel): OutlineBody => {
    const top: OutlineBody = { ...entry(root), ...(root.reports_to === REPORTS_TO_NONE ? { line: 'top' } : root.reports_to == null ? { line: 'not-recorded' } : {}) };
    const stack = [{ body: root, item: top }];
    for (let next = stack.pop(); next; next = stack.pop()) {
      for (const child of reports.get(next.body.id) ?? []) {
        const item = entry(child);
        next.item.reports.push(item);
        stack.push({ body: child, item });
      }
    }
    return top;
  };
  const names = new Map(structure.bodies.map((body) => [body.id, body.name]));
  const relations = structure.relations.map((relation): OutlineRelation => {
    const fromName = names.get(relation.from) ?? relation.from;
    const { target } = relation;
    const name = targetName(structure, target, partnershipNames);
    const to = target.type === 'external' ? { type: target.type, name } : { type: target.type, id: target.id, name };
    const shown = target.type === 'body' ? name : withQualifiers(name, [TARGET_QUALIFIERS[target.type]]);
    const verb = RELATION_VERBS[relation.kind];
    return { from: { id: relation.from, name: fromName }, kind: relation.kind, verb, to, text: `${fromName} ${verb} ${shown}.` };
  });
  return { bodies: roots.map(outline), relations };
}
