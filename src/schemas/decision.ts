/** A decision or report: `partnerships/<id>/decisions/<decision-id>.md`. */
import { z } from 'zod';
import { CiteSchema, DiscrepanciesSchema, SourcesSchema } from './sources.ts';
import { DateSchema, MoneySchema, ReferenceSchema, requireRevenueOrCapital, StreamsSchema, TextListSchema, TextSchema } from './values.ts';

/** What a decision is about; a decision can be several at once. */
export const DECISION_KINDS = ['funding', 'structure', 'strategy', 'support', 'consultation-response', 'other'] as const;
/** Where a decision stands. */
export const DECISION_STATUSES = ['proposed', 'approved', 'rejected', 'deferred', 'noted'] as const;

/** The report a decision was taken on. */
export const ReportSchema = z.strictObject({
  /** The report's title. */
  title: TextSchema.nullish(),
  /** Who wrote it (a post, such as `Head of Community Engagement`). */
  author: TextSchema.nullish(),
  /** Its reference number, if it has one. */
  reference: z.string({ error: 'must be text' }).nullish(),
  /** Optional: who published it (`Lancaster City Council`). */
  publisher: TextSchema.nullish(),
  /** Optional: where to read it: a full web address starting with https:// (or http://). */
  url: z.url({ protocol: /^https?$/, error: 'must be a full web address starting with https:// (or http://), such as https://democracy.example.org/report.pdf' }).nullish(),
});

/** One option weighed in the report. */
export const OptionSchema = z.strictObject({
  /** The option in words. */
  title: TextSchema,
  /** Optional: true for the option the report recommends. */
  recommended: z.boolean({ error: 'must be true or false' }).nullish(),
  /** Optional: its advantages, one line each. */
  advantages: TextListSchema.nullish(),
  /** Optional: its disadvantages, one line each. */
  disadvantages: TextListSchema.nullish(),
  /** Optional: its risks, one line each. */
  risks: TextListSchema.nullish(),
  /** Optional: where the report weighs this option. */
  cite: CiteSchema.nullish(),
});

/** One line of a funding table. */
export const AllocationSchema = z.strictObject({
  /** What the money is for (`Warm Homes`), unique in the table. */
  item: TextSchema,
  /** Revenue allocated (give revenue, capital or both). */
  revenue: MoneySchema.nullish(),
  /** Capital allocated (give revenue, capital or both). */
  capital: MoneySchema.nullish(),
  /** Optional: what the money will achieve. */
  outcomes: TextSchema.nullish(),
  /** Optional: where the document gives this line (`report, Appendix A`). */
  cite: CiteSchema.nullish(),
}).check(requireRevenueOrCapital('the amount (0 if none)'));

/** Who pays into a pooled budget. */
export const ContributionSchema = z.strictObject({
  /** The partner's name. */
  partner: TextSchema,
  /** Optional: the amount, when the document gives one. */
  amount: MoneySchema.nullish(),
  /** Optional: true when the contribution is committed. */
  committed: z.boolean({ error: 'must be true or false' }).nullish(),
  /** Optional: a note (`Committed for future years`). */
  note: TextSchema.nullish(),
});

/** The funding table of a funding decision. */
export const FundingSchema = z.strictObject({
  /** The fund the money comes from (`Performance Reward Grant`). */
  fund: TextSchema,
  /** Optional: who holds and answers for the money. */
  accountable_body: TextSchema.nullish(),
  /** What was available: `{ revenue: "£357,535.40", capital: "£289,910.60" }` (at least one). */
  available: StreamsSchema,
  /** Optional: the allocations, one line each; `[]` when the document says nothing was allocated. Absent: not recorded. */
  allocations: z.array(AllocationSchema).nullish(),
  /** Optional: who made the allocations listed: `this-decision`, a partnership's id, or a name in words. Absent: not recorded. */
  allocated_by: TextSchema.nullish(),
  /** Optional: when the allocations were made, if not by this decision (which has its own date). */
  allocated_on: DateSchema.nullish(),
  /** Optional: the money this decision itself allocates or is asked to allocate: the register's amount for it. */
  decides: StreamsSchema.nullish(),
  /** Optional: what remains, as the report states it; checked against available minus allocated. */
  remaining: StreamsSchema.nullish(),
  /** Optional: `year` when the figures are per year (a recurring pooled budget). */
  per: z.enum(['year']).nullish(),
  /** Optional: who pays in, for pooled budgets. */
  contributions: z.array(ContributionSchema).nullish(),
  /** Optional: where the document gives the table (`report, Appendix A`). */
  cite: CiteSchema.nullish(),
  /** Optional: where the document's figures contradict each other in a way the checker cannot compute. */
  discrepancies: DiscrepanciesSchema.nullish(),
});

/** The frontmatter of a decision; the Markdown below it is the narrative. */
export const DecisionSchema = z.strictObject({
  /** The decision's or report's title. */
  title: TextSchema,
  /** When it was decided or considered (`2011-11-08`); the file name starts with it. */
  date: DateSchema,
  /** Who decides (`Cabinet, Lancaster City Council`). */
  decision_maker: TextSchema,
  /** One or more of funding, structure, strategy, support, consultation-response, other. */
  kind: z.union(
    [z.enum(DECISION_KINDS).transform((kind) => [kind]), z.array(z.enum(DECISION_KINDS)).min(1, { error: 'is an empty list; expected at least one kind' })],
    // A list is left to Zod's own issue, so a bad item is reported at the item with a suggestion.
    { error: (issue) => (Array.isArray(issue.input) ? undefined : `must be one or more of: ${DECISION_KINDS.join(', ')}`) },
  ),
  /** proposed, approved, rejected, deferred or noted. */
  status: z.enum(DECISION_STATUSES),
  /** Optional: true for a key decision. */
  key_decision: z.boolean({ error: 'must be true or false' }).nullish(),
  /** Optional: when it entered the forward plan. */
  forward_plan: DateSchema.nullish(),
  /** true to publish in full; false for an exempt decision, shown only by title and date. */
  public: z.boolean({ error: 'must be true or false' }),
  /** Optional: the report the decision was taken on. */
  report: ReportSchema.nullish(),
  /** Optional: the report's recommendations, one line each. */
  recommendations: TextListSchema.nullish(),
  /** Optional: what was decided, once known (Markdown). */
  outcome: TextSchema.nullish(),
  /** Optional: the options weighed. */
  options: z.array(OptionSchema).nullish(),
  /** Optional: the id of this partnership's structure the decision proposes or adopts. */
  structure: ReferenceSchema.nullish(),
  /** Optional: the id of an earlier decision this one replaces (another partnership's: `<partnership-id>/<decision-id>`). */
  supersedes: ReferenceSchema.nullish(),
  /** Optional: what in a strategy this decision serves, each `<partnership-id>/<strategy-id>/<objective-or-priority-id>`. */
  serves: z.union([ReferenceSchema.transform((ref) => [ref]), z.array(ReferenceSchema)], { error: 'must be a reference such as worcestershire-partnership/scs-2011/skilled-prosperous-economy, or a list of them' }).nullish(),
  /** Optional: the funding table. */
  funding: FundingSchema.nullish(),
  /** Optional: when the status was last known to be true. */
  status_as_at: DateSchema.nullish(),
  /** Optional: the documents this decision is taken from, besides its `report` (cited as `report`). */
  sources: SourcesSchema.nullish(),
  /** Optional: where a document contradicts itself about this decision. */
  discrepancies: DiscrepanciesSchema.nullish(),
});

/** A decision as written. */
export type DecisionInput = z.input<typeof DecisionSchema>;
/** A decision after validation. */
export type Decision = z.output<typeof DecisionSchema>;

