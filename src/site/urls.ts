/**
 * The site's addresses, in one place. They are the contract's URLs: external
 * links and checks rely on them, so every page builds its links from here.
 */

/** The home page. */
export const HOME_URL = '/';
/** Every partnership, A to Z. */
export const PARTNERSHIPS_URL = '/partnerships/';
/** The decision register. */
export const REGISTER_URL = '/decisions/';
/** The search page. */
export const SEARCH_URL = '/search/';
/** The accessibility statement. */
export const ACCESSIBILITY_URL = '/accessibility/';
/** The decisions feed (Atom). */
export const FEED_URL = '/decisions.xml';
/** Open data. */
export const DATA_URL = '/data/';
/** The authoring guide for officers. */
export const GUIDE_URL = '/guide/';

/**
 * A partnership's page.
 *
 * @example
 * partnershipUrl('chorley-partnership') // '/partnerships/chorley-partnership/'
 */
export function partnershipUrl(partnershipId: string): string {
  return `/partnerships/${partnershipId}/`;
}

/**
 * A version of a partnership's structure.
 *
 * @example
 * structureUrl('chorley-partnership', '2006-proposed') // '/partnerships/chorley-partnership/structures/2006-proposed/'
 */
export function structureUrl(partnershipId: string, structureId: string): string {
  return `/partnerships/${partnershipId}/structures/${structureId}/`;
}

/**
 * The Mermaid source of a structure's diagram, as plain text.
 *
 * @example
 * mermaidUrl('chorley-partnership', '2006-proposed') // '/partnerships/chorley-partnership/structures/2006-proposed.mmd'
 */
export function mermaidUrl(partnershipId: string, structureId: string): string {
  return `/partnerships/${partnershipId}/structures/${structureId}.mmd`;
}

/**
 * A decision or report.
 *
 * @example
 * decisionUrl('lancaster-district-lsp', '2011-11-08-partnerships') // '/partnerships/lancaster-district-lsp/decisions/2011-11-08-partnerships/'
 */
export function decisionUrl(partnershipId: string, decisionId: string): string {
  return `/partnerships/${partnershipId}/decisions/${decisionId}/`;
}

/**
 * A partnership's chapter of a strategy (the chapter's id is the strategy's id).
 *
 * @example
 * chapterUrl('worcester-lsp', 'scs-2011') // '/partnerships/worcester-lsp/chapters/scs-2011/'
 */
export function chapterUrl(partnershipId: string, strategyId: string): string {
  return `/partnerships/${partnershipId}/chapters/${strategyId}/`;
}

/**
 * A strategy with its chapters, under the partnership that owns it.
 *
 * @example
 * strategyUrl('worcestershire-partnership', 'scs-2011') // '/partnerships/worcestershire-partnership/strategies/scs-2011/'
 */
export function strategyUrl(ownerId: string, strategyId: string): string {
  return `/partnerships/${ownerId}/strategies/${strategyId}/`;
}
