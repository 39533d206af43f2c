/**
 * Words for the values officers write as ids (`district-lsp`, `to-be-developed`),
 * and the tag colour each status gets. One place, so every page says the same.
 */
import type {
  BODY_KINDS, BODY_STATES, CHAPTER_STATUSES, DECISION_KINDS, DECISION_STATUSES, PARTNERSHIP_KINDS, PARTNERSHIP_STATUSES,
  RELATION_KINDS, SEAT_CATEGORIES, STRATEGY_KINDS, STRUCTURE_STATUSES, TIERS,
} from '../schemas/index.ts';

/** A GOV.UK tag colour modifier (`govuk-tag--green`), or none for the default blue. */
export type TagColour = 'grey' | 'green' | 'teal' | 'turquoise' | 'purple' | 'magenta' | 'pink' | 'red' | 'orange' | 'yellow' | undefined;

/** What sort of partnership it is. */
export const PARTNERSHIP_KIND_LABELS: Record<(typeof PARTNERSHIP_KINDS)[number], string> = {
  lsp: 'Local strategic partnership',
  'county-lsp': 'County local strategic partnership',
  'district-lsp': 'District local strategic partnership',
  thematic: 'Thematic partnership',
  statutory: 'Statutory partnership',
  'public-service-board': 'Public service board',
  forum: 'Forum',
  other: 'Other partnership',
};

/** The tier of local government a partnership covers. */
export const TIER_LABELS: Record<(typeof TIERS)[number], string> = {
  county: 'County',
  district: 'District',
  unitary: 'Unitary authority',
  neighbourhood: 'Neighbourhood',
};

/** Where a partnership is in its life, with its tag colour. */
export const PARTNERSHIP_STATUS_LABELS: Record<(typeof PARTNERSHIP_STATUSES)[number], { text: string; colour: TagColour }> = {
  proposed: { text: 'Proposed', colour: 'yellow' },
  active: { text: 'Active', colour: 'green' },
  dissolved: { text: 'Dissolved', colour: 'grey' },
};

/** Whether a structure is in force, with its tag colour. */
export const STRUCTURE_STATUS_LABELS: Record<(typeof STRUCTURE_STATUSES)[number], { text: string; colour: TagColour }> = {
  current: { text: 'Current', colour: 'green' },
  proposed: { text: 'Proposed', colour: 'yellow' },
  superseded: { text: 'Superseded', colour: 'grey' },
};

/** What a decision is about. */
export const DECISION_KIND_LABELS: Record<(typeof DECISION_KINDS)[number], string> = {
  funding: 'Funding',
  structure: 'Structure',
  strategy: 'Strategy',
  support: 'Support',
  'consultation-response': 'Consultation response',
  other: 'Other',
};

/** Where a decision stands, with its tag colour. */
export const DECISION_STATUS_LABELS: Record<(typeof DECISION_STATUSES)[number], { text: string; colour: TagColour }> = {
  proposed: { text: 'Proposed', colour: 'yellow' },
  approved: { text: 'Approved', colour: 'green' },
  rejected: { text: 'Rejected', colour: 'red' },
  deferred: { text: 'Deferred', colour: 'orange' },
  noted: { text: 'Noted', colour: 'grey' },
};

/** The kinds of body inside a partnership. */
export const BODY_KIND_LABELS: Record<(typeof BODY_KINDS)[number], string> = {
  board: 'Board',
  executive: 'Executive',
  'management-group': 'Management group',
  'delivery-group': 'Delivery group',
  'thematic-group': 'Thematic group',
  'task-group': 'Task group',
  forum: 'Forum',
  'public-service-board': 'Public service board',
  'support-team': 'Support team',
  other: 'Other',
};

/** Whether a body exists yet, with its tag colour. */
export const BODY_STATE_LABELS: Record<(typeof BODY_STATES)[number], { text: string; colour: TagColour }> = {
  existing: { text: 'Existing', colour: 'green' },
  'to-be-developed': { text: 'To be developed', colour: 'yellow' },
};

/** Sectors that seats are grouped into. */
export const SEAT_CATEGORY_LABELS: Record<(typeof SEAT_CATEGORIES)[number], string> = {
  'elected-members': 'Elected members',
  'local-authority': 'Local authority',
  'public-sector': 'Other public sector',
  police: 'Police',
  health: 'Health',
  education: 'Education',
  business: 'Business',
  'voluntary-community-faith': 'Voluntary, community and faith',
  parish: 'Parish and town councils',
  other: 'Other',
};

/** Links between bodies that are not reporting lines, as a verb phrase (`The Executive works with …`). */
export const RELATION_KIND_LABELS: Record<(typeof RELATION_KINDS)[number], string> = {
  'works-with': 'works with',
  'represented-on': 'is represented on',
  'accountable-to': 'is accountable to',
  advises: 'advises',
  other: 'is linked to',
};

/** The kinds of strategy. */
export const STRATEGY_KIND_LABELS: Record<(typeof STRATEGY_KINDS)[number], string> = {
  'sustainable-community-strategy': 'Sustainable community strategy',
  'community-strategy': 'Community strategy',
  other: 'Strategy',
};

/** Whether a chapter is agreed, with its tag colour. */
export const CHAPTER_STATUS_LABELS: Record<(typeof CHAPTER_STATUSES)[number], { text: string; colour: TagColour }> = {
  draft: { text: 'Draft', colour: 'yellow' },
  agreed: { text: 'Agreed', colour: 'green' },
};
