/**
 * Ids, with nothing else: the loader needs only these, and the reader thread
 * (src/model/threads.ts) loads the loader without Zod.
 */

/** The pattern every id follows: lower-case words joined by single hyphens. */
export const ID_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/**
 * Suggests an id for a name an officer wrote, for messages.
 *
 * @example
 * slugify('Community Safety Partnership') // 'community-safety-partnership'
 */
export function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** A decision named by a reference, with its partnership made explicit. */
export interface DecisionReference {
  partnershipId: string;
  decisionId: string;
}

/**
 * Reads a reference to a decision as content writes it: a bare id names a
 * decision of the partnership the reference is written in (`from`);
 * `<partnership-id>/<decision-id>` names another partnership's.
 *
 * @example
 * decisionReference('2006-03-09-way-forward', 'chorley-partnership')
 * // { partnershipId: 'chorley-partnership', decisionId: '2006-03-09-way-forward' }
 * decisionReference('lancaster-district-lsp/2011-11-08-partnerships', 'chorley-partnership')
 * // { partnershipId: 'lancaster-district-lsp', decisionId: '2011-11-08-partnerships' }
 */
export function decisionReference(reference: string, from: string): DecisionReference {
  const slash = reference.indexOf('/');
  return slash === -1 ? { partnershipId: from, decisionId: reference } : { partnershipId: reference.slice(0, slash), decisionId: reference.slice(slash + 1) };
}
