/**
 * One body of a structure as its section on a page shows it: the body, where
 * it reports and who reports to it, its other links, and the data-quality
 * notes about it. Used by the partnership page (its structure in force) and
 * the structure page.
 */
import type { BodyModel, Model, StructureModel } from '../../model/index.ts';
import { REPORTS_TO_NONE } from '../../rules/bodies.ts';
import { bodyAnchor } from '../anchors.ts';
import { RELATION_KIND_LABELS } from '../labels.ts';
import { indexModel } from '../lookup.ts';
import type { DataQualityNote } from '../notes.ts';
import { partnershipUrl } from '../urls.ts';

/** A link to another body's section on the same page. */
export interface BodyLink {
  name: string;
  /** `#body-<id>`. */
  href: string;
}

/** A link from the body to something else: "works with", "is represented on"… */
export interface RelationLink {
  /** The relation's verb (`works with`). */
  verb: string;
  text: string;
  /** Absent for something outside the register. */
  href?: string;
  /** Its place in the structure's `relations`, for its citations. */
  relation: number;
}

/** What BodyDetails shows of one body. */
export interface BodyView {
  body: BodyModel;
  /** The id of the structure it belongs to, unique on the page, for its seat chart's ids. */
  structureId: string;
  /** The structure's file and the body's place in it, for its citations (`bodies`, index). */
  file: string;
  index: number;
  /** The id of the body's section, linked to from diagrams and other bodies. */
  anchor: string;
  /**
   * Where it reports, as the file records it: the body it reports to, the
   * top of the structure (`reports_to: none`), or not recorded.
   */
  reportsTo: BodyLink | 'none' | 'not-recorded';
  /** The bodies that report to it, in the structure's order. */
  reporting: BodyLink[];
  /** Its relations to other bodies, partnerships and outside organisations. */
  links: RelationLink[];
  /** Other bodies' relations to it, each with its place in the structure's `relations`. */
  linkedFrom: { verb: string; from: BodyLink; relation: number }[];
  /** Data-quality notes about this body, shown beside it. */
  notes: DataQualityNote[];
}

/**
 * Every body of a structure, in order, each with the notes about it among `notes`.
 *
 * @example
 * bodyViews(structure, model, notes)[0].reportsTo // { name: 'Board of Directors', href: '#body-board' }
 */
export function bodyViews(structure: StructureModel, model: Model, notes: readonly DataQualityNote[]): BodyView[] {
  const index = indexModel(model);
  // The first body with an id, as a reader following a link would find it; duplicates are the checker's errors.
  const byId = new Map<string, BodyModel>();
  for (const b of structure.bodies) if (!byId.has(b.id)) byId.set(b.id, b);
  const link = (body: BodyModel): BodyLink => ({ name: body.name, href: `#${bodyAnchor(body)}` });
  return structure.bodies.map((body, i): BodyView => {
    const parent = body.reports_to ? byId.get(body.reports_to) : undefined;
    const links = structure.relations.flatMap((r, relation): RelationLink[] => {
      if (r.from !== body.id) return [];
      const verb = RELATION_KIND_LABELS[r.kind];
      if (r.target.type === 'external') return [{ verb, text: r.target.name, relation }];
      if (r.target.type === 'partnership') return [{ verb, text: index.partnership(r.target.id)?.name ?? r.target.id, href: partnershipUrl(r.target.id), relation }];
      const id = r.target.id;
      return [{ verb, text: byId.get(id)?.name ?? id, href: `#${bodyAnchor({ id })}`, relation }];
    });
    // The model keeps only relations whose `from` is a body of the structure, so every one is found.
    const linkedFrom = structure.relations.flatMap((r, relation) => {
      const from = r.target.type === 'body' && r.target.id === body.id ? byId.get(r.from) : undefined;
      return from ? [{ verb: RELATION_KIND_LABELS[r.kind], from: link(from), relation }] : [];
    });
    return {
      body,
      structureId: structure.id,
      file: structure.file,
      index: i,
      anchor: bodyAnchor(body),
      reportsTo: parent ? link(parent) : body.reports_to === REPORTS_TO_NONE ? 'none' : 'not-recorded',
      reporting: structure.bodies.filter((b) => b.reports_to === body.id).map(link),
      links,
      linkedFrom,
      notes: notes.filter((n) => n.bodyId === body.id && n.file === structure.file),
    };
  });
}
