/**
 * A link checker for a built site, with no network: every internal reference
 * (in pages, feeds, the sitemap, open data, stylesheets and scripts) must lead
 * to a file in the output, and every `#fragment` to an element of the target
 * page. External links are only collected.
 *
 * The rules are the site's own: `trailingSlash: 'always'` and
 * `build.format: 'directory'` (astro.config.mjs), so `/a/` is `a/index.html`,
 * and `/a` for a folder is a broken link (static hosts answer it with a
 * redirect at best, a 404 at worst).
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Parser, StaticConfigLoader } from 'html-validate';
import { listFiles } from './build-site.ts';

/** What the checker found. */
export interface LinkReport {
  /** One line per broken reference: `where: what → why`. */
  broken: string[];
  /** External http(s) addresses, sorted and without duplicates, never fetched. */
  external: string[];
  /** How many internal references were followed. */
  checked: number;
  /** How many internal references were followed from each file that had any. */
  followed: Record<string, number>;
}

/** An origin no real link can have, to resolve relative references against. */
const LOCAL = 'http://site.invalid';

/** Attributes of HTML elements that point at another resource. */
const REFERENCE_ATTRIBUTES = ['href', 'src', 'action', 'poster', 'data', 'cite', 'formaction'];

/** Decodes the character references an attribute value may hold (html-validate returns values raw). */
export function decodeEntities(value: string): string {
  const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };
  return value.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') return String.fromCodePoint(name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10));
    return named[name.toLowerCase()] ?? whole;
  });
}

/** The URL a page is served at: `a/b/index.html` → `/a/b/`, `404.html` → `/404.html`. */
export function pageUrl(file: string): string {
  if (file === 'index.html') return '/';
  return file.endsWith('/index.html') ? `/${file.slice(0, -'index.html'.length)}` : `/${file}`;
}

/** One element's references and the page's anchors, read from HTML with html-validate's parser. */
interface ParsedPage {
  references: { attribute: string; value: string; line: number }[];
  anchors: Set<string>;
}

/**
 * Checks every reference in a built site.
 *
 * @param baseUrl the site's `base_url`: absolute links under it (feeds, sitemap, open data, canonical links) are internal
 */
export async function checkLinks(siteDir: string, baseUrl: string): Promise<LinkReport> {
  const config = await new StaticConfigLoader({ extends: ['html-validate:recommended'] }).getConfigFor('page.html');
  const parser = new Parser(config);
  const files = listFiles(siteDir);
  const pages = new Map<string, ParsedPage>();
  const parse = (file: string): ParsedPage => {
    let page = pages.get(file);
    if (!page) {
      page = parsePage(parser, readFileSync(join(siteDir, file), 'utf8'));
      pages.set(file, page);
    }
    return page;
  };
  const base = new URL(baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`);
  const broken: string[] = [];
  const external = new Set<string>();
  let checked = 0;
  const followed: Record<string, number> = {};

  /** Follows one reference found in `from` (served at `fromUrl`). */
  const follow = (from: string, fromUrl: string, where: string, raw: string) => {
    const value = raw.trim();
    if (value === '') return void broken.push(`${where}: an empty reference`);
    if (/^(mailto|tel|data):/i.test(value)) return;
    if (/^javascript:/i.test(value)) return void broken.push(`${where}: ${value} → a javascript: link, which a Content Security Policy blocks`);
    if (from === '404.html' && !/^(\/|#|[a-z]+:)/i.test(value)) {
      // The 404 page is served at whatever address was not found, so a relative link from it leads anywhere.
      broken.push(`${where}: ${value} → a relative link on the 404 page; it must start with /`);
      return;
    }
    const url = new URL(value, LOCAL + fromUrl);
    let path: string;
    if (url.origin === LOCAL) path = url.pathname;
    else if (url.origin === base.origin && url.pathname.startsWith(base.pathname)) path = `/${url.pathname.slice(base.pathname.length)}`;
    else {
      if (/^https?:$/.test(url.protocol)) external.add(url.href);
      else broken.push(`${where}: ${value} → an address the site cannot serve (${url.protocol})`);
      return;
    }
    checked++;
    followed[from] = (followed[from] ?? 0) + 1;
    const [decodedPath, fragment] = [safeDecode(path), safeDecode(url.hash.slice(1))];
    if (decodedPath === undefined || fragment === undefined) return void broken.push(`${where}: ${value} → a malformed %-escape`);
    const target = resolveTarget(siteDir, decodedPath);
    if ('problem' in target) return void broken.push(`${where}: ${value} → ${target.problem}`);
    if (url.href.endsWith('#')) return void broken.push(`${where}: ${value} → an empty fragment, which leads nowhere`);
    if (fragment && target.file.endsWith('.html') && !parse(target.file).anchors.has(fragment)) {
      broken.push(`${where}: ${value} → ${target.file} has no element with id "${fragment}"`);
    }
  };

  for (const file of files) {
    // Pagefind's index is binary and loads its own files by name; its entry point is checked where a script imports it.
    if (file.startsWith('pagefind/')) continue;
    const text = () => readFileSync(join(siteDir, file), 'utf8');
    if (file.endsWith('.html')) {
      const url = pageUrl(file);
      const page = parse(file);
      for (const ref of page.references) follow(file, url, `${file}:${ref.line} ${ref.attribute}`, ref.value);
    } else if (file.endsWith('.css')) {
      for (const [, , ref] of text().matchAll(/url\(\s*(['"]?)([^'")]+)\1\s*\)/g)) follow(file, `/${file}`, `${file} url()`, ref);
    } else if (file.endsWith('.js')) {
      // Static imports and `import()` of a literal path: a missing chunk breaks every page that loads the script.
      for (const [, ref] of text().matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s*)["'`]((?:\.{1,2})?\/[^"'`$]+)["'`]/g)) follow(file, `/${file}`, `${file} import`, ref);
    } else if (/\.(xml|json|csv|txt|mmd)$/.test(file)) {
      // Feeds, the sitemap, open data and robots.txt link by absolute address under base_url.
      const body = file.endsWith('.xml') ? decodeEntities(text()) : text();
      const under = new RegExp(`${escapeRegExp(base.origin + base.pathname.replace(/\/$/, ''))}(?:/[^\\s"'<>,)\\]}]*)?`, 'g');
      // A full stop or semicolon after an address in prose ends the sentence, not the address.
      for (const [ref] of body.matchAll(under)) follow(file, `/${file}`, `${file} address`, ref.replace(/[.;]+$/, ''));
    }
  }
  return { broken, external: [...external].sort(), checked, followed };
}

/** Reads a page's references (every reference attribute, srcset candidates) and its anchors (ids, `<a name>`). */
function parsePage(parser: Parser, html: string): ParsedPage {
  const root = parser.parseHtml(html);
  const references: ParsedPage['references'] = [];
  const anchors = new Set<string>();
  for (const element of root.querySelectorAll('*')) {
    const line = element.location.line;
    for (const attribute of REFERENCE_ATTRIBUTES) {
      const value = element.getAttributeValue(attribute);
      if (value === null) continue;
      // Metadata whose href names a vocabulary, not a resource to load.
      if (attribute === 'href' && element.tagName === 'link' && /\b(preconnect|dns-prefetch)\b/.test(element.getAttributeValue('rel') ?? '')) continue;
      references.push({ attribute: `${element.tagName}[${attribute}]`, value: decodeEntities(value), line });
    }
    for (const attribute of ['srcset', 'imagesrcset']) {
      const srcset = element.getAttributeValue(attribute);
      if (srcset === null) continue;
      for (const candidate of decodeEntities(srcset).split(/,\s+/)) references.push({ attribute: `${element.tagName}[${attribute}]`, value: candidate.trim().split(/\s+/)[0], line });
    }
    const id = element.getAttributeValue('id');
    if (id !== null) anchors.add(decodeEntities(id));
    const name = element.tagName === 'a' ? element.getAttributeValue('name') : null;
    if (name !== null) anchors.add(decodeEntities(name));
  }
  // The parser keeps an inline SVG's insides opaque, so its ids and references are read from the markup.
  for (const { 0: svg, index } of html.matchAll(/<svg\b[\s\S]*?<\/svg>/g)) {
    for (const [, id] of svg.matchAll(/\sid="([^"]*)"/g)) anchors.add(decodeEntities(id));
    const line = lineAt(html, index);
    for (const [, attribute, value] of svg.matchAll(/\s((?:xlink:)?href)="([^"]*)"/g)) references.push({ attribute: `svg[${attribute}]`, value: decodeEntities(value), line });
  }
  // `url(#id)` in SVG attributes and styles: a gradient, marker or filter that is not there is silently dropped.
  for (const { 1: id, index } of html.matchAll(/url\(\s*['"]?#([^)'"\s]+)['"]?\s*\)/g)) references.push({ attribute: 'url()', value: `#${decodeEntities(id)}`, line: lineAt(html, index) });
  return { references, anchors };
}

/** The file a site path is served from, or why there is none. */
function resolveTarget(siteDir: string, path: string): { file: string } | { problem: string } {
  const relativePath = path.replace(/^\/+/, '');
  if (path.endsWith('/')) {
    const file = `${relativePath}index.html`;
    return existsSync(join(siteDir, file)) ? { file } : { problem: `no page there (expected ${file})` };
  }
  const full = join(siteDir, relativePath);
  if (!existsSync(full)) return { problem: `no file there (expected ${relativePath})` };
  if (statSync(full).isDirectory()) {
    return existsSync(join(full, 'index.html'))
      ? { problem: `a folder without its trailing slash; the site's addresses end in / (write ${path}/)` }
      : { problem: `a folder with no index.html` };
  }
  return { file: relativePath };
}

/** Decodes %-escapes, or undefined when they are malformed (which no browser could follow either). */
function safeDecode(text: string): string | undefined {
  try {
    return decodeURIComponent(text);
  } catch {
    return undefined;
  }
}

/** The line (from 1) of a character offset. */
function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
