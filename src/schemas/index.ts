/**
 * The content schemas: one per content type, with the shared value types.
 * Everything that validates content imports from here; the set of exports is
 * pinned by a test, because editors' JSON Schemas and the guide depend on it.
 */
export { SiteSchema, type Site, type SiteInput } from './site.ts';
export { PartnershipSchema, ContactSchema, PARTNERSHIP_KINDS, PARTNERSHIP_STATUSES, TIERS, SUMMARY_MAX, type Partnership, type PartnershipInput } from './partnership.ts';
export {
  StructureSchema, BodySchema, SeatSchema, SizeSchema, RelationSchema,
  STRUCTURE_STATUSES, BODY_KINDS, BODY_STATES, SEAT_CATEGORIES, RELATION_KINDS,
  type Structure, type StructureInput, type Body,
} from './structure.ts';
export { StrategySchema, ObjectiveSchema, PeriodSchema, STRATEGY_KINDS, type Strategy, type StrategyInput } from './strategy.ts';
export { ChapterSchema, PrioritySchema, MeasureSchema, CHAPTER_STATUSES, type Chapter, type ChapterInput } from './chapter.ts';
export {
  DecisionSchema, FundingSchema, AllocationSchema, ContributionSchema, OptionSchema, ReportSchema,
  DECISION_KINDS, DECISION_STATUSES, type Decision, type DecisionInput,
} from './decision.ts';
export { CONTENT_SCHEMAS, type ContentData } from './content-types.ts';
export { SourceSchema, SourcesSchema, CiteSchema, DiscrepancySchema, DiscrepanciesSchema, type Source, type Citation, type Discrepancy } from './sources.ts';
export {
  IdSchema, DateSchema, MoneySchema, StreamsSchema, TextSchema, TextListSchema, ReferenceSchema,
  ID_PATTERN, slugify, compareDates, datePrecision, quantity, type DatePrecision, type Pence, type Quantity,
} from './values.ts';
export { decisionReference, type DecisionReference } from './ids.ts';
