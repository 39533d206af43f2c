/**
 * The small shapes the scrutiny views hand to components: a link, a status
 * tag, the breadcrumbs above a view. They match src/site/pages/view-types.ts
 * and breadcrumbs.ts, but are not imported from there: the pages' views
 * (src/site/pages) import the scrutiny views to show what serves a strategy,
 * and the folders must not import each other (test/architecture).
 */
import type { TagColour } from '../labels.ts';
import { HOME_URL } from '../urls.ts';

/** A link with its text. */
export interface Link {
  text: string;
  href: string;
}

/** A status as a tag shows it. */
export interface Label {
  text: string;
  colour: TagColour;
}

/** A page above this one, in the breadcrumbs. */
export type Crumb = Link;

/** Above a view that hangs off the home page. */
export const HOME_CRUMBS: readonly Crumb[] = [{ text: 'Home', href: HOME_URL }];
