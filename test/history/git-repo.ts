/**
 * Real git repositories in temporary folders, for testing history against
 * git itself rather than against a mock of it.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/** A temporary repository; `remove()` deletes it. */
export interface TempRepo {
  dir: string;
  /** Writes files (paths from the repository's top level) and commits them with the given date and message. */
  commit(files: Record<string, string>, message: string, date: string): string;
  /** Runs git in the repository. */
  git(...args: string[]): string;
  remove(): void;
}

/**
 * An environment for running git in tests: the machine's and the user's git
 * configuration are ignored, and commits are made by a fixed officer.
 */
export function isolatedGitEnv(): NodeJS.ProcessEnv {
  return {
    ...process.env,
    GIT_CONFIG_GLOBAL: '/dev/null',
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_AUTHOR_NAME: 'Officer',
    GIT_AUTHOR_EMAIL: 'officer@example.org',
    GIT_COMMITTER_NAME: 'Officer',
    GIT_COMMITTER_EMAIL: 'officer@example.org',
  };
}

/** A fresh repository, isolated from the user's git configuration. */
export function tempRepo(): TempRepo {
  const dir = mkdtempSync(join(tmpdir(), 'register-history-'));
  const env = isolatedGitEnv();
  const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, env, encoding: 'utf8' }).trim();
  git('init', '--quiet', '--initial-branch=main');
  return {
    dir,
    git,
    commit(files, message, date) {
      for (const [path, text] of Object.entries(files)) {
        mkdirSync(dirname(join(dir, path)), { recursive: true });
        writeFileSync(join(dir, path), text);
      }
      git('add', '--all');
      execFileSync('git', ['commit', '--quiet', '-m', message], { cwd: dir, env: { ...env, GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date } });
      return git('rev-parse', 'HEAD');
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** A shallow clone (`git clone --depth 1 file://…`) of a repository, in a new temporary folder. */
export function shallowClone(source: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'register-shallow-'));
  execFileSync('git', ['clone', '--quiet', '--depth', '1', `file://${source}`, join(dir, 'clone')], { env: { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1' } });
  return join(dir, 'clone');
}
