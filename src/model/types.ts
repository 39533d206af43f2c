/**
 * The resolved model: plain data that every view (pages, diagrams, feeds,
 * exports) is a pure function of. References are resolved to ids that are
 * known to exist; money is whole pence; dates are ISO text at their precision.
 */
import type { Diagnostic } from '../content/diagnostics.ts';
import type { CountedBody } from '../rules/bodies.ts';
import type { FundingTotals, Stream, StreamFigures } from '../rules/funding.ts';
import type { Body, Chapter, Decision, Partnership, Site, Strategy, Structure } from '../schemas/index.ts';

/** Site settings with defaults filled in. */
export interface SiteModel extends Site {
  review_every_months: number;
  max_chapter_priorities: number;
  licence: string;
}

/** What a file is, and where it came from, for history and data-quality notes. */
export interface Sourced {
  /** The file's path relative to the content folder. */
  file: string;
}

/** A body with its seats counted. */
export type BodyModel = CountedBody;

/** Where a relation points: a body in the same structure, another partnership, or something outside the register. */
export type RelationTarget =
  | { type: 'body'; id: string }
  | { type: 'partnership'; id: string }
  | { type: 'external'; name: string };

/** A relation with its target resolved. */
export interface RelationModel {
  from: string;
  target: RelationTarget;
  kind: NonNullable<Structure['relations']>[number]['kind'];
  /** Where the document gives this link, when the file says. */
  cite?: NonNullable<Structure['relations']>[number]['cite'];
}

/** A version of a partnership's structure. */
export interface StructureModel extends Sourced, Omit<Structure, 'bodies' | 'relations'> {
  id: string;
  partnershipId: string;
  bodies: BodyModel[];
  relations: RelationModel[];
}

/** A strategy with the chapters written for it. */
export interface StrategyModel extends Sourced, Strategy {
  id: string;
  partnershipId: string;
  /** Chapters of this strategy, as `{ partnershipId }` (a chapter's id is the strategy's id). */
  chapters: { partnershipId: string }[];
}

/** A district's chapter of a strategy. */
export interface ChapterModel extends Sourced, Chapter {
  /** The chapter's id, which is the strategy's id. */
  id: string;
  partnershipId: string;
  /** The strategy's owner, resolved from `strategy`. */
  strategyOwnerId: string;
  /** The Markdown narrative. */
  body: string;
}

/** A funding table with its sums worked out. */
export type FundingModel = FundingTotals;

/** What a decision serves, resolved: an objective of a strategy, or a priority of a chapter (which serves an objective). */
export type ServedTarget =
  | { type: 'objective'; ownerId: string; strategyId: string; objectiveId: string }
  | { type: 'priority'; partnershipId: string; ownerId: string; strategyId: string; priorityId: string; objectiveId: string };

/** A decision or report. */
export interface DecisionModel extends Sourced, Omit<Decision, 'funding'> {
  id: string;
  partnershipId: string;
  funding?: FundingModel;
  /** The Markdown narrative. */
  body: string;
  /** Ids of decisions that name this one in `supersedes`, as `<partnership-id>/<decision-id>`. */
  supersededBy: string[];
  /** What `serves` names, resolved (those that do not resolve are left out: their file has an error). */
  servesResolved: ServedTarget[];
}

/** A partnership with everything in its folder. */
export interface PartnershipModel extends Sourced, Partnership {
  id: string;
  /** The Markdown narrative. */
  body: string;
  /** Ids of partnerships whose `parent` is this one. */
  children: string[];
  structures: StructureModel[];
  strategies: StrategyModel[];
  chapters: ChapterModel[];
  /** Newest first. */
  decisions: DecisionModel[];
  /** The id of the structure in force, if there is one. */
  currentStructureId?: string;
}

/** The whole register. */
export interface Model {
  site: SiteModel;
  /** Sorted by name. */
  partnerships: PartnershipModel[];
  /** Every decision, newest first. */
  decisions: DecisionModel[];
  /** Every problem found, placed and sorted. */
  diagnostics: Diagnostic[];
  /** How many files were read. */
  fileCount: number;
}

export type { Stream, StreamFigures };
export type { Chapter, Decision, Partnership, Site, Strategy, Structure, Body };
