'use strict';
/**
 * Every npm script starts here: `node scripts/launch.cjs <script.ts | program> [arguments]`.
 *
 * On Node 22.12 or newer, it runs the script (or the program from node_modules/.bin,
 * such as `astro` or `vitest`) in this very process, as `node <script>` would: no
 * second process, so `npm run check` is no slower.
 *
 * On an older Node it says so in one line, then runs the same under a Node 24
 * taken once from the npm registry (the `node` package, as .ci/run does), kept in
 * node_modules/.cache/node24 and reused. When that cannot be fetched (offline),
 * it stops with one plain sentence: the version found, the version needed and
 * how to get it. Never a stack trace.
 *
 * Node 22.12 to 22.17 strip TypeScript's types only when asked: a .ts script runs
 * there in a second process with `--experimental-strip-types`.
 *
 * `REGISTER_NODE_CACHE` names another cache folder (the tests use one of their own).
 *
 * Plain CommonJS, in JavaScript that Node 12.22 (Ubuntu 22.04's) and later can run,
 * because it must run on the old Node it replaces: no `?.`, no `??`, no top-level
 * await, no TypeScript, no fs.rmSync.
 */
const { spawn, spawnSync } = require('child_process');
const { existsSync, mkdirSync, readFileSync, renameSync, rmdirSync } = require('fs');
const { dirname, join, resolve } = require('path');
const { pathToFileURL } = require('url');

/** The oldest Node the register runs on: require(esm), import.meta.dirname and the rest. */
const NEEDED = [22, 12];
/** What is fetched for an older Node: the current long-term support line, as .nvmrc says. */
const FETCHED = '24';
const ROOT = resolve(__dirname, '..');
/** The project's cache folder: removed with node_modules, never committed. */
const CACHE = process.env.REGISTER_NODE_CACHE || join(ROOT, 'node_modules', '.cache', `node${FETCHED}`);
const HOW_TO_GET_IT = `install Node ${FETCHED} with \`nvm install\` or \`fnm use\` (both read .nvmrc), \`volta install node@${FETCHED}\`, or the installer from https://nodejs.org/`;

function versionOf(text) {
  return String(text).replace(/^v/, '').split('.').map(Number);
}

function isNewEnough(version) {
  return version[0] > NEEDED[0] || (version[0] === NEEDED[0] && version[1] >= NEEDED[1]);
}

/** Removes a folder of this script's own making (fs.rmSync is newer than the Node this must run on). */
function remove(folder) {
  if (existsSync(folder)) rmdirSync(folder, { recursive: true });
}

/** Stops with one plain sentence on stderr. */
function stop(sentence, code) {
  process.stderr.write(`${sentence}\n`);
  process.exit(code === undefined ? 1 : code);
}

/**
 * The file to run: a script path as given, or the JavaScript file behind a
 * program's name in node_modules/.bin (from its package's `bin`), so that it
 * runs in this Node, not through a shell shim.
 */
function entryOf(target) {
  if (/\.(c|m)?(j|t)s$/.test(target)) return resolve(target);
  let manifest;
  try {
    manifest = require.resolve(`${target}/package.json`, { paths: [ROOT] });
  } catch (error) {
    return stop(`There is no script or program called "${target}": give a file (scripts/check.ts) or a program installed in node_modules (astro, vitest); run \`npm install\` if it should be there.`, 2);
  }
  const bin = JSON.parse(readFileSync(manifest, 'utf8')).bin;
  const file = typeof bin === 'string' ? bin : bin && bin[target];
  if (!file) return stop(`The package "${target}" has no program of that name in its "bin".`, 2);
  return join(dirname(manifest), file);
}

/** The Node binary inside the cache folder, when a previous run fetched one. */
function cachedNode(folder) {
  const candidates = [join(folder, 'node_modules', 'node', 'bin', 'node'), join(folder, 'node_modules', 'node', 'bin', 'node.exe'), join(folder, 'node_modules', '.bin', 'node')];
  for (const candidate of candidates) {
    if (!existsSync(candidate)) continue;
    const probe = spawnSync(candidate, ['--version'], { encoding: 'utf8' });
    if (probe.status === 0 && isNewEnough(versionOf(probe.stdout.trim()))) return candidate;
  }
  return undefined;
}

/** npm itself: the one running this script (npm sets npm_execpath), else the one on PATH. */
function npm(args) {
  const options = { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], shell: process.platform === 'win32' };
  const npmCli = process.env.npm_execpath;
  return npmCli && /\.c?js$/.test(npmCli) ? spawnSync(process.execPath, [npmCli].concat(args), options) : spawnSync('npm', args, options);
}

/**
 * Fetches the `node` package into a folder of its own, then renames it into
 * place, so two scripts started at once never see half a runtime.
 */
function fetchNode(found) {
  const staging = `${CACHE}.fetching-${process.pid}`;
  remove(staging);
  mkdirSync(staging, { recursive: true });
  const run = npm(['install', '--prefix', staging, '--no-save', '--no-package-lock', '--no-audit', '--no-fund', '--loglevel=error', `node@${FETCHED}`]);
  const node = run.status === 0 ? cachedNode(staging) : undefined;
  if (!node) {
    remove(staging);
    const reason = /npm (?:ERR!|error) code (\w+)/.exec(`${run.stderr || ''}${run.error ? ` npm error code ${run.error.code}` : ''}`);
    stop(`This register needs Node.js ${NEEDED.join('.')} or newer, but this is Node ${found}, and Node ${FETCHED} could not be fetched from the npm registry${reason ? ` (npm: ${reason[1]})` : ''}: ${HOW_TO_GET_IT}.`);
  }
  try {
    renameSync(staging, CACHE);
  } catch (error) {
    // Another script fetched it first: use that one.
    remove(staging);
  }
  return cachedNode(CACHE) || stop(`Node ${FETCHED} was fetched into ${CACHE} but does not run there: remove that folder and try again, or ${HOW_TO_GET_IT}.`);
}

/** Runs the entry under another Node (or this one with other flags), passing signals on, and ends with its exit code. */
function runUnder(node, entry, args, flags) {
  const child = spawn(node, (flags || []).concat([entry], args), { stdio: 'inherit' });
  // Ctrl-C reaches the child from the terminal by itself; a process manager's SIGTERM reaches only this process.
  process.on('SIGINT', () => {});
  process.on('SIGTERM', () => child.kill('SIGTERM'));
  child.on('error', (error) => stop(`${node} could not be started (${error.code}): if it is in ${CACHE}, remove that folder and try again, or ${HOW_TO_GET_IT}.`));
  child.on('exit', (code, signal) => process.exit(code === null ? 128 + (require('os').constants.signals[signal] || 1) : code));
}

function main() {
  const [target, ...args] = process.argv.slice(2);
  if (!target) stop('Usage: node scripts/launch.cjs <script.ts | program> [arguments]', 2);
  const entry = entryOf(target);
  const found = process.versions.node;
  if (isNewEnough(versionOf(found)) && /\.(c|m)?ts$/.test(entry) && !(process.features && process.features.typescript)) {
    runUnder(process.execPath, entry, args, ['--experimental-strip-types', '--disable-warning=ExperimentalWarning']);
    return;
  }
  if (isNewEnough(versionOf(found))) {
    // As `node <entry> …` would see it: the entry's absolute path second, its arguments after.
    process.argv = [process.execPath, entry].concat(args);
    import(pathToFileURL(entry).href);
    return;
  }
  const cached = cachedNode(CACHE);
  process.stderr.write(`Node ${found} is older than ${NEEDED.join('.')}, which this register needs: running under Node ${FETCHED} from ${cached ? 'the project\'s cache' : 'the npm registry, fetched once'} (${CACHE}).\n`);
  runUnder(cached || fetchNode(found), entry, args);
}

main();
