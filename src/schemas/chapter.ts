/** A district's chapter of another partnership's strategy: `partnerships/<id>/chapters/<strategy-id>.md`. */
import { z } from 'zod';
import { CiteSchema, DiscrepanciesSchema, SourcesSchema } from './sources.ts';
import { DateSchema, IdSchema, ReferenceSchema, TextSchema } from './values.ts';

/** Whether a chapter is agreed. */
export const CHAPTER_STATUSES = ['draft', 'agreed'] as const;

/** How progress on a priority is measured. */
export const MeasureSchema = z.strictObject({
  /** What is measured (`New private-sector jobs in Worcestershire`). */
  indicator: TextSchema,
  /** The target: a number (6000) or words when the document gives words. */
  target: z.union([z.number(), TextSchema], { error: 'must be a number such as 6000, or text' }),
  /** Optional: the unit of the target (`jobs`). */
  unit: TextSchema.nullish(),
  /** Optional: when the target is due; inside the strategy's period. */
  by: DateSchema.nullish(),
  /** Optional: where the document gives this measure. */
  cite: CiteSchema.nullish(),
});

/** One of the chapter's "bottom up" priorities. */
export const PrioritySchema = z.strictObject({
  /** The priority's id, unique in this chapter. */
  id: IdSchema,
  /** The priority in words. */
  title: TextSchema,
  /** The id of the strategy objective it serves. */
  objective: ReferenceSchema,
  /** Optional: who leads it. */
  lead: TextSchema.nullish(),
  /** Optional: the local knowledge and evidence behind it, in Markdown. */
  evidence: TextSchema.nullish(),
  /** Optional: how progress is measured. */
  measures: z.array(MeasureSchema).nullish(),
  /** Optional: where the document sets out this priority. */
  cite: CiteSchema.nullish(),
});

/** The frontmatter of a chapter; the Markdown below it is the narrative. */
export const ChapterSchema = z.strictObject({
  /** The strategy this is a chapter of: `<owner-partnership-id>/<strategy-id>`. */
  strategy: ReferenceSchema,
  /** The chapter's title (`Worcester district chapter`). */
  title: TextSchema,
  /** draft or agreed. */
  status: z.enum(CHAPTER_STATUSES),
  /** Optional: when it was agreed. */
  agreed: DateSchema.nullish(),
  /** The priorities, each serving an objective of the strategy. */
  priorities: z.array(PrioritySchema),
  /** Optional: when the status was last known to be true. */
  status_as_at: DateSchema.nullish(),
  /** Optional: the documents this chapter is taken from. */
  sources: SourcesSchema.nullish(),
  /** Optional: where a document contradicts itself about this chapter. */
  discrepancies: DiscrepanciesSchema.nullish(),
});

/** A chapter as written. */
export type ChapterInput = z.input<typeof ChapterSchema>;
/** A chapter after validation. */
export type Chapter = z.output<typeof ChapterSchema>;
