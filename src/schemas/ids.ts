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
