/**
 * The pre-commit hook's check (scripts/hooks/pre-commit runs it): stops a
 * commit that adds an error anywhere in the content, as the commit would leave
 * it. The checker's rules span files (renaming a decision breaks the structure
 * that names it), so the whole content folder is checked twice: as staged, and
 * as it was at HEAD. An error the staged content has and HEAD did not is this
 * commit's: it stops the commit. Errors that were there before are reported but
 * do not stop it: they are usually someone else's to fix, and the pull request
 * check still stops on them. Nothing here needs a terminal, so the hook works
 * from an editor's Source Control panel too.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve, sep } from 'node:path';
import type { Diagnostic } from '../src/content/diagnostics.ts';

const git = (args: string[], input?: string) => execFileSync('git', args, { encoding: 'utf8', input, maxBuffer: 1 << 30 });
const list = (args: string[], input?: string) => git(args, input).split('\0').filter(Boolean);

const top = git(['rev-parse', '--show-toplevel']).trim();
const contentDir = resolve(top, process.env.CONTENT_DIR ?? 'content');
const prefix = relative(top, contentDir).split(sep).join('/');
if (prefix === '' || prefix.startsWith('..')) process.exit(0);
const touched = list(['diff', '--cached', '--name-only', '-z', '--', prefix]);
if (touched.length === 0) process.exit(0);

// Loaded only now: a commit that touches no content pays for git, not for the checker.
const { checkForProblems } = await import('../src/model/index.ts');
const { countDiagnostics } = await import('../src/content/diagnostics.ts');
const { formatReport } = await import('../src/content/report.ts');

/** The content folder as a tree-ish (`HEAD`) or the index (`undefined`) has it, checked in a copy of its own. */
function checkVersion(treeish?: string): Diagnostic[] {
  const snapshot = mkdtempSync(join(tmpdir(), 'register-pre-commit-'));
  const index = join(snapshot, '.index');
  try {
    const env = treeish ? { ...process.env, GIT_INDEX_FILE: index } : process.env;
    if (treeish) execFileSync('git', ['read-tree', treeish], { env });
    const files = execFileSync('git', ['ls-files', '-z', '--', prefix], { env, encoding: 'utf8', maxBuffer: 1 << 30 });
    execFileSync('git', ['checkout-index', '-z', '--stdin', `--prefix=${snapshot}/tree/`], { env, input: files });
    return checkForProblems(join(snapshot, 'tree', prefix)).diagnostics;
  } finally {
    rmSync(snapshot, { recursive: true, force: true });
  }
}

/** A problem's identity across two versions: its file, rule and message, not its line, which edits above it move. */
const identity = (d: Diagnostic) => `${d.file}\0${d.code}\0${d.message}`;

const hasHead = (() => {
  try {
    git(['rev-parse', '--verify', '--quiet', 'HEAD']);
    return true;
  } catch {
    return false;
  }
})();
const staged = checkVersion();
const before = new Map<string, number>();
for (const d of hasHead ? checkVersion('HEAD') : []) before.set(identity(d), (before.get(identity(d)) ?? 0) + 1);

const added: Diagnostic[] = [];
const existing: Diagnostic[] = [];
for (const d of staged) {
  const left = before.get(identity(d)) ?? 0;
  if (left > 0) {
    before.set(identity(d), left - 1);
    existing.push(d);
  } else added.push(d);
}

const fileCount = new Set(staged.map((d) => d.file)).size;
if (added.length > 0) process.stderr.write(`${formatReport(added, fileCount, prefix)}\n`);
const old = countDiagnostics(existing).errors;
if (old > 0) {
  process.stderr.write(`pre-commit: ${old} error${old === 1 ? ' was' : 's were'} already in the content before this commit; ${old === 1 ? 'it does' : 'they do'} not stop it (run npm run check to see ${old === 1 ? 'it' : 'them'}).\n`);
}
if (countDiagnostics(added).errors > 0) {
  process.stderr.write('pre-commit: the commit was stopped, because it would add the errors above. Fix them, `git add` the files and commit again.\n');
  process.exit(1);
}
