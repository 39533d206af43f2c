/**
 * `npm run bench [-- --files N] [-- --runs N] [-- --warmup N] [-- --regenerate] [-- --no-write]`: how long
 * `npm run check` takes on a large register, against the floor of merely
 * reading and parsing the same files. The goal: at most 1.3× the floor.
 *
 * Generates the corpus into bench/corpus/ when it is missing or of another
 * size (it is gitignored), times both as whole processes (hyperfine when
 * installed, else a loop of runs), prints a table, and writes the "Checker"
 * section of bench/RESULTS.md (between its markers), which is committed
 * (not with `--no-write`, for a trial run).
 * Always exits 0 once it has measured: a slow result is a finding to report,
 * not a crash.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { THREADS_FROM_FILES } from '../src/model/threads.ts';
import { type BenchValues, describeCommit, machine, markdownTable, median, parseBenchOptions, RESULTS_FILE, ROOT as root, which, writeResultsSection } from './bench-support.ts';
import { GENERATOR_VERSION, generateCorpus, readManifest } from './generate-corpus.ts';

/** The goal: check ≤ 1.3 × read-and-parse. */
const TARGET_RATIO = 1.3;

const benchDir = join(root, 'bench');
const corpusDir = join(benchDir, 'corpus');

const USAGE = 'Usage: node scripts/bench-check.ts [--files N] [--runs N] [--warmup N] [--regenerate] [--no-write]';
const OPTIONS = {
  files: { type: 'number', default: 10_000, min: 1 },
  runs: { type: 'number', default: 10, min: 1 },
  warmup: { type: 'number', default: 1, min: 0 },
  regenerate: { type: 'boolean' },
  'no-write': { type: 'boolean' },
} as const;

type Options = BenchValues<typeof OPTIONS>;

/** A command timed as a whole process, from the repository root. */
interface Command {
  name: string;
  args: string[];
}

interface Measured {
  name: string;
  command: string;
  /** Seconds, per run. */
  times: number[];
  median: number;
  min: number;
  max: number;
  /** Mean CPU seconds (user + system) per run, when known: less disturbed than wall time by other work on the machine. */
  cpu?: number;
  /** Peak resident set size, in MB (the largest seen over the RSS runs). */
  peakRssMb?: number;
}

/** Times commands with hyperfine, which handles warm-up and statistics properly. */
function timeWithHyperfine(hyperfine: string, commands: Command[], options: Options, env: NodeJS.ProcessEnv): Measured[] {
  const scratch = mkdtempSync(join(tmpdir(), 'bench-'));
  try {
    const json = join(scratch, 'hyperfine.json');
    const quoted = commands.map((c) => c.args.map((a) => (/^[\w./=-]+$/.test(a) ? a : `'${a.replaceAll("'", "'\\''")}'`)).join(' '));
    const names = commands.flatMap((c) => ['--command-name', c.name]);
    // --shell=none: no shell start-up in the figures, only the node process itself.
    const run = spawnSync(hyperfine, ['--shell=none', '--warmup', String(options.warmup), '--runs', String(options.runs), '--export-json', json, ...names, ...quoted], {
      cwd: root, env, stdio: ['ignore', 'inherit', 'inherit'],
    });
    if (run.status !== 0) throw new Error(`hyperfine failed (exit ${run.status})`);
    const results = (JSON.parse(readFileSync(json, 'utf8')) as { results: { times: number[]; median: number; min: number; max: number; user: number; system: number }[] }).results;
    return results.map((r, i) => ({ name: commands[i].name, command: quoted[i], times: r.times, median: r.median, min: r.min, max: r.max, cpu: r.user + r.system }));
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/** Times commands in a plain loop when hyperfine is not installed. */
function timeWithLoop(commands: Command[], options: Options, env: NodeJS.ProcessEnv): Measured[] {
  return commands.map((c) => {
    const times: number[] = [];
    for (let i = 0; i < options.warmup + options.runs; i++) {
      const started = performance.now();
      const run = spawnSync(c.args[0], c.args.slice(1), { cwd: root, env, stdio: 'ignore' });
      const seconds = (performance.now() - started) / 1000;
      if (run.status !== 0) throw new Error(`${c.name} failed (exit ${run.status})`);
      if (i >= options.warmup) times.push(seconds);
    }
    return { name: c.name, command: c.args.join(' '), times, median: median(times), min: Math.min(...times), max: Math.max(...times) };
  });
}

/**
 * Peak RSS of one run, in MB: from /usr/bin/time when there is one, otherwise
 * reported by the child itself through a preloaded exit hook.
 */
function peakRss(command: Command, env: NodeJS.ProcessEnv, gnuTime: string | undefined): number {
  if (gnuTime) {
    const run = spawnSync(gnuTime, ['-f', 'maxrss_kb=%M', ...command.args], { cwd: root, env, encoding: 'utf8', stdio: ['ignore', 'ignore', 'pipe'] });
    const kb = /maxrss_kb=(\d+)/.exec(run.stderr ?? '')?.[1];
    if (kb) return Number(kb) / 1024;
  }
  const hook = "data:text/javascript,process.on('exit',()=>process.stderr.write('\\nmaxrss_kb='+process.resourceUsage().maxRSS+'\\n'))";
  const [node, ...rest] = command.args;
  const run = spawnSync(node, ['--import', hook, ...rest], { cwd: root, env, encoding: 'utf8', stdio: ['ignore', 'ignore', 'pipe'] });
  return Number(/maxrss_kb=(\d+)/.exec(run.stderr ?? '')?.[1] ?? Number.NaN) / 1024;
}

function ensureCorpus(options: Options): { files: number; bytes: number; today: string; generated: boolean } {
  const manifest = readManifest(corpusDir);
  if (!options.regenerate && manifest && manifest.files === options.files && manifest.version === GENERATOR_VERSION) return { ...manifest, generated: false };
  process.stdout.write(`Generating ${options.files} files into ${relative(root, corpusDir)}/ …\n`);
  mkdirSync(benchDir, { recursive: true });
  const summary = generateCorpus(corpusDir, { files: options.files });
  return { ...summary, generated: true };
}

const fmt = (seconds: number) => `${seconds.toFixed(3)} s`;

function main(): void {
  const options = parseBenchOptions(USAGE, OPTIONS);
  const corpus = ensureCorpus(options);
  const content = relative(root, corpusDir);
  // Reviews in the corpus are dated against its own "today", so the check reports none overdue on any later day.
  const env = { ...process.env, CONTENT_DIR: content, REGISTER_TODAY: corpus.today };
  const node = process.execPath;
  const commands: Command[] = [
    { name: 'read + parse (the floor)', args: [node, 'scripts/bench-read-parse.ts'] },
    // What `npm run check` runs, without npm's own start-up (~0.1 s), which is not the checker's.
    { name: 'check (node scripts/check.ts)', args: [node, 'scripts/check.ts'] },
  ];

  // The check must pass on the corpus, or the timing measures an error report.
  const once = spawnSync(node, ['scripts/check.ts'], { cwd: root, env, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  const summaryLine = once.stdout.trim().split('\n').at(-1) ?? '';
  process.stdout.write(`Check on the corpus: ${summaryLine}\n`);
  if (once.status !== 0) {
    process.stderr.write(`${once.stdout.split('\n').slice(0, 20).join('\n')}\nThe check reports errors on the generated corpus: fix the generator or the checker before timing.\n`);
    process.exitCode = 1;
    return;
  }

  // Other work on the machine slows every figure; the load average says how busy it was.
  const loadBefore = loadavg()[0];
  const hyperfine = which('hyperfine');
  const gnuTime = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;
  process.stdout.write(`Timing ${options.runs} runs each (${options.warmup} warm-up) with ${hyperfine ? 'hyperfine' : 'a loop of runs'} …\n`);
  const measured = hyperfine ? timeWithHyperfine(hyperfine, commands, options, env) : timeWithLoop(commands, options, env);
  const rssRuns = 3;
  for (const [i, m] of measured.entries()) {
    m.peakRssMb = Math.max(...Array.from({ length: rssRuns }, () => peakRss(commands[i], env, gnuTime)));
  }

  const loadAfter = loadavg()[0];
  const [floor, check] = measured;
  const ratio = check.median / floor.median;
  const verdict = ratio <= TARGET_RATIO ? `within the goal of ${TARGET_RATIO}×` : `ABOVE the goal of ${TARGET_RATIO}×`;
  const cpuRatio = check.cpu && floor.cpu ? `${(check.cpu / floor.cpu).toFixed(2)}×` : '';
  const rows = [
    ['command', 'median', 'min', 'max', 'CPU (mean)', 'peak RSS'],
    ...measured.map((m) => [m.name, fmt(m.median), fmt(m.min), fmt(m.max), m.cpu === undefined ? '–' : fmt(m.cpu), `${m.peakRssMb?.toFixed(0)} MB`]),
    ['check / floor', `${ratio.toFixed(2)}×`, '', '', cpuRatio, ''],
  ];
  const host = machine();
  const date = new Date().toISOString().slice(0, 10);
  const corpusLine = `${corpus.files} files, ${(corpus.bytes / 1e6).toFixed(1)} MB (scripts/generate-corpus.ts, default seed)`;
  process.stdout.write(`\nCorpus: ${corpusLine}\n${markdownTable(rows)}\n\ncheck / floor = ${ratio.toFixed(2)}× (median wall time): ${verdict}; CPU time ${cpuRatio}\n`);

  if (options['no-write']) return;
  // Re-read just before writing: other benchmarks write their own sections of the same file.
  writeResultsSection({ name: 'checker', title: 'Checker', script: 'bench-check.ts' }, [
    '`npm run check` against `node scripts/bench-read-parse.ts`, the floor: read every file, split frontmatter with gray-matter, parse the',
    'YAML with js-yaml, on one thread, nothing else. The checker does all that too (gray-matter splits, js-yaml 5 parses each file once),',
    `then validates, resolves and places problems; from ${THREADS_FROM_FILES} files on, a second thread (worker_threads) shares the reading and parsing.`,
    `Each is timed as a whole process, median of ${options.runs} runs after ${options.warmup} warm-up, by ${hyperfine ? 'hyperfine (--shell=none)' : 'a loop of runs'}; peak RSS is the largest of ${rssRuns} runs${gnuTime ? ' (/usr/bin/time)' : ''}.`,
    'The ratio is of median wall times (the goal); the CPU column (mean user + system seconds, all threads) says what the two threads cost,',
    'and is less disturbed when other work shares the machine. Reproduce with `npm run bench` (add `-- --files N` for another size).',
    '',
    `- Corpus: ${corpusLine}; check result: ${summaryLine}`,
    `- Machine: ${host.cpus} CPUs (nproc), ${host.model}; Node ${host.node}; 1-minute load average ${loadBefore.toFixed(2)} before the runs${loadBefore > 0.7 ? ' (other work was competing for the CPUs: every figure is slower than on a quiet machine, the two-thread checker\'s most)' : ' (quiet)'}, ${loadAfter.toFixed(2)} after them (their own load included)`,
    `- Date: ${date}; ${describeCommit(['src', 'scripts'])}`,
    '',
    markdownTable(rows),
    '',
    `**check / floor = ${ratio.toFixed(2)}×** (median wall time): ${verdict}. CPU time: ${cpuRatio}.`,
  ].join('\n'));
  process.stdout.write(`Results written to ${relative(root, RESULTS_FILE)}\n`);
}

try {
  main();
} catch (error) {
  process.stderr.write(`${(error as Error).message}\n`);
  process.exitCode = 1;
}
