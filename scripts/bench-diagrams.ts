/**
 * `npm run bench:diagrams [-- --runs N] [-- --structures N] [-- --seed S] [-- --no-write]`:
 * how long the build's diagram step takes to draw a register of 100 structures.
 * The goal: at most 50 ms a diagram, amortised over the build, that is the
 * whole step (browser launch and Mermaid's loading included) divided by the
 * number of diagrams; and a rebuild with no changed structure starts no browser.
 *
 * The register is generated (scripts/generate-corpus.ts, into a temporary
 * folder) and its structures made the size of real ones, 5 to 30 bodies each
 * with reporting lines and relations; the model is then checked (it must have
 * no errors) and cut to exactly the number of structures asked for.
 * Each cold run draws every diagram into a fresh, empty cache; the warm run
 * repeats the step on the last cold run's cache with no browser available, so
 * it fails if it tries to start one. Writes the "Diagrams" section of
 * bench/RESULTS.md (between its markers; the other sections are kept).
 * Always exits 0 once it has measured: a slow result is a finding, not a crash.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { dump, load } from 'js-yaml';
import { prepareDiagrams } from '../src/diagrams/prepare.ts';
import { findBrowser } from '../src/diagrams/browser.ts';
import { checkContent } from '../src/model/index.ts';
import type { Model } from '../src/model/types.ts';
import { type BenchValues, describeCommit, machine, median, parseBenchOptions, RESULTS_FILE, writeResultsSection } from './bench-support.ts';
import { CORPUS_TODAY, generateCorpus, prng } from './generate-corpus.ts';

/** The issue's goal: at most this many milliseconds a diagram, amortised over a build. */
const TARGET_MS = 50;

const USAGE = 'Usage: npm run bench:diagrams [-- --runs N] [-- --structures N] [-- --seed S] [-- --no-write]';
const OPTIONS = {
  runs: { type: 'number', default: 3, min: 1 },
  structures: { type: 'number', default: 100, min: 1 },
  seed: { type: 'number', default: 20260101, min: 1 },
  'no-write': { type: 'boolean' },
} as const;

type Options = BenchValues<typeof OPTIONS>;

const SUBGROUP_TOPICS = [
  'Older People', 'Young People', 'Transport', 'Housing Strategy', 'Town Centre', 'Rural Affairs', 'Skills', 'Health Inequalities',
  'Drugs and Alcohol', 'Anti-social Behaviour', 'Climate Change', 'Volunteering', 'Digital Inclusion', 'Financial Inclusion', 'Cohesion',
  'Equalities', 'Funding', 'Communications', 'Performance', 'Neighbourhood Renewal', 'Tourism', 'Sport and Leisure', 'Heritage', 'Waste',
];
const SUBGROUP_KINDS = ['task-group', 'delivery-group', 'forum', 'thematic-group', 'support-team', 'other'];
const SUBGROUP_WORDS = ['Task Group', 'Delivery Group', 'Forum', 'Working Group', 'Steering Group', 'Network', 'Officers Group'];

interface BodyData { id: string; name: string; kind: string; reports_to?: string; state?: string }
interface RelationData { from: string; to?: string; external?: string; kind: string }

/**
 * Grows a generated structure (4 to 11 bodies) to `target` bodies: sub-groups
 * under its theme groups, some to be developed, a few with links to each other
 * and to outside bodies, as the larger real structures have.
 */
function growStructure(file: string, target: number, random: () => number): void {
  const data = load(readFileSync(file, 'utf8')) as { bodies: BodyData[]; relations?: RelationData[] };
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const parents = data.bodies.filter((body) => body.id !== 'board').map((body) => body.id);
  const relations = data.relations ?? [];
  const ids = new Set(data.bodies.map((body) => body.id));
  const names = new Set(data.bodies.map((body) => body.name));
  for (let n = 1; data.bodies.length < target; n++) {
    const topic = pick(SUBGROUP_TOPICS);
    let id = `${topic.toLowerCase().replace(/[^a-z0-9]+/g, '-')}-${n}`;
    while (ids.has(id)) id += 'x';
    ids.add(id);
    let name = `${topic} ${pick(SUBGROUP_WORDS)}`;
    if (names.has(name)) name = `${name} ${n}`;
    names.add(name);
    const body: BodyData = { id, name, kind: pick(SUBGROUP_KINDS), reports_to: pick(parents) };
    if (random() < 0.15) body.state = 'to-be-developed';
    data.bodies.push(body);
    parents.push(id);
    if (random() < 0.12) relations.push({ from: id, to: pick([...ids].filter((other) => other !== id)), kind: pick(['works-with', 'advises', 'other']) });
    else if (random() < 0.05) relations.push({ from: id, external: `${pick(['Sub-regional', 'County', 'Regional'])} ${topic} Network`, kind: pick(['represented-on', 'accountable-to']) });
  }
  if (relations.length > 0) data.relations = relations;
  writeFileSync(file, dump(data, { lineWidth: 120 }));
}

/** The benchmark's register: generated, grown, checked, and cut to `structures` structures. */
export function buildModel(options: Pick<Options, 'structures' | 'seed'>): { model: Model; bodies: number[]; relations: number } {
  const dir = mkdtempSync(join(tmpdir(), 'bench-diagrams-corpus-'));
  try {
    // About 20 files a partnership and 2 structures each: enough structures, with some to spare.
    generateCorpus(dir, { files: Math.max(100, options.structures * 12), seed: options.seed });
    const random = prng(options.seed ^ 0x5eed);
    for (const partnership of readdirSync(join(dir, 'partnerships')).sort()) {
      const folder = join(dir, 'partnerships', partnership, 'structures');
      if (!existsSync(folder)) continue;
      for (const name of readdirSync(folder).sort()) growStructure(join(folder, name), 5 + Math.floor(random() * 26), random);
    }
    const checked = checkContent(dir, { today: CORPUS_TODAY });
    const errors = checked.diagnostics.filter((d) => d.severity === 'error');
    if (errors.length > 0) throw new Error(`The benchmark's register has ${errors.length} errors, the first: ${JSON.stringify(errors[0])}`);
    let left = options.structures;
    const partnerships = checked.partnerships.map((partnership) => {
      const structures = partnership.structures.slice(0, left);
      left -= structures.length;
      return { ...partnership, structures };
    });
    if (left > 0) throw new Error(`The generated register has only ${options.structures - left} structures, not ${options.structures}.`);
    const model: Model = { ...checked, partnerships };
    const all = partnerships.flatMap((p) => p.structures);
    return { model, bodies: all.map((s) => s.bodies.length).sort((a, b) => a - b), relations: all.reduce((n, s) => n + s.relations.length, 0) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const ms = (value: number) => `${Math.round(value)} ms`;
const cpu = (run: Run, n: number) => (run.cpuMs === undefined ? 'n/a' : `${seconds(run.cpuMs)} (${ms(run.cpuMs / n)} a diagram)`);
const seconds = (value: number) => `${(value / 1000).toFixed(2)} s`;

interface Run {
  ms: number;
  /** CPU time of this process and the browser's, where the system tells (Linux). */
  cpuMs?: number;
  rendered: number;
  cached: number;
  browser?: string;
  log: string[];
}

/**
 * CPU milliseconds used so far by this process's descendants (the browser),
 * read from /proc; undefined where there is none. The browser's processes are
 * not counted in this process's children's times when they end, so they are
 * sampled while they run, keeping the most seen for each.
 */
function descendantCpuSampler(): { sample: () => void; totalMs: () => number | undefined } {
  const seen = new Map<number, number>();
  const available = existsSync('/proc/self/stat');
  const ticksToMs = 10; // USER_HZ is 100 on Linux
  const sample = () => {
    if (!available) return;
    const parents = new Map<number, { parent: number; ticks: number }>();
    for (const name of readdirSync('/proc')) {
      if (!/^\d+$/.test(name)) continue;
      try {
        const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
        const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        parents.set(Number(name), { parent: Number(fields[1]), ticks: Number(fields[11]) + Number(fields[12]) });
      } catch {
        // The process ended while the folder was read.
      }
    }
    for (const [pid, { ticks }] of parents) {
      for (let up = parents.get(pid)?.parent; up !== undefined && up > 1; up = parents.get(up)?.parent) {
        if (up !== process.pid) continue;
        seen.set(pid, Math.max(seen.get(pid) ?? 0, ticks));
        break;
      }
    }
  };
  return { sample, totalMs: () => (available ? [...seen.values()].reduce((sum, ticks) => sum + ticks * ticksToMs, 0) : undefined) };
}

async function timeRun(model: Model, cacheDir: string): Promise<Run> {
  const log: string[] = [];
  const sampler = descendantCpuSampler();
  const timer = setInterval(sampler.sample, 100);
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  try {
    const result = await prepareDiagrams(model, { cacheDir, require: true, log: (line) => log.push(line) });
    const ms = performance.now() - started;
    const own = process.cpuUsage(cpuBefore);
    const browserMs = sampler.totalMs();
    return {
      ms,
      ...(browserMs === undefined ? {} : { cpuMs: browserMs + (own.user + own.system) / 1000 }),
      rendered: result.rendered,
      cached: result.cached,
      ...(result.browser ? { browser: result.browser } : {}),
      log,
    };
  } finally {
    clearInterval(timer);
  }
}

async function main(): Promise<void> {
  const options = parseBenchOptions(USAGE, OPTIONS);
  const browser = findBrowser();
  if (!browser) {
    process.stderr.write('No Chrome, Edge or Chromium found: set CHROMIUM_PATH to time the diagram step.\n');
    process.exitCode = 1;
    return;
  }
  const chromiumVersion = spawnSync(browser, ['--version'], { encoding: 'utf8' }).stdout.trim() || 'unknown';
  const host = machine();

  const { model, bodies, relations } = buildModel(options);
  const n = options.structures;
  process.stdout.write(`Register: ${n} structures, ${bodies.reduce((a, b) => a + b, 0)} bodies (${bodies[0]}–${bodies.at(-1)} each, median ${median(bodies)}), ${relations} relations.\n`);

  const loadBefore = loadavg()[0]!;
  const cold: Run[] = [];
  const cacheDirs: string[] = [];
  try {
    for (let i = 0; i < options.runs; i++) {
      const cacheDir = mkdtempSync(join(tmpdir(), 'bench-diagrams-cache-'));
      cacheDirs.push(cacheDir);
      const run = await timeRun(model, cacheDir);
      if (run.rendered !== n) throw new Error(`Cold run ${i + 1} drew ${run.rendered} diagrams, not ${n}: ${run.log.join(' ')}`);
      cold.push(run);
      process.stdout.write(`Cold run ${i + 1}: ${seconds(run.ms)} for ${run.rendered} diagrams, ${ms(run.ms / n)} a diagram; CPU ${cpu(run, n)}.\n`);
    }
    // No browser for the warm run: if it tried to start one, it would fail (diagrams are required).
    const previous = process.env.CHROMIUM_PATH;
    process.env.CHROMIUM_PATH = join(tmpdir(), 'no-browser-here', 'chromium');
    let warm: Run;
    try {
      warm = await timeRun(model, cacheDirs.at(-1)!);
    } finally {
      if (previous === undefined) delete process.env.CHROMIUM_PATH;
      else process.env.CHROMIUM_PATH = previous;
    }
    const warmStartedNoBrowser = warm.rendered === 0 && warm.cached === n && warm.browser === undefined;
    const loadAfter = loadavg()[0]!;
    const warmPerDiagram = (warm.ms / n).toFixed(2);
    process.stdout.write(`Warm run (nothing changed, no browser available): ${ms(warm.ms)}, ${warmPerDiagram} ms a diagram; ${warm.log.join(' ')}\n`);

    const total = median(cold.map((run) => run.ms));
    const perDiagram = total / n;
    const verdict = perDiagram <= TARGET_MS ? 'meets' : 'MISSES';
    process.stdout.write(`\nCold, median of ${options.runs}: ${seconds(total)} in all, ${ms(perDiagram)} a diagram amortised (${verdict} the goal of ${TARGET_MS} ms).\n`);
    process.stdout.write(`1-minute load average: ${loadBefore.toFixed(2)} before the runs, ${loadAfter.toFixed(2)} after.\n`);

    const date = new Date().toISOString().slice(0, 10);
    const section = [
      `\`npm run bench:diagrams\`: the build's diagram step (\`prepareDiagrams\`, src/diagrams/prepare.ts) drawing every structure of a register of ${n},`,
      'timed in one Node process. A cold run starts with an empty cache, so its time includes starting the browser and loading Mermaid;',
      'the amortised figure is a cold run\'s whole time divided by the number of diagrams. The warm run repeats the step on a filled cache',
      'with `CHROMIUM_PATH` pointing at nothing and diagrams required, so it would fail if it started a browser.',
      'CPU is this process\'s and the browser\'s processes\' (sampled from /proc every 100 ms): less disturbed than wall time when other work shares the machine.',
      '',
      `- Register: ${n} structures (scripts/generate-corpus.ts, seed ${options.seed}, grown to 5–30 bodies each): ${bodies.reduce((a, b) => a + b, 0)} bodies (median ${median(bodies)} a structure), ${relations} relations`,
      `- Machine: ${host.cpus} CPUs (nproc), ${host.model}; Node ${host.node}; ${chromiumVersion}; 1-minute load average ${loadBefore.toFixed(2)} before the runs, ${loadAfter.toFixed(2)} after`,
      `- Date: ${date}; ${describeCommit(['src/diagrams', 'scripts/bench-diagrams.ts'])}`,
      '',
      '| run | total | per diagram (amortised) | CPU |',
      '|---|--:|--:|--:|',
      ...cold.map((run, i) => `| cold ${i + 1} | ${seconds(run.ms)} | ${ms(run.ms / n)} | ${cpu(run, n)} |`),
      `| **cold, median of ${options.runs}** | **${seconds(total)}** | **${ms(perDiagram)}** | |`,
      `| warm (nothing changed) | ${ms(warm.ms)} | ${warmPerDiagram} ms | ${warmStartedNoBrowser ? 'no browser started' : 'A BROWSER WAS NEEDED'} |`,
      '',
      `**${ms(perDiagram)} a diagram amortised**: ${perDiagram <= TARGET_MS ? 'within' : 'ABOVE'} the goal of ${TARGET_MS} ms. ` +
        `A rebuild with no changed structure ${warmStartedNoBrowser ? `starts no browser (${ms(warm.ms)})` : 'NEEDED A BROWSER'}.`,
    ].join('\n');
    if (!options['no-write']) {
      writeResultsSection({ name: 'diagrams', title: 'Diagrams', script: 'bench-diagrams.ts' }, section);
      process.stdout.write(`Wrote the "Diagrams" section of ${RESULTS_FILE}.\n`);
    }
  } finally {
    for (const dir of cacheDirs) rmSync(dir, { recursive: true, force: true });
  }
}

// Run as a script; imported (by a check of the renderer's output, say), it only lends `buildModel`.
if (process.argv[1] === import.meta.filename) {
  await main().catch((error: unknown) => {
    process.stderr.write(`${(error as Error).message}\n`);
    process.exitCode = 1;
  });
}
