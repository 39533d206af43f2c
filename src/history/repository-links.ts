/**
 * Links from a page's history to the repository named in site.yaml
 * (`repository`). GitHub's commit pages are the default; GitLab, which
 * anchors files differently, is recognised by its host name.
 */
import { createHash } from 'node:crypto';

function base(repository: string): { root: string; gitlab: boolean } {
  const root = repository.replace(/\/+$/, '').replace(/\.git$/, '');
  return { root, gitlab: /(^|\.)gitlab\./i.test(new URL(root).hostname) };
}

/**
 * The web page of a commit.
 *
 * @example
 * commitUrl('https://github.com/example/partnerships', 'a1b2…') // 'https://github.com/example/partnerships/commit/a1b2…'
 */
export function commitUrl(repository: string, hash: string): string {
  const { root, gitlab } = base(repository);
  return `${root}${gitlab ? '/-' : ''}/commit/${hash}`;
}

/**
 * The commit page scrolled to one file's changes. GitHub anchors a file's
 * diff with the SHA-256 of its path, GitLab with the SHA-1.
 *
 * @param repositoryPath the file's path at that commit, from the repository's top level.
 */
export function fileDiffUrl(repository: string, hash: string, repositoryPath: string): string {
  const { gitlab } = base(repository);
  const digest = createHash(gitlab ? 'sha1' : 'sha256').update(repositoryPath).digest('hex');
  return `${commitUrl(repository, hash)}#${gitlab ? '' : 'diff-'}${digest}`;
}
