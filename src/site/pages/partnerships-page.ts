/**
 * The A to Z of partnerships (`/partnerships/`), and the same list as the
 * search page's way round when search cannot run.
 */
import type { Model } from '../../model/index.ts';
import { plural } from '../format.ts';
import { alphabetical, type LetterGroup } from '../partnership-groups.ts';
import { HOME_CRUMBS, type Crumb } from './breadcrumbs.ts';

/** What the A to Z page shows. */
export interface PartnershipsPage {
  title: string;
  description: string;
  breadcrumbs: readonly Crumb[];
  /** "6 partnerships". */
  count: string;
  /** Every partnership under its first letter, A to Z. */
  letters: LetterGroup[];
}

/** The A to Z page's view of the register. */
export function partnershipsPageData(model: Model): PartnershipsPage {
  return {
    title: 'All partnerships',
    description: `Every partnership in the ${model.site.title}, A to Z.`,
    breadcrumbs: HOME_CRUMBS,
    count: plural(model.partnerships.length, 'partnership'),
    letters: alphabetical(model.partnerships),
  };
}

/** What the search page shows besides the search box: its way round without JavaScript. */
export interface SearchPage {
  title: string;
  breadcrumbs: readonly Crumb[];
  /** Every partnership under its first letter, A to Z. */
  letters: LetterGroup[];
}

/** The search page's view of the register. */
export function searchPageData(model: Model): SearchPage {
  return { title: 'Search', breadcrumbs: HOME_CRUMBS, letters: alphabetical(model.partnerships) };
}
