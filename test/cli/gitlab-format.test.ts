/**
 * `npm run check -- --format gitlab`: GitLab's code-quality report, a JSON
 * array GitLab reads from `artifacts: reports: codequality` and shows in the
 * merge request. Validated against GitLab's own schema for it
 * (test/cli/fixtures/gitlab-codeclimate.schema.json, see the README there).
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { afterAll, describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/content/diagnostics.ts';
import type { CodeQualityIssue } from '../../src/content/report.ts';
import { ROOT, TODAY, temporaryFolder, VALID } from '../helpers/fixtures.ts';

const schema = JSON.parse(readFileSync(join(import.meta.dirname, 'fixtures/gitlab-codeclimate.schema.json'), 'utf8')) as object;
const validate = new Ajv({ allErrors: true, strict: false }).compile({ type: 'array', items: schema });
/** The severities GitLab's documentation lists for a custom tool's report. */
const GITLAB_SEVERITIES = ['info', 'minor', 'major', 'critical', 'blocker'];

const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

/** A repository holding the example content, a decision with three errors, and the warnings the example has. */
function repositoryWithProblems(): string {
  const root = temporaryFolder('register-gitlab-');
  made.push(root);
  cpSync(join(ROOT, 'content'), join(root, 'content'), { recursive: true });
  const decisions = join(root, 'content/partnerships/lancaster-district-lsp/decisions');
  mkdirSync(decisions, { recursive: true });
  writeFileSync(join(decisions, '2012-01-17-remaining-grant.md'), [
    '---',
    'title: Allocation of the remaining Performance Reward Grant',
    'date: 17/01/2012',
    'decison_maker: Cabinet, Lancaster City Council',
    'colour: blue',
    'colour: red',
    '---',
    '',
  ].join('\n'));
  return root;
}

function check(root: string, ...args: string[]) {
  const result = spawnSync(process.execPath, [join(ROOT, 'scripts/check.ts'), ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, CONTENT_DIR: join(root, 'content'), REGISTER_TODAY: TODAY },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('npm run check -- --format gitlab', () => {
  const root = repositoryWithProblems();
  const gitlab = check(root, '--format', 'gitlab');
  const issues = JSON.parse(gitlab.stdout) as CodeQualityIssue[];
  const json = JSON.parse(check(root, '--json').stdout) as Diagnostic[];

  it('prints only a code-quality report that GitLab\'s own schema accepts, and exits 1 on errors', () => {
    expect(gitlab.stderr).toBe('');
    expect(gitlab.status).toBe(1);
    expect(validate(issues), JSON.stringify(validate.errors)).toBe(true);
    for (const issue of issues) {
      expect(GITLAB_SEVERITIES).toContain(issue.severity);
      expect(issue.check_name).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    }
  });

  it('gives each problem its file from the repository\'s root, its line, its code and its message, errors as major', () => {
    expect(issues.map((issue) => ({ path: issue.location.path, line: issue.location.lines.begin, code: issue.check_name, message: issue.description, severity: issue.severity })))
      .toEqual(json.map((d) => ({ path: `content/${d.file}`, line: d.line, code: d.code, message: d.message, severity: d.severity === 'error' ? 'major' : 'minor' })));
    expect(issues.filter((issue) => issue.severity === 'major').length).toBeGreaterThanOrEqual(3);
    expect(issues.some((issue) => issue.severity === 'minor')).toBe(true);
  });

  it('gives each problem a fingerprint of its own, the same on every run', () => {
    const fingerprints = issues.map((issue) => issue.fingerprint);
    expect(new Set(fingerprints).size).toBe(issues.length);
    for (const fingerprint of fingerprints) expect(fingerprint).toMatch(/^[0-9a-f]{32}$/);
    expect((JSON.parse(check(root, '--format=gitlab').stdout) as CodeQualityIssue[]).map((issue) => issue.fingerprint)).toEqual(fingerprints);
  });

  it('keeps a problem\'s fingerprint when lines above it move, so GitLab does not report it as fixed and new', () => {
    const moved = temporaryFolder('register-gitlab-moved-');
    made.push(moved);
    cpSync(root, moved, { recursive: true });
    const path = join(moved, 'content/partnerships/lancaster-district-lsp/decisions/2012-01-17-remaining-grant.md');
    writeFileSync(path, readFileSync(path, 'utf8').replace('---\n', '---\n# A note added at the top\n'));
    const after = JSON.parse(check(moved, '--format', 'gitlab').stdout) as CodeQualityIssue[];
    const inDecision = (list: CodeQualityIssue[]) => list.filter((issue) => issue.location.path.endsWith('remaining-grant.md'));
    expect(inDecision(after).map((issue) => issue.location.lines.begin)).toEqual(inDecision(issues).map((issue) => issue.location.lines.begin + 1));
    expect(inDecision(after).map((issue) => issue.fingerprint)).toEqual(inDecision(issues).map((issue) => issue.fingerprint));
  });

  it('prints an empty array when there is nothing to report', () => {
    const cleanRoot = temporaryFolder('register-gitlab-clean-');
    made.push(cleanRoot);
    cpSync(VALID, join(cleanRoot, 'content'), { recursive: true });
    const clean = check(cleanRoot, '--format', 'gitlab');
    expect(clean.status).toBe(0);
    expect(clean.stdout).toBe('[]\n');
  });
});
