/**
 * scripts/launch.cjs, through which every npm script starts. On Node 22.12 or
 * newer it runs the script in its own process, as `node <script>` would. On an
 * older Node it says so in one line and runs the script under a Node 24 kept in
 * the project's cache (fetched once from the npm registry); offline, it stops
 * with one plain sentence. Run here under a real old Node when the machine has
 * one (Debian's /usr/bin/node), else under this one with its version faked.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, temporaryFolder } from '../helpers/fixtures.ts';

const LAUNCH = join(ROOT, 'scripts/launch.cjs');
const work = temporaryFolder('register-launch-');
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A script that says which Node runs it, in which process, with which arguments, and exits with a code of its choosing. */
const probe = join(work, 'probe.ts');
writeFileSync(probe, [
  'const code: number = Number(process.argv[2] ?? 0);',
  'process.stdout.write(JSON.stringify({ version: process.versions.node, pid: process.pid, argv: process.argv.slice(1), main: process.argv[1] === import.meta.filename }));',
  'process.exitCode = code;',
].join('\n'));

/** A cache folder holding a Node 24, laid out as the `node` package installs it: this test's own Node, linked. */
const filledCache = join(work, 'cache-filled');
mkdirSync(join(filledCache, 'node_modules', 'node', 'bin'), { recursive: true });
symlinkSync(process.execPath, join(filledCache, 'node_modules', 'node', 'bin', 'node'));

/** A Node older than 22.12: the machine's own when it has one, else this one pretending, through a preloaded module. */
function oldNode(): { command: string; flags: string[]; version: string } {
  for (const candidate of ['/usr/bin/node', '/usr/local/bin/node']) {
    const found = spawnSync(candidate, ['-p', 'process.versions.node'], { encoding: 'utf8' });
    const version = found.stdout?.trim() ?? '';
    const [major, minor] = version.split('.').map(Number);
    if (found.status === 0 && (major < 22 || (major === 22 && minor < 12))) return { command: candidate, flags: [], version };
  }
  const pretend = join(work, 'pretend-node-20.cjs');
  writeFileSync(pretend, "Object.defineProperty(process.versions, 'node', { value: '20.19.0' });\n");
  process.stdout.write('No Node older than 22.12 on this machine: the launcher runs under this Node with its version faked as 20.19.0.\n');
  return { command: process.execPath, flags: ['--require', pretend], version: '20.19.0' };
}
const old = oldNode();

function launch(node: { command: string; flags: string[] }, args: string[], env: NodeJS.ProcessEnv = {}) {
  const result = spawnSync(node.command, [...node.flags, LAUNCH, ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, ...env }, timeout: 120_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr, pid: result.pid };
}

describe('on Node 22.12 or newer', () => {
  const current = { command: process.execPath, flags: [] };

  it('runs the script in its own process, as `node <script>` would, saying nothing of its own', () => {
    const run = launch(current, [probe, '0', '--flag']);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({ version: process.versions.node, pid: run.pid, argv: [probe, '0', '--flag'], main: true });
  });

  it('ends with the script\'s exit code', () => {
    expect(launch(current, [probe, '3']).status).toBe(3);
  });

  it('runs a program installed in node_modules by its name', () => {
    const run = launch(current, ['astro', '--version']);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/\d+\.\d+\.\d+/);
  });

  it('refuses a name that is neither a script nor an installed program, in one sentence', () => {
    const run = launch(current, ['no-such-program']);
    expect(run.status).toBe(2);
    expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(/^There is no script or program called "no-such-program"/);
  });
});

describe(`on an older Node (${old.version})`, () => {
  it('says so in one line, then runs the script under the Node 24 in the project\'s cache, with its arguments and exit code', () => {
    const run = launch(old, [probe, '4', '--flag'], { REGISTER_NODE_CACHE: filledCache });
    expect(run.stderr).toBe(`Node ${old.version} is older than 22.12, which this register needs: running under Node 24 from the project's cache (${filledCache}).\n`);
    expect(run.status).toBe(4);
    expect(JSON.parse(run.stdout)).toMatchObject({ version: process.versions.node, argv: [probe, '4', '--flag'], main: true });
  });

  it('stops offline with one plain sentence: the version found, the version needed and how to get it, and no stack trace', () => {
    const emptyCache = join(work, 'cache-empty');
    // An empty npm cache and --offline: npm cannot fetch anything, quickly and surely.
    const run = launch(old, [probe], { REGISTER_NODE_CACHE: emptyCache, npm_config_offline: 'true', npm_config_cache: join(work, 'npm-cache') });
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    const lines = run.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toContain(`Node ${old.version} is older than 22.12`);
    expect(lines[1]).toMatch(new RegExp(`^This register needs Node\\.js 22\\.12 or newer, but this is Node ${old.version.replaceAll('.', '\\.')}, and Node 24 could not be fetched from the npm registry.*: install Node 24 with \`nvm install\` or \`fnm use\` \\(both read \\.nvmrc\\), \`volta install node@24\`, or the installer from https://nodejs\\.org/\\.$`));
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });
});
