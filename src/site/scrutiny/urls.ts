/**
 * The scrutiny views' addresses: the contract's `/compare/`, `/data/seats.csv`,
 * `/changes/` and `/changes.xml`, and their pre-built filter pages, which
 * follow the decision register's pattern (`/<view>/<dimension>/<value>/`).
 * Like every address, they are under the path the site is served at (see ../urls.ts).
 */

import { dataFileUrl, siteUrl } from '../urls.ts';

/** Boards compared by seat category. */
export const COMPARE_URL = siteUrl('/compare/');
/** The compared seats as open data. */
export const SEATS_CSV_URL = dataFileUrl('seats.csv');
/** What changed, newest first. */
export const CHANGES_URL = siteUrl('/changes/');
/** What changed, as an Atom feed. */
export const CHANGES_FEED_URL = siteUrl('/changes.xml');

/**
 * A pre-built page comparing the boards of one kind or tier of partnership.
 *
 * @example
 * compareFilterUrl('tier', 'district') // '/compare/tier/district/'
 */
export function compareFilterUrl(dimension: 'kind' | 'tier', value: string): string {
  return `${COMPARE_URL}${dimension}/${encodeURIComponent(value)}/`;
}

/**
 * A pre-built page of what changed for one partnership, or in one year.
 *
 * @example
 * changesFilterUrl('partnership', 'chorley-partnership') // '/changes/partnership/chorley-partnership/'
 * changesFilterUrl('year', '2011') // '/changes/year/2011/'
 */
export function changesFilterUrl(dimension: 'partnership' | 'year', value: string): string {
  return `${CHANGES_URL}${dimension}/${encodeURIComponent(value)}/`;
}
