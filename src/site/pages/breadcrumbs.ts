/**
 * Breadcrumbs: the pages above a page, from the home page down. The current
 * page is not repeated, as GOV.UK's breadcrumbs leave it out.
 */
import type { PartnershipModel } from '../../model/index.ts';
import { HOME_URL, PARTNERSHIPS_URL, partnershipUrl, REGISTER_URL } from '../urls.ts';

/** A page above this one. */
export interface Crumb {
  text: string;
  href: string;
}

/** Above a page that hangs off the home page (the register, the A to Z, the statement…). */
export const HOME_CRUMBS: readonly Crumb[] = [{ text: 'Home', href: HOME_URL }];

/** Above a partnership's own page. */
export const PARTNERSHIPS_CRUMBS: readonly Crumb[] = [...HOME_CRUMBS, { text: 'Partnerships', href: PARTNERSHIPS_URL }];

/** Above a filtered view of the decision register. */
export const REGISTER_CRUMBS: readonly Crumb[] = [...HOME_CRUMBS, { text: 'Decision register', href: REGISTER_URL }];

/**
 * Above a page under a partnership (a structure, strategy, chapter or decision).
 *
 * @example
 * partnershipCrumbs(chorley).at(-1) // { text: 'Chorley Partnership', href: '/partnerships/chorley-partnership/' }
 */
export function partnershipCrumbs(partnership: Pick<PartnershipModel, 'id' | 'name'>): Crumb[] {
  return [...PARTNERSHIPS_CRUMBS, { text: partnership.name, href: partnershipUrl(partnership.id) }];
}
