/**
 * Page types, by the URL patterns of the content model. The gates run on pages
 * of every type; a page whose address matches no pattern is a type of its own,
 * named by its path, so a page added later is checked before anyone adds it here.
 */

/** A page type and the addresses that belong to it. */
export interface PageType {
  /** What a reader would call the page. */
  name: string;
  pattern: RegExp;
}

const SEGMENT = '[^/]+';

/** The known page types, most specific first. */
export const PAGE_TYPES: readonly PageType[] = [
  { name: 'home', pattern: /^\/$/ },
  { name: 'not found', pattern: /^\/404\.html$/ },
  { name: 'partnerships list', pattern: /^\/partnerships\/$/ },
  { name: 'partnership', pattern: new RegExp(`^/partnerships/${SEGMENT}/$`) },
  { name: 'structure', pattern: new RegExp(`^/partnerships/${SEGMENT}/structures/${SEGMENT}/$`) },
  { name: 'strategy', pattern: new RegExp(`^/partnerships/${SEGMENT}/strategies/${SEGMENT}/$`) },
  { name: 'chapter', pattern: new RegExp(`^/partnerships/${SEGMENT}/chapters/${SEGMENT}/$`) },
  { name: 'decision', pattern: new RegExp(`^/partnerships/${SEGMENT}/decisions/${SEGMENT}/$`) },
  { name: 'partnership history', pattern: new RegExp(`^/partnerships/${SEGMENT}/history/(.+/)?$`) },
  { name: 'register', pattern: /^\/decisions\/$/ },
  { name: 'register filter', pattern: new RegExp(`^/decisions/${SEGMENT}/${SEGMENT}/$`) },
  { name: 'search', pattern: /^\/search\/$/ },
  { name: 'data', pattern: /^\/data\/(.+\/)?$/ },
  { name: 'guide', pattern: /^\/guide\/(.+\/)?$/ },
  { name: 'history', pattern: /^\/history\/(.+\/)?$/ },
  { name: 'accessibility', pattern: /^\/accessibility\/$/ },
];

/**
 * The type of the page at a path, or the path itself for a page of no known type.
 *
 * @example
 * classifyPath('/partnerships/chorley-partnership/') // 'partnership'
 * classifyPath('/about/') // '/about/'
 */
export function classifyPath(path: string): string {
  return PAGE_TYPES.find((type) => type.pattern.test(path))?.name ?? path;
}
