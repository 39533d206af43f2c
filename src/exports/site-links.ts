/** Absolute addresses and the licence, from site.yaml, for files read away from the site. */
import type { SiteModel } from '../model/index.ts';
import { HOME_URL } from '../site/urls.ts';

/**
 * An address of the site, as src/site/urls.ts gives it (already under the
 * path the site is served at), as a full address on `base_url`'s host. The
 * host is kept as site.yaml writes it; the path comes from the address alone,
 * so a site served at `/register/` is never given it twice.
 *
 * @example
 * absoluteUrl({ base_url: 'https://partnerships.example.org/' }, '/decisions/') // 'https://partnerships.example.org/decisions/'
 * absoluteUrl({ base_url: 'https://www.example.org/register/' }, '/register/decisions/') // 'https://www.example.org/register/decisions/'
 */
export function absoluteUrl(site: Pick<SiteModel, 'base_url'>, href: string): string {
  const origin = /^[a-z][a-z\d+.-]*:\/\/[^/?#]*/i.exec(site.base_url)?.[0] ?? new URL(site.base_url).origin;
  return `${origin}${href}`;
}

/** The Open Government Licence v3.0, the default for the register's data. */
export const OGL_V3_URL = 'https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/';

/**
 * The web address of the licence named in site.yaml (`licence`): the text
 * itself when it is an address, the OGL's address when it names OGL v3, and
 * undefined for anything else, which files then give by name only.
 *
 * @example
 * licenceUrl('Open Government Licence v3.0') // 'https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/'
 */
export function licenceUrl(licence: string): string | undefined {
  if (/^https?:\/\/\S+$/.test(licence.trim())) return licence.trim();
  if (/\b(open government licen[cs]e|ogl)\b/i.test(licence) && /\b(v(ersion)?\s*)?3(\.0)?\b/i.test(licence)) return OGL_V3_URL;
  return undefined;
}

/** The licence as open-data files state it: its name, and its address when known. */
export function licenceOf(site: Pick<SiteModel, 'licence'>): { name: string; url: string | null } {
  return { name: site.licence, url: licenceUrl(site.licence) ?? null };
}

/** What every open-data JSON file states first: its licence, where it comes from and who publishes it. */
export function dataFileHeader(site: Pick<SiteModel, 'licence' | 'base_url' | 'publisher'>) {
  return { licence: licenceOf(site), source: absoluteUrl(site, HOME_URL), publisher: site.publisher };
}
