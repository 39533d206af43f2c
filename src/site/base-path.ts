/**
 * The path the site is served at, read from site.yaml's `base_url`: `/` for
 * `https://partnerships.example.org`, `/register/` for
 * `https://www.example.org/register/`. astro.config.mjs gives it to Astro as
 * `base`, and to the register's own addresses (urls.ts) with it, so base_url
 * stays the one setting.
 */
import { readContentFile, type ContentFile } from '../content/load.ts';
import { contentDirectory } from '../model/settings.ts';
import { SiteSchema } from '../schemas/site.ts';

const SITE_FILE: ContentFile = { file: 'site.yaml', kind: 'site', id: 'site' };

/**
 * The path of a `base_url`, with a slash at each end.
 *
 * @example
 * basePathOf('https://www.example.org/register') // '/register/'
 * basePathOf('https://partnerships.example.org') // '/'
 */
export function basePathOf(baseUrl: string): string {
  const { pathname } = new URL(baseUrl);
  return pathname.endsWith('/') ? pathname : `${pathname}/`;
}

/**
 * The base path of the content folder's site (CONTENT_DIR, or ./content), read
 * with the register's own loader and schema. A site.yaml that is missing or
 * invalid gives `/`: the checker reports what is wrong with it, and the build
 * stops on it, so Astro's config must not fail before the checker speaks.
 */
export function siteBasePath(contentDir: string = contentDirectory()): string {
  const site = SiteSchema.safeParse(readContentFile(contentDir, SITE_FILE, []).data);
  return site.success ? basePathOf(site.data.base_url) : '/';
}
