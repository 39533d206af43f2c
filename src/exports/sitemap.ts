/**
 * `sitemap.xml` (sitemaps.org protocol) and the line robots.txt needs to point
 * at it. Every page of the contract's URL list is here, with the accessibility
 * statement; the register's filtered views are not, being the register again.
 * A page built from content files carries `lastmod`, the date git last changed them.
 */
import { CHANGES_URL, COMPARE_URL } from '../site/scrutiny/urls.ts';
import type { Model, PartnershipModel } from '../model/index.ts';
import {
  ACCESSIBILITY_URL, DATA_URL, GUIDE_URL, HOME_URL, PARTNERSHIPS_URL, REGISTER_URL, SEARCH_URL, SITEMAP_URL, chapterUrl, decisionUrl, partnershipUrl, strategyUrl, structureUrl,
} from '../site/urls.ts';
import { absoluteUrl } from './site-links.ts';
import { escapeXml } from './text.ts';

/** A page of the site and the content files it is built from. */
export interface SitePage {
  path: string;
  files: string[];
}

/**
 * The content files a partnership's page is built from: its own file and its
 * structures' files. Its page history and `lastmod` cover all of them.
 */
export function partnershipPageFiles(p: PartnershipModel): string[] {
  return [p.file, ...p.structures.map((s) => s.file)];
}

/** Every page of the site, in a stable order: the fixed pages, then each partnership's. */
export function sitePages(model: Pick<Model, 'partnerships'>): SitePage[] {
  const pages: SitePage[] = [HOME_URL, PARTNERSHIPS_URL, REGISTER_URL, COMPARE_URL, CHANGES_URL, SEARCH_URL, DATA_URL, GUIDE_URL, ACCESSIBILITY_URL].map((path) => ({ path, files: [] }));
  for (const p of model.partnerships) {
    pages.push({ path: partnershipUrl(p.id), files: partnershipPageFiles(p) });
    for (const s of p.structures) pages.push({ path: structureUrl(p.id, s.id), files: [s.file] });
    for (const s of p.strategies) pages.push({ path: strategyUrl(p.id, s.id), files: [s.file] });
    for (const c of p.chapters) pages.push({ path: chapterUrl(p.id, c.id), files: [c.file] });
    for (const d of p.decisions) pages.push({ path: decisionUrl(p.id, d.id), files: [d.file] });
  }
  return pages;
}

/**
 * The sitemap. `lastModified` answers from git; without history there is no
 * `lastmod`, which the protocol allows, rather than a wrong one.
 */
export function sitemapXml(model: Pick<Model, 'site' | 'partnerships'>, lastModified: (files: string[]) => string | undefined = () => undefined): string {
  const urls = sitePages(model).map(({ path, files }) => {
    const lastmod = files.length ? lastModified(files) : undefined;
    return `<url><loc>${escapeXml(absoluteUrl(model.site, path))}</loc>${lastmod ? `<lastmod>${lastmod}</lastmod>` : ''}</url>`;
  });
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
    ...urls,
    '</urlset>',
    '',
  ].join('\n');
}

/**
 * robots.txt: everything may be crawled, and the sitemap's full address
 * (robots.txt needs an absolute one, so it cannot be a static file).
 */
export function robotsTxt(site: Model['site']): string {
  return `User-agent: *\nAllow: /\n\nSitemap: ${absoluteUrl(site, SITEMAP_URL)}\n`;
}
