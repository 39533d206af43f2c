/**
 * `npm run check`: validates every file under the content folder and prints
 * each problem on its own line, then a summary. Exit 1 if any error (or any
 * warning with --strict). Never writes to the content folder.
 *
 * `--format github` prints each problem as a GitHub Actions workflow command
 * instead, so it appears on its line in a pull request's diff; `--format gitlab`
 * prints GitLab's code-quality report (a JSON array), for a merge request's
 * `artifacts: reports: codequality`.
 *
 * At most 100 problems of a file are printed, then one line (one JSON element,
 * `"code": "more-problems-hidden"`) says how many more it has; the summary
 * counts them all. The report is written as a stream (src/content/report.ts).
 */
import { enableCompileCache } from 'node:module';
import { relative } from 'node:path';

// Node keeps the compiled modules (ours, type-stripped, and Zod's) on disk between runs, which
// saves ~60 ms of every start; so the pipeline is imported only after the cache is on.
enableCompileCache();
const { checkContentInThreads, startReader } = await import('../src/model/threads.ts');

const USAGE = 'Usage: npm run check [-- --json] [-- --strict] [-- --format text|github|gitlab]';
const FORMATS = ['text', 'github', 'gitlab'] as const;

const args = new Set<string>();
let format: string | undefined;
for (let i = 2; i < process.argv.length; i++) {
  const arg = process.argv[i];
  if (arg === '--format') format = process.argv[++i] ?? '';
  else if (arg.startsWith('--format=')) format = arg.slice('--format='.length);
  else args.add(arg);
}
const known = new Set(['--json', '--strict']);
const unknown = [...args].filter((a) => !known.has(a));
if (unknown.length > 0) {
  process.stderr.write(`Unknown option ${unknown.join(', ')}. ${USAGE}\n`);
  process.exit(2);
}
if (format !== undefined && !(FORMATS as readonly string[]).includes(format)) {
  process.stderr.write(`Unknown format "${format}"; expected one of: ${FORMATS.join(', ')}. ${USAGE}\n`);
  process.exit(2);
}
if (format !== undefined && args.has('--json')) {
  process.stderr.write(`--json and --format cannot be used together. ${USAGE}\n`);
  process.exit(2);
}

// The reader thread starts first, and loads the loader while this one finds the content.
const reader = startReader();
const { countDiagnostics } = await import('../src/content/diagnostics.ts');
const { githubReport, gitlabReport, jsonReport, textReport, writeReport } = await import('../src/content/report.ts');
const { contentDirectory } = await import('../src/model/settings.ts');
const contentDir = contentDirectory();
const report = await checkContentInThreads(contentDir, {}, reader);
const { errors, warnings } = countDiagnostics(report.diagnostics);

// Written piece by piece: a report of millions of problems never becomes one string.
let pieces: Iterable<string>;
if (args.has('--json')) {
  pieces = jsonReport(report.diagnostics);
} else if (format === 'github' || format === 'gitlab') {
  // Both match a problem to the change under review by its path from the repository's root, CI's working folder.
  const fromRoot = relative(process.cwd(), contentDir).replaceAll('\\', '/');
  pieces = format === 'github' ? githubReport(report.diagnostics, report.fileCount, fromRoot) : gitlabReport(report.diagnostics, fromRoot);
} else {
  pieces = textReport(report.diagnostics, report.fileCount, relative(process.cwd(), contentDir) || '.');
}
const exitCode = errors > 0 || (args.has('--strict') && warnings > 0) ? 1 : 0;
// Exit once the report is written, without waiting for Node to tear down a
// heap of some hundred MB and the reader thread: ~30 ms on 10,000 files.
// A reader that stops early (`| head`) closes the pipe: nothing more to say, so end as the check would have.
process.stdout.on('error', () => process.exit(exitCode));
await writeReport(process.stdout, pieces).catch(() => undefined);
process.exit(exitCode);
