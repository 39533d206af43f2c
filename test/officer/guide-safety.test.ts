/**
 * The authoring guide's "Check, undo and publish safely": it says how to see
 * what changed, how to undo, what the public sees of a commit and why not to
 * skip the pre-commit hook; and its git commands do what it says, run as
 * written in a repository of content.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { GUIDE, guideCodeBlocks } from '../workflow/guide.ts';
import { temporaryFolder } from '../helpers/fixtures.ts';

const guide = readFileSync(GUIDE, 'utf8');
const start = guide.indexOf('\n## Check, undo and publish safely\n');
const section = guide.slice(start, guide.indexOf('\n## ', start + 1));
const commands = guideCodeBlocks(section).filter((block) => block.lang === 'sh').flatMap((block) => block.value.split('\n'));

const folders: string[] = [];
afterAll(() => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

/** A repository holding one committed content file, as an officer's clone does. */
function repository(file: string): { dir: string; git: (...args: string[]) => string } {
  const dir = temporaryFolder('officer-guide-git-');
  folders.push(dir);
  const git = (...args: string[]) =>
    execFileSync('git', args, { cwd: dir, encoding: 'utf8', env: { ...process.env, GIT_AUTHOR_NAME: 'Officer', GIT_AUTHOR_EMAIL: 'officer@example.org', GIT_COMMITTER_NAME: 'Officer', GIT_COMMITTER_EMAIL: 'officer@example.org' } });
  git('init', '--quiet');
  mkdirSync(dirname(join(dir, file)), { recursive: true });
  writeFileSync(join(dir, file), 'title: As published\n');
  git('add', '.');
  git('commit', '--quiet', '-m', 'First version');
  return { dir, git };
}

/** The words of a command line from the guide (it quotes nothing). */
const words = (line: string) => line.trim().split(/\s+/);

describe('the authoring guide’s "Check, undo and publish safely"', () => {
  it('says how to see what changed, how to undo, what the public sees of a commit, and why not --no-verify', () => {
    expect(start).toBeGreaterThan(-1);
    for (const heading of ['### See what changed before you commit', '### Undo a change', '### What the public sees of a commit', '### Why not `--no-verify`']) expect(section).toContain(heading);
    expect(section).toMatch(/history: the date of every commit that changed its file, and the\s+commit's message, word for word/);
    expect(section).toContain('The bypass exists for emergencies');
  });

  it('undoes an edit not yet committed with its git restore command, as written', () => {
    const restore = commands.find((line) => line.startsWith('git restore '));
    expect(restore).toBeDefined();
    const file = words(restore!).at(-1)!;
    const { dir, git } = repository(file);
    writeFileSync(join(dir, file), 'title: A mistake\n');
    expect(git(...words('git status').slice(1), '--short')).toContain(file);
    expect(git(...words('git diff').slice(1))).toContain('+title: A mistake');
    git(...words(restore!).slice(1));
    expect(readFileSync(join(dir, file), 'utf8')).toBe('title: As published\n');
  });

  it('undoes a commit with a new commit, keeping the history, with its git revert command', () => {
    const revert = commands.find((line) => line.startsWith('git revert '));
    expect(revert).toBeDefined();
    const file = 'content/partnerships/vale-lsp/partnership.md';
    const { dir, git } = repository(file);
    writeFileSync(join(dir, file), 'title: A mistake\n');
    git('commit', '--quiet', '-am', 'A mistake');
    const hash = git('rev-parse', '--short', 'HEAD').trim();
    git(...words(revert!).slice(1, -1), '--no-edit', hash);
    expect(readFileSync(join(dir, file), 'utf8')).toBe('title: As published\n');
    expect(git('log', '--format=%s').trim().split('\n')).toEqual(['Revert "A mistake"', 'A mistake', 'First version']);
  });
});
