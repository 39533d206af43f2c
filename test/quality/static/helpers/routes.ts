/**
 * The routes of src/pages as patterns over built files, so the gates can prove
 * they saw at least one page of every kind: a route added later (history,
 * data, guide) is checked as soon as it exists, with no new test code.
 */
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ROOT } from './build-site.ts';

/** One route: its source file and the built files it produces. */
export interface Route {
  /** The page or endpoint, relative to src/pages. */
  source: string;
  /** Matches the paths (relative to the output folder) this route writes. */
  pattern: RegExp;
}

/** Astro's page files; anything else in src/pages (.ts, .js) is an endpoint that writes the file its name says. */
const PAGE_EXTENSIONS = /\.(astro|md|mdx|html)$/;

/**
 * Every route under src/pages, as `build.format: 'directory'` writes it:
 * `a/b.astro` → `a/b/index.html`, `a/index.astro` → `a/index.html`,
 * `404.astro` → `404.html`, `a/[id].mmd.ts` → `a/<id>.mmd`.
 */
export function siteRoutes(pagesDir = join(ROOT, 'src/pages')): Route[] {
  return readdirSync(pagesDir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.(astro|md|mdx|html|ts|js)$/.test(entry.name) && !entry.name.startsWith('_'))
    .map((entry) => relative(pagesDir, join(entry.parentPath, entry.name)).replaceAll('\\', '/'))
    .filter((source) => !source.split('/').some((part) => part.startsWith('_')))
    .sort()
    .map((source) => ({ source, pattern: routePattern(source) }));
}

function routePattern(source: string): RegExp {
  let path: string;
  if (PAGE_EXTENSIONS.test(source)) {
    const bare = source.replace(PAGE_EXTENSIONS, '');
    if (/^(404|500)$/.test(bare)) path = `${bare}.html`;
    else if (bare === 'index' || bare.endsWith('/index')) path = `${bare.slice(0, -'index'.length)}index.html`;
    else path = `${bare}/index.html`;
  } else path = source.replace(/\.(ts|js)$/, '');
  const pattern = path
    .split(/(\[\.\.\.[^\]]+\]|\[[^\]]+\])/)
    .map((part) => (part.startsWith('[...') ? '.+' : part.startsWith('[') ? '[^/]+' : part.replace(/[.*+?^${}()|\\]/g, '\\$&')))
    .join('');
  return new RegExp(`^${pattern}$`);
}
