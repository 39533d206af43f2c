/**
 * `npm run build`: checks the content, draws the structure diagrams, builds
 * the site and indexes it for search. Everything is built into a fresh folder
 * and swapped into dist/ only when every stage succeeded, so a failed build
 * leaves the previous dist/ exactly as it was.
 *
 * Options:
 * - `--out <dir>`: build into another folder than dist/ (tests build many sites);
 * - `--require-diagrams` (also implied by CI=true): fail when no browser can draw
 *   the diagrams, instead of publishing text alternatives only;
 * - `--no-diagrams`: do not draw diagrams (pages show the text alternatives and
 *   any drawings already cached).
 *
 * Interrupted (Ctrl-C, or SIGTERM from CI or a process manager), it removes the
 * half-built folder and exits 130 or 143, the shell's codes for those signals.
 * A build killed outright cannot clean up: the next build removes its folder.
 */
import { cpSync, existsSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { constants } from 'node:os';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { build } from 'astro';
import { close as closeSearchIndexer } from 'pagefind';
import { countDiagnostics } from '../src/content/diagnostics.ts';
import { escapeControlCharacters, textReport, writeReport } from '../src/content/report.ts';
import { prepareDiagrams } from '../src/diagrams/prepare.ts';
import { checkContent, contentDirectory, shareCheckedModel } from '../src/model/index.ts';
import { indexSearch } from '../src/site/search-index.ts';

const { values: options } = parseArgs({
  options: { out: { type: 'string' }, 'require-diagrams': { type: 'boolean' }, 'no-diagrams': { type: 'boolean' } },
});
const root = resolve(import.meta.dirname, '..');
const dist = resolve(options.out ?? join(root, 'dist'));
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

/** Whether a process is running; one we may not signal is running too. */
function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Removes half-built folders (`<prefix><pid>`) of earlier builds that were killed outright; a build still running keeps its own. */
function clearStale(folder: string, prefix: string): void {
  for (const entry of existsSync(folder) ? readdirSync(folder, { withFileTypes: true }) : []) {
    const pid = entry.name.slice(prefix.length);
    if (entry.isDirectory() && entry.name.startsWith(prefix) && /^[1-9]\d*$/.test(pid) && !isAlive(Number(pid))) {
      rmSync(join(folder, entry.name), { recursive: true, force: true });
    }
  }
}
clearStale(dirname(dist), `${basename(dist)}.building-`);
clearStale(join(root, '.cache'), 'build-');

/** Set once the new site has replaced the old: an interruption after that changes nothing. */
let swapped = false;
/** Stops on Ctrl-C or SIGTERM: removes the half-built folder and keeps the previous site. */
function interrupted(signal: 'SIGINT' | 'SIGTERM'): never {
  // Pagefind indexes in a process of its own, which would go on writing into the folder: stop it first.
  void closeSearchIndexer();
  // A page write still in flight may add to the folder while it is removed: retry rather than leave part of it.
  for (const folder of new Set([astroOut, staging])) rmSync(folder, { recursive: true, force: true, maxRetries: 3 });
  process.stderr.write(`\nBuild interrupted (${signal}).${swapped || !existsSync(dist) ? '' : ` The previous ${shownDist} is unchanged.`}\n`);
  process.exit(128 + constants.signals[signal]);
}
// Listening also keeps Node from dying mid-way through the swap: the handler runs between synchronous steps.
process.on('SIGINT', interrupted);
process.on('SIGTERM', interrupted);

/** Runs one stage, printing what it does and how long it took. */
async function stage<T>(label: string, work: () => T | Promise<T>, done: (result: T) => string): Promise<T> {
  const start = performance.now();
  process.stdout.write(`${label}…`);
  const result = await work();
  process.stdout.write(` ${done(result)} (${Math.round(performance.now() - start)} ms)\n`);
  return result;
}

/** Stops the build, saying why, and keeps the previous site. */
function stop(reason: string): never {
  for (const folder of new Set([astroOut, staging])) rmSync(folder, { recursive: true, force: true });
  process.stderr.write(`\nBuild stopped: ${reason}\n${existsSync(dist) ? `The previous ${shownDist} is unchanged.\n` : ''}`);
  process.exit(1);
}

// 1. Check: the same pipeline as `npm run check`; any error stops here.
const contentDir = contentDirectory();
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
  if (!options['no-diagrams']) await stage(`Rendering ${structures} diagrams`, () => prepareDiagrams(model, { require: requireDiagrams, log: (text) => { for (const line of text.split('\n')) process.stdout.write(`\n  ${escapeControlCharacters(line)}`); } }), (r) =>
    `${r.rendered} drawn, ${r.cached} unchanged${r.missing ? `, ${r.missing} as text only` : ''}`);

  // 3. Pages, into the staging folder.
  await stage('Writing pages', () => build({ root, outDir: astroOut, logLevel: 'error' }), () => `${countPages(astroOut)} pages`);
  if (astroOut !== staging) moveFolder(astroOut, staging);

  // 4. Search index over the written pages.
  await stage('Indexing search', () => indexSearch(staging), (r) => `${r.pages} pages indexed`);
} catch (error) {
  stop(describeError(error));
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
