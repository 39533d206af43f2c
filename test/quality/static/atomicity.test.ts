/**
 * A build that fails publishes nothing: the previous output stays byte for
 * byte as it was, and no half-built folder is left beside it. Failures come
 * from invalid content (stopped by the checker) and from an error thrown while
 * pages are being written (a page that throws, in a copy of the project, since
 * the project itself has no such page).
 */
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { basename, dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOrThrow, FIXTURE_SITE_CONTENT, hashTree, listFiles, ROOT, runBuild, VALID_CONTENT, workFolder } from './helpers/build-site.ts';

const work = workFolder('atomicity');
const out = join(work, 'site');
let previous: Record<string, string>;

beforeAll(() => {
  buildOrThrow({ content: FIXTURE_SITE_CONTENT, out, cwd: work });
  previous = hashTree(out);
}, 120_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Folders a build leaves beside its output when it does not clean up: `<out>.building-<pid>`, `<out>.previous-<pid>`. */
function leftovers(output: string): string[] {
  return readdirSync(dirname(output)).filter((name) => name.startsWith(`${basename(output)}.`));
}

/** A copy of the valid fixture with one unknown key, which the checker refuses. */
function invalidContent(): string {
  const dir = join(work, 'invalid-content');
  cpSync(VALID_CONTENT, dir, { recursive: true });
  writeFileSync(join(dir, 'site.yaml'), 'title: Register\npublisher: Team\nbase_url: https://partnerships.example.org\ntitel: typo\n');
  return dir;
}

/**
 * A copy of the project with one extra page that throws while it is rendered.
 * Its name sorts after the real pages, so others have been written to the
 * staging folder when it fails.
 */
function projectWithAThrowingPage(): string {
  const project = join(work, 'project');
  // docs/ too: the guide page publishes docs/authoring.md.
  for (const path of ['src', 'scripts', 'public', 'docs', 'astro.config.mjs', 'package.json', 'tsconfig.json']) {
    cpSync(join(ROOT, path), join(project, path), { recursive: true });
  }
  symlinkSync(join(ROOT, 'node_modules'), join(project, 'node_modules'));
  // Before throwing, the page counts the pages already written, so the test can show the failure came
  // part-way through writing the site. scripts/build.ts has Astro write them to `<out>.building-<pid>`,
  // or, as here, where that is outside the project, to `<project>/.cache/build-<pid>`.
  writeFileSync(
    join(project, 'src/pages/zz-throws-while-rendering.astro'),
    [
      '---',
      "import { existsSync, readdirSync } from 'node:fs';",
      "const out = process.argv[process.argv.indexOf('--out') + 1];",
      `const folder = [\`\${out}.building-\${process.pid}\`, \`${join(project, '.cache')}/build-\${process.pid}\`].find((f) => existsSync(f));`,
      "const written = readdirSync(folder, { recursive: true }).filter((f) => String(f).endsWith('.html')).length;",
      'throw new Error(`Deliberate failure while rendering, for the atomicity test, after ${written} pages were written`);',
      '---',
      '<p>never</p>',
      '',
    ].join('\n'),
  );
  return project;
}

describe('a build that fails', () => {
  it('stops on invalid content with the checker’s positioned message, and leaves the previous output exactly as it was', () => {
    const run = runBuild({ content: invalidContent(), out, cwd: work });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/site\.yaml:4:1 {2}error {2}unknown-key {2}`titel` is not a key .*did you mean `title`/);
    expect(run.stderr).toContain('is unchanged');
    expect(hashTree(out)).toEqual(previous);
    expect(leftovers(out)).toEqual([]);
  });

  it('stops when a page throws while being rendered, says which error, and leaves the previous output exactly as it was', () => {
    const run = runBuild({ content: FIXTURE_SITE_CONTENT, out, cwd: work, project: projectWithAThrowingPage() });
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('Writing pages…');
    const written = /Deliberate failure while rendering, for the atomicity test, after (\d+) pages were written/.exec(run.stderr);
    expect(written, run.stderr).not.toBeNull();
    expect(Number(written?.[1])).toBeGreaterThan(0);
    expect(run.stderr).toContain('is unchanged');
    expect(hashTree(out)).toEqual(previous);
    expect(leftovers(out)).toEqual([]);
  }, 120_000);

  it('creates no output folder when there was none before', () => {
    const fresh = join(work, 'never-built', 'site');
    mkdirSync(dirname(fresh));
    const run = runBuild({ content: invalidContent(), out: fresh, cwd: work });
    expect(run.status).toBe(1);
    expect(existsSync(fresh)).toBe(false);
    expect(leftovers(fresh)).toEqual([]);
  });
});

describe.each([
  { signal: 'SIGINT' as const, how: 'Ctrl-C', code: 130 },
  { signal: 'SIGTERM' as const, how: 'SIGTERM, as CI and process managers send', code: 143 },
])('a build interrupted while it writes pages ($how)', ({ signal, code }) => {
  let interrupted: { signalled: boolean; code: number | null; stderr: string; leftovers: string[] };

  beforeAll(async () => {
    const child = spawn(process.execPath, [join(ROOT, 'scripts/build.ts'), '--out', out, '--no-diagrams'], {
      cwd: work,
      env: { ...process.env, CONTENT_DIR: FIXTURE_SITE_CONTENT, CI: 'false', NO_COLOR: '1' },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<number | null>((done) => child.on('exit', (exitCode) => done(exitCode)));
    const staging = join(dirname(out), `${basename(out)}.building-${child.pid}`);
    let signalled = false;
    // Interrupt as soon as the staging folder holds a page: part-way through writing the site.
    for (let waited = 0; waited < 60_000 && child.exitCode === null; waited += 25) {
      if (existsSync(staging) && listFiles(staging).some((file) => file.endsWith('.html'))) {
        signalled = child.kill(signal);
        break;
      }
      await sleep(25);
    }
    const exitCode = await exited;
    interrupted = { signalled, code: exitCode, stderr, leftovers: leftovers(out) };
  }, 90_000);

  it(`exits ${code}, saying the previous output is unchanged`, (context) => {
    context.skip(!interrupted.signalled, 'The build finished before it could be interrupted.');
    expect(interrupted.code, interrupted.stderr).toBe(code);
    expect(interrupted.stderr).toContain(`Build interrupted (${signal}). The previous site/ is unchanged.`);
  });

  it('leaves the previous output exactly as it was', (context) => {
    context.skip(!interrupted.signalled, 'The build finished before it could be interrupted.');
    expect(hashTree(out)).toEqual(previous);
  });

  it('leaves no half-built folder behind', (context) => {
    context.skip(!interrupted.signalled, 'The build finished before it could be interrupted.');
    expect(interrupted.leftovers).toEqual([]);
  });
});

describe('a build after one that was killed outright (kill -9, a power cut)', () => {
  it('removes the half-built folder the dead build left, and keeps one a running build is still writing', async () => {
    const output = join(work, 'after-a-kill', 'site');
    mkdirSync(dirname(output));
    // A process that has ended: its pid names the folder of a build that died.
    const ended = spawn(process.execPath, ['-e', '']);
    await new Promise((done) => ended.on('exit', done));
    const dead = `${output}.building-${ended.pid}`;
    const running = `${output}.building-${process.pid}`;
    for (const folder of [dead, running]) {
      mkdirSync(folder);
      writeFileSync(join(folder, 'index.html'), '<p>half-built</p>');
    }
    // Invalid content: the build stops at the checker, so only the clean-up at its start has run.
    const run = runBuild({ content: invalidContent(), out: output, cwd: work });
    expect(run.status).toBe(1);
    expect(existsSync(dead)).toBe(false);
    expect(existsSync(running)).toBe(true);
  });
});
