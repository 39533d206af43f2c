/** A version of a partnership's structure: `partnerships/<id>/structures/<structure-id>.yaml`. */
import { z } from 'zod';
import { DateSchema, IdSchema, ReferenceSchema, TextListSchema, TextSchema } from './values.ts';

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

/** A body's size: a whole number, or `{ approx: N }` when the document says "around N". */
export const SizeSchema = z.union(
  [count('members'), z.strictObject({ /** The approximate number of members. */ approx: count('members') })],
  { error: 'must be a whole number (20) or an approximate one ({ approx: 40 })' },
);

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
  /** Optional: its stated size: a whole number, or `{ approx: 40 }`. */
  size: SizeSchema.nullish(),
  /** Optional: its seats by sector, when the document gives counts. */
  seats: z.array(SeatSchema).nullish(),
  /** Optional: named members or posts, when the document names them. */
  members: TextListSchema.nullish(),
  /** Optional: who chairs it, or how the chair is chosen. */
  chair: TextSchema.nullish(),
  /** Optional: members' term of office, in years. */
  term_years: z.number({ error: 'must be a number of years, such as 2' }).positive({ error: 'must be more than 0' }).nullish(),
  /** Optional: how many times a year it meets. */
  meetings_per_year: z.number({ error: 'must be a number, such as 4' }).nonnegative({ error: 'must be 0 or more' }).nullish(),
  /** Optional: how many members must be present for a decision. */
  quorum: count('members').nullish(),
  /** Optional: the id of the body in this file that it reports to; these are the diagram's lines. */
  reports_to: ReferenceSchema.nullish(),
  /** Optional: existing, or to-be-developed for a body that is planned. */
  state: z.enum(BODY_STATES).nullish(),
  /** Optional: true for a partnership required by law in its own right (a Community Safety Partnership). */
  statutory: z.boolean({ error: 'must be true or false' }).nullish(),
  /** Optional: the Community Strategy goals this body works to. */
  goals: TextListSchema.nullish(),
  /** Optional: anything the document says about the body that no other key holds, such as a figure it gives differently elsewhere. */
  notes: TextSchema.nullish(),
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
  /** Optional: when this structure took effect. */
  from: DateSchema.nullish(),
  /** Optional: when it ended; not before `from`. */
  to: DateSchema.nullish(),
  /** Optional: the id of this partnership's decision that adopted or proposed it. */
  decided_by: ReferenceSchema.nullish(),
  /** The bodies: at least one. */
  bodies: z.array(BodySchema).min(1, { error: 'is an empty list; expected at least one body' }),
  /** Optional: links that are not reporting lines. */
  relations: z.array(RelationSchema).nullish(),
});

/** A structure as written. */
export type StructureInput = z.input<typeof StructureSchema>;
/** A structure after validation. */
export type Structure = z.output<typeof StructureSchema>;
/** A body after validation. */
export type Body = z.output<typeof BodySchema>;
