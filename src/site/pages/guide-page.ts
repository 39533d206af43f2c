/**
 * The authoring guide's page (`/guide/`): docs/authoring.md, whose first
 * heading becomes the page's title, so the heading is not shown twice.
 */
import { HOME_CRUMBS, type Crumb } from './breadcrumbs.ts';

/** What the guide's page shows. */
export interface GuidePage {
  title: string;
  description: string;
  breadcrumbs: readonly Crumb[];
  /** The guide's Markdown without its first heading. */
  body: string;
}

/**
 * The guide's page, from the guide's Markdown.
 *
 * @example
 * guidePageData('# Writing the register\nStart here.\n') // { title: 'Writing the register', body: 'Start here.\n', … }
 */
export function guidePageData(guide: string): GuidePage {
  const heading = /^# (.+)\n/.exec(guide);
  return {
    title: heading?.[1].trim() ?? 'Authoring guide',
    description: "How to write, check, preview and publish the register's content files.",
    breadcrumbs: HOME_CRUMBS,
    body: heading ? guide.slice(heading[0].length) : guide,
  };
}
