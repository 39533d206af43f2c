/**
 * The checker as CI, hooks and officers run it: `node scripts/check.ts` in a
 * child process, with CONTENT_DIR pointing at a fixture folder.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { check, copyValid, materialise, ROOT, VALID } from './helpers/fixtures.ts';

const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});
const keep = (dir: string) => {
  made.push(dir);
  return dir;
};

/** Runs the checker as `npm run check` does, from the repository's root. */
function runCheck(contentDir: string, args: string[] = []) {
  const result = spawnSync(process.execPath, ['scripts/check.ts', ...args], {
    cwd: ROOT,
    env: { ...process.env, CONTENT_DIR: contentDir, REGISTER_TODAY: '2026-11-26', NO_COLOR: '1' },
    encoding: 'utf8',
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/**
 * A copy of the valid folder with problems in four files: 4 errors and 2
 * warnings (the broken parent also makes the town's chapter not a child's).
 */
function folderWithErrorsInSeveralFiles(): string {
  const dir = keep(copyValid());
  const edit = (path: string, from: string, to: string) => {
    const text = readFileSync(join(dir, path), 'utf8');
    expect(text).toContain(from);
    writeFileSync(join(dir, path), text.replace(from, to));
  };
  edit('partnerships/town-lsp/partnership.md', 'parent: county-partnership', 'parent: nowhere');
  edit('partnerships/county-partnership/structures/2010-current.yaml', 'decided_by: 2010-03-01-new-structure', 'decided_by: nothing');
  edit('partnerships/county-partnership/structures/2010-current.yaml', '    size: 12\n', '    size: 14\n');
  edit('partnerships/county-partnership/structures/2010-current.yaml', 'to: town-lsp,', 'to: nobody,');
  edit('site.yaml', 'review_every_months: 12\n', 'review_every_months: 12\ncolour: blue\n');
  return dir;
}

describe('exit codes', () => {
  it('exits 0 on the valid folder', () => {
    const { status, stdout } = runCheck(VALID);
    expect(status).toBe(0);
    expect(stdout).toBe('18 files checked: 0 errors, 0 warnings\n');
  });

  it('exits 1 when there is an error', () => {
    expect(runCheck(keep(materialise('unknown-reference-parent'))).status).toBe(1);
  });

  it('exits 0 on warnings only', () => {
    const { status, stdout } = runCheck(keep(materialise('size-mismatch-exact')));
    expect(stdout).toContain('0 errors, 1 warning');
    expect(status).toBe(0);
  });

  it('exits 1 on warnings only with --strict', () => {
    expect(runCheck(keep(materialise('size-mismatch-exact')), ['--strict']).status).toBe(1);
  });

  it('exits 0 with --strict when there is nothing to report', () => {
    expect(runCheck(VALID, ['--strict']).status).toBe(0);
  });

  it('exits 1 and says so when the content folder does not exist', () => {
    const { status, stdout } = runCheck(join(ROOT, 'test/fixtures/no-such-folder'));
    expect(status).toBe(1);
    expect(stdout).toContain('missing-content');
  });

  it('refuses an unknown option with a usage line and exit 2', () => {
    const { status, stdout, stderr } = runCheck(VALID, ['--strcit']);
    expect(status).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/Unknown option --strcit\. Usage: npm run check/);
  });
});

describe('--json', () => {
  const keys = ['code', 'column', 'file', 'line', 'message', 'severity'];
  /** Facts a rule may add after the contract's keys (additive: the contract's keys never change). */
  const facts = ['actual', 'expected', 'fix', 'subject'];

  it('prints only a JSON array of every problem, with file, line, column, severity, code and message', () => {
    const dir = folderWithErrorsInSeveralFiles();
    const { status, stdout } = runCheck(dir, ['--json']);
    expect(status).toBe(1);
    const parsed = JSON.parse(stdout) as Record<string, unknown>[];
    expect(Array.isArray(parsed)).toBe(true);
    expect(parsed.length).toBe(6);
    for (const d of parsed) {
      expect(Object.keys(d).slice(0, keys.length).sort()).toEqual(keys);
      for (const key of Object.keys(d).slice(keys.length)) expect(facts).toContain(key);
      expect(d.file).toMatch(/^[^/].*\.(yaml|md)$/);
      expect(Number.isInteger(d.line) && (d.line as number) >= 1).toBe(true);
      expect(Number.isInteger(d.column) && (d.column as number) >= 1).toBe(true);
      expect(['error', 'warning']).toContain(d.severity);
      expect(d.code).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(typeof d.message).toBe('string');
    }
    // The same problems as the checker finds in-process, file relative to the content folder.
    expect(parsed).toEqual(check(dir));
  });

  it('carries a rule\'s figures as data: the Chorley board\'s stated 25 and listed 22', () => {
    const { stdout } = runCheck(join(ROOT, 'content'), ['--json']);
    const board = (JSON.parse(stdout) as Record<string, unknown>[]).find((d) => d.code === 'size-mismatch' && d.subject === 'board-of-directors');
    expect(board).toMatchObject({ file: 'partnerships/chorley-partnership/structures/pre-2006.yaml', expected: 25, actual: 22, severity: 'warning' });
    expect(board?.fix).toMatch(/leave them as they are/);
  });

  it('prints an empty array for a clean folder', () => {
    const { status, stdout } = runCheck(VALID, ['--json']);
    expect(status).toBe(0);
    expect(JSON.parse(stdout)).toEqual([]);
  });

  it('keeps npm\'s banner off stdout through `npm run --silent check -- --json`', () => {
    const dir = keep(materialise('size-mismatch-exact'));
    const result = spawnSync('npm', ['run', '--silent', 'check', '--', '--json'], {
      cwd: ROOT,
      env: { ...process.env, CONTENT_DIR: dir, REGISTER_TODAY: '2026-11-26' },
      encoding: 'utf8',
    });
    expect(result.status).toBe(0);
    const parsed = JSON.parse(result.stdout) as { code: string }[];
    expect(parsed.map((d) => d.code)).toEqual(['size-mismatch']);
  });
});

describe('the human format', () => {
  const LINE = /^(.+):(\d+):(\d+) {2}(error|warning) {2}([a-z0-9]+(?:-[a-z0-9]+)*) {2}(\S.*)$/;

  it('prints `path:LINE:COL  severity  code  message` lines grouped by file, sorted, then a summary', () => {
    const dir = folderWithErrorsInSeveralFiles();
    const { stdout } = runCheck(dir);
    const lines = stdout.trimEnd().split('\n');
    expect(lines.at(-1)).toBe('18 files checked: 4 errors, 2 warnings');
    expect(lines.at(-2)).toBe('');

    const rows = lines.slice(0, -2);
    const problems = rows.filter((l) => l !== '').map((l) => {
      const match = LINE.exec(l);
      expect(match, l).not.toBeNull();
      const [, path, line, column, severity, code] = match as RegExpExecArray;
      return { path, line: Number(line), column: Number(column), severity, code };
    });
    expect(problems).toHaveLength(6);

    // Grouped: a blank line between files, and each file's lines together.
    const groups = rows.join('\n').split('\n\n').map((group) => group.split('\n').map((l) => (LINE.exec(l) as RegExpExecArray)[1]));
    for (const group of groups) expect(new Set(group).size).toBe(1);
    expect(new Set(groups.map((g) => g[0])).size).toBe(groups.length);
    expect(groups).toHaveLength(4);

    // Sorted by file, then line.
    const sorted = [...problems].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : a.line - b.line || a.column - b.column));
    expect(problems).toEqual(sorted);

    // The path is clickable: relative to where the command runs, it names the file.
    for (const p of problems) expect(existsSync(join(ROOT, p.path)), p.path).toBe(true);
    const shown = relative(ROOT, dir);
    expect(problems.map((p) => p.path)).toContain(`${shown}/partnerships/county-partnership/structures/2010-current.yaml`);
  });

  it('prints the same positions as --json', () => {
    const dir = folderWithErrorsInSeveralFiles();
    const human = runCheck(dir).stdout.split('\n').filter((l) => LINE.test(l));
    const json = JSON.parse(runCheck(dir, ['--json']).stdout) as { file: string; line: number; column: number; code: string }[];
    const shown = relative(ROOT, dir);
    expect(human.map((l) => l.split('  ').slice(0, 3).join('  '))).toEqual(
      json.map((d) => `${shown}/${d.file}:${d.line}:${d.column}  ${(d as { severity?: string }).severity}  ${d.code}`),
    );
  });

  it('prints only the summary line for a clean folder', () => {
    expect(runCheck(VALID).stdout).toBe('18 files checked: 0 errors, 0 warnings\n');
  });
});

/** Every file and folder under a folder, with its modification time and a hash of its bytes. */
function snapshot(dir: string): Record<string, string> {
  const result: Record<string, string> = {};
  const walk = (path: string) => {
    for (const entry of readdirSync(path, { withFileTypes: true })) {
      const full = join(path, entry.name);
      const stat = statSync(full);
      if (entry.isDirectory()) {
        result[`${relative(dir, full)}/`] = String(stat.mtimeMs);
        walk(full);
      } else {
        result[relative(dir, full)] = `${stat.mtimeMs} ${createHash('sha256').update(readFileSync(full)).digest('hex')}`;
      }
    }
  };
  walk(dir);
  return result;
}

describe('the content folder', () => {
  it('is never written to, in either format, with or without errors', () => {
    for (const dir of [VALID, folderWithErrorsInSeveralFiles(), keep(materialise('duplicate-key')), keep(materialise('frontmatter-language'))]) {
      const before = snapshot(dir);
      runCheck(dir);
      runCheck(dir, ['--json']);
      runCheck(dir, ['--strict']);
      expect(snapshot(dir)).toEqual(before);
    }
  });

  it('never runs code in `---js` frontmatter', () => {
    const marker = '/tmp/pwned';
    rmSync(marker, { force: true });
    const { stdout } = runCheck(keep(materialise('frontmatter-language')));
    expect(stdout).toContain('frontmatter-language');
    expect(existsSync(marker)).toBe(false);
  });
});
