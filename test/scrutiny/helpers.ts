/** The scrutiny tests' own small register, and git histories made up for it. */
import { fileURLToPath } from 'node:url';
import type { Commit, FileChange, HistoryIndex } from '../../src/history/index.ts';
import { checkContent, type Model } from '../../src/model/index.ts';

/** The scrutiny fixture register (test/scrutiny/fixtures/content). */
export const SCRUTINY_CONTENT = fileURLToPath(new URL('fixtures/content', import.meta.url));

let model: Model | undefined;

/**
 * The fixture register's model, checked once per test file: a county strategy
 * and a district's chapter of it, decisions serving both (one directly and
 * through a priority, one per year, one rejected, one exempt, two without an
 * amount), boards with advisory seats and seats without a category, a stated
 * size that disagrees with the seats, and partnerships that cannot be compared.
 */
export function scrutinyModel(): Model {
  model ??= checkContent(SCRUTINY_CONTENT, { today: '2026-11-26' });
  return model;
}

/** A commit as a test writes it: newest first, like git's log. */
export interface MadeUpCommit {
  subject: string;
  /** ISO 8601 with offset, as git's `%cI` gives it. */
  date: string;
  /** Content files it changed, relative to the content folder. */
  files: string[];
}

/**
 * A history as `readGitHistory` would give it for these commits (newest
 * first), so the tests say exactly which commits touched which files.
 */
export function madeUpHistory(commits: readonly MadeUpCommit[]): HistoryIndex {
  const files = new Map<string, FileChange[]>();
  commits.forEach((made, position) => {
    const commit: Commit = { hash: position.toString(16).padStart(40, 'a'), date: made.date, subject: made.subject, position };
    for (const file of made.files) {
      const change: FileChange = { commit, repositoryPath: `content/${file}`, change: 'modified' };
      files.set(file, [...(files.get(file) ?? []), change]);
    }
  });
  return { available: true, prefix: 'content/', files };
}

/** A build without history: the content folder is not in git. */
export const NO_HISTORY: HistoryIndex = { available: false, reason: 'not-a-repository' };
