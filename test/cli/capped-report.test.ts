/**
 * A file with 200,000 duplicate keys (the register had 24 of them, and
 * crashed the report with `RangeError: Invalid string length`): `npm run check`
 * prints its first 100 problems and one line for the rest, in every format,
 * and still counts every one of them.
 */
import { spawnSync } from 'node:child_process';
import { appendFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/content/diagnostics.ts';
import { SHOWN_PER_FILE } from '../../src/content/report.ts';
import { copyValid, ROOT, TODAY } from '../helpers/fixtures.ts';

const DUPLICATES = 200_000;
const content = copyValid();
// The valid site.yaml with `a: 1` written 200,000 times after it: one unknown key, then 199,999 duplicates.
appendFileSync(join(content, 'site.yaml'), 'a: 1\n'.repeat(DUPLICATES));
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

describe('a file with 200,000 problems', () => {
  it('gets its first 100 lines, then one saying how many more are hidden, and the summary counts them all', () => {
    const { status, stdout, stderr } = check();
    expect(stderr).toBe('');
    expect(status).toBe(1);
    const lines = stdout.trimEnd().split('\n');
    expect(lines.filter((line) => line.includes('/site.yaml:'))).toHaveLength(SHOWN_PER_FILE + 1);
    const hidden = lines.find((line) => line.includes('more-problems-hidden'));
    expect(hidden).toMatch(/site\.yaml:\d+:1 {2}error {2}more-problems-hidden {2}and 199,900 more problems in this file, hidden: fix these first$/);
    expect(lines.at(-1)).toMatch(/^\d+ files checked: 200000 errors, 0 warnings$/);
  }, 60_000);

  it('gets its first 100 elements in the JSON array, then one that says how many more there are', () => {
    const { stdout } = check('--json');
    const parsed = JSON.parse(stdout) as (Diagnostic & { hidden?: number })[];
    expect(parsed).toHaveLength(SHOWN_PER_FILE + 1);
    expect(parsed.at(-1)).toMatchObject({ file: 'site.yaml', severity: 'error', code: 'more-problems-hidden', hidden: DUPLICATES - SHOWN_PER_FILE });
  }, 60_000);

  it('gets 100 annotations and one for the rest with --format github', () => {
    const lines = check('--format', 'github').stdout.trimEnd().split('\n');
    expect(lines.filter((line) => line.startsWith('::error '))).toHaveLength(SHOWN_PER_FILE + 1);
    expect(lines.at(-2)).toMatch(/title=more-problems-hidden::and 199,900 more problems in this file, hidden: fix these first$/);
  }, 60_000);
});
