import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commitUrl, fileDiffUrl, historyFor, lastModified, parseGitLog, readGitHistory, type HistoryIndex } from '../../src/history/index.ts';
import { shallowClone, tempRepo, type TempRepo } from './git-repo.ts';

const DECISION = 'partnerships/lancaster-district-lsp/decisions/2011-11-08-prg-allocation.md';
const PARTNERSHIP = 'partnerships/lancaster-district-lsp/partnership.md';
const STRUCTURE = 'partnerships/lancaster-district-lsp/structures/2011-proposed.yaml';

describe('page history from a repository with several commits to one decision', () => {
  let repo: TempRepo;
  let index: HistoryIndex;
  const hashes: string[] = [];

  beforeAll(() => {
    repo = tempRepo();
    hashes.push(repo.commit({ 'README.md': 'x', [`content/${PARTNERSHIP}`]: 'name: Lancaster' }, 'Add Lancaster District LSP', '2011-10-03T09:00:00+01:00'));
    hashes.push(repo.commit({ [`content/${DECISION}`]: 'v1' }, 'Add the PRG allocation report', '2011-10-20T10:15:00+01:00'));
    hashes.push(repo.commit({ 'README.md': 'y' }, 'Tidy the README', '2011-10-21T10:00:00+01:00'));
    hashes.push(repo.commit({ [`content/${DECISION}`]: 'v2', [`content/${STRUCTURE}`]: 'title: Proposed' }, 'Record the proposed structure', '2011-11-01T16:45:00+00:00'));
    hashes.push(repo.commit({ [`content/${DECISION}`]: 'v3' }, 'Cabinet approved the allocations on 8 November', '2011-11-09T08:30:00+00:00'));
    index = readGitHistory(join(repo.dir, 'content'));
  });
  afterAll(() => repo.remove());

  it('lists every commit that changed the decision file, newest first, with its date and message', () => {
    const history = historyFor(DECISION, index);
    expect(history.available).toBe(true);
    if (!history.available) return;
    expect(history.commits.map((c) => [c.date, c.subject])).toEqual([
      ['2011-11-09T08:30:00+00:00', 'Cabinet approved the allocations on 8 November'],
      ['2011-11-01T16:45:00+00:00', 'Record the proposed structure'],
      ['2011-10-20T10:15:00+01:00', 'Add the PRG allocation report'],
    ]);
    expect(history.commits.map((c) => c.hash)).toEqual([hashes[4], hashes[3], hashes[1]]);
  });

  it('gives the date of the last commit touching the file as "last updated"', () => {
    expect(lastModified(DECISION, index)).toBe('2011-11-09T08:30:00+00:00');
    expect(lastModified(PARTNERSHIP, index)).toBe('2011-10-03T09:00:00+01:00');
  });

  it('does not count commits that changed only files outside the content folder', () => {
    const history = historyFor(DECISION, index);
    expect(history.available && history.commits.some((c) => c.subject === 'Tidy the README')).toBe(false);
  });

  it('merges a partnership page with its structures, listing a commit that changed both once', () => {
    const history = historyFor([PARTNERSHIP, STRUCTURE], index);
    expect(history.available).toBe(true);
    if (!history.available) return;
    expect(history.commits.map((c) => c.subject)).toEqual(['Record the proposed structure', 'Add Lancaster District LSP']);
    expect(history.lastUpdated).toBe('2011-11-01T16:45:00+00:00');
  });

  it('names each file by its path in the repository, so diff links point at the right file', () => {
    const history = historyFor(DECISION, index);
    expect(history.available && history.commits[0].changes).toEqual([{ file: DECISION, repositoryPath: `content/${DECISION}`, change: 'modified' }]);
    expect(history.available && history.commits.at(-1)?.changes[0].change).toBe('added');
  });

  it('says nothing has been recorded for a file that was never committed', () => {
    expect(historyFor('partnerships/new/partnership.md', index)).toEqual({ available: true, commits: [], lastUpdated: undefined });
  });

  it('keeps a file’s history when the file is renamed, listing older commits under its new name', () => {
    const renamed = tempRepo();
    try {
      renamed.commit({ 'content/decisions/2011-11-07-prg.md': 'A report with enough text in it to be recognised as the same file after a rename.\n'.repeat(5) }, 'Add report', '2011-11-07T12:00:00Z');
      renamed.git('mv', 'content/decisions/2011-11-07-prg.md', 'content/decisions/2011-11-08-prg.md');
      renamed.commit({}, 'Fix the date in the file name', '2011-11-10T12:00:00Z');
      const history = historyFor('decisions/2011-11-08-prg.md', readGitHistory(join(renamed.dir, 'content')));
      expect(history.available && history.commits.map((c) => [c.subject, c.changes[0].repositoryPath])).toEqual([
        ['Fix the date in the file name', 'content/decisions/2011-11-08-prg.md'],
        ['Add report', 'content/decisions/2011-11-07-prg.md'],
      ]);
    } finally {
      renamed.remove();
    }
  });

  it('says history is unavailable in a shallow clone, rather than dating every file to its one commit', () => {
    const clone = shallowClone(repo.dir);
    try {
      const shallow = readGitHistory(join(clone, 'content'));
      expect(shallow).toEqual({ available: false, reason: 'shallow-clone' });
      expect(historyFor(DECISION, shallow)).toEqual({ available: false, reason: 'shallow-clone' });
      expect(lastModified(DECISION, shallow)).toBeUndefined();
    } finally {
      rmSync(join(clone, '..'), { recursive: true, force: true });
    }
  });

  it('works in a full clone, as CI makes with fetch-depth: 0', () => {
    const clone = mkdtempSync(join(tmpdir(), 'register-full-'));
    try {
      repo.git('clone', '--quiet', `file://${repo.dir}`, join(clone, 'c'));
      expect(lastModified(DECISION, readGitHistory(join(clone, 'c', 'content')))).toBe('2011-11-09T08:30:00+00:00');
    } finally {
      rmSync(clone, { recursive: true, force: true });
    }
  });
});

describe('history outside git', () => {
  it('says history is unavailable for a content folder that is not in a repository', () => {
    const dir = mkdtempSync(join(tmpdir(), 'register-nogit-'));
    try {
      mkdirSync(join(dir, 'content'));
      writeFileSync(join(dir, 'content', 'site.yaml'), 'title: x');
      expect(readGitHistory(join(dir, 'content'))).toEqual({ available: false, reason: 'not-a-repository' });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('reading git log output', () => {
  const hash = (n: number) => String(n).repeat(40);
  const header = (n: number, date: string, subject: string) => `\x1e${hash(n)}\x1f${date}\x1f${subject}`;

  it('reads file names with spaces, quotes and accents exactly, as -z gives them', () => {
    const output = [header(1, '2012-01-01T00:00:00Z', 'Odd names'), '\nA', 'a b/"quoted" é.md', 'M', 'plain.md', ''].join('\0');
    const files = parseGitLog(output, 'content/');
    expect([...files.keys()]).toEqual(['a b/"quoted" é.md', 'plain.md']);
    expect(files.get('a b/"quoted" é.md')?.[0].repositoryPath).toBe('content/a b/"quoted" é.md');
  });

  it('keeps a commit message with separators and symbols whole', () => {
    const output = [header(1, '2012-01-01T00:00:00Z', 'Fix £5,000 \x1f figure <b>'), '\nM', 'x.md', ''].join('\0');
    expect(parseGitLog(output).get('x.md')?.[0].commit.subject).toBe('Fix £5,000 \x1f figure <b>');
  });

  it('skips commits that touched no file, such as merges', () => {
    const output = [header(2, '2012-02-01T00:00:00Z', 'Merge branch'), header(1, '2012-01-01T00:00:00Z', 'Edit'), '\nM', 'x.md', ''].join('\0');
    expect(parseGitLog(output).get('x.md')?.map((c) => c.commit.subject)).toEqual(['Edit']);
  });
});

describe('links to the repository', () => {
  const hash = 'a'.repeat(40);

  it('links GitHub commits and anchors a file’s diff by the SHA-256 of its path', () => {
    expect(commitUrl('https://github.com/example/partnerships/', hash)).toBe(`https://github.com/example/partnerships/commit/${hash}`);
    // sha256('content/site.yaml')
    expect(fileDiffUrl('https://github.com/example/partnerships.git', hash, 'content/site.yaml')).toMatch(
      new RegExp(`^https://github\\.com/example/partnerships/commit/${hash}#diff-[0-9a-f]{64}$`),
    );
  });

  it('links GitLab commits in GitLab’s own form', () => {
    expect(commitUrl('https://gitlab.com/council/partnerships', hash)).toBe(`https://gitlab.com/council/partnerships/-/commit/${hash}`);
    expect(fileDiffUrl('https://gitlab.com/council/partnerships', hash, 'content/site.yaml')).toMatch(/\/-\/commit\/a+#[0-9a-f]{40}$/);
  });
});
