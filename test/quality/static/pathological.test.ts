/**
 * Hostile and huge inputs: each is a copy of the checker's valid fixture with
 * one file replaced, run through `node scripts/check.ts` as officers and CI
 * run it. Each must finish within a stated time, exit with the code the
 * contract gives it (1 for an error, 0 for valid content that is merely big),
 * and, when it is refused, say where and why in one plain-English line.
 *
 * Bounds, measured on this 2-core machine (Node 24, wall time of one checker
 * process, Node's start-up included): every healthy case took 0.18-0.39 s
 * alone, and 0.41-1.26 s with two site builds running beside it. CHECK_BOUND
 * is 4 s: ~3x the worst loaded figure, and below the 5.3 s and 10.9 s that
 * the reporting-line walk took on 10,000 bodies while it was quadratic (a line
 * and a loop; since it is linear, 0.47 s and 1.22 s medians at load average 6).
 * The 300-body builds took, drawing their three diagrams with a cold cache:
 * 7.4 s for the wide structure (3.3 s without a browser) and 5.8-11.2 s for the
 * line 300 deep (load average 3-5); BUILD_BOUND is 25 s.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Parser, StaticConfigLoader } from 'html-validate';
import { BROWSER, ROOT, runBuild, VALID_CONTENT, workFolder, type BuildRun } from './helpers/build-site.ts';
import { validateSite } from './helpers/html-validity.ts';
import { checkLinks } from './helpers/links.ts';

/** Seconds a checker run on any one of these inputs may take. */
const CHECK_BOUND = 4;
/** Seconds the build of a site with a 300-body structure may take, diagrams included. */
const BUILD_BOUND = 25;
/** The longest line a diagnostic may print: enough for any real message, not a megabyte of echoed input. */
const LINE_BOUND = 1_000;

const work = workFolder('pathological');
afterAll(() => rmSync(work, { recursive: true, force: true }));

const STRUCTURE = 'partnerships/town-lsp/structures/2009-current.yaml';
const PARTNERSHIP = 'partnerships/town-lsp/partnership.md';
const FUNDING = 'partnerships/county-partnership/decisions/2011-11-08-grant-allocation.md';
const valid = (file: string) => readFileSync(join(VALID_CONTENT, file), 'utf8');

/** A copy of the valid fixture with one file replaced; returns its folder. */
function contentWith(name: string, file: string, text: string): string {
  const dir = join(work, name);
  cpSync(VALID_CONTENT, dir, { recursive: true });
  writeFileSync(join(dir, file), text);
  return dir;
}

/** The town's structure with these body lines, and nothing else that could fail. */
const structureWithBodies = (bodies: string[]) => `title: Current structure (2009)\nstatus: current\nfrom: 2009\nbodies:\n${bodies.join('\n')}\n`;

/** What one checker run printed, how it ended and how long it took. */
interface CheckRun {
  status: number | null;
  stdout: string;
  stderr: string;
  seconds: number;
  /** The problem lines: `file:LINE:COL  severity  code  message`. */
  problems: { file: string; line: number; column: number; severity: string; code: string; message: string; text: string }[];
}

function runCheck(contentDir: string): CheckRun {
  const started = performance.now();
  const result = spawnSync(process.execPath, [join(ROOT, 'scripts/check.ts')], {
    cwd: contentDir,
    env: { ...process.env, CONTENT_DIR: contentDir, NO_COLOR: '1' },
    encoding: 'utf8',
    // Well past the bound, so a slow run reports its time instead of being killed.
    timeout: 60_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  const seconds = (performance.now() - started) / 1000;
  const problems = [...result.stdout.matchAll(/^(.+?):(\d+):(\d+) {2}(error|warning) {2}(\S+) {2}(.*)$/gm)].map(([text, file, line, column, severity, code, message]) => ({
    file, line: Number(line), column: Number(column), severity, code, message, text,
  }));
  return { status: result.status, stdout: result.stdout, stderr: result.stderr, seconds, problems };
}

/** The character at a line and column (both from 1) of a text. */
const charAt = (text: string, line: number, column: number) => [...(text.split('\n')[line - 1] ?? '')][column - 1];

/** Bodies in one reporting line, each under the one before (10,000 by default): valid by the contract as it stands. */
const reportingLine = (length = 10_000) => structureWithBodies(Array.from({ length }, (_, i) => `  - { id: b${i}, name: Body ${i}, kind: other${i ? `, reports_to: b${i - 1}` : ''} }`));

/** One pathological input: the file it replaces, its text, and what the checker must say. */
interface Case {
  about: string;
  file: string;
  text: () => string;
  /** The exit code the contract gives this input. */
  status: 0 | 1;
  /**
   * For refused input: the code, and the character the reported line and column must point at
   * (none for a file refused unread, which is placed at 1:1).
   */
  refused?: { code: string; pointsAt?: string; says?: string };
}

const CASES: Case[] = [
  {
    about: 'a "billion laughs" alias bomb (ten levels of nine aliases each) is refused at its first alias',
    file: STRUCTURE,
    text: () => {
      const levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
      for (let i = 1; i < 10; i++) {
        const [name, previous] = [String.fromCharCode(97 + i), String.fromCharCode(96 + i)];
        levels.push(`${name}: &${name} [${Array(9).fill(`*${previous}`).join(',')}]`);
      }
      return `${levels.join('\n')}\n`;
    },
    status: 1,
    refused: { code: 'yaml-alias', pointsAt: '*' },
  },
  {
    about: 'a summary of one mebibyte makes a file over 1 MB, which is refused unread',
    file: PARTNERSHIP,
    text: () => valid(PARTNERSHIP).replace(/summary: >-\n.*\n.*\n/, `summary: ${'x'.repeat(1024 * 1024)}\n`),
    status: 1,
    refused: { code: 'file-too-large' },
  },
  {
    about: 'a summary of a million characters, just under the file limit, is refused with its length, not echoed',
    file: PARTNERSHIP,
    text: () => valid(PARTNERSHIP).replace(/summary: >-\n.*\n.*\n/, `summary: ${'Lorem ipsum '.repeat(85_000)}\n`),
    status: 1,
    refused: { code: 'summary-too-long', pointsAt: 'L' },
  },
  {
    about: 'a million-character value where a short word is expected is refused, quoting only its start',
    file: PARTNERSHIP,
    text: () => valid(PARTNERSHIP).replace('kind: district-lsp', `kind: ${'x'.repeat(1_000_000)}`),
    status: 1,
    refused: { code: 'invalid-value', pointsAt: 'x' },
  },
  {
    about: 'a partnership with 10,000 purposes is valid',
    file: PARTNERSHIP,
    text: () => valid(PARTNERSHIP).replace(/purpose: .*\n/, `purpose:\n${Array.from({ length: 10_000 }, (_, i) => `  - Purpose number ${i + 1}.`).join('\n')}\n`),
    status: 0,
  },
  {
    about: 'a funding table of 10,000 allocations that add up is valid',
    file: FUNDING,
    text: () => valid(FUNDING).replace(/ {2}allocations:[\s\S]*?remaining: .*\n/, `  allocations:\n${Array.from({ length: 10_000 }, (_, i) => `    - { item: Item ${i + 1}, revenue: 1 }`).join('\n')}\n`),
    status: 0,
  },
  {
    about: 'a structure of 10,000 bodies all reporting to one board is valid',
    file: STRUCTURE,
    text: () => structureWithBodies(Array.from({ length: 10_000 }, (_, i) => `  - { id: b${i}, name: Body ${i}, kind: other${i ? ', reports_to: b0' : ''} }`)),
    status: 0,
  },
  {
    about: 'a structure of 10,000 bodies in one reporting line, each under the one before, is valid',
    file: STRUCTURE,
    text: reportingLine,
    status: 0,
  },
  {
    about: 'a reporting loop through 10,000 bodies is refused in one readable line',
    file: STRUCTURE,
    text: () => structureWithBodies(Array.from({ length: 10_000 }, (_, i) => `  - { id: b${i}, name: Body ${i}, kind: other, reports_to: b${(i + 9_999) % 10_000} }`)),
    status: 1,
    // The loop's first ten bodies from the first in the file, then a count: a line an officer can read.
    refused: { code: 'reporting-cycle', pointsAt: 'b', says: 'go round in a circle: b0 → b9999 → b9998 → b9997 → b9996 → b9995 → b9994 → b9993 → b9992 → b9991 → … and 9990 more … → b0;' },
  },
  {
    about: 'mappings nested 200 deep are refused where the nesting passes the limit',
    file: STRUCTURE,
    text: () => `title: Deep\nstatus: current\nbodies:\n${Array.from({ length: 200 }, (_, i) => `${' '.repeat(2 * i + 2)}k${i}:`).join('\n')} x\n`,
    status: 1,
    refused: { code: 'too-deep', pointsAt: 'k' },
  },
  {
    about: 'lists nested 200 deep in brackets are refused where the nesting passes the limit',
    file: STRUCTURE,
    text: () => `title: Deep\nstatus: current\nbodies: ${'['.repeat(200)}${']'.repeat(200)}\n`,
    status: 1,
    refused: { code: 'too-deep', pointsAt: '[' },
  },
];

describe.each(CASES.map((c, i) => ({ ...c, folder: `case-${i}` })))('the checker, when $about', (input) => {
  let run: CheckRun;
  let text: string;
  beforeAll(() => {
    text = input.text();
    expect(text, 'the generator changed nothing: the valid fixture no longer has what it replaces').not.toBe(valid(input.file));
    run = runCheck(contentWith(input.folder, input.file, text));
  }, 90_000);

  it(`finishes within ${CHECK_BOUND} s`, async (context) => {
    await context.annotate(`took ${run.seconds.toFixed(2)} s`);
    expect(run.seconds).toBeLessThan(CHECK_BOUND);
  });

  it(`exits ${input.status}`, () => {
    expect(run.status, run.stdout + run.stderr).toBe(input.status);
  });

  it('prints only readable lines: no stack trace, no line of echoed input', () => {
    expect(run.stderr).toBe('');
    expect(run.stdout).not.toMatch(/^\s+at /m);
    const longest = Math.max(...run.stdout.split('\n').map((line) => line.length));
    expect(longest, 'the longest line printed').toBeLessThan(LINE_BOUND);
  });

  if (input.refused) it('names the problem at the place in the file where it is', () => {
    const { code, pointsAt, says } = input.refused!;
    const problem = run.problems.find((p) => p.code === code);
    expect(problem, run.stdout).toBeDefined();
    expect(problem!.file).toMatch(new RegExp(`${input.file.replaceAll('.', '\\.')}$`));
    expect(problem!.severity).toBe('error');
    if (pointsAt === undefined) expect([problem!.line, problem!.column]).toEqual([1, 1]);
    else expect(charAt(text, problem!.line, problem!.column), `the character at ${problem!.line}:${problem!.column}`).toBe(pointsAt);
    // Plain English: what is wrong; what was expected; how to fix it.
    expect(problem!.message.split('; ').length).toBeGreaterThanOrEqual(2);
    if (says !== undefined) expect(problem!.message).toContain(says);
  });
});

describe('a site whose current structure has 300 bodies', () => {
  const content = join(work, 'three-hundred');
  const out = join(work, 'three-hundred-site');
  const names: string[] = [];
  let build: BuildRun;

  beforeAll(() => {
    // A board, 23 theme groups under it, and 12 task groups under each: 1 + 23 + 276 = 300.
    const bodies = ['  - { id: board, name: Town LSP Board, kind: board }'];
    names.push('Town LSP Board');
    for (let g = 1; g <= 23; g++) {
      bodies.push(`  - { id: group-${g}, name: Theme group ${g}, kind: thematic-group, reports_to: board }`);
      names.push(`Theme group ${g}`);
      for (let t = 1; t <= 12; t++) {
        bodies.push(`  - { id: task-${g}-${t}, name: Task group ${g}.${t}, kind: task-group, reports_to: group-${g} }`);
        names.push(`Task group ${g}.${t}`);
      }
    }
    contentWith('three-hundred', STRUCTURE, structureWithBodies(bodies));
    const cwd = join(work, 'three-hundred-cwd');
    mkdirSync(cwd);
    build = runBuild({ content, out, cwd, diagrams: true, timeout: 120_000 });
  }, 150_000);

  it(`builds within ${BUILD_BOUND} s`, async (context) => {
    await context.annotate(`took ${build.seconds.toFixed(1)} s`);
    expect(build.status, build.stderr + build.stdout).toBe(0);
    expect(build.seconds).toBeLessThan(BUILD_BOUND);
  });

  it('lists all 300 bodies in the text alternative of the structure page, under the right parents', async () => {
    expect(names).toHaveLength(300);
    const html = readFileSync(join(out, 'partnerships/town-lsp/structures/2009-current/index.html'), 'utf8');
    const parser = new Parser(await new StaticConfigLoader({ extends: ['html-validate:recommended'] }).getConfigFor('page.html'));
    const outline = parser.parseHtml(html).querySelector('ul.app-outline');
    expect(outline).not.toBeNull();
    const listed = outline!.querySelectorAll('li > a').map((a) => a.textContent.trim());
    expect(listed).toEqual(names);
    const group = outline!.querySelectorAll('li').find((li) => li.querySelector('a')?.textContent.trim() === 'Theme group 7');
    expect(group?.querySelectorAll('li > a').map((a) => a.textContent.trim())).toEqual(Array.from({ length: 12 }, (_, t) => `Task group 7.${t + 1}`));
  });

  it('draws the diagram when a browser exists, and otherwise says it is not available', () => {
    const html = readFileSync(join(out, 'partnerships/town-lsp/structures/2009-current/index.html'), 'utf8');
    if (BROWSER) expect(html).toMatch(/<svg[^>]*role="img"/);
    else expect(html).toContain('Diagram not available in this build.');
  });

  it('still writes valid HTML whose every link and fragment resolves, on the pages that show the structure', async () => {
    const showsIt = (page: string) => page.startsWith('partnerships/town-lsp/');
    expect(await validateSite(out, showsIt)).toEqual([]);
    const { broken } = await checkLinks(out, 'https://partnerships.example.org');
    expect(broken.filter((line) => showsIt(line))).toEqual([]);
  }, 60_000);
});

/** A page's text alternative (its outermost `app-outline` list, whole) and how many lists deep it nests. */
function outlineIn(html: string): { html: string; depth: number } {
  const start = html.indexOf('<ul class="app-outline">');
  expect(start, 'the page has no text alternative').toBeGreaterThan(-1);
  let depth = 0;
  let deepest = 0;
  for (const tag of html.slice(start).matchAll(/<\/?ul\b/g)) {
    depth += tag[0] === '<ul' ? 1 : -1;
    deepest = Math.max(deepest, depth);
    if (depth === 0) return { html: html.slice(start, start + tag.index + '</ul>'.length), depth: deepest };
  }
  throw new Error('the text alternative\'s list is never closed');
}

describe('a site whose current structure is one reporting line 300 bodies deep', () => {
  const content = join(work, 'three-hundred-deep');
  const out = join(work, 'three-hundred-deep-site');
  let build: BuildRun;

  beforeAll(() => {
    contentWith('three-hundred-deep', STRUCTURE, reportingLine(300));
    const cwd = join(work, 'three-hundred-deep-cwd');
    mkdirSync(cwd);
    build = runBuild({ content, out, cwd, diagrams: true, timeout: 120_000 });
  }, 150_000);

  it(`builds within ${BUILD_BOUND} s`, async (context) => {
    await context.annotate(`took ${build.seconds.toFixed(1)} s`);
    expect(build.status, build.stderr.slice(-2_000) + build.stdout).toBe(0);
    expect(build.seconds).toBeLessThan(BUILD_BOUND);
  });

  it('lists all 300 bodies in reading order, in lists nested no more than 8 deep, each below them saying whom it reports to', async () => {
    const page = readFileSync(join(out, 'partnerships/town-lsp/structures/2009-current/index.html'), 'utf8');
    const outline = outlineIn(page);
    expect(outline.depth).toBe(8);
    const parser = new Parser(await new StaticConfigLoader({ extends: ['html-validate:recommended'] }).getConfigFor('page.html'));
    const items = parser.parseHtml(outline.html).querySelectorAll('li').map((li) => ({
      name: li.querySelector('a')?.textContent.trim(),
      detail: li.querySelector('.app-outline__detail')?.textContent.trim(),
    }));
    // Bodies 0 to 7 head the eight nested lists, each under the one it reports to; the eighth list goes on flat.
    // Body 0's file gives it no reports_to: its line is not recorded, so it is not said to be the top.
    const detail = (i: number) => (i === 0 ? 'Other, reporting line not recorded' : i < 8 ? 'Other' : `Other, reports to Body ${i - 1}`);
    expect(items).toEqual(Array.from({ length: 300 }, (_, i) => ({ name: `Body ${i}`, detail: detail(i) })));
  });

  it('still writes valid HTML on the pages that show the structure', async () => {
    expect(await validateSite(out, (page) => page.startsWith('partnerships/town-lsp/'))).toEqual([]);
  }, 60_000);
});

describe('content the checker passes', () => {
  it('builds, even with a reporting line 10,000 bodies deep (or the checker refuses it with a clear message)', () => {
    const content = contentWith('deep-line', STRUCTURE, reportingLine());
    const checked = runCheck(content);
    const cwd = join(work, 'deep-line-cwd');
    mkdirSync(cwd);
    const build = runBuild({ content, out: join(work, 'deep-line-site'), cwd, timeout: 120_000 });
    // The build runs the checker first, so refused content stops it with the same message; accepted content must publish.
    expect(build.status, build.stderr.split('\n').filter((line) => !/^\s+at /.test(line)).join('\n').slice(-2_000)).toBe(checked.status);
    expect(build.stderr).not.toMatch(/RangeError|Maximum call stack/);
  }, 150_000);
});
