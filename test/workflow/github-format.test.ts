/**
 * `npm run check -- --format github`: each problem as a GitHub Actions
 * workflow command, `::error file=…,line=…,col=…,title=…::message`, so it is
 * shown on its line in a pull request's diff.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/content/diagnostics.ts';
import { ROOT, TODAY, temporaryFolder } from '../helpers/fixtures.ts';

const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

/**
 * A repository whose content folder's name holds the characters GitHub reads
 * specially in a property (`,` and `:`), with problems whose messages hold the
 * ones it reads specially in a message (`%`, and a line break in a key).
 */
function repositoryWithProblems(): { root: string; folder: string } {
  const root = temporaryFolder('register-github-');
  made.push(root);
  const folder = 'content, draft: 2012';
  cpSync(join(ROOT, 'content'), join(root, folder), { recursive: true });
  const decisions = join(root, folder, 'partnerships/lancaster-district-lsp/decisions');
  mkdirSync(decisions, { recursive: true });
  writeFileSync(join(decisions, '2012-01-17-remaining-grant.md'), [
    '---',
    'title: Allocation of the remaining Performance Reward Grant',
    'date: 17/01/2012',
    'decison_maker: Cabinet, Lancaster City Council',
    'kind: funding',
    'status: approved',
    'public: true',
    '"share%\\nof grant": 50%',
    '---',
    '',
  ].join('\n'));
  return { root, folder };
}

function check(cwd: string, folder: string, ...args: string[]) {
  const result = spawnSync(process.execPath, [join(ROOT, 'scripts/check.ts'), ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, CONTENT_DIR: join(cwd, folder), REGISTER_TODAY: TODAY },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** GitHub's workflow command syntax: `::command key=value,key=value::data`, one per line. */
const COMMAND = /^::(error|warning) ((?:[a-z]+=[^,:\r\n]*)(?:,[a-z]+=[^,:\r\n]*)*)::(.*)$/;

/** Undoes GitHub's escaping (%25, %0D, %0A, and in properties %3A and %2C). */
function unescape(text: string): string {
  return text.replace(/%(25|0D|0A|3A|2C)/g, (_, code: string) => ({ '25': '%', '0D': '\r', '0A': '\n', '3A': ':', '2C': ',' })[code] ?? '');
}

describe('npm run check -- --format github', () => {
  const { root, folder } = repositoryWithProblems();
  const github = check(root, folder, '--format', 'github');
  const json = JSON.parse(check(root, folder, '--json').stdout) as Diagnostic[];
  const lines = github.stdout.trimEnd().split('\n');

  it('prints one workflow command per problem, then the summary line, and exits 1 on errors', () => {
    expect(github.status).toBe(1);
    expect(lines).toHaveLength(json.length + 1);
    expect(lines.at(-1)).toMatch(/^\d+ files checked: \d+ errors?, \d+ warnings?$/);
    for (const line of lines.slice(0, -1)) expect(line).toMatch(COMMAND);
  });

  it('gives each problem its file (from the repository top), line, column, code and message', () => {
    const decoded = lines.slice(0, -1).map((line) => {
      const [, severity, properties, data] = COMMAND.exec(line) ?? [];
      const props = Object.fromEntries(properties.split(',').map((p) => [p.slice(0, p.indexOf('=')), unescape(p.slice(p.indexOf('=') + 1))]));
      return { severity, file: props.file, line: Number(props.line), column: Number(props.col), code: props.title, message: unescape(data) };
    });
    expect(decoded).toEqual(json.map((d) => ({ severity: d.severity, file: `${folder}/${d.file}`, line: d.line, column: d.column, code: d.code, message: d.message })));
  });

  it('escapes %, line breaks, commas and colons as GitHub requires', () => {
    const typo = lines.find((line) => line.includes('title=unknown-key') && line.includes('share'));
    expect(typo).toBeDefined();
    expect(typo).toContain('file=content%2C draft%3A 2012/partnerships/lancaster-district-lsp/decisions/2012-01-17-remaining-grant.md,');
    expect(typo).toContain('share%25%0Aof grant');
    expect(typo).not.toMatch(/[\r\n]/);
  });

  it('marks warnings as warnings, so they annotate without failing the check', () => {
    expect(lines.filter((line) => line.startsWith('::warning ')).length).toBe(json.filter((d) => d.severity === 'warning').length);
    expect(lines.some((line) => line.startsWith('::warning file=content%2C draft%3A 2012/partnerships/chorley-partnership/'))).toBe(true);
  });

  it('exits 0 when there are only warnings, as the human format does', () => {
    const clean = temporaryFolder('register-github-');
    made.push(clean);
    cpSync(join(ROOT, 'content'), join(clean, 'content'), { recursive: true });
    const result = check(clean, 'content', '--format=github');
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^::warning file=content\/partnerships\//);
  });

  it('refuses an unknown format, and --json with --format, with the usage', () => {
    expect(check(root, folder, '--format', 'xml')).toMatchObject({ status: 2, stderr: expect.stringContaining('Unknown format "xml"') });
    expect(check(root, folder, '--json', '--format', 'github')).toMatchObject({ status: 2, stderr: expect.stringContaining('Usage: npm run check') });
  });

  it('never writes to the content folder', () => {
    const path = join(root, folder, 'partnerships/lancaster-district-lsp/decisions/2012-01-17-remaining-grant.md');
    const before = readFileSync(path, 'utf8');
    check(root, folder, '--format', 'github');
    expect(readFileSync(path, 'utf8')).toBe(before);
  });
});
