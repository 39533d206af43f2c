/**
 * `npm run check`: validates every file under the content folder and prints
 * each problem on its own line, then a summary. Exit 1 if any error (or any
 * warning with --strict). Never writes to the content folder.
 */
import { relative } from 'node:path';
import { countDiagnostics, formatReport } from '../src/content/diagnostics.ts';
import { checkContent, contentDirectory } from '../src/model/index.ts';

const args = new Set(process.argv.slice(2));
const known = new Set(['--json', '--strict']);
const unknown = [...args].filter((a) => !known.has(a));
if (unknown.length > 0) {
  process.stderr.write(`Unknown option ${unknown.join(', ')}. Usage: npm run check [-- --json] [-- --strict]\n`);
  process.exit(2);
}

const contentDir = contentDirectory();
const model = checkContent(contentDir);
const { errors, warnings } = countDiagnostics(model.diagnostics);

if (args.has('--json')) {
  process.stdout.write(`${JSON.stringify(model.diagnostics, null, 2)}\n`);
} else {
  const shown = relative(process.cwd(), contentDir) || '.';
  process.stdout.write(`${formatReport(model.diagnostics, model.fileCount, shown)}\n`);
}
process.exitCode = errors > 0 || (args.has('--strict') && warnings > 0) ? 1 : 0;
