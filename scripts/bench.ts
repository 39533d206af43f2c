/**
 * `npm run bench`: the benchmarks, one after the other on the same
 * machine: the checker's (scripts/bench-check.ts) then the build's
 * (scripts/bench-build.ts), each writing its own section of bench/RESULTS.md.
 *
 * Each option goes to the benchmark that takes it: `--files`, `--runs`,
 * `--warmup` and `--regenerate` to the checker's; `--quick`, `--pages`,
 * `--build-runs N` (its `--runs`) to the build's; `--no-write` to both.
 * Both run even when the first fails; the exit code says whether either did.
 */
import { spawnSync } from 'node:child_process';
import { parseArgs } from 'node:util';
import { stopWithUsage } from './bench-support.ts';

const USAGE = 'Usage: npm run bench [-- --files N] [-- --runs N] [-- --warmup N] [-- --regenerate] [-- --quick] [-- --pages A,B] [-- --build-runs N] [-- --no-write]';

/** Each option here → the benchmark that takes it, and its name there. */
const ROUTES = {
  files: { to: 'check', as: 'files' },
  runs: { to: 'check', as: 'runs' },
  warmup: { to: 'check', as: 'warmup' },
  regenerate: { to: 'check', as: 'regenerate' },
  quick: { to: 'build', as: 'quick' },
  pages: { to: 'build', as: 'pages' },
  'build-runs': { to: 'build', as: 'runs' },
  'no-write': { to: 'both', as: 'no-write' },
} as const;
const FLAGS = new Set(['regenerate', 'quick', 'no-write']);

let values: Record<string, string | boolean | undefined> = {};
try {
  ({ values } = parseArgs({
    options: Object.fromEntries(Object.keys(ROUTES).map((name) => [name, { type: FLAGS.has(name) ? 'boolean' : 'string' } as const])),
    strict: true,
    allowPositionals: false,
  }));
} catch (error) {
  stopWithUsage((error as Error).message.split('\n')[0], USAGE);
}
const check: string[] = [];
const build: string[] = [];
for (const [name, value] of Object.entries(values)) {
  const route = ROUTES[name as keyof typeof ROUTES];
  for (const args of route.to === 'both' ? [check, build] : route.to === 'check' ? [check] : [build]) {
    if (value === true) args.push(`--${route.as}`);
    else if (typeof value === 'string') args.push(`--${route.as}`, value);
  }
}

let failed = false;
for (const [script, scriptArgs] of [['scripts/bench-check.ts', check], ['scripts/bench-build.ts', build]] as const) {
  const run = spawnSync(process.execPath, [script, ...scriptArgs], { cwd: `${import.meta.dirname}/..`, stdio: 'inherit' });
  if (run.status !== 0) {
    process.stderr.write(`${script} failed (exit ${run.status ?? run.signal})\n`);
    failed = true;
  }
}
process.exitCode = failed ? 1 : 0;
