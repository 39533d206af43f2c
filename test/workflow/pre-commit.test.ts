/**
 * The optional pre-commit hook, run by git itself in a real repository holding
 * a copy of the example content: it stops a commit that would add an error
 * anywhere in the content (in the files it changes or in those they break),
 * checks what is staged rather than what is on disk, lets errors that were
 * already there through, needs no terminal, and stays out of the way of
 * commits that touch no content.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ROOT, temporaryFolder } from '../helpers/fixtures.ts';
import { isolatedGitEnv } from '../history/git-repo.ts';

const HOOKS = join(ROOT, 'scripts/hooks');
const STRUCTURE = 'content/partnerships/chorley-partnership/structures/pre-2006.yaml';
const repositories: string[] = [];
afterEach(() => {
  for (const dir of repositories.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A repository with the example content committed and the hook installed as `npm run hooks:install` does. */
function repository() {
  const dir = temporaryFolder('register-hook-');
  repositories.push(dir);
  const env = isolatedGitEnv();
  delete env.CONTENT_DIR;
  const git = (...args: string[]) => {
    // No terminal, as from an editor's Source Control panel: stdin closed, no TERM.
    const result = spawnSync('git', args, { cwd: dir, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    return { status: result.status, output: `${result.stdout}${result.stderr}` };
  };
  git('init', '--quiet', '--initial-branch=main');
  cpSync(join(ROOT, 'content'), join(dir, 'content'), { recursive: true });
  git('add', '--all');
  git('commit', '--quiet', '--message', 'Example content');
  git('config', 'core.hooksPath', HOOKS);
  const edit = (path: string, change: (text: string) => string) => writeFileSync(join(dir, path), change(readFileSync(join(dir, path), 'utf8')));
  return { dir, git, edit };
}

describe('the pre-commit hook', () => {
  it('is turned on by npm run hooks:install, which says so and how to turn it off', () => {
    const scripts = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).scripts as Record<string, string>;
    expect(scripts['hooks:install']).toBe('node scripts/launch.cjs scripts/hooks-install.ts');
    const repo = repository();
    repo.git('config', '--unset', 'core.hooksPath');
    const install = spawnSync(process.execPath, [join(ROOT, 'scripts/launch.cjs'), join(ROOT, 'scripts/hooks-install.ts')], { cwd: repo.dir, encoding: 'utf8' });
    expect(install.status).toBe(0);
    expect(install.stdout).toMatch(/^The pre-commit hook is on/);
    expect(install.stdout).toContain('git config --unset core.hooksPath');
    expect(repo.git('config', 'core.hooksPath').output.trim()).toBe('scripts/hooks');
  });

  it('stops a commit whose staged content has an error, printing the checker\'s message', () => {
    const repo = repository();
    repo.edit(STRUCTURE, (text) => text.replace(/^title:/m, 'titel:'));
    repo.git('add', STRUCTURE);
    const commit = repo.git('commit', '--message', 'Typo');
    expect(commit.status).not.toBe(0);
    expect(commit.output).toContain(`${STRUCTURE}:1:1  error  unknown-key  \`titel\` is not a key this register knows; did you mean \`title\`, which is required and missing? Rename it to \`title\``);
    // The way round the check is in the guide, for when it is really needed; not offered on every failure.
    expect(commit.output).not.toContain('--no-verify');
    expect(commit.output).toContain('the commit was stopped, because it would add the errors above');
    expect(repo.git('log', '--oneline').output.trim().split('\n')).toHaveLength(1);
  });

  it('lets a clean change through', () => {
    const repo = repository();
    repo.edit(STRUCTURE, (text) => text.replace(/^status: (\w+)$/m, 'status: $1\nfrom: 1996'));
    repo.git('add', STRUCTURE);
    expect(repo.git('commit', '--quiet', '--message', 'From 1996').status).toBe(0);
  });

  it('checks what is staged, not unstaged edits on disk', () => {
    const repo = repository();
    repo.edit(STRUCTURE, (text) => text.replace(/^status: (\w+)$/m, 'status: $1\nfrom: 17/01/1996'));
    repo.git('add', STRUCTURE);
    repo.edit(STRUCTURE, (text) => text.replace('from: 17/01/1996', 'from: 1996-01-17'));
    const bad = repo.git('commit', '--message', 'Staged date is wrong');
    expect(bad.status).not.toBe(0);
    expect(bad.output).toContain('invalid-date');

    repo.git('add', STRUCTURE);
    repo.edit(STRUCTURE, (text) => text.replace(/^title:/m, 'titel:'));
    expect(repo.git('commit', '--quiet', '--message', 'Staged date is right').status).toBe(0);
  });

  it('stops a commit that breaks a reference in a file it does not change, as renaming a decision does', () => {
    const repo = repository();
    const from = 'content/partnerships/chorley-partnership/decisions/2006-03-09-a-way-forward.md';
    const structures = readFileSync(join(repo.dir, 'content/partnerships/chorley-partnership/structures/2006-proposed.yaml'), 'utf8');
    expect(structures).toContain('decided_by: 2006-03-09-a-way-forward');
    repo.git('mv', from, from.replace('a-way-forward', 'way-forward'));
    const commit = repo.git('commit', '--message', 'Shorter name');
    expect(commit.status).not.toBe(0);
    expect(commit.output).toMatch(/structures\/2006-proposed\.yaml:\d+:\d+ {2}error {2}unknown-reference {2}`decided_by` is "2006-03-09-a-way-forward"/);
    expect(repo.git('log', '--oneline').output.trim().split('\n')).toHaveLength(1);
  });

  it('does not stop a commit for errors that were there before it, but says they are there', () => {
    const repo = repository();
    repo.edit(STRUCTURE, (text) => text.replace(/^title:/m, 'titel:'));
    expect(repo.git('commit', '--quiet', '--no-verify', '--all', '--message', 'Broken by someone else').status).toBe(0);
    const decision = 'content/partnerships/chorley-partnership/decisions/2006-03-09-a-way-forward.md';
    repo.edit(decision, (text) => `${text}\nOne more line.\n`);
    repo.git('add', decision);
    const commit = repo.git('commit', '--message', 'My change');
    expect(commit.status).toBe(0);
    expect(commit.output).toContain('pre-commit: 1 error was already in the content before this commit; it does not stop it (run npm run check to see it).');
  });

  it('stays silent for a commit that touches no content', () => {
    const repo = repository();
    writeFileSync(join(repo.dir, 'notes.txt'), 'not content\n');
    repo.git('add', 'notes.txt');
    const commit = repo.git('commit', '--quiet', '--message', 'Notes');
    expect(commit).toEqual({ status: 0, output: '' });
  });
});
