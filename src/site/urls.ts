/**
 * The site's addresses, in one place. They are the contract's URLs: external
 * links and checks rely on them, so every page builds its links from here.
 *
 * Each is under the path the site is served at (`/register/partnerships/` for
 * `base_url: https://www.example.org/register/`), and this module is the one
 * place that puts it there: pages, components, feeds and the browser's scripts
 * take their addresses from here as they are. The examples show a site served
 * at the root of its domain.
 */

/**
 * What astro.config.mjs gives Astro as `base`, written in here by Vite when it
 * builds the pages and scripts; undefined outside Astro (tests, scripts run by Node).
 */
declare const __REGISTER_BASE_PATH__: string | undefined;

/**
 * The path the site is served at, with a slash at each end: Astro's `base`,
 * set from site.yaml's `base_url` (src/site/base-path.ts). Outside Astro there
 * is no base, and addresses start at `/`.
 */
export const BASE_PATH: string = typeof __REGISTER_BASE_PATH__ === 'string' ? __REGISTER_BASE_PATH__ : '/';

/**
 * An address of the site, given from its root as the contract writes it, under the path the site is served at.
 *
 * @example
 * siteUrl('/compare/') // '/compare/' (at the root); '/register/compare/' under /register/
 */
export function siteUrl(path: `/${string}`): string {
  return `${BASE_PATH}${path.slice(1)}`;
}

// The addresses below are written out rather than made with siteUrl: the browser's
// scripts import this module, and a call left at the top of a module stays in their
// bundles, where a constant they do not use is dropped.

/** The home page. */
export const HOME_URL = BASE_PATH;
/** Every partnership, A to Z. */
export const PARTNERSHIPS_URL = `${BASE_PATH}partnerships/`;
/** The decision register. */
export const REGISTER_URL = `${BASE_PATH}decisions/`;
/** The search page. */
export const SEARCH_URL = `${BASE_PATH}search/`;
/** The accessibility statement. */
export const ACCESSIBILITY_URL = `${BASE_PATH}accessibility/`;
/** The decisions feed (Atom). */
export const FEED_URL = `${BASE_PATH}decisions.xml`;
/** Open data. */
export const DATA_URL = `${BASE_PATH}data/`;
/** The authoring guide for officers. */
export const GUIDE_URL = `${BASE_PATH}guide/`;
/** The sitemap, for search engines. */
export const SITEMAP_URL = `${BASE_PATH}sitemap.xml`;
/** The icon browsers show beside the page's title (public/favicon.svg). */
export const FAVICON_URL = `${BASE_PATH}favicon.svg`;
/** The stylesheet that shows the Atom feeds as a readable page in a browser (public/feed.xsl). */
export const FEED_STYLESHEET_URL = `${BASE_PATH}feed.xsl`;

/**
 * An open-data file.
 *
 * @example
 * dataFileUrl('decisions.json') // '/data/decisions.json'
 */
export function dataFileUrl(fileName: string): string {
  return `${DATA_URL}${fileName}`;
}

/**
 * A partnership's page.
 *
 * @example
 * partnershipUrl('chorley-partnership') // '/partnerships/chorley-partnership/'
 */
export function partnershipUrl(partnershipId: string): string {
  return `${PARTNERSHIPS_URL}${partnershipId}/`;
}

/**
 * A version of a partnership's structure.
 *
 * @example
 * structureUrl('chorley-partnership', '2006-proposed') // '/partnerships/chorley-partnership/structures/2006-proposed/'
 */
export function structureUrl(partnershipId: string, structureId: string): string {
  return `${PARTNERSHIPS_URL}${partnershipId}/structures/${structureId}/`;
}

/**
 * The Mermaid source of a structure's diagram, as plain text.
 *
 * @example
 * mermaidUrl('chorley-partnership', '2006-proposed') // '/partnerships/chorley-partnership/structures/2006-proposed.mmd'
 */
export function mermaidUrl(partnershipId: string, structureId: string): string {
  return `${PARTNERSHIPS_URL}${partnershipId}/structures/${structureId}.mmd`;
}

/**
 * A decision or report.
 *
 * @example
 * decisionUrl('lancaster-district-lsp', '2011-11-08-partnerships') // '/partnerships/lancaster-district-lsp/decisions/2011-11-08-partnerships/'
 */
export function decisionUrl(partnershipId: string, decisionId: string): string {
  return `${PARTNERSHIPS_URL}${partnershipId}/decisions/${decisionId}/`;
}

/**
 * A partnership's chapter of a strategy (the chapter's id is the strategy's id).
 *
 * @example
 * chapterUrl('worcester-lsp', 'scs-2011') // '/partnerships/worcester-lsp/chapters/scs-2011/'
 */
export function chapterUrl(partnershipId: string, strategyId: string): string {
  return `${PARTNERSHIPS_URL}${partnershipId}/chapters/${strategyId}/`;
}

/**
 * A strategy with its chapters, under the partnership that owns it.
 *
 * @example
 * strategyUrl('worcestershire-partnership', 'scs-2011') // '/partnerships/worcestershire-partnership/strategies/scs-2011/'
 */
export function strategyUrl(ownerId: string, strategyId: string): string {
  return `${PARTNERSHIPS_URL}${ownerId}/strategies/${strategyId}/`;
}
