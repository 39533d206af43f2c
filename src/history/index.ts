/**
 * Page history from git: git is the record officers publish through.
 * `loadHistory()` reads the log once per build; `historyFor(files)` answers
 * for any page from that one reading.
 */
import { contentDirectory } from '../model/index.ts';
import { readGitHistory, UNAVAILABLE_HINTS, type Commit, type FileChange, type HistoryIndex, type UnavailableReason } from './git-log.ts';

export { parseGitLog, readGitHistory, UNAVAILABLE_HINTS, type Commit, type FileChange, type HistoryIndex, type UnavailableReason } from './git-log.ts';
export { commitUrl, fileDiffUrl } from './repository-links.ts';

/** One commit in a page's history, with every file of the page it changed. */
export interface PageCommit extends Commit {
  /** The page's files this commit changed, as they were named at that commit. */
  changes: { file: string; repositoryPath: string; change: FileChange['change'] }[];
}

/** A page's history: its commits newest first, or why the build cannot say. */
export type PageHistory =
  | {
      available: true;
      /** Newest first. Empty when the files have never been committed. */
      commits: PageCommit[];
      /** The newest commit's date (ISO 8601), if there is one. */
      lastUpdated?: string;
    }
  | { available: false; reason: UnavailableReason };

/**
 * Gathers the history of one or more content files into one list: a
 * partnership page passes its partnership.md and its structure files. A
 * commit that changed several of them appears once.
 *
 * @param files paths relative to the content folder, as the model's `file` gives them.
 * @example
 * historyFor(['partnerships/chorley-partnership/partnership.md']).lastUpdated // '2026-11-26T23:41:19+00:00'
 */
export function historyFor(files: string | readonly string[], index: HistoryIndex = loadHistory()): PageHistory {
  if (!index.available) return { available: false, reason: index.reason };
  const byHash = new Map<string, PageCommit>();
  for (const file of typeof files === 'string' ? [files] : files) {
    for (const { commit, repositoryPath, change } of index.files.get(file) ?? []) {
      let entry = byHash.get(commit.hash);
      if (!entry) {
        entry = { ...commit, changes: [] };
        byHash.set(commit.hash, entry);
      }
      entry.changes.push({ file, repositoryPath, change });
    }
  }
  const commits = [...byHash.values()].sort(newestFirst);
  return { available: true, commits, lastUpdated: commits[0]?.date };
}

/**
 * The date a set of files last changed (ISO 8601), or undefined when history
 * is unavailable or they were never committed: for feeds and the sitemap.
 */
export function lastModified(files: string | readonly string[], index: HistoryIndex = loadHistory()): string | undefined {
  const history = historyFor(files, index);
  return history.available ? history.lastUpdated : undefined;
}

/** git's own order: newest first. */
function newestFirst(a: Commit, b: Commit): number {
  return a.position - b.position;
}

let cached: HistoryIndex | undefined;

/**
 * The content folder's history, read once per process and shared by every
 * page. When there is none, says why once, so whoever runs the build can
 * fix it (pages say "history not available in this build" meanwhile).
 */
export function loadHistory(): HistoryIndex {
  if (!cached) {
    cached = readGitHistory(contentDirectory());
    if (!cached.available) {
      console.warn(`Page history not available: ${UNAVAILABLE_HINTS[cached.reason]}.${cached.detail ? ` git said: ${cached.detail}` : ''}`);
    }
  }
  return cached;
}
