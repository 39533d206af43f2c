/**
 * `npm run bench`: the benchmarks, one after the other on the same
 * machine: the checker's (scripts/bench-check.ts) then the build's
 * (scripts/bench-build.ts), each writing its own section of bench/RESULTS.md.
 *
 * Each argument goes to the benchmark that takes it: `--quick`, `--pages`,
 * `--build-runs N` (its `--runs`) and `--no-write` to the build's; everything
 * else (`--files`, `--runs`, `--warmup`, `--regenerate`) to the checker's.
 * Both run even when the first fails; the exit code says whether either did.
 */
import { spawnSync } from 'node:child_process';

/** The build benchmark's arguments, as given here → as it takes them, and whether each takes a value. */
const BUILD_ARGUMENTS: Record<string, { as: string; value: boolean }> = {
  '--quick': { as: '--quick', value: false },
  '--no-write': { as: '--no-write', value: false },
  '--pages': { as: '--pages', value: true },
  '--build-runs': { as: '--runs', value: true },
};

const args = process.argv.slice(2);
const check: string[] = [];
const build: string[] = [];
for (let i = 0; i < args.length; i++) {
  const [flag, inline] = args[i].split('=', 2);
  const known = BUILD_ARGUMENTS[flag];
  if (!known) check.push(args[i]);
  else if (!known.value) build.push(known.as);
  else build.push(known.as, inline ?? args[++i] ?? '');
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
