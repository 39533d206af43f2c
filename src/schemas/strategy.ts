/** A strategy a partnership owns: `partnerships/<id>/strategies/<strategy-id>.yaml`. */
import { z } from 'zod';
import { CiteSchema, DiscrepanciesSchema, SourcesSchema } from './sources.ts';
import { DateSchema, IdSchema, TextSchema } from './values.ts';

/** The kinds of strategy. */
export const STRATEGY_KINDS = ['sustainable-community-strategy', 'community-strategy', 'other'] as const;

/** A high-level objective of a strategy; districts' chapter priorities serve one each. */
export const ObjectiveSchema = z.strictObject({
  /** The objective's id, unique in this strategy; chapters name it in `objective`. */
  id: IdSchema,
  /** The objective in words (`A skilled and prosperous economy`). */
  title: TextSchema,
  /** Optional: who leads it (`Place Shaping Theme Group`). */
  lead: TextSchema.nullish(),
  /** Optional: where the document sets out this objective. */
  cite: CiteSchema.nullish(),
});

/** The years a strategy runs. */
export const PeriodSchema = z.strictObject({
  /** The first year (or date) the strategy covers. */
  from: DateSchema,
  /** The last year (or date) it covers; not before `from`. */
  to: DateSchema,
});

/** A strategy such as a Sustainable Community Strategy. */
export const StrategySchema = z.strictObject({
  /** The strategy's title. */
  title: TextSchema,
  /** sustainable-community-strategy, community-strategy or other. */
  kind: z.enum(STRATEGY_KINDS),
  /** Optional: the period it runs, `{ from: 2011, to: 2021 }`: only when the document states it. */
  period: PeriodSchema.nullish(),
  /** Optional: the vision, in Markdown. */
  vision: TextSchema.nullish(),
  /** The objectives: at least one. */
  objectives: z.array(ObjectiveSchema).min(1, { error: 'is an empty list; expected at least one objective' }),
  /** Optional: the documents this strategy is taken from. */
  sources: SourcesSchema.nullish(),
  /** Optional: where a document contradicts itself about this strategy. */
  discrepancies: DiscrepanciesSchema.nullish(),
});

/** A strategy as written. */
export type StrategyInput = z.input<typeof StrategySchema>;
/** A strategy after validation. */
export type Strategy = z.output<typeof StrategySchema>;
