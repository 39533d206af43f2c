/**
 * The preview an officer runs (`npm run dev`), on a copy of the valid fixture:
 * a terminal without developers' notices, the saved file's problems first, a
 * page whose file cannot be read showing its problem, no worked-out figures
 * beside an error about them, and an edited structure's diagram drawn.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findBrowser, noBrowserReason } from '../../src/diagrams/browser.ts';
import { ROOT, VALID } from '../helpers/fixtures.ts';

const browser = findBrowser();
if (!browser) console.warn(`SKIPPED: the preview's diagram test, which needs a browser to draw with: ${noBrowserReason()}.`);

const PORT = 4900 + (process.pid % 500);
/** Where the preview answers: the port asked for, or the next free one, as it prints (another preview may hold the first). */
let base = '';
let server: ChildProcess;
let work: string;
let printed = '';
/** What the dev server has printed, without colours: Astro colours its lines when CI is set, even into a pipe. */
const output = () => stripVTControlCharacters(printed);

const content = (path: string) => join(work, 'content', path);
const edit = (path: string, from: string | RegExp, to: string) => {
  const text = readFileSync(content(path), 'utf8');
  const edited = text.replace(from, to);
  expect(edited, `${path} holds ${from}`).not.toBe(text);
  writeFileSync(content(path), edited);
};

async function fetchText(path: string): Promise<string> {
  // A request made while Vite is still optimising dependencies can stall: give up and ask again.
  const response = await fetch(base + path, { signal: AbortSignal.timeout(10_000) });
  return response.text();
}

/** Waits for a page to satisfy a test, and returns it. */
async function waitForPage(path: string, test: (page: string) => boolean, what: string, timeoutMs = 30_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const page = await fetchText(path).catch(() => '');
    if (test(page)) return page;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`timed out waiting for ${what}; the dev server said:\n${output()}`);
}

/** The problem lines of the preview's box, in order. */
const boxLines = (page: string) => [...page.matchAll(/<li><code>([^<]*)<\/code><\/li>/g)].map((match) => match[1]);

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'officer-preview-'));
  cpSync(VALID, join(work, 'content'), { recursive: true });
  // --ignore-lock: other previews may run from this project at the same time (Astro allows one per project otherwise).
  server = spawn(process.execPath, [join(ROOT, 'node_modules/astro/bin/astro.mjs'), 'dev', '--ignore-lock', '--host', '127.0.0.1', '--port', String(PORT)], {
    cwd: ROOT,
    // As an officer runs it: not in Vitest's test mode, which would turn off what only the preview shows.
    env: {
      ...Object.fromEntries(Object.entries(process.env).filter(([key]) => key !== 'NODE_ENV' && !key.startsWith('VITEST'))),
      CONTENT_DIR: join(work, 'content'),
      DIAGRAM_CACHE_DIR: join(work, 'diagrams'),
      ASTRO_TELEMETRY_DISABLED: '1',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  server.stdout?.on('data', (chunk) => (printed += chunk));
  server.stderr?.on('data', (chunk) => (printed += chunk));
  // Starting takes seconds, and more on a machine shared with other builds.
  const deadline = Date.now() + 90_000;
  while (!base && Date.now() < deadline) {
    base = /Local\s+(http:\/\/127\.0\.0\.1:\d+)\//.exec(output())?.[1] ?? '';
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  if (!base) throw new Error(`the dev server printed no address to open; it said:\n${output()}`);
  await waitForPage('/', (page) => page.includes('</html>'), 'the dev server to start', 60_000);
}, 180_000);

afterAll(() => {
  server?.kill();
  rmSync(work, { recursive: true, force: true });
});

describe('the preview (npm run dev) an officer runs', () => {
  it('prints the checker’s report and the address, and none of Astro’s, Vite’s or Shiki’s notices for developers', async () => {
    await fetchText('/partnerships/no-such-partnership/');
    await fetchText('/decisions/');
    expect(output()).toContain('files checked: 0 errors, 0 warnings');
    expect(output()).toMatch(/Local\s+http:\/\/127\.0\.0\.1:\d+\//);
    for (const notice of ['Shiki', 'getStaticPaths', '[vite]', '[types]', '[200]', '[404]', 'New version of Astro', '@astrojs/upgrade']) expect(output()).not.toContain(notice);
  });

  it('lists the problems of the file just saved first, on the page and in the terminal', async () => {
    // Someone else's warning, in a file the checker lists first…
    edit('partnerships/county-partnership/structures/2010-current.yaml', 'size: 12', 'size: 15');
    await waitForPage('/', (page) => page.includes('size-mismatch'), 'the warning to show');
    // …then the officer's own mistake.
    edit('partnerships/town-lsp/partnership.md', /^summary:/m, 'sumary:');
    const page = await waitForPage('/', (text) => text.includes('unknown-key'), 'the saved file’s problem to show');
    expect(boxLines(page)[0]).toMatch(/^content\/partnerships\/town-lsp\/partnership\.md:\d+:1 {2}error {2}unknown-key/);
    expect(page).toContain('In the file you saved, content/partnerships/town-lsp/partnership.md');
    const report = output().slice(output().lastIndexOf('was saved:'));
    expect(report.split('\n').find((line) => / {2}(error|warning) {2}/.test(line))).toContain('town-lsp/partnership.md');
    edit('partnerships/town-lsp/partnership.md', /^sumary:/m, 'summary:');
    edit('partnerships/county-partnership/structures/2010-current.yaml', 'size: 15', 'size: 12');
    await waitForPage('/', (text) => !text.includes('Preview: the checker found'), 'the problems to go away');
  }, 90_000);

  it('shows the problem of a file that does not parse on its page, not “Page not found”', async () => {
    const path = '/partnerships/town-lsp/decisions/2009-01-20-adopt-structure/';
    edit('partnerships/town-lsp/decisions/2009-01-20-adopt-structure.md', /^title: /m, 'title: [');
    const page = await waitForPage(path, (text) => text.includes('yaml-syntax'), 'the syntax error to show on the page');
    expect(page).toContain('This page cannot be shown until its file is fixed');
    expect(page).not.toContain('Page not found');
    edit('partnerships/town-lsp/decisions/2009-01-20-adopt-structure.md', /^title: \[/m, 'title: ');
    await waitForPage(path, (text) => !text.includes('yaml-syntax') && text.includes('</html>'), 'the page to come back');
  }, 60_000);

  it('states no remaining amounts, nor that they agree, beside an error about them', async () => {
    const path = '/partnerships/county-partnership/decisions/2011-11-08-grant-allocation/';
    expect(await fetchText(path)).toMatch(/Remaining<\/th>/);
    edit('partnerships/county-partnership/decisions/2011-11-08-grant-allocation.md', 'revenue: "£27,535.40", capital: 89910.60', 'revenue: "£37,500.00", capital: 89910.60');
    const page = await waitForPage(path, (text) => text.includes('remaining-mismatch'), 'the error to show');
    expect(page).not.toMatch(/Remaining<\/th>/);
    expect(page).not.toContain('agree with those stated in the report');
    edit('partnerships/county-partnership/decisions/2011-11-08-grant-allocation.md', '"£37,500.00"', '"£27,535.40"');
    await waitForPage(path, (text) => !text.includes('remaining-mismatch') && text.includes('</html>'), 'the error to go away');
  }, 60_000);

  it('shows a decision added while the preview runs, and forgets it once deleted', async () => {
    const file = content('partnerships/town-lsp/decisions/2010-05-04-new-decision.md');
    const path = '/partnerships/town-lsp/decisions/2010-05-04-new-decision/';
    const original = readFileSync(content('partnerships/town-lsp/decisions/2009-01-20-adopt-structure.md'), 'utf8');
    writeFileSync(file, original.replace(/^title: .*$/m, 'title: A decision saved during the preview').replace(/^date: .*$/m, 'date: 2010-05-04').replace(/^supersedes: .*\n/m, ''));
    await waitForPage(path, (text) => text.includes('A decision saved during the preview'), 'the new decision’s page');
    rmSync(file);
    await waitForPage(path, (text) => !text.includes('A decision saved during the preview'), 'the deleted decision’s page to go');
  }, 60_000);

  it.skipIf(!browser)('draws an edited structure’s diagram in the preview', async () => {
    const path = '/partnerships/county-partnership/structures/2010-current/';
    edit('partnerships/county-partnership/structures/2010-current.yaml', 'name: Partnership Board', 'name: Partnership Main Board');
    const saved = Date.now();
    const page = await waitForPage(path, (text) => text.includes('Partnership Main Board') && text.includes('class="app-diagram__canvas'), 'the diagram to be drawn');
    expect(page).not.toContain('Diagram not available in this build');
    console.log(`The edited structure's diagram was on its page ${((Date.now() - saved) / 1000).toFixed(1)} s after the save.`);
  }, 60_000);
});
