/**
 * Reads the content folder's git history in one `git log` call and parses it
 * once, so thousands of pages never start a process each. Renames are
 * followed, so a decision file renamed to fix its date keeps its history.
 */
import { spawnSync } from 'node:child_process';

/** One commit that changed at least one file in the content folder. */
export interface Commit {
  /** The full commit hash. */
  hash: string;
  /**
   * When the commit entered the record: the committer date, ISO 8601 with the
   * committer's own offset (`2011-11-08T14:30:00+00:00`). The committer date
   * rather than the author date, because it is when the change was published
   * (merged or rebased), and it only moves forward along a branch.
   */
  date: string;
  /** The first line of the commit message. */
  subject: string;
  /** Its place in the log, 0 for the newest: orders commits as git does when dates tie. */
  position: number;
}

/** A commit as it touched one file. */
export interface FileChange {
  commit: Commit;
  /** The file's path at that commit, relative to the repository's top level (it differs from today's after a rename). */
  repositoryPath: string;
  /** What the commit did to the file. */
  change: 'added' | 'modified' | 'renamed' | 'deleted';
}

/** Why a build has no history: said on the page instead of showing wrong dates. */
export type UnavailableReason = 'not-a-repository' | 'shallow-clone' | 'git-failed';

/** What to tell whoever runs the build, for each reason. */
export const UNAVAILABLE_HINTS: Record<UnavailableReason, string> = {
  'not-a-repository': 'the content folder is not in a git repository',
  'shallow-clone': 'the repository is a shallow clone; in CI, fetch the full history (actions/checkout with fetch-depth: 0)',
  'git-failed': 'git could not be run or refused the repository',
};

/** Every content file's history, or why there is none. */
export type HistoryIndex =
  | {
      available: true;
      /** The content folder's path inside the repository, with a trailing slash (`content/`), or '' at the top level. */
      prefix: string;
      /** Changes per file (path relative to the content folder, as in the model), newest first. */
      files: Map<string, FileChange[]>;
    }
  | { available: false; reason: UnavailableReason; /** What git said, when it failed. */ detail?: string };

/** Fields of a commit header, separated by a character no hash or date contains. */
const FIELD = '\x1f';
/** Marks the start of each commit in the output. */
const RECORD = '\x1e';
const LOG_FORMAT = `--format=${RECORD}%H${FIELD}%cI${FIELD}%s`;

/**
 * Runs git over a content folder: one `rev-parse` to learn whether history can
 * be trusted, then one `log` for every file in it. Never throws: a folder
 * outside git, a shallow clone (whose oldest commit seems to add every file)
 * or a missing git all give `{ available: false }`.
 */
export function readGitHistory(contentDir: string): HistoryIndex {
  const probe = git(contentDir, ['rev-parse', '--is-shallow-repository', '--show-prefix']);
  if (!probe.ok) {
    return /not a git repository/i.test(probe.error)
      ? { available: false, reason: 'not-a-repository' }
      : { available: false, reason: 'git-failed', detail: probe.error };
  }
  const [shallow, prefix = ''] = probe.output.split('\n');
  if (shallow === 'true') return { available: false, reason: 'shallow-clone' };
  // -z: paths exactly as stored, never quoted; --relative: paths relative to the content folder.
  // Options that user configuration could otherwise change are pinned.
  const log = git(contentDir, ['log', '-z', '--name-status', '-M', '--relative', '--no-show-signature', '--no-notes', '--no-color', LOG_FORMAT, '--', '.']);
  if (!log.ok) return { available: false, reason: 'git-failed', detail: log.error };
  return { available: true, prefix, files: parseGitLog(log.output, prefix) };
}

function git(cwd: string, args: string[]): { ok: true; output: string } | { ok: false; error: string } {
  const result = spawnSync('git', ['-c', 'log.showRoot=true', '-c', 'core.quotePath=false', ...args], {
    cwd,
    encoding: 'utf8',
    maxBuffer: 1024 * 1024 * 1024,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  if (result.error) return { ok: false, error: result.error.message };
  if (result.status !== 0) return { ok: false, error: result.stderr.trim() || `git exited with ${result.status}` };
  return { ok: true, output: result.stdout };
}

const HEADER = new RegExp(`^${RECORD}([0-9a-f]{40,64})${FIELD}([^${FIELD}]*)${FIELD}([\\s\\S]*)$`);

/**
 * Parses `git log -z --name-status` output written with this module's format.
 * Walking newest to oldest, a rename makes the file's older path an alias of
 * its newer one, so earlier commits are listed under today's name.
 *
 * @param prefix the content folder inside the repository, for repository paths.
 */
export function parseGitLog(output: string, prefix = ''): Map<string, FileChange[]> {
  const files = new Map<string, FileChange[]>();
  // Older path → the path that file has today; set when a rename is passed going back in time.
  const laterName = new Map<string, string>();
  const today = (path: string) => laterName.get(path) ?? path;
  const add = (path: string, change: FileChange) => {
    const list = files.get(path);
    if (list) list.push(change);
    else files.set(path, [change]);
  };

  const tokens = output.split('\0');
  let commit: Commit | undefined;
  let position = 0;
  for (let i = 0; i < tokens.length; i++) {
    // The first status of a commit follows its header on a new line.
    const token = tokens[i].replace(/^\n/, '');
    if (token === '') continue;
    if (token[0] === RECORD) {
      const match = HEADER.exec(token);
      commit = match ? { hash: match[1], date: match[2], subject: match[3], position: position++ } : undefined;
      continue;
    }
    if (!commit) continue;
    const status = token[0];
    if (status === 'R' || status === 'C') {
      const from = tokens[++i];
      const to = tokens[++i];
      if (from === undefined || to === undefined) break;
      const owner = today(to);
      add(owner, { commit, repositoryPath: prefix + to, change: 'renamed' });
      laterName.delete(to);
      if (status === 'R') laterName.set(from, owner);
      continue;
    }
    const path = tokens[++i];
    if (path === undefined) break;
    const owner = today(path);
    add(owner, { commit, repositoryPath: prefix + path, change: status === 'A' ? 'added' : status === 'D' ? 'deleted' : 'modified' });
    // Before it was added, this path belonged to no file we know of today.
    if (status === 'A') laterName.delete(path);
  }
  return files;
}
