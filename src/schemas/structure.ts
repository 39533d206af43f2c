/** A version of a partnership's structure: `partnerships/<id>/structures/<structure-id>.yaml`. */
import { z } from 'zod';
import { CiteSchema, DiscrepanciesSchema, SourcesSchema } from './sources.ts';
import { DateSchema, IdSchema, quantity, ReferenceSchema, TextListSchema, TextSchema } from './values.ts';

/** Whether a structure is in force, proposed or past. */
export const STRUCTURE_STATUSES = ['current', 'proposed', 'superseded'] as const;
/** The kinds of body inside a partnership. */
export const BODY_KINDS = [
  'board', 'executive', 'management-group', 'delivery-group', 'thematic-group', 'task-group', 'forum', 'public-service-board', 'support-team', 'other',
] as const;
/** Sectors that seats are grouped into, so boards can be compared across partnerships. */
export const SEAT_CATEGORIES = [
  'elected-members', 'local-authority', 'public-sector', 'police', 'health', 'education', 'business', 'voluntary-community-faith', 'parish', 'other',
] as const;
/** Whether a body exists yet. */
export const BODY_STATES = ['existing', 'to-be-developed'] as const;
/** Links between bodies that are not reporting lines. */
export const RELATION_KINDS = ['works-with', 'represented-on', 'accountable-to', 'advises', 'other'] as const;

const count = (what: string) => z.int({ error: `must be a whole number of ${what}` }).nonnegative({ error: `must be 0 or more ${what}` });

/** A body's size as the document states it: a whole number, or `{ approx: 40 }`, `{ at_least: 20 }`, `{ at_most: 10 }`. */
export const SizeSchema = quantity('members');

/** Seats on a body held by one sector. */
export const SeatSchema = z.strictObject({
  /** The sector in the document's words (`Business sector`). */
  sector: TextSchema,
  /** How many seats the sector has. */
  count: count('seats'),
  /** Optional: the sector's category, for comparing boards: elected-members, local-authority, public-sector, police, health, education, business, voluntary-community-faith, parish or other. */
  category: z.enum(SEAT_CATEGORIES).nullish(),
  /** Optional: false for advisory seats, which are shown apart and not counted against the stated size (default true). */
  voting: z.boolean({ error: 'must be true or false' }).nullish(),
  /** Optional: where the document gives these seats (`way-forward, para 26`). */
  cite: CiteSchema.nullish(),
});

/** A board, executive, group or forum inside the partnership. */
export const BodySchema = z.strictObject({
  /** The body's id, unique in this file (`board`, `community-safety`). Other bodies name it in `reports_to`. */
  id: IdSchema,
  /** Its name (`LSP Board`). */
  name: TextSchema,
  /** board, executive, management-group, delivery-group, thematic-group, task-group, forum, public-service-board, support-team or other. */
  kind: z.enum(BODY_KINDS),
  /** Optional: its terms of reference, one line each. */
  purpose: TextListSchema.nullish(),
  /** Optional: its stated size: a whole number, or `{ approx: 40 }`, `{ at_least: 20 }`, `{ at_most: 10 }`. */
  size: SizeSchema.nullish(),
  /** Optional: its seats by sector, when the document gives counts. */
  seats: z.array(SeatSchema).nullish(),
  /** Optional: named members or posts, when the document names them. */
  members: TextListSchema.nullish(),
  /** Optional: who chairs it, or how the chair is chosen. */
  chair: TextSchema.nullish(),
  /** Optional: members' term of office in years, as stated: `2`, or `{ at_most: 3 }`. */
  term_years: quantity('years').nullish(),
  /** Optional: how many times a year it meets, as stated: `6`, `{ approx: 6 }` ("approximately six"), `{ at_least: 4 }` ("at least quarterly"). */
  meetings_per_year: quantity('meetings').nullish(),
  /** Optional: how many members must be present for a decision. */
  quorum: count('members').nullish(),
  /** Optional: the id of the body in this file that it reports to (the diagram's lines), or `none` when the document says it reports to no other body. Absent: not recorded. */
  reports_to: ReferenceSchema.nullish(),
  /** Optional: existing, or to-be-developed for a body that is planned. */
  state: z.enum(BODY_STATES).nullish(),
  /** Optional: true for a partnership required by law in its own right (a Community Safety Partnership). */
  statutory: z.boolean({ error: 'must be true or false' }).nullish(),
  /** Optional: the Community Strategy goals this body works to. */
  goals: TextListSchema.nullish(),
  /** Optional: anything the document says about the body that no other key holds, such as a figure it gives differently elsewhere. */
  notes: TextSchema.nullish(),
  /** Optional: where the document describes this body (`way-forward, Appendix A`). */
  cite: CiteSchema.nullish(),
  /** Optional: where the document contradicts itself about this body. */
  discrepancies: DiscrepanciesSchema.nullish(),
});

/** A link between bodies that is not a reporting line: drawn dotted. */
export const RelationSchema = z.strictObject({
  /** The id of a body in this file. */
  from: ReferenceSchema,
  /** The id of another body in this file, or of another partnership in the register. Give `to` or `external`. */
  to: ReferenceSchema.nullish(),
  /** The name of something outside the register (`Sub-regional footprint groups`). Give `to` or `external`. */
  external: TextSchema.nullish(),
  /** works-with, represented-on, accountable-to, advises or other. */
  kind: z.enum(RELATION_KINDS),
  /** Optional: where the document gives this link. */
  cite: CiteSchema.nullish(),
}).check((ctx) => {
  const { to, external } = ctx.value;
  if ((to == null) === (external == null)) {
    ctx.issues.push({
      code: 'custom',
      input: ctx.value,
      params: { code: to == null ? 'missing-key' : 'invalid-value' },
      message: to == null
        ? 'gives neither `to` nor `external`; expected one of them; add `to:` with an id, or `external:` with a name'
        : 'gives both `to` and `external`; expected one of them; keep `to` for something in the register, `external` for anything else',
    });
  }
});

/** One version of a partnership's structure. */
export const StructureSchema = z.strictObject({
  /** The version's title (`Proposed structure (March 2006)`). */
  title: TextSchema,
  /** current (in force), proposed or superseded. */
  status: z.enum(STRUCTURE_STATUSES),
  /** Optional: for a current or superseded structure, when it took effect; for a proposal, when it was proposed (the date of the document proposing it). */
  from: DateSchema.nullish(),
  /** Optional: when it ended; not before `from`. */
  to: DateSchema.nullish(),
  /** Optional: the id of this partnership's decision that adopted or proposed it. */
  decided_by: ReferenceSchema.nullish(),
  /** The bodies: at least one. */
  bodies: z.array(BodySchema).min(1, { error: 'is an empty list; expected at least one body' }),
  /** Optional: links that are not reporting lines. */
  relations: z.array(RelationSchema).nullish(),
  /** Optional: when the status was last known to be true. */
  status_as_at: DateSchema.nullish(),
  /** Optional: the documents this structure is taken from. */
  sources: SourcesSchema.nullish(),
  /** Optional: where a document contradicts itself about this structure. */
  discrepancies: DiscrepanciesSchema.nullish(),
});

/** A structure as written. */
export type StructureInput = z.input<typeof StructureSchema>;
/** A structure after validation. */
export type Structure = z.output<typeof StructureSchema>;
/** A body after validation. */
export type Body = z.output<typeof BodySchema>;
