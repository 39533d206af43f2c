/**
 * A file with 10,000 problems (a register with 24 such files once crashed the
 * report with `RangeError: Invalid string length`): `npm run check` prints its
 * first 100 problems and one line for the rest, in every format, and still
 * counts every one of them. (Repeated keys, the case, are now reported
 * once per key; a structure of 10,000 bodies each of an unknown kind gives one
 * problem a body.)
 */
import { spawnSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/content/diagnostics.ts';
import { SHOWN_PER_FILE } from '../../src/content/report.ts';
import { copyValid, ROOT, TODAY } from '../helpers/fixtures.ts';

const PROBLEMS = 10_000;
const content = copyValid();
const FILE = 'partnerships/town-lsp/structures/2006-proposed.yaml';
const bodies = Array.from({ length: PROBLEMS }, (_, i) => `  - { id: b${i}, name: Body ${i}, kind: nonsense }\n`).join('');
writeFileSync(join(content, FILE), `title: Many bodies\nstatus: proposed\nbodies:\n${bodies}`);
afterAll(() => rmSync(content, { recursive: true, force: true }));

function check(...args: string[]) {
  const result = spawnSync(process.execPath, [join(ROOT, 'scripts/check.ts'), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, CONTENT_DIR: content, REGISTER_TODAY: TODAY, NO_COLOR: '1' },
    maxBuffer: 64 * 1024 * 1024,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('a file with 10,000 problems', () => {
  it('gets its first 100 lines, then one saying how many more are hidden, and the summary counts them all', () => {
    const { status, stdout, stderr } = check();
    expect(stderr).toBe('');
    expect(status).toBe(1);
    const lines = stdout.trimEnd().split('\n');
    expect(lines.filter((line) => line.includes('/2006-proposed.yaml:'))).toHaveLength(SHOWN_PER_FILE + 1);
    const hidden = lines.find((line) => line.includes('more-problems-hidden'));
    expect(hidden).toMatch(/2006-proposed\.yaml:\d+:\d+ {2}error {2}more-problems-hidden {2}and 9,900 more problems in this file, hidden: fix these first$/);
    expect(lines.at(-1)).toMatch(/^\d+ files checked: 10000 errors, \d+ warnings?$/);
  }, 60_000);

  it('gets its first 100 elements in the JSON array, then one that says how many more there are', () => {
    const { stdout } = check('--json');
    const parsed = JSON.parse(stdout) as (Diagnostic & { hidden?: number })[];
    const inFile = parsed.filter((d) => d.file === FILE);
    expect(inFile).toHaveLength(SHOWN_PER_FILE + 1);
    expect(inFile.at(-1)).toMatchObject({ file: FILE, severity: 'error', code: 'more-problems-hidden', hidden: PROBLEMS - SHOWN_PER_FILE });
  }, 60_000);

  it('gets 100 annotations and one for the rest with --format github', () => {
    const lines = check('--format', 'github').stdout.trimEnd().split('\n');
    const inFile = lines.filter((line) => line.includes('2006-proposed.yaml'));
    expect(inFile).toHaveLength(SHOWN_PER_FILE + 1);
    expect(inFile.at(-1)).toMatch(/title=more-problems-hidden::and 9,900 more problems in this file, hidden: fix these first$/);
  }, 60_000);
});
