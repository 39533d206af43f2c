/**
 * `npm run build -- --out DIR`: the build replaces its output folder as a
 * whole, so it must never be pointed at anything else. A folder that is the
 * content, holds the project or holds other files is refused before anything
 * is built, and left exactly as it was; a missing parent is created; leftovers
 * of builds killed outright are cleared up. Each stage prints one line, timed.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { copyValid, materialise, ROOT, TODAY, temporaryFolder } from '../helpers/fixtures.ts';

const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});
const keep = (dir: string) => {
  made.push(dir);
  return dir;
};

/** A pid no process has: above Linux's largest (4,194,304). */
const DEAD_PID = 4_194_999;

function build(content: string, out: string, { cwd = ROOT, args = ['--no-diagrams'] }: { cwd?: string; args?: string[] } = {}) {
  const result = spawnSync(process.execPath, [join(ROOT, 'scripts/build.ts'), '--out', out, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, CONTENT_DIR: content, REGISTER_TODAY: TODAY, NO_COLOR: '1', CI: 'false' },
    timeout: 240_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Every file under a folder with its text, to show that nothing in it changed. */
function snapshot(dir: string): Record<string, string> {
  return Object.fromEntries(
    readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => {
        const path = join(entry.parentPath, entry.name);
        return [relative(dir, path), readFileSync(path, 'utf8')];
      }),
  );
}

/** A folder that looks like a finished build: a home page and Pagefind's index. */
function fakeBuild(dir: string, home: string): void {
  mkdirSync(join(dir, 'pagefind'), { recursive: true });
  writeFileSync(join(dir, 'index.html'), home);
  writeFileSync(join(dir, 'pagefind', 'pagefind-entry.json'), '{}');
}

describe('an output folder that is not the build\'s to replace', () => {
  const content = keep(copyValid());
  const before = snapshot(content);

  /** Asserts a refusal: exit 2, one line naming the folder, nothing built, and the content as it was. */
  function expectRefused(result: ReturnType<typeof build>, reason: RegExp): void {
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(reason);
    expect(snapshot(content)).toEqual(before);
  }

  it('is refused when it is the content folder, inside it, or holds it', () => {
    expectRefused(build(content, content), /^--out \S+ is the content folder, or inside it, or holds it: .*Usage: npm run build/);
    expectRefused(build(content, join(content, 'partnerships')), /is the content folder, or inside it, or holds it/);
    // A folder of its own that holds a content folder: the system's temporary folder could hold the project too.
    const holder = keep(temporaryFolder('register-holder-'));
    const held = join(holder, 'content');
    cpSync(content, held, { recursive: true });
    expectRefused(build(held, holder), /is the content folder, or inside it, or holds it/);
  });

  it('is refused when it is the project\'s folder, as `--out .` from the project is', () => {
    expectRefused(build(content, '.'), /^--out \. is the project's folder or holds it/);
    expectRefused(build(content, ROOT), /is the project's folder or holds it/);
  });

  it('is refused, and every file in it kept, when it holds files that are not a site built before', () => {
    const other = keep(temporaryFolder('register-not-a-build-'));
    writeFileSync(join(other, 'minutes.docx'), 'the only copy');
    expectRefused(build(content, other), /holds files that are not a site built by this register/);
    expect(snapshot(other)).toEqual({ 'minutes.docx': 'the only copy' });
  });

  it('is refused when it is a file', () => {
    const folder = keep(temporaryFolder('register-file-out-'));
    writeFileSync(join(folder, 'site'), 'a file');
    expectRefused(build(content, join(folder, 'site')), /is a file, not a folder/);
    expect(readFileSync(join(folder, 'site'), 'utf8')).toBe('a file');
  });

  it('is refused when it holds the folder the build runs from', () => {
    const folder = keep(temporaryFolder('register-cwd-out-'));
    mkdirSync(join(folder, 'here'));
    expectRefused(build(content, '..', { cwd: join(folder, 'here') }), /is the folder you are in, or holds it/);
  });
});

describe('an output folder under folders that do not exist yet, outside the project', () => {
  const content = keep(copyValid());
  const scratch = keep(temporaryFolder('register-out-'));
  const out = join(scratch, 'not', 'yet', 'site');
  // Run from a folder outside the project too: Astro's server code must still find its packages.
  const first = build(content, out, { cwd: scratch });

  it('is created, parents and all, and the site built into it', () => {
    expect(first.status, first.stderr).toBe(0);
    expect(existsSync(join(out, 'index.html'))).toBe(true);
    expect(existsSync(join(out, 'pagefind', 'pagefind-entry.json'))).toBe(true);
  });

  it('gets one line for each stage, with its time', () => {
    const stages = first.stdout.split('\n').filter((line) => / \(\d+ ms\)$/.test(line));
    expect(stages.map((line) => line.slice(0, line.indexOf('…')).replace(/^Rendering \d+ diagrams$/, 'Rendering N diagrams'))).toEqual([
      `Checking ${relative(scratch, content)}`, 'Rendering N diagrams', 'Writing pages', 'Indexing search',
    ]);
  });

  it('is replaced by the next build, and leftovers of builds killed outright are removed', () => {
    const stale = `${out}.previous-${DEAD_PID}`;
    const halfBuilt = `${out}.building-${DEAD_PID}`;
    fakeBuild(stale, 'an old site');
    mkdirSync(halfBuilt);
    writeFileSync(join(scratch, 'not', 'yet', 'notes.txt'), 'not the build\'s');
    const again = build(content, out, { cwd: scratch });
    expect(again.status, again.stderr).toBe(0);
    expect(readdirSync(join(scratch, 'not', 'yet')).sort()).toEqual(['notes.txt', 'site']);
  });
});

describe('a build killed half-way through replacing the site', () => {
  it('has the previous site put back by the next build, even one that stops on an error', () => {
    const scratch = keep(temporaryFolder('register-swap-'));
    const out = join(scratch, 'site');
    fakeBuild(`${out}.previous-${DEAD_PID}`, 'the previous site');
    const result = build(keep(materialise('unknown-reference-parent')), out);
    expect(result.status).toBe(1);
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toBe('the previous site');
    expect(readdirSync(scratch)).toEqual(['site']);
  });
});

describe('a build that stops on a content error', () => {
  it('leaves no folder behind, not even the missing parents of its output folder', () => {
    const scratch = keep(temporaryFolder('register-stop-'));
    const result = build(keep(materialise('unknown-reference-parent')), join(scratch, 'new', 'site'));
    expect(result.status).toBe(1);
    expect(readdirSync(scratch)).toEqual([]);
  });
});
