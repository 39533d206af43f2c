/**
 * `npm run build`: checks the content, draws the structure diagrams, builds
 * the site and indexes it for search. Everything is built into a fresh folder
 * and swapped into dist/ only when every stage succeeded, so a failed build
 * leaves the previous dist/ exactly as it was.
 *
 * Options:
 * - `--out <dir>`: build into another folder than dist/ (tests build many sites).
 *   Missing parent folders are created. The folder is replaced as a whole, so it
 *   must be new, empty, or a site built before (an index.html and a Pagefind
 *   index): the content folder, the project, the working folder, or any folder of
 *   other files is refused before anything is built, and never deleted;
 * - `--require-diagrams` (also implied by CI=true): fail when no browser can draw
 *   the diagrams, instead of publishing text alternatives only;
 * - `--no-diagrams`: do not draw diagrams (pages show the text alternatives and
 *   any drawings already cached).
 *
 * Each stage (check, diagrams, pages, search) prints one line with its time.
 *
 * Interrupted (Ctrl-C, or SIGTERM from CI or a process manager), it removes the
 * half-built folder and exits 130 or 143, the shell's codes for those signals.
 * A build killed outright cannot clean up: the next build removes its folders
 * (and puts back the previous site if it was killed half-way through the swap).
 */
import { cpSync, existsSync, mkdirSync, readdirSync, realpathSync, renameSync, rmdirSync, rmSync, statSync } from 'node:fs';
import { constants } from 'node:os';
import { basename, dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { escapeControlCharacters } from '../src/content/report.ts';
import { isAlive } from '../src/diagrams/cache.ts';
import { contentDirectory } from '../src/model/settings.ts';

const USAGE = 'Usage: npm run build [-- --out DIR] [-- --require-diagrams] [-- --no-diagrams]';

/** Stops before anything is built or removed, saying why in one line; exit 2, as for a wrong option. */
function refuse(reason: string): never {
  process.stderr.write(`${escapeControlCharacters(reason)} ${USAGE}\n`);
  process.exit(2);
}

let options: { out?: string; 'require-diagrams'?: boolean; 'no-diagrams'?: boolean } = {};
try {
  ({ values: options } = parseArgs({
    options: { out: { type: 'string' }, 'require-diagrams': { type: 'boolean' }, 'no-diagrams': { type: 'boolean' } },
  }));
} catch (error) {
  refuse((error as Error).message);
}
const root = resolve(import.meta.dirname, '..');
const dist = resolve(options.out ?? join(root, 'dist'));
const contentDir = contentDirectory();
// Pages find the content again through CONTENT_DIR, after the build has moved to the project's folder (step 3).
process.env.CONTENT_DIR = contentDir;
// Beside the output folder, so the final rename never crosses file systems.
const staging = join(dirname(dist), `${basename(dist)}.building-${process.pid}`);
const retired = join(dirname(dist), `${basename(dist)}.previous-${process.pid}`);
// Astro imports the server code it writes into its output folder, which finds its
// packages only from inside the project: an output folder elsewhere (`--out /tmp/site`)
// is written under .cache/ first and moved beside it afterwards.
const insideProject = !relative(root, staging).startsWith('..');
const astroOut = insideProject ? staging : join(root, '.cache', `build-${process.pid}`);
const requireDiagrams = options['require-diagrams'] === true || (Boolean(process.env.CI) && process.env.CI !== 'false');
const started = performance.now();
// Folder names are printed escaped, like every name from outside (see src/content/report.ts).
const shownDist = `${escapeControlCharacters(relative(process.cwd(), dist) || '.')}/`;

/** The path with symbolic links resolved, as far as it exists: two names of one folder compare equal. */
function realPath(path: string): string {
  const missing: string[] = [];
  let existing = path;
  while (!existsSync(existing) && dirname(existing) !== existing) {
    missing.unshift(basename(existing));
    existing = dirname(existing);
  }
  return join(realpathSync(existing), ...missing);
}

/** Whether `inner` is `outer` or inside it. */
function isWithin(inner: string, outer: string): boolean {
  const path = relative(outer, inner);
  return path === '' || (!path.startsWith('..') && !isAbsolute(path));
}

/** A site this register built: its home page and Pagefind's search index, which every build writes. */
function looksLikeBuild(folder: string): boolean {
  return existsSync(join(folder, 'index.html')) && existsSync(join(folder, 'pagefind', 'pagefind-entry.json'));
}

/**
 * Why the output folder must not be used, or undefined when it may: the build
 * replaces it as a whole, so it must never be, hold or sit inside the content,
 * never hold the project or the working folder, and if it exists it must be
 * empty or a site built before.
 */
function refusalOf(out: string): string | undefined {
  const shown = `--out ${relative(process.cwd(), out) || '.'}`;
  const real = realPath(out);
  const content = realPath(contentDir);
  if (isWithin(realPath(root), real)) return `${shown} is the project's folder or holds it: the build replaces its output folder. Choose a folder of its own, such as dist/.`;
  if (isWithin(real, content) || isWithin(content, real)) {
    return `${shown} is the content folder, or inside it, or holds it: the build replaces its output folder, so it will not build there. Choose a folder of its own, such as dist/.`;
  }
  if (isWithin(realPath(process.cwd()), real)) return `${shown} is the folder you are in, or holds it: the build replaces its output folder. Choose a folder of its own.`;
  if (!existsSync(out)) return undefined;
  if (!statSync(out).isDirectory()) return `${shown} is a file, not a folder. Choose a new or empty folder.`;
  if (readdirSync(out).length === 0 || looksLikeBuild(out)) return undefined;
  return `${shown} holds files that are not a site built by this register (it has no index.html and pagefind/ search index), and the build replaces the whole folder: it leaves them as they are. Choose a new or empty folder.`;
}
const refusal = refusalOf(dist);
if (refusal) refuse(refusal);

// Astro, Pagefind and the pipeline take a second or two to load: only once the arguments are known to be sound.
const [{ build }, { close: closeSearchIndexer }, { countDiagnostics }, { textReport, writeReport }, { defaultCacheDir }, { prepareDiagrams }, { checkContent, shareCheckedModel }, { basePathOf }, { indexSearch }] = await Promise.all([
  import('astro'),
  import('pagefind'),
  import('../src/content/diagnostics.ts'),
  import('../src/content/report.ts'),
  import('../src/diagrams/cache.ts'),
  import('../src/diagrams/prepare.ts'),
  import('../src/model/index.ts'),
  import('../src/site/base-path.ts'),
  import('../src/site/search-index.ts'),
]);


/** Removes half-built folders (`<prefix><pid>`) of earlier builds that were killed outright; a build still running keeps its own. */
function clearStale(folder: string, prefix: string): void {
  for (const entry of existsSync(folder) ? readdirSync(folder, { withFileTypes: true }) : []) {
    const pid = entry.name.slice(prefix.length);
    if (entry.isDirectory() && entry.name.startsWith(prefix) && /^[1-9]\d*$/.test(pid) && !isAlive(Number(pid))) {
      rmSync(join(folder, entry.name), { recursive: true, force: true });
    }
  }
}
/**
 * A build killed outright between the two renames of the swap leaves the
 * previous site as `<out>.previous-<pid>` and no `<out>`: that site is put
 * back. Otherwise the leftover is an old site already replaced, and removed.
 */
function restoreOrClearRetired(): void {
  const prefix = `${basename(dist)}.previous-`;
  for (const entry of existsSync(dirname(dist)) ? readdirSync(dirname(dist), { withFileTypes: true }) : []) {
    const pid = entry.name.slice(prefix.length);
    if (!entry.isDirectory() || !entry.name.startsWith(prefix) || !/^[1-9]\d*$/.test(pid) || isAlive(Number(pid))) continue;
    const leftover = join(dirname(dist), entry.name);
    if (!existsSync(dist) && looksLikeBuild(leftover)) renameSync(leftover, dist);
    else rmSync(leftover, { recursive: true, force: true });
  }
}
clearStale(dirname(dist), `${basename(dist)}.building-`);
clearStale(join(root, '.cache'), 'build-');
restoreOrClearRetired();

/** The first of the output folder's parents that this build created, if it created any. */
let createdParent: string | undefined;
/** Makes the output folder's missing parents, remembering them so a failed build can remove them. */
function makeParents(): void {
  createdParent = mkdirSync(dirname(dist), { recursive: true });
}
/** Removes the parents this build made, while they are empty: never anything it did not make. */
function removeCreatedParents(): void {
  if (!createdParent) return;
  for (let folder = dirname(dist); isWithin(folder, createdParent); folder = dirname(folder)) {
    try {
      rmdirSync(folder);
    } catch {
      return;
    }
  }
}

/** Set once the new site has replaced the old: an interruption after that changes nothing. */
let swapped = false;
/** Stops on Ctrl-C or SIGTERM: removes the half-built folder and keeps the previous site. */
function interrupted(signal: 'SIGINT' | 'SIGTERM'): never {
  // Pagefind indexes in a process of its own, which would go on writing into the folder: stop it first.
  void closeSearchIndexer();
  // A page write still in flight may add to the folder while it is removed: retry rather than leave part of it.
  for (const folder of new Set([astroOut, staging])) rmSync(folder, { recursive: true, force: true, maxRetries: 3 });
  if (!swapped) removeCreatedParents();
  process.stderr.write(`\nBuild interrupted (${signal}).${swapped || !existsSync(dist) ? '' : ` The previous ${shownDist} is unchanged.`}\n`);
  process.exit(128 + constants.signals[signal]);
}
// Listening also keeps Node from dying mid-way through the swap: the handler runs between synchronous steps.
process.on('SIGINT', interrupted);
process.on('SIGTERM', interrupted);

/**
 * Runs one stage and prints one line: what it does, what came of it and how
 * long it took (`Writing pages… 33 pages (2041 ms)`). What the stage has to say
 * besides (`notes`) is printed after that line, indented, one line a note.
 */
async function stage<T>(label: string, work: (notes: string[]) => T | Promise<T>, done: (result: T) => string): Promise<T> {
  const start = performance.now();
  const notes: string[] = [];
  process.stdout.write(`${label}…`);
  const result = await work(notes);
  process.stdout.write(` ${done(result)} (${Math.round(performance.now() - start)} ms)\n`);
  for (const line of notes.flatMap((note) => note.split('\n'))) process.stdout.write(`  ${escapeControlCharacters(line.trim())}\n`);
  return result;
}

/** Stops the build, saying why, and keeps the previous site. */
function stop(reason: string): never {
  for (const folder of new Set([astroOut, staging])) rmSync(folder, { recursive: true, force: true });
  removeCreatedParents();
  process.stderr.write(`\nBuild stopped: ${reason}\n${existsSync(dist) ? `The previous ${shownDist} is unchanged.\n` : ''}`);
  process.exit(1);
}

// 1. Check: the same pipeline as `npm run check`; any error stops here.
const shownDir = relative(process.cwd(), contentDir) || '.';
const model = await stage(`Checking ${escapeControlCharacters(shownDir)}`, () => checkContent(contentDir), (m) => {
  const { errors, warnings } = countDiagnostics(m.diagnostics);
  return `${m.fileCount} files, ${errors} errors, ${warnings} warnings`;
});
if (model.diagnostics.length > 0) await writeReport(process.stderr, textReport(model.diagnostics, model.fileCount, shownDir));
const { errors } = countDiagnostics(model.diagnostics);
if (errors > 0) stop(`fix the ${errors === 1 ? 'error' : `${errors} errors`} above, then build again.`);
// The pages use this model rather than checking the content a second time.
shareCheckedModel(contentDir, model);

try {
  // 2. Diagrams: one browser session; unchanged diagrams come from .cache/diagrams.
  const structures = model.partnerships.reduce((n, p) => n + p.structures.length, 0);
  if (options['no-diagrams']) {
    // The drawings cached where the build was started, as when it draws (prepareDiagrams): step 3 moves to the project's folder.
    process.env.DIAGRAM_CACHE_DIR ||= defaultCacheDir();
    process.stdout.write(`Rendering ${structures} diagrams… not drawn (--no-diagrams): pages show text alternatives and any cached drawings (0 ms)\n`);
  } else await stage(`Rendering ${structures} diagrams`, (notes) => prepareDiagrams(model, { require: requireDiagrams, log: (text) => notes.push(text) }), (r) =>
    `${r.rendered} drawn, ${r.cached} unchanged${r.missing ? `, ${r.missing} as text only` : ''}`);

  // 3. Pages, into the staging folder. Astro writes its server code inside the working
  // folder when the output is not (and imports it from there), so it runs from the project's.
  makeParents();
  process.chdir(root);
  await stage('Writing pages', () => build({ root, outDir: astroOut, logLevel: 'error' }), () => `${countPages(astroOut)} pages`);
  if (astroOut !== staging) moveFolder(astroOut, staging);

  // 4. Search index over the written pages; its shards are listed by their addresses under base_url's path, as the pages are.
  await stage('Indexing search', () => indexSearch(staging, basePathOf(model.site.base_url)), (r) => `${r.pages} pages indexed`);
} catch (error) {
  // A build that requires diagrams and cannot draw them says why in one plain line; anything else is a bug, with its stack.
  stop(error instanceof Error && error.name === 'DiagramsRequiredError' ? escapeControlCharacters(error.message) : describeError(error));
}

// 5. Swap it in: two renames, so dist/ is never half-written.
if (existsSync(dist)) renameSync(dist, retired);
renameSync(staging, dist);
swapped = true;
rmSync(retired, { recursive: true, force: true });
console.log(`Built ${model.partnerships.length} partnerships and ${model.decisions.length} decisions into ${shownDist} in ${((performance.now() - started) / 1000).toFixed(1)} s.`);

/** Renames a folder, or copies it when the destination is on another file system. */
function moveFolder(from: string, to: string): void {
  try {
    renameSync(from, to);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
    cpSync(from, to, { recursive: true });
    rmSync(from, { recursive: true, force: true });
  }
}

/**
 * An unexpected error on one line, then its stack frames, each escaped: the
 * message may quote a file name, and no part of it may pass for a line of its own.
 */
function describeError(error: unknown): string {
  if (!(error instanceof Error)) return escapeControlCharacters(String(error));
  const head = `${error.name}: ${error.message}`;
  const frames = error.stack?.startsWith(head) ? error.stack.slice(head.length).split('\n').filter((line) => line.trim()) : [];
  return [escapeControlCharacters(head), ...frames.map((frame) => `  ${escapeControlCharacters(frame.trim())}`)].join('\n');
}

function countPages(dir: string): number {
  return readdirSync(dir, { recursive: true }).filter((f) => String(f).endsWith('.html')).length;
}
