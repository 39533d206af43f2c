/**
 * The pages that say the same thing for every register, filled in with who
 * publishes it: page not found, and the accessibility statement.
 */
import type { Model } from '../../model/index.ts';
import { HOME_CRUMBS, type Crumb } from './breadcrumbs.ts';

/** What the page-not-found page shows. */
export interface NotFoundPage {
  title: string;
  /** Who to tell about a broken link. */
  publisher: string;
}

/** The page-not-found page's view of the register. */
export function notFoundPageData(model: Model): NotFoundPage {
  return { title: 'Page not found', publisher: model.site.publisher };
}

/** What the accessibility statement shows. */
export interface AccessibilityPage {
  title: string;
  breadcrumbs: readonly Crumb[];
  /** The register's name. */
  siteTitle: string;
  /** The host name the statement applies to (`partnerships.example.org`). */
  host: string;
  publisher: string;
  /** When the statement was last reviewed: the day the site was built. */
  reviewed: string;
}

/**
 * The accessibility statement's view of the register, reviewed on `today`
 * (YYYY-MM-DD), the day the site is built.
 *
 * @example
 * accessibilityPageData(model, '2026-11-26').host // 'partnerships.example.org'
 */
export function accessibilityPageData(model: Model, today: string): AccessibilityPage {
  return {
    title: 'Accessibility statement',
    breadcrumbs: HOME_CRUMBS,
    siteTitle: model.site.title,
    host: new URL(model.site.base_url).host,
    publisher: model.site.publisher,
    reviewed: today,
  };
}
