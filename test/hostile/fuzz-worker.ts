/**
 * The fuzz test's sandbox (test/hostile/fuzz.test.ts): a worker thread with a
 * memory limit, so that a case that needs too much memory kills this thread,
 * not the test run, and a case that hangs can be stopped from outside. For
 * each case it writes one content file into a copy of the valid folder, runs
 * the checker's pipeline over the folder, then renders the file's Markdown,
 * timing each in CPU time (the process's: the test's own thread only waits
 * meanwhile), which a busy machine does not stretch as it does the clock,
 * and answers with what it found.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parentPort } from 'node:worker_threads';
import { checkContent } from '../../src/model/index.ts';
import { renderMarkdown } from '../../src/site/markdown.ts';

/** One case: a file to write (relative to `dir`), and the Markdown to render after the check, if any. */
export interface FuzzCase {
  id: number;
  dir: string;
  file: string;
  text: string;
  /** Markdown to render whether or not the check passed: YAML keys reach the renderer unchecked. */
  markdown?: string;
}

/** What a case gave. */
export interface FuzzResult {
  id: number;
  /** CPU milliseconds the check took. */
  checkMs: number;
  /** CPU milliseconds the render took. */
  renderMs?: number;
  /** The problems in the case's file: code, line, column, and the file's line count to compare with. */
  problems: { code: string; line: number; column: number }[];
  lines: number;
  /** Whether the file itself passed the check (no error in it). */
  passed: boolean;
  /** An exception, if one escaped: never expected. */
  thrown?: string;
}

/** CPU milliseconds (user and system) since `since`. */
function cpuMs(since: NodeJS.CpuUsage): number {
  const { user, system } = process.cpuUsage(since);
  return (user + system) / 1000;
}

parentPort?.on('message', (task: FuzzCase) => {
  const result: FuzzResult = { id: task.id, checkMs: 0, problems: [], lines: task.text.split(/\r\n?|\n/).length, passed: false };
  try {
    writeFileSync(join(task.dir, task.file), task.text);
    let started = process.cpuUsage();
    const model = checkContent(task.dir, { today: '2026-11-26' });
    result.checkMs = cpuMs(started);
    const own = model.diagnostics.filter((d) => d.file === task.file);
    result.problems = own.map(({ code, line, column }) => ({ code, line, column }));
    result.passed = !own.some((d) => d.severity === 'error');
    if (task.markdown !== undefined) {
      started = process.cpuUsage();
      renderMarkdown(task.markdown, { topHeading: 3 });
      result.renderMs = cpuMs(started);
    }
  } catch (error) {
    result.thrown = error instanceof Error ? (error.stack ?? error.message) : String(error);
  }
  parentPort!.postMessage(result);
});
