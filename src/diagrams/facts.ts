/**
 * The facts a structure diagram shows, in words: shared by the Mermaid source,
 * its accessible title and description, and the text alternative, so the
 * picture and the list can never say different things.
 */
import type { BodyModel, Model, RelationModel, RelationTarget, StructureModel } from '../model/types.ts';

/** Looks up another partnership's name by id; undefined when it is not in the register. */
export type PartnershipNames = (id: string) => string | undefined;

/** The words drawn on a relation's dotted line (`LSP Executive —represented on→ …`). */
export const RELATION_LABELS: Record<RelationModel['kind'], string> = {
  'works-with': 'works with',
  'represented-on': 'represented on',
  'accountable-to': 'accountable to',
  advises: 'advises',
  other: 'linked to',
};

/** The verb in a sentence about a relation (`LSP Executive is represented on …`). */
export const RELATION_VERBS: Record<RelationModel['kind'], string> = {
  'works-with': 'works with',
  'represented-on': 'is represented on',
  'accountable-to': 'is accountable to',
  advises: 'advises',
  other: 'is linked to',
};

/** What marks a relation's target as something other than a body of this partnership. */
export const TARGET_QUALIFIERS: Record<Exclude<RelationTarget['type'], 'body'>, string> = {
  partnership: 'another partnership',
  external: 'external',
};

/**
 * Words shown after a body's name, so what the diagram styles (a dashed border)
 * is also said in text.
 *
 * @example
 * bodyQualifiers({ statutory: true, state: 'to-be-developed', … }) // ['statutory', 'to be developed']
 */
export function bodyQualifiers(body: Pick<BodyModel, 'statutory' | 'state'>): string[] {
  const qualifiers: string[] = [];
  if (body.statutory) qualifiers.push('statutory');
  if (body.state === 'to-be-developed') qualifiers.push('to be developed');
  return qualifiers;
}

/** The name of a relation's target, as the diagram and the list show it. */
export function targetName(structure: StructureModel, target: RelationTarget, partnershipNames: PartnershipNames): string {
  switch (target.type) {
    case 'body':
      return structure.bodies.find((body) => body.id === target.id)?.name ?? target.id;
    case 'partnership':
      return partnershipNames(target.id) ?? target.id;
    case 'external':
      return target.name;
  }
}

/** Who reports to whom: the bodies at the top, and each body's reports, in file order. */
export interface ReportingTree {
  /** Bodies that report to no other body. */
  roots: BodyModel[];
  /** For each body's id, the bodies that report to it. */
  reports: ReadonlyMap<string, BodyModel[]>;
}

/**
 * Builds the reporting tree. A body whose `reports_to` does not lead to a root
 * (only possible in content the checker refused) becomes a root, and every body
 * is placed once, so nothing is left out and nothing loops. The walk keeps its
 * own stack rather than recursing, so a reporting line thousands of bodies deep
 * cannot overflow the call stack.
 */
export function reportingTree(structure: StructureModel): ReportingTree {
  const ids = new Set(structure.bodies.map((body) => body.id));
  const reportsTo = (body: BodyModel) => (body.reports_to != null && ids.has(body.reports_to) && body.reports_to !== body.id ? body.reports_to : undefined);
  const roots = structure.bodies.filter((body) => reportsTo(body) === undefined);
  // Who names each body in `reports_to`, in file order: looked up once, not by scanning every body per body.
  const candidates = new Map<string, BodyModel[]>();
  for (const body of structure.bodies) {
    const parent = reportsTo(body);
    if (parent === undefined) continue;
    let list = candidates.get(parent);
    if (!list) candidates.set(parent, (list = []));
    list.push(body);
  }
  const reports = new Map<string, BodyModel[]>();
  const placed = new Set<string>();
  // Depth first, each body's reports in file order: the order the lists and the diagram show them in.
  const place = (top: BodyModel) => {
    placed.add(top.id);
    const stack = [{ body: top, next: 0 }];
    while (stack.length > 0) {
      const frame = stack[stack.length - 1];
      const child = candidates.get(frame.body.id)?.[frame.next++];
      if (child === undefined) {
        stack.pop();
        continue;
      }
      if (placed.has(child.id)) continue;
      placed.add(child.id);
      let list = reports.get(frame.body.id);
      if (!list) reports.set(frame.body.id, (list = []));
      list.push(child);
      stack.push({ body: child, next: 0 });
    }
  };
  roots.forEach(place);
  for (const body of structure.bodies) {
    if (placed.has(body.id)) continue;
    roots.push(body);
    place(body);
  }
  return { roots, reports };
}

/** How many reporting lines a structure has (bodies whose `reports_to` names a body in it). */
export function reportingLineCount(structure: StructureModel): number {
  const ids = new Set(structure.bodies.map((body) => body.id));
  return structure.bodies.filter((body) => body.reports_to != null && ids.has(body.reports_to) && body.reports_to !== body.id).length;
}

/**
 * Joins names as an English list.
 *
 * @example
 * listOf(['LSP Board', 'Public Service Board', 'Forum']) // 'LSP Board, Public Service Board and Forum'
 */
export function listOf(names: readonly string[]): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

/**
 * A count with its noun, singular or plural; "no" for none.
 *
 * @example
 * countOf(1, 'body', 'bodies') // '1 body'
 * countOf(0, 'other link', 'other links') // 'no other links'
 */
export function countOf(count: number, one: string, many: string): string {
  return count === 0 ? `no ${many}` : `${count} ${count === 1 ? one : many}`;
}

/** Partnerships' names by id, from the model: what diagrams show for relations to other partnerships. */
export function partnershipNamesIn(model: Pick<Model, 'partnerships'>): PartnershipNames {
  const names = new Map(model.partnerships.map((partnership) => [partnership.id, partnership.name]));
  return (id) => names.get(id);
}
