/**
 * `npm run bench:build [-- --quick] [-- --pages 1000,10000] [-- --runs N] [-- --no-write]`:
 * what building the site costs, against a bare Astro project, and what a
 * reader downloads. Part of `npm run bench`.
 *
 * 1. For each size (default 1,000 and 10,000 pages), writes a synthetic register
 *    with scripts/generate-corpus.ts, sized so that the build writes about that
 *    many pages, commits it to a throwaway git repository (a real register is
 *    one, and pages show their history), and times
 *    `node scripts/build.ts --no-diagrams --out <tmp>`: wall and CPU time, peak
 *    memory, and each stage's own time. Diagrams are left out: drawing them is
 *    a browser's work, timed by `npm run bench:diagrams`.
 * 2. Builds a bare Astro project with as many plain Markdown pages, holding as
 *    much text, with the same Astro called the same way (`build()` in one node
 *    process, errors-only logging).
 * 3. Builds the example register in content/ (with diagrams when a browser is
 *    found) and weighs each partnership page with everything it loads.
 *
 * Everything is written under one temporary folder, removed at the end. Prints
 * the figures and writes the "Build" section of bench/RESULTS.md (between its
 * markers). Exits 0 once it has measured: a missed goal is a finding to report.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, extname, join, posix, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { checkContent } from '../src/model/index.ts';
import { filterPages, registerRows } from '../src/site/register.ts';
import { describeCommit, describeMachine, loadAverages, markdownTable, median, parseBenchOptions, RESULTS_FILE, ROOT as root, stopWithUsage, writeResultsSection } from './bench-support.ts';
import { generateCorpus, type CorpusSummary } from './generate-corpus.ts';

/** The issue's goals. */
const GOALS = { perPageRatio: 1.3, scaling: 11, peakMemoryMb: 2048, pageKb: 60 };

interface Options {
  pages: number[];
  runs: number;
  write: boolean;
}

const USAGE = 'Usage: npm run bench:build [-- --quick] [-- --pages 1000,10000] [-- --runs N] [-- --no-write]';

function readOptions(): Options {
  const values = parseBenchOptions(USAGE, {
    quick: { type: 'boolean' },
    pages: { type: 'string', default: '' },
    runs: { type: 'number', default: 1, min: 1 },
    'no-write': { type: 'boolean' },
  });
  const pages = values.pages ? values.pages.split(',').map(Number) : values.quick ? [100, 1_000] : [1_000, 10_000];
  if (pages.length !== 2 || !pages.every((n) => Number.isInteger(n) && n >= 50) || pages[0] >= pages[1]) {
    stopWithUsage('--pages takes two sizes, smaller first, each at least 50.', USAGE);
  }
  return { pages, runs: values.runs, write: !values['no-write'] };
}

// ---------------------------------------------------------------------------
// Running a command and measuring it.

interface Run {
  /** Seconds. */
  wall: number;
  /** User + system CPU seconds of every process in the tree. */
  cpu: number;
  /** The peak of the summed resident memory of every process in the tree, in MB. */
  treePeakMb: number;
  /** Each program's largest peak resident memory (the kernel's high-water mark), in MB, largest first. */
  programs: { name: string; peakMb: number }[];
  stdout: string;
}

/**
 * Follows a process tree through Linux's /proc: the summed resident memory
 * (pages shared between processes count once per process, so it errs high),
 * each process's own high-water mark and CPU time. /usr/bin/time would miss
 * Pagefind's indexer, which the build starts but does not wait for.
 */
class TreeSampler {
  peakTreeKb = 0;
  /** By pid and start time, so a reused pid is another process. */
  private processes = new Map<string, { name: string; hwmKb: number; ticks: number }>();

  private readonly rootPid: number;

  constructor(rootPid: number) {
    this.rootPid = rootPid;
  }

  sample(): void {
    let total = 0;
    const pending = [this.rootPid];
    while (pending.length > 0) {
      const pid = pending.pop() as number;
      try {
        const status = readFileSync(`/proc/${pid}/status`, 'utf8');
        // Fields after the command name, which may hold spaces: utime and stime are the 14th and 15th, starttime the 22nd.
        const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
        const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        const kb = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+)`, 'm').exec(status)?.[1] ?? 0);
        const key = `${pid}:${fields[19]}`;
        // Named by the program it runs (node names its main thread "MainThread" in stat).
        const seen = this.processes.get(key) ?? { name: basename(readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0')[0]), hwmKb: 0, ticks: 0 };
        this.processes.set(key, { name: seen.name, hwmKb: Math.max(seen.hwmKb, kb('VmHWM')), ticks: Math.max(seen.ticks, Number(fields[11]) + Number(fields[12])) });
        total += kb('VmRSS');
        for (const task of readdirSync(`/proc/${pid}/task`)) {
          const children = readFileSync(`/proc/${pid}/task/${task}/children`, 'utf8').trim();
          if (children) pending.push(...children.split(' ').map(Number));
        }
      } catch {
        // The process ended between two reads: it holds no memory any more.
      }
    }
    this.peakTreeKb = Math.max(this.peakTreeKb, total);
  }

  /** CPU seconds: /proc counts in hundredths of a second (USER_HZ) on every Linux. */
  get cpuSeconds(): number {
    return [...this.processes.values()].reduce((sum, p) => sum + p.ticks, 0) / 100;
  }

  /** Each program's largest high-water mark, largest first; programs under 50 MB (git, for one) left out. */
  get programs(): { name: string; peakMb: number }[] {
    const peaks = new Map<string, number>();
    for (const p of this.processes.values()) peaks.set(p.name, Math.max(peaks.get(p.name) ?? 0, p.hwmKb / 1024));
    return [...peaks].map(([name, peakMb]) => ({ name, peakMb })).filter((p) => p.peakMb >= 50).sort((a, b) => b.peakMb - a.peakMb);
  }
}

/** Runs a command to its end, timing it and sampling its process tree; throws with its output when it fails. */
async function measure(label: string, args: string[], cwd: string, env: NodeJS.ProcessEnv): Promise<Run> {
  process.stdout.write(`  ${label}… `);
  const started = performance.now();
  const child = spawn(args[0], args.slice(1), { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (text: string) => (stdout += text));
  child.stderr.setEncoding('utf8').on('data', (text: string) => (stderr += text));
  const sampler = new TreeSampler(child.pid as number);
  // Every 100 ms: a process's last tenth of a second of CPU may be missed, a negligible part of a build.
  const timer = setInterval(() => sampler.sample(), 100);
  const status = await new Promise<number | null>((done) => child.on('close', done));
  clearInterval(timer);
  const wall = (performance.now() - started) / 1000;
  if (status !== 0) throw new Error(`${label} failed (exit ${status}):\n${stdout.slice(-3000)}\n${stderr.slice(-3000)}`);
  const run: Run = { wall, cpu: sampler.cpuSeconds, treePeakMb: sampler.peakTreeKb / 1024, programs: sampler.programs, stdout };
  process.stdout.write(`${wall.toFixed(1)} s, CPU ${run.cpu.toFixed(1)} s, peak ${run.treePeakMb.toFixed(0)} MB\n`);
  return run;
}

/** The median of each figure over runs (peaks: the largest). */
function summarise(runs: Run[]): Omit<Run, 'stdout'> {
  return {
    wall: median(runs.map((r) => r.wall)),
    cpu: median(runs.map((r) => r.cpu)),
    treePeakMb: Math.max(...runs.map((r) => r.treePeakMb)),
    programs: runs.reduce((a, b) => (b.treePeakMb > a.treePeakMb ? b : a)).programs,
  };
}

// ---------------------------------------------------------------------------
// The synthetic register, sized in pages.

/** Pages that exist whatever the content: the .astro routes without a parameter (home, register, search…). */
function fixedPageCount(): number {
  return readdirSync(join(root, 'src/pages'), { recursive: true }).filter((f) => String(f).endsWith('.astro') && !String(f).includes('[')).length;
}

/**
 * The pages a build of `dir` will write: one for every content file but
 * site.yaml, one for each pre-built filter of the register, and the fixed ones.
 * Only for sizing the register: the figures use the pages the build wrote.
 */
function expectedPages(dir: string, summary: CorpusSummary): number {
  const model = checkContent(dir, { today: summary.today });
  return summary.files - 1 + filterPages(registerRows(model)).length + fixedPageCount();
}

/** Writes a register whose build has about `pages` pages; the filter pages grow slower than the files, so it takes two or three tries. */
function corpusForPages(dir: string, pages: number): { summary: CorpusSummary; expected: number } {
  let files = pages;
  for (let attempt = 0; ; attempt++) {
    const summary = generateCorpus(dir, { files });
    const expected = expectedPages(dir, summary);
    if (Math.abs(expected - pages) <= Math.max(2, pages * 0.002) || attempt === 3) return { summary, expected };
    files = Math.max(10, files - (expected - pages));
  }
}

/** Commits the register as one commit, so the build reads a history as it does for a real register. */
function commitCorpus(dir: string): void {
  const env = {
    ...process.env,
    GIT_CONFIG_GLOBAL: '/dev/null',
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_AUTHOR_NAME: 'Benchmark',
    GIT_AUTHOR_EMAIL: 'bench@example.org',
    GIT_COMMITTER_NAME: 'Benchmark',
    GIT_COMMITTER_EMAIL: 'bench@example.org',
    GIT_AUTHOR_DATE: '2026-11-26T12:00:00+00:00',
    GIT_COMMITTER_DATE: '2026-11-26T12:00:00+00:00',
  };
  for (const args of [['init', '-q', '-b', 'main'], ['add', '-A'], ['commit', '-q', '-m', 'Synthetic register']]) {
    const git = spawnSync('git', args, { cwd: dir, env, encoding: 'utf8' });
    if (git.status !== 0) throw new Error(`git ${args.join(' ')} failed: ${git.stderr}`);
  }
}

type Stage = 'check' | 'pages' | 'search' | 'rest';

/**
 * Each stage's own seconds, from the lines scripts/build.ts prints ("Writing
 * pages… 1000 pages (12345 ms)"); the rest (start-up, the final swap) is the
 * run's wall time less the stages.
 */
function stageTimes(run: Run): Record<Stage, number | undefined> {
  const after = (label: string) => {
    const at = run.stdout.indexOf(label);
    const ms = at === -1 ? undefined : /\((\d+) ms\)/.exec(run.stdout.slice(at))?.[1];
    return ms === undefined ? undefined : Number(ms) / 1000;
  };
  const stages = { check: after('Checking '), pages: after('Writing pages'), search: after('Indexing search') };
  return { ...stages, rest: run.wall - (stages.check ?? 0) - (stages.pages ?? 0) - (stages.search ?? 0) };
}

function countHtml(dir: string): number {
  return readdirSync(dir, { recursive: true }).filter((f) => String(f).endsWith('.html')).length;
}

// ---------------------------------------------------------------------------
// The bare Astro project.

/** Paragraphs of the register's own Markdown, so the bare pages hold text like the register's. */
function paragraphsOf(dir: string): string[] {
  const paragraphs: string[] = [];
  for (const file of readdirSync(dir, { recursive: true }).map(String).filter((f) => f.endsWith('.md')).sort()) {
    const text = readFileSync(join(dir, file), 'utf8');
    const body = text.startsWith('---') ? text.slice(text.indexOf('\n---', 3) + 4) : text;
    paragraphs.push(...body.split(/\n{2,}/).map((p) => p.trim()).filter(Boolean));
  }
  return paragraphs;
}

/**
 * A bare Astro project of `pages` plain Markdown pages (no layout, no
 * components) holding `bytes` of text in all, as much as the register's
 * content files, using this project's Astro through a linked node_modules.
 */
function writeBareProject(dir: string, pages: number, bytes: number, paragraphs: string[]): void {
  const pagesDir = join(dir, 'src', 'pages');
  mkdirSync(pagesDir, { recursive: true });
  symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'), 'dir');
  writeFileSync(join(dir, 'package.json'), '{ "name": "bare-astro", "private": true, "type": "module" }\n');
  // Caches inside the project, not in the linked node_modules.
  writeFileSync(join(dir, 'astro.config.mjs'), "export default { output: 'static', trailingSlash: 'always', build: { format: 'directory' }, devToolbar: { enabled: false }, cacheDir: './.astro-cache', vite: { cacheDir: './.vite-cache' } };\n");
  // Astro is called as scripts/build.ts calls it: build() in the one node process, errors only.
  writeFileSync(join(dir, 'build.mjs'), "import { build } from 'astro';\nawait build({ root: process.cwd(), logLevel: 'error' });\n");
  const perPage = bytes / pages;
  let next = 0;
  for (let i = 1; i <= pages; i++) {
    const title = `Page ${i}`;
    let text = `---\ntitle: ${title}\n---\n\n# ${title}\n`;
    while (text.length < perPage) text += `\n${paragraphs[next++ % paragraphs.length]}\n`;
    writeFileSync(join(pagesDir, `page-${String(i).padStart(5, '0')}.md`), text);
  }
}

// ---------------------------------------------------------------------------
// Page weight.

interface Resource {
  url: string;
  kind: 'html' | 'css' | 'js' | 'image' | 'font' | 'other';
  raw: number;
  /** What it costs on the wire: gzipped for text, as served; as is for formats that are compressed already. */
  sent: number;
}

interface PageWeight {
  page: string;
  resources: Resource[];
  total: number;
  byKind: Record<Resource['kind'], number>;
  /** Addresses on other sites (none expected: the policy allows only 'self'). */
  external: string[];
}

const KINDS: Record<string, Resource['kind']> = {
  '.html': 'html', '.css': 'css', '.js': 'js', '.mjs': 'js',
  '.svg': 'image', '.png': 'image', '.jpg': 'image', '.jpeg': 'image', '.gif': 'image', '.webp': 'image', '.avif': 'image', '.ico': 'image',
  '.woff2': 'font', '.woff': 'font', '.ttf': 'font', '.otf': 'font',
};
const COMPRESSIBLE = new Set(['.html', '.css', '.js', '.mjs', '.svg', '.json', '.xml', '.txt', '.ico', '.ttf', '.otf']);
/** Link relations a browser fetches when it loads the page (not alternate, canonical and the like). */
const FETCHED_LINKS = /\b(stylesheet|icon|apple-touch-icon|preload|modulepreload|manifest)\b/i;

const decode = (value: string) => value.replaceAll('&amp;', '&').replaceAll('&quot;', '"').replaceAll('&#39;', "'");
const attribute = (tag: string, name: string) => {
  const match = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i').exec(tag);
  return match ? decode(match[1] ?? match[2] ?? match[3]) : undefined;
};

/** The addresses an HTML page makes the browser fetch as it loads. */
function htmlReferences(html: string): string[] {
  const found: string[] = [];
  for (const [tag, name] of html.matchAll(/<(link|script|img|source|image|video|audio|iframe|embed|object|input)\b[^>]*>/gi)) {
    const element = name.toLowerCase();
    if (element === 'link') {
      if (FETCHED_LINKS.test(attribute(tag, 'rel') ?? '')) found.push(attribute(tag, 'href') ?? '');
      continue;
    }
    for (const key of ['src', 'href', 'xlink:href', 'poster', 'data']) found.push(attribute(tag, key) ?? '');
    // Of a srcset the browser fetches one candidate; the first stands for it.
    const srcset = attribute(tag, 'srcset');
    if (srcset) found.push(srcset.trim().split(/\s+/)[0]);
  }
  return found;
}

/** What a stylesheet fetches: imports, fonts (only a face's first, preferred, source) and images. */
function cssReferences(css: string): string[] {
  const urls = (text: string) => [...text.matchAll(/url\(\s*(?:"([^"]*)"|'([^']*)'|([^)\s]*))\s*\)/g)].map((m) => m[1] ?? m[2] ?? m[3]);
  const found: string[] = [];
  const rest = css.replace(/@font-face\s*\{[^}]*\}/g, (face) => {
    const src = /src\s*:([^;}]*)/.exec(face)?.[1];
    if (src) found.push(...urls(src).slice(0, 1));
    return '';
  });
  found.push(...urls(rest));
  for (const m of rest.matchAll(/@import\s+(?:"([^"]*)"|'([^']*)')/g)) found.push(m[1] ?? m[2]);
  return found;
}

/** What a module script imports before it runs (static imports only; import() happens on demand). */
function jsReferences(js: string): string[] {
  return [...js.matchAll(/(?:\bfrom\s*|\bimport\s*)["']([^"']+)["']/g)].map((m) => m[1]);
}

/**
 * Everything a browser downloads to show one page of a built site, each file
 * once. Text is gzipped (zlib's default level 6, as servers commonly do);
 * images and fonts that are compressed already are counted as they are.
 */
function weighPage(site: string, pagePath: string): PageWeight {
  const resources = new Map<string, Resource>();
  const external = new Set<string>();
  const visit = (url: string, from: string) => {
    if (!url || url.startsWith('#') || /^(data|mailto|tel|javascript):/i.test(url)) return;
    if (/^([a-z]+:)?\/\//i.test(url)) {
      external.add(url);
      return;
    }
    const path = posix.normalize(url.startsWith('/') ? url.split(/[?#]/)[0] : posix.join(posix.dirname(from), url.split(/[?#]/)[0]));
    const file = join(site, path.endsWith('/') ? `${path}index.html` : path);
    if (resources.has(path) || !existsSync(file)) return;
    const bytes = readFileSync(file);
    const ext = extname(file).toLowerCase();
    resources.set(path, { url: path, kind: KINDS[ext] ?? 'other', raw: bytes.length, sent: COMPRESSIBLE.has(ext) ? gzipSync(bytes).length : bytes.length });
    const text = () => bytes.toString('utf8');
    if (ext === '.html') for (const ref of htmlReferences(text())) visit(ref, path);
    else if (ext === '.css') for (const ref of cssReferences(text())) visit(ref, path);
    else if (ext === '.js' || ext === '.mjs') for (const ref of jsReferences(text())) visit(ref, path);
  };
  visit(pagePath, '/');
  const list = [...resources.values()];
  const byKind = { html: 0, css: 0, js: 0, image: 0, font: 0, other: 0 };
  for (const r of list) byKind[r.kind] += r.sent;
  return { page: pagePath, resources: list, total: list.reduce((n, r) => n + r.sent, 0), byKind, external: [...external] };
}

// ---------------------------------------------------------------------------
// Output.

const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;
const mb = (value: number | undefined) => (value === undefined ? '–' : `${value.toFixed(0)} MB`);
const seconds = (value: number | undefined) => (value === undefined ? '–' : `${value.toFixed(1)} s`);
const verdict = (ok: boolean) => (ok ? 'met' : '**missed**');


// ---------------------------------------------------------------------------

interface Size {
  target: number;
  corpus: CorpusSummary;
  pages: number;
  ours: Omit<Run, 'stdout'>;
  /** Medians over the runs. */
  stages: Record<Stage, number | undefined>;
  bare: Omit<Run, 'stdout'>;
  barePages: number;
}

async function main(options: Options): Promise<void> {
  const node = process.execPath;
  const scratch = mkdtempSync(join(tmpdir(), 'bench-build-'));
  const env: NodeJS.ProcessEnv = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' };
  const loadBefore = loadAverages();
  try {
    // The example register first: its build also warms the file cache for the timed builds.
    process.stdout.write('Weighing the example register\'s partnership pages\n');
    const exampleEnv = { ...env };
    delete exampleEnv.CONTENT_DIR;
    const exampleOut = join(scratch, 'example');
    let diagramLine: string;
    try {
      const example = await measure('building content/', [node, 'scripts/build.ts', '--out', exampleOut], root, exampleEnv);
      const drawn = /Rendering (\d+) diagrams…[\s\S]*?(\d+ drawn, \d+ unchanged(?:, \d+ as text only)?)/.exec(example.stdout);
      diagramLine = drawn ? `${drawn[1]} diagrams: ${drawn[2]}` : 'no diagrams drawn';
    } catch (error) {
      // A page without its drawing is lighter: say so loudly, but still measure the rest.
      const reason = /Build stopped: ([^\n]*)/.exec((error as Error).message)?.[1] ?? 'the build failed';
      process.stdout.write(`\n  THE BUILD WITH DIAGRAMS FAILED (${reason}); weighing the pages without drawings\n`);
      await measure('building content/ --no-diagrams', [node, 'scripts/build.ts', '--no-diagrams', '--out', exampleOut], root, exampleEnv);
      diagramLine = `**without diagrams: the build with diagrams failed (${reason}), so the weights below are too low**`;
    }
    const weights = readdirSync(join(exampleOut, 'partnerships'), { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => weighPage(exampleOut, `/partnerships/${d.name}/`))
      .sort((a, b) => a.total - b.total);
    const typical = weights[(weights.length - 1) >> 1];

    const sizes: Size[] = [];
    for (const target of options.pages) {
      process.stdout.write(`\n${target} pages\n`);
      const contentDir = join(scratch, `content-${target}`);
      const { summary: corpus, expected } = corpusForPages(contentDir, target);
      commitCorpus(contentDir);
      process.stdout.write(`  register: ${corpus.files} content files (${(corpus.bytes / 1e6).toFixed(1)} MB, ${corpus.partnerships} partnerships), ${expected} pages expected\n`);
      const bareDir = join(scratch, `bare-${target}`);
      const ourRuns: Run[] = [];
      const bareRuns: Run[] = [];
      let pages = 0;
      let barePages = 0;
      for (let run = 1; run <= options.runs; run++) {
        const out = join(scratch, `out-${target}`);
        rmSync(out, { recursive: true, force: true });
        const buildEnv = { ...env, CONTENT_DIR: contentDir, REGISTER_TODAY: corpus.today };
        ourRuns.push(await measure(`register build, run ${run}`, [node, 'scripts/build.ts', '--no-diagrams', '--out', out], root, buildEnv));
        pages = countHtml(out);
        rmSync(out, { recursive: true, force: true });
        // A fresh bare project each run, as the register's build starts without an output folder.
        rmSync(bareDir, { recursive: true, force: true });
        if (run === 1) process.stdout.write(`  register build wrote ${pages} pages\n`);
        writeBareProject(bareDir, pages, corpus.bytes, paragraphsOf(contentDir));
        bareRuns.push(await measure(`bare Astro build, run ${run}`, [node, 'build.mjs'], bareDir, env));
        barePages = countHtml(join(bareDir, 'dist'));
        rmSync(bareDir, { recursive: true, force: true });
      }
      const stages = ourRuns.map(stageTimes);
      const stageMedian = (key: Stage) => {
        const values = stages.map((s) => s[key]).filter((v) => v !== undefined);
        return values.length ? median(values) : undefined;
      };
      rmSync(contentDir, { recursive: true, force: true });
      sizes.push({ target, corpus, pages, ours: summarise(ourRuns), stages: { check: stageMedian('check'), pages: stageMedian('pages'), search: stageMedian('search'), rest: stageMedian('rest') }, bare: summarise(bareRuns), barePages });
    }
    const loadAfter = loadAverages();
    report(options, sizes, weights, typical, diagramLine, loadBefore, loadAfter);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

function report(options: Options, sizes: Size[], weights: PageWeight[], typical: PageWeight, diagramLine: string, loadBefore: string, loadAfter: string): void {
  const [small, large] = sizes;
  const perPage = (value: number, pages: number) => (value * 1000) / pages;
  const times = (value: number) => `${value.toFixed(2)}×`;
  const wallRatio = (s: Size) => perPage(s.ours.wall, s.pages) / perPage(s.bare.wall, s.barePages);
  const cpuRatio = (s: Size) => perPage(s.ours.cpu, s.pages) / perPage(s.bare.cpu, s.barePages);
  const withoutSearch = (s: Size) => perPage(s.ours.wall - (s.stages.search ?? 0), s.pages) / perPage(s.bare.wall, s.barePages);
  const scaling = large.ours.wall / small.ours.wall;
  const programs = (run: Omit<Run, 'stdout'>) => run.programs.slice(0, 3).map((p) => `${p.name} ${p.peakMb.toFixed(0)} MB`).join(', ');
  const jsLoaded = typical.resources.filter((r) => r.kind === 'js');

  const buildRows = [
    ['build', 'pages', 'wall', 'ms/page', 'CPU', 'CPU ms/page', 'peak memory, tree', 'peak of each program'],
    ...sizes.flatMap((s) => [
      [`register, ${s.corpus.files} content files`, String(s.pages), seconds(s.ours.wall), perPage(s.ours.wall, s.pages).toFixed(1), seconds(s.ours.cpu), perPage(s.ours.cpu, s.pages).toFixed(1), mb(s.ours.treePeakMb), programs(s.ours)],
      [`bare Astro, ${s.barePages} Markdown pages`, String(s.barePages), seconds(s.bare.wall), perPage(s.bare.wall, s.barePages).toFixed(1), seconds(s.bare.cpu), perPage(s.bare.cpu, s.barePages).toFixed(1), mb(s.bare.treePeakMb), programs(s.bare)],
    ]),
  ];
  const stageRows = [
    ['register build, by stage (as scripts/build.ts prints them)', 'check', 'pages (Astro)', 'search index (Pagefind)', 'the rest: start-up, swap'],
    ...sizes.map((s) => [`${s.pages} pages`, seconds(s.stages.check), seconds(s.stages.pages), seconds(s.stages.search), seconds(s.stages.rest)]),
  ];
  const goalRows = [
    ['figure', 'measured', 'by CPU time', 'goal', ''],
    ...sizes.map((s) => [`build ms/page ÷ bare Astro ms/page, ${s.pages} pages`, times(wallRatio(s)), times(cpuRatio(s)), `≤ ${GOALS.perPageRatio}×`, verdict(wallRatio(s) <= GOALS.perPageRatio)]),
    [`build(${large.pages} pages) ÷ build(${small.pages} pages)`, times(scaling), times(large.ours.cpu / small.ours.cpu), `≤ ${GOALS.scaling}×`, verdict(scaling <= GOALS.scaling)],
    [`peak memory at ${large.pages} pages (the build and every process it starts)`, mb(large.ours.treePeakMb), '', `≤ ${GOALS.peakMemoryMb} MB`, verdict(large.ours.treePeakMb <= GOALS.peakMemoryMb)],
    [`typical partnership page with all it loads, gzipped (${typical.page})`, kb(typical.total), '', `≤ ${GOALS.pageKb} kB`, verdict(typical.total <= GOALS.pageKb * 1000)],
    ['JavaScript required to read it', '0 bytes', '', '0', verdict(true)],
  ];
  const contextRows = [
    ['for comparison', 'measured'],
    ...sizes.map((s) => [`build without its search-index stage, ms/page ÷ bare Astro, ${s.pages} pages`, times(withoutSearch(s))]),
    ...sizes.map((s) => [`pages stage alone (Astro rendering the register) ÷ bare Astro build, ${s.pages} pages`, s.stages.pages === undefined ? '–' : times(s.stages.pages / s.bare.wall)]),
    [`bare Astro: build(${large.barePages} pages) ÷ build(${small.barePages} pages)`, times(large.bare.wall / small.bare.wall)],
    [`pages written: ${large.pages} ÷ ${small.pages}`, times(large.pages / small.pages)],
  ];
  const weightRows = [
    ['partnership page', 'HTML', 'CSS', 'JS (optional)', 'images', 'fonts', 'total', 'files'],
    ...weights.map((w) => [w === typical ? `${w.page} (typical: the median)` : w.page, kb(w.byKind.html), kb(w.byKind.css), kb(w.byKind.js), kb(w.byKind.image), kb(w.byKind.font), kb(w.total), String(w.resources.length)]),
  ];
  const external = [...new Set(weights.flatMap((w) => w.external))];
  const busy = Number(loadBefore.split(',')[0]) > 0.7 || Number(loadAfter.split(',')[0]) > 1.5;
  const reproduce = [...(options.pages.join(',') === '1000,10000' ? [] : [`--pages ${options.pages.join(',')}`]), ...(options.runs > 1 ? [`--runs ${options.runs}`] : [])];

  const body = [
    '`npm run bench:build` (also run by `npm run bench`): the whole build, `node scripts/build.ts --no-diagrams --out <tmp>`, of a synthetic',
    'register (scripts/generate-corpus.ts, default seed, sized so the build writes about the pages asked for, committed to a throwaway git',
    'repository so pages read their history), against a bare Astro project of as many plain Markdown pages (no layout, no components) holding',
    'as much text as the register\'s content files, built by the same Astro in the same way (`build()` in one node process, errors-only logging).',
    'Diagrams are not drawn in these builds: that is a browser\'s work, timed by `npm run bench:diagrams`.',
    `${options.runs === 1 ? 'One run of each build' : `Median of ${options.runs} runs of each build`}, one after the other on the same machine; ms/page is wall time ÷ pages written.`,
    'Memory and CPU are read from /proc every 100 ms for the build and every process it starts (Pagefind\'s indexer among them: /usr/bin/time',
    'would miss it, as the build does not wait for it). Peak memory, tree: the largest sum of their resident memory at one moment (pages shared',
    'between processes count once per process, so it errs high). Peak of each program: its kernel high-water mark. CPU: user + system seconds',
    'of all of them, less disturbed than wall time by other work on the machine; with 2 CPUs a build can use more CPU time than wall time.',
    '',
    `- Machine: ${describeMachine()}; 1-, 5- and 15-minute load averages ${loadBefore} before the runs and ${loadAfter} after${busy ? ' (other work shared the CPUs: wall times are slower than on a quiet machine; compare CPU times)' : ''}`,
    `- Date: ${new Date().toISOString().slice(0, 10)}; ${describeCommit()}`,
    `- Reproduce: \`npm run bench:build${reproduce.length ? ` -- ${reproduce.join(' ')}` : ''}\``,
    '',
    markdownTable(buildRows),
    '',
    markdownTable(stageRows),
    '',
    markdownTable(goalRows),
    '',
    markdownTable(contextRows),
    '',
    `**Page weight**: every partnership page of the example register (content/), built with \`node scripts/build.ts --out <tmp>\` (${diagramLine}),`,
    'with every file the browser fetches to show it: the HTML, its stylesheet, scripts and the modules they import, images and icons, and what the',
    'stylesheet fetches (fonts, images). Text is gzipped (zlib level 6); formats compressed already are counted as they are. Each file once.',
    'JavaScript required: 0. Every page is complete without it (the quality gate "shows all its content without JavaScript" in test/quality/browser',
    `checks every page type in Chromium); the typical page loads ${jsLoaded.length} optional script${jsLoaded.length === 1 ? '' : 's'} (${jsLoaded.map((r) => `${r.url}, ${kb(r.sent)}`).join('; ') || 'none'}), which only enhances it.`,
    external.length ? `Addresses on other sites, not counted: ${external.join(', ')}.` : 'No page fetches anything from another site.',
    '',
    markdownTable(weightRows),
  ].join('\n');

  process.stdout.write(`\n${body}\n`);
  if (options.write) {
    writeResultsSection({ name: 'build', title: 'Build', script: 'bench-build.ts' }, body);
    process.stdout.write(`\nResults written to ${relative(process.cwd(), RESULTS_FILE)}\n`);
  }
}

try {
  await main(readOptions());
} catch (error) {
  process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
  process.exitCode = 1;
}
