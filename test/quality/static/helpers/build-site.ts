/**
 * Building sites for the quality gates: every build goes through
 * scripts/build.ts in a child process, exactly as `npm run build` does, into a
 * working folder under the project's git-ignored .cache/, next to the diagram
 * cache each build uses (out-folder.test.ts builds outside the project).
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { findBrowser } from '../../../../src/diagrams/browser.ts';

/** The repository's root folder. */
export const ROOT = resolve(import.meta.dirname, '../../../..');
/** The example content, as published. */
export const EXAMPLE_CONTENT = join(ROOT, 'content');
/** The site tests' small register, which has a page of every kind the example may lack. */
export const FIXTURE_SITE_CONTENT = join(ROOT, 'test/site/fixtures/content');
/** The checker's complete, clean fixture, the base of every generated content folder. */
export const VALID_CONTENT = join(ROOT, 'test/fixtures/valid');

/** A browser that can draw diagrams, found as the build finds one; undefined when there is none. */
export const BROWSER = findBrowser();

/**
 * A new working folder under .cache/ (git-ignored), removed by the caller.
 * Builds run with it as their working directory, so each has its own cold
 * diagram cache (`<cwd>/.cache/diagrams`) unless a test shares one on purpose.
 */
export function workFolder(prefix: string): string {
  mkdirSync(join(ROOT, '.cache'), { recursive: true });
  return mkdtempSync(join(ROOT, '.cache', `quality-${prefix}-`));
}

/** What a build printed and how it ended. */
export interface BuildRun {
  /** The exit code; null when it was killed (by the timeout). */
  status: number | null;
  stdout: string;
  stderr: string;
  /** Wall-clock time, in seconds. */
  seconds: number;
}

/** How to run one build. */
export interface BuildOptions {
  /** The content folder (CONTENT_DIR). */
  content: string;
  /** The output folder (`--out`). */
  out: string;
  /** The working directory: decides which diagram cache is used. */
  cwd: string;
  /** Draw diagrams (true), or pass `--no-diagrams` (false, the default: faster, no browser). */
  diagrams?: boolean;
  /** The project whose scripts/build.ts runs; this repository by default. */
  project?: string;
  /** Milliseconds before the build is killed. */
  timeout?: number;
}

/** Runs `node scripts/build.ts --out <out>` and waits for it. */
export function runBuild({ content, out, cwd, diagrams = false, project = ROOT, timeout = 120_000 }: BuildOptions): BuildRun {
  const started = performance.now();
  const result = spawnSync(process.execPath, [join(project, 'scripts/build.ts'), '--out', out, ...(diagrams ? [] : ['--no-diagrams'])], {
    cwd,
    // CI=true would turn a missing browser into a failed build; these builds decide for themselves.
    env: { ...process.env, CONTENT_DIR: content, CI: 'false', NO_COLOR: '1' },
    encoding: 'utf8',
    timeout,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr, seconds: (performance.now() - started) / 1000 };
}

/** Runs a build that must succeed, and throws with everything it printed when it does not. */
export function buildOrThrow(options: BuildOptions): BuildRun {
  const run = runBuild(options);
  if (run.status !== 0) throw new Error(`The build of ${options.content} into ${options.out} failed (exit ${run.status}):\n${run.stderr}\n${run.stdout}`);
  return run;
}

/** Every file under a folder, as sorted paths relative to it with forward slashes. */
export function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).replaceAll('\\', '/'))
    .sort();
}

/** The SHA-256 of every file under a folder, keyed by its relative path: equal records mean byte-identical folders. */
export function hashTree(dir: string): Record<string, string> {
  const hashes: Record<string, string> = {};
  for (const file of listFiles(dir)) hashes[file] = createHash('sha256').update(readFileSync(join(dir, file))).digest('hex');
  return hashes;
}

/** Paths of the built HTML pages under a site folder. */
export function htmlPages(siteDir: string): string[] {
  return listFiles(siteDir).filter((file) => file.endsWith('.html'));
}
