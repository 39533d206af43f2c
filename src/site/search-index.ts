/**
 * The search index: Pagefind reads the built pages and writes its index beside
 * them, under /pagefind/. Only content marked `data-pagefind-body` is indexed,
 * so headers, footers and the 404 page never turn up in results.
 *
 * Pagefind holds every page it is given until it writes the index (2.7 GB for
 * 10,000 pages), so a large site is indexed in shards of at most
 * `shardPages()` pages, one after another, each written as an index of its own.
 * The first stays at /pagefind/, where the search page loads it; the others go
 * under /pagefind/shards/ and are listed in /pagefind/shards.json, which the
 * search page reads to merge them in the browser (Pagefind's `mergeIndex`),
 * by their addresses under the path the site is served at.
 *
 * Pagefind reads a copy of each page with its words kept apart (`separateWords`),
 * written beside the site for the time it takes: the published pages are untouched.
 */
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import * as pagefind from 'pagefind';

/**
 * Pages per shard unless REGISTER_SEARCH_SHARD_PAGES says otherwise: Pagefind peaks
 * near 0.3 GB on this many of the register's pages, which keeps a 10,000-page build
 * under 2 GB in all; a reader's first search fetches one small index file a shard.
 */
const SHARD_PAGES = 1000;

/** The list of the shards beyond the first, read by src/site/client/search.ts. */
const SHARDS_MANIFEST = 'pagefind/shards.json';

/** What indexing found. */
export interface SearchIndexResult {
  /** How many pages were indexed. */
  pages: number;
}

/** The shard size: REGISTER_SEARCH_SHARD_PAGES (a whole number above 0) lets tests shard a small site. */
function shardPages(): number {
  const value = process.env.REGISTER_SEARCH_SHARD_PAGES;
  if (value === undefined || value === '') return SHARD_PAGES;
  const pages = Number(value);
  if (!Number.isInteger(pages) || pages < 1) throw new Error(`REGISTER_SEARCH_SHARD_PAGES must be a whole number above 0, not “${value}”`);
  return pages;
}

/** Every HTML file under the site, as paths relative to it, sorted so that shards are the same in every build. */
async function htmlFiles(outDir: string): Promise<string[]> {
  const entries = await readdir(outDir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith('.html'))
    .map((entry) => relative(outDir, join(entry.parentPath, entry.name)))
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** Splits `items` into runs of at most `size`. */
function chunks<T>(items: T[], size: number): T[][] {
  const runs: T[][] = [];
  for (let start = 0; start < items.length; start += size) runs.push(items.slice(start, start + size));
  return runs;
}

/** Inline elements that can sit inside a word (`<em>`, a citation's `<sup>`): no space is put beside them. */
const INLINE_IN_WORDS = '(?:em|i|b|u|s|mark|sup|sub|code|abbr|kbd|q|small)';

/** A letter or digit, then the start of any other element. */
const WORD_THEN_ELEMENT = new RegExp(`([\\p{L}\\p{N}])(<(?!${INLINE_IN_WORDS}[\\s>])[a-z])`, 'gu');

/** The end of any other element, then a letter, digit or pound sign. */
const ELEMENT_THEN_WORD = new RegExp(`(</(?!${INLINE_IN_WORDS}>)[a-z][a-z0-9]*>)([\\p{L}\\p{N}£])`, 'gu');

/**
 * A page's HTML as Pagefind should read it, for excerpts that read as the page
 * does. Built pages carry no white space between elements, and Pagefind runs
 * the text of neighbouring elements together where a browser's layout keeps
 * them apart: a summary list's label and value ("Decision makerExecutive
 * Cabinet"), a status and its date ("Proposeddate not recorded"). A label
 * (`<dt>`) ends with a colon, and other elements are kept a space apart from
 * the words beside them.
 *
 * @example
 * separateWords('<dt>Decision maker</dt><dd>Executive Cabinet</dd>') // '<dt>Decision maker:</dt> <dd>Executive Cabinet</dd>'
 * separateWords('<dd>Proposed<span>date not recorded</span></dd>') // '<dd>Proposed <span>date not recorded</span></dd>'
 */
export function separateWords(html: string): string {
  return html
    .replace(/([^:?\s])\s*<\/dt>\s*/g, '$1:</dt> ')
    .replace(WORD_THEN_ELEMENT, '$1 $2')
    .replace(ELEMENT_THEN_WORD, '$1 $2');
}

/** Indexes the HTML pages under `dir` as one index of its own, written to `outputPath`; only these pages are held in memory. */
async function indexFolder(dir: string, outputPath: string): Promise<void> {
  // The register is written in English; one index keeps en and en-GB pages together.
  const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en' });
  if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
  const added = await index.addDirectory({ path: dir });
  if (added.errors.length > 0) throw new Error(`Pagefind could not index ${dir}: ${added.errors.join('; ')}`);
  const written = await index.writeFiles({ outputPath });
  if (written.errors.length > 0) throw new Error(`Pagefind could not write its index: ${written.errors.join('; ')}`);
  await index.deleteIndex();
}

/**
 * Indexes one shard's `files` (paths under `outDir`). Pagefind reads a folder in
 * parallel and orders its pages itself (one file at a time through addHTMLFile is
 * slower, and sent together they are numbered in whatever order they finish), so
 * the shard's files are written, at the same paths and with their words kept
 * apart (`separateWords`), into a folder of their own beside the site: the same URLs.
 */
async function indexShard(outDir: string, files: string[], outputPath: string): Promise<void> {
  const dir = await mkdtemp(`${resolve(outDir)}-search-shard-`);
  try {
    for (const file of files) {
      await mkdir(dirname(join(dir, file)), { recursive: true });
      await writeFile(join(dir, file), separateWords(await readFile(join(outDir, file), 'utf8')));
    }
    await indexFolder(dir, outputPath);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * Indexes every HTML page in a built site and writes the index to `<outDir>/pagefind/`
 * (and, for a large site, its other shards under `<outDir>/pagefind/shards/`, listed
 * by their addresses under `basePath`, the path the site is served at: `/` or `/register/`).
 * Throws with Pagefind's own messages if it cannot, so the build stops rather
 * than publishing a site whose search is silently broken.
 */
export async function indexSearch(outDir: string, basePath = '/'): Promise<SearchIndexResult> {
  try {
    const shards = chunks(await htmlFiles(outDir), shardPages());
    const extra: string[] = [];
    if (shards.length <= 1) await indexShard(outDir, shards[0] ?? [], join(outDir, 'pagefind'));
    else {
      for (const [n, files] of shards.entries()) {
        const path = n === 0 ? 'pagefind' : `pagefind/shards/${n + 1}`;
        await indexShard(outDir, files, join(outDir, path));
        if (n > 0) extra.push(`${basePath}${path}/`);
      }
    }
    // Written even when empty, so the search page's request for it never fails.
    await writeFile(join(outDir, SHARDS_MANIFEST), `${JSON.stringify(extra)}\n`);
    return { pages: shards.flat().length };
  } finally {
    await pagefind.close();
  }
}
