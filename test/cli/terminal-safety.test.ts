/**
 * Officers' text reaches terminals and CI logs: a body's name or a file's name
 * holding a line break followed by `::error …` must never become a line of its
 * own, which GitHub Actions would run as a workflow command (and `::add-mask::`
 * would hide words from the rest of the log). Every format of `npm run check`
 * (text, JSON, GitHub's and GitLab's) and `npm run build` print such text
 * escaped, one problem a line.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/content/diagnostics.ts';
import { materialise, ROOT, TODAY } from '../helpers/fixtures.ts';

/** The forged annotation of the issue, as a body's name. */
const FORGED_NAME = 'Board\n::error file=src/x.ts,line=1::Forged\n::add-mask::Board';
/** GitHub's legacy command form (read anywhere in a line), a terminal's clear-screen and its bell. */
const LEGACY_NAME = 'Executive ##[error]Legacy \u001b[2J\u0007';
/** A decision whose file name breaks the line and forges an annotation. */
const FORGED_FILE = '2010-04-01-x\n::error title=Forged::file.md';

const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

/** The size-mismatch fixture, its two bodies renamed with forged text: two warnings, no error. */
function contentWithForgedNames(): string {
  const dir = materialise('size-mismatch-exact');
  made.push(dir);
  const path = join(dir, 'partnerships/county-partnership/structures/2010-current.yaml');
  const text = readFileSync(path, 'utf8')
    .replace('name: Partnership Board', `name: ${JSON.stringify(FORGED_NAME)}`)
    .replace('name: Partnership Executive', `name: ${JSON.stringify(LEGACY_NAME)}`)
    .replace('size: { approx: 10 }', 'size: { approx: 20 }');
  writeFileSync(path, text);
  return dir;
}

/** The valid fixture with one more decision, whose file name holds a line break. */
function contentWithForgedFileName(): string {
  const dir = materialise('size-mismatch-exact');
  made.push(dir);
  const decisions = join(dir, 'partnerships/county-partnership/decisions');
  mkdirSync(decisions, { recursive: true });
  writeFileSync(join(decisions, FORGED_FILE), '---\ntitle: Forged\ndate: 2010-04-01\n---\n');
  return dir;
}

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

function run(script: string, content: string, args: string[], cwd = ROOT): Run {
  const result = spawnSync(process.execPath, [join(ROOT, script), ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, CONTENT_DIR: content, REGISTER_TODAY: TODAY, NO_COLOR: '1', CI: 'false' },
    timeout: 240_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A working folder for a build, inside the project (git-ignored .cache/), where Astro finds its packages. */
function buildFolder(): string {
  mkdirSync(join(ROOT, '.cache'), { recursive: true });
  const dir = mkdtempSync(join(ROOT, '.cache', 'cli-forged-build-'));
  made.push(dir);
  return dir;
}

/** Every line printed, stdout's then stderr's. */
const lines = (output: Run) => [...output.stdout.split('\n'), ...output.stderr.split('\n')];

/** The runner reads `::command` at the start of a line after its leading spaces, and `##[command]` anywhere in one. */
const looksLikeCommand = (line: string) => line.trimStart().startsWith('::') || line.includes('##[');

/** Control characters other than the line break that ends each line (and a tab, which nothing here prints). */
const RAW_CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029]/;

/** Asserts what every output must hold: no forged command on any line, no raw control character. */
function expectNoForgedLines(output: Run, allowed: (line: string) => boolean = () => false): void {
  const forged = lines(output).filter((line) => looksLikeCommand(line) && !allowed(line));
  expect(forged).toEqual([]);
  expect(`${output.stdout}${output.stderr}`).not.toMatch(RAW_CONTROL);
}

/** A real annotation of --format github: the command at the start, one line, with GitHub's own escapes. */
const realAnnotation = (line: string) => /^::(warning|error) file=[^\n]*::[^\n]*$/.test(line) && !line.includes('##[');

describe('a body name that forges GitHub Actions commands', () => {
  const content = contentWithForgedNames();

  it('is printed on one line, escaped, by npm run check', () => {
    const output = run('scripts/check.ts', content, []);
    expect(output.status).toBe(0);
    expectNoForgedLines(output);
    expect(output.stdout).toContain('size-mismatch  Board\\n::error file=src/x.ts,line=1::Forged\\n::add-mask::Board: the stated size is 14');
    expect(output.stdout).toContain('Executive #\\u0023[error]Legacy \\u001b[2J\\u0007');
    expect(output.stdout).toMatch(/0 errors, 2 warnings\n$/);
  });

  it('stays the very same text in the JSON, which escapes it as JSON does', () => {
    const output = run('scripts/check.ts', content, ['--json']);
    expectNoForgedLines(output);
    const messages = (JSON.parse(output.stdout) as Diagnostic[]).map((d) => d.message);
    expect(messages.some((m) => m.startsWith(`${FORGED_NAME}: the stated size is 14`))).toBe(true);
    expect(messages.some((m) => m.startsWith(LEGACY_NAME))).toBe(true);
  });

  it('becomes two real annotations and nothing else with --format github, the line breaks as GitHub\'s %0A', () => {
    const output = run('scripts/check.ts', content, ['--format', 'github']);
    expectNoForgedLines(output, realAnnotation);
    const annotations = lines(output).filter(realAnnotation);
    expect(annotations).toHaveLength(2);
    expect(annotations[0]).toContain('::Board%0A::error file=src/x.ts,line=1::Forged%0A::add-mask::Board: the stated size');
    expect(annotations[1]).toContain('Executive #\\u0023[error]Legacy \\u001b[2J\\u0007');
  });

  it('is shown escaped, on one line, in GitLab\'s code-quality report, which stays valid JSON', () => {
    const output = run('scripts/check.ts', content, ['--format', 'gitlab']);
    expectNoForgedLines(output);
    const descriptions = (JSON.parse(output.stdout) as { description: string }[]).map((issue) => issue.description);
    expect(descriptions.some((d) => d.startsWith('Board\\n::error file=src/x.ts,line=1::Forged\\n::add-mask::Board: the stated size is 14'))).toBe(true);
    expect(descriptions.some((d) => d.startsWith('Executive #\\u0023[error]Legacy \\u001b[2J\\u0007'))).toBe(true);
  });

  it('is printed on one line, escaped, by npm run build, which goes on to build the site', () => {
    const work = buildFolder();
    const output = run('scripts/build.ts', content, ['--out', join(work, 'site')], work);
    expect(output.status, output.stderr).toBe(0);
    expectNoForgedLines(output);
    expect(output.stderr).toContain('Board\\n::error file=src/x.ts,line=1::Forged\\n::add-mask::Board: the stated size is 14');
  }, 240_000);
});

describe('a file name that forges a GitHub Actions command', () => {
  const content = contentWithForgedFileName();
  const escapedFile = '2010-04-01-x\\n::error title=Forged::file.md';

  it('is printed on one line, escaped, by npm run check', () => {
    const output = run('scripts/check.ts', content, []);
    expectNoForgedLines(output);
    expect(output.stdout).toContain(`partnerships/county-partnership/decisions/${escapedFile}:`);
  });

  it('stays the file\'s real name in the JSON', () => {
    const output = run('scripts/check.ts', content, ['--json']);
    expectNoForgedLines(output);
    expect((JSON.parse(output.stdout) as Diagnostic[]).some((d) => d.file === `partnerships/county-partnership/decisions/${FORGED_FILE}`)).toBe(true);
  });

  it('is an escaped part of one annotation with --format github', () => {
    const output = run('scripts/check.ts', content, ['--format=github']);
    expectNoForgedLines(output, realAnnotation);
    expect(lines(output).filter((line) => line.includes('2010-04-01-x')).every(realAnnotation)).toBe(true);
    expect(output.stdout).toContain('2010-04-01-x%0A%3A%3Aerror title=Forged%3A%3Afile.md');
  });

  it('keeps the file\'s real name as its path in GitLab\'s report, on no line of its own', () => {
    const output = run('scripts/check.ts', content, ['--format', 'gitlab']);
    expectNoForgedLines(output);
    expect((JSON.parse(output.stdout) as { location: { path: string } }[]).some((issue) => issue.location.path.endsWith(`/decisions/${FORGED_FILE}`))).toBe(true);
  });

  it('is printed on one line, escaped, when npm run build stops on it', () => {
    const work = buildFolder();
    const output = run('scripts/build.ts', content, ['--out', join(work, 'site'), '--no-diagrams'], work);
    expectNoForgedLines(output);
    expect(output.stderr).toContain(escapedFile);
  }, 240_000);
});
