/**
 * `npm run build`: checks the content, then builds the site into dist/.
 * The site is built into a fresh folder and swapped in only when the whole
 * build succeeded, so a failed build leaves the previous dist/ exactly as it was.
 */
import { existsSync, renameSync, rmSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { build } from 'astro';
import { countDiagnostics, formatReport } from '../src/content/diagnostics.ts';
import { checkContent, contentDirectory } from '../src/model/index.ts';

const root = process.cwd();
const dist = resolve(root, 'dist');
const staging = resolve(root, `dist.building-${process.pid}`);
const retired = resolve(root, `dist.previous-${process.pid}`);

// 1. Check: the same pipeline as `npm run check`; any error stops here.
const started = performance.now();
const contentDir = contentDirectory();
const model = checkContent(contentDir);
const { errors } = countDiagnostics(model.diagnostics);
if (model.diagnostics.length > 0 || errors > 0) {
  process.stderr.write(`${formatReport(model.diagnostics, model.fileCount, relative(root, contentDir) || '.')}\n`);
}
if (errors > 0) {
  process.stderr.write(`Build stopped: fix the ${errors === 1 ? 'error' : `${errors} errors`} above. ${existsSync(dist) ? 'The previous dist/ is unchanged.' : ''}\n`);
  process.exit(1);
}
console.log(`Checked ${model.fileCount} files in ${Math.round(performance.now() - started)} ms.`);

// 2. Build into a staging folder.
try {
  await build({ root, outDir: staging, logLevel: 'warn' });
} catch (error) {
  rmSync(staging, { recursive: true, force: true });
  process.stderr.write(`Build failed: ${(error as Error).stack ?? error}\n${existsSync(dist) ? 'The previous dist/ is unchanged.\n' : ''}`);
  process.exit(1);
}

// 3. Swap it in: two renames, so dist/ is never half-written.
if (existsSync(dist)) renameSync(dist, retired);
renameSync(staging, dist);
rmSync(retired, { recursive: true, force: true });
console.log(`Built ${model.partnerships.length} partnerships and ${model.decisions.length} decisions into dist/ in ${Math.round(performance.now() - started)} ms.`);
