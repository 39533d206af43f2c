/**
 * What every benchmark script needs, in one place: its options (node:util's
 * parseArgs, with whole numbers checked), the median, the machine and the
 * commit the figures were measured on, and bench/RESULTS.md, where each
 * benchmark writes its own section between its own markers and leaves the
 * others, and the hand-written notes beside them, as they are.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';

/** The repository's root, where every benchmark runs its commands. */
export const ROOT = resolve(import.meta.dirname, '..');

/** The results file. */
export const RESULTS_FILE = join(ROOT, 'bench', 'RESULTS.md');

/** A benchmark's option: a flag, a whole number (at least `min`), or text. */
export type BenchOption =
  | { type: 'boolean' }
  | { type: 'number'; default: number; min: number }
  | { type: 'string'; default: string };

/** The parsed value of each option, typed by its kind. */
export type BenchValues<S extends Record<string, BenchOption>> = {
  [K in keyof S]: S[K] extends { type: 'boolean' } ? boolean : S[K] extends { type: 'number' } ? number : string;
};

/** Ends a benchmark that was called wrongly: what is wrong and the usage line, on one line; exit 2, before any work. */
export function stopWithUsage(problem: string, usage: string): never {
  process.stderr.write(`${problem.replace(/[^.]$/, '$&.')} ${usage}\n`);
  process.exit(2);
}

/**
 * A benchmark's options, parsed by node:util's parseArgs (`--runs 3` and
 * `--runs=3` alike). Stops with the usage line on an unknown option, a
 * missing value, or a number that is not a whole number of at least its `min`.
 *
 * @example
 * parseBenchOptions('Usage: …', { runs: { type: 'number', default: 3, min: 1 }, 'no-write': { type: 'boolean' } }, ['--runs=5'])
 * // { runs: 5, 'no-write': false }
 */
export function parseBenchOptions<const S extends Record<string, BenchOption>>(usage: string, spec: S, args = process.argv.slice(2)): BenchValues<S> {
  let values: Record<string, string | boolean | undefined>;
  try {
    const options = Object.fromEntries(Object.entries(spec).map(([name, option]) => [name, { type: option.type === 'boolean' ? 'boolean' : 'string' } as const]));
    ({ values } = parseArgs({ args, options, strict: true, allowPositionals: false }));
  } catch (error) {
    stopWithUsage((error as Error).message.split('\n')[0], usage);
  }
  const parsed: Record<string, string | number | boolean> = {};
  for (const [name, option] of Object.entries(spec)) {
    const value = values[name];
    if (option.type === 'boolean') parsed[name] = value === true;
    else if (option.type === 'string') parsed[name] = typeof value === 'string' ? value : option.default;
    else if (value === undefined) parsed[name] = option.default;
    else {
      const n = Number(value);
      if (!Number.isInteger(n) || n < option.min) stopWithUsage(`--${name} takes a whole number of at least ${option.min}, not "${String(value)}".`, usage);
      parsed[name] = n;
    }
  }
  return parsed as BenchValues<S>;
}

/**
 * The middle value (the mean of the two middle ones when there is an even
 * number): what a benchmark reports of several runs, as other work on the
 * machine slows some runs and never speeds any up.
 *
 * @example
 * median([3, 1, 2]) // 2
 * median([4, 1, 3, 2]) // 2.5
 */
export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** The machine the figures come from, for the results: they mean little without it. */
export interface Machine {
  /** CPUs Node may use (nproc). */
  cpus: number;
  model: string;
  memoryGb: number;
  node: string;
}

/** This machine: CPUs, their model, memory and Node's version. */
export function machine(): Machine {
  return { cpus: availableParallelism(), model: cpus()[0]?.model.trim() ?? 'unknown', memoryGb: Math.round(totalmem() / 2 ** 30), node: process.version };
}

/** The machine in one phrase: `2 CPUs (nproc), AMD EPYC …, 8 GB memory; Node v24.…`. */
export function describeMachine(m = machine()): string {
  return `${m.cpus} CPUs (nproc), ${m.model}, ${m.memoryGb} GB memory; Node ${m.node}`;
}

/** The 1-, 5- and 15-minute load averages, `0.52, 0.40, 0.31`: how busy the machine was. */
export function loadAverages(): string {
  return loadavg().map((n) => n.toFixed(2)).join(', ');
}

/** The commit measured, and whether `paths` held uncommitted changes: `commit 3f9dc3f with uncommitted changes`. */
export function describeCommit(paths: readonly string[] = ['src', 'scripts', 'astro.config.mjs']): string {
  const head = spawnSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' });
  if (head.status !== 0) return 'unknown commit';
  const dirty = spawnSync('git', ['status', '--porcelain', '--', ...paths], { cwd: ROOT, encoding: 'utf8' }).stdout.trim() !== '';
  return `commit ${head.stdout.trim()}${dirty ? ' with uncommitted changes' : ''}`;
}

/** The path of a program on PATH, or undefined: benchmarks use hyperfine and /usr/bin/time when they are there. */
export function which(program: string): string | undefined {
  const found = spawnSync('sh', ['-c', 'command -v "$0"', program], { encoding: 'utf8' });
  return found.status === 0 ? found.stdout.trim() || undefined : undefined;
}

/**
 * Replaces the text between a benchmark's markers
 * (`<!-- bench:<name>:start (written by scripts/<script>) -->` … `<!-- bench:<name>:end -->`),
 * or adds the section, titled, at the end.
 */
export function writeResultsSection(section: { name: string; title: string; script: string }, body: string): void {
  const startMarker = `<!-- bench:${section.name}:start (written by scripts/${section.script}) -->`;
  const endMarker = `<!-- bench:${section.name}:end -->`;
  const block = `${startMarker}\n${body.trim()}\n${endMarker}`;
  const existing = existsSync(RESULTS_FILE)
    ? readFileSync(RESULTS_FILE, 'utf8')
    : '# Benchmark results\n\nWritten by the benchmark scripts; each section is replaced when its benchmark is run again.\n';
  const start = existing.indexOf(startMarker);
  const end = existing.indexOf(endMarker);
  const next = start !== -1 && end > start
    ? `${existing.slice(0, start)}${block}${existing.slice(end + endMarker.length)}`
    : `${existing.trimEnd()}\n\n## ${section.title}\n\n${block}\n`;
  mkdirSync(dirname(RESULTS_FILE), { recursive: true });
  writeFileSync(RESULTS_FILE, next);
}

/** A Markdown table, columns padded to line up: the first column left-aligned, the others (figures) right-aligned. */
export function markdownTable(rows: string[][]): string {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  const line = (r: string[]) => `| ${r.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join(' | ')} |`;
  return [line(rows[0]), `|${widths.map((w, i) => (i === 0 ? '-'.repeat(w + 2) : `${'-'.repeat(w + 1)}:`)).join('|')}|`, ...rows.slice(1).map(line)].join('\n');
}
