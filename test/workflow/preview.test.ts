/**
 * The officer's preview: `npm run dev` checks the content again when a file
 * changes, and the page shows the problems with file, line and column.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, VALID } from '../helpers/fixtures.ts';

const PORT = 4400 + (process.pid % 500);
const BASE = `http://127.0.0.1:${PORT}`;
let server: ChildProcess;
let contentDir: string;
let output = '';

async function fetchText(path: string): Promise<string> {
  // A request made while Vite is still optimising dependencies can stall: give up and ask again.
  const response = await fetch(BASE + path, { signal: AbortSignal.timeout(10_000) });
  return response.text();
}

async function waitFor(predicate: () => Promise<boolean>, what: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await predicate().catch(() => false)) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`timed out waiting for ${what}; the dev server said:\n${output}`);
}

beforeAll(async () => {
  contentDir = mkdtempSync(join(tmpdir(), 'preview-'));
  cpSync(VALID, contentDir, { recursive: true });
  server = spawn(process.execPath, [join(ROOT, 'node_modules/astro/bin/astro.mjs'), 'dev', '--host', '127.0.0.1', '--port', String(PORT)], {
    cwd: ROOT,
    // As an officer runs it: not in Vitest's test mode, which would turn off what only the preview shows.
    env: { ...Object.fromEntries(Object.entries(process.env).filter(([key]) => key !== 'NODE_ENV' && !key.startsWith('VITEST'))), CONTENT_DIR: contentDir, ASTRO_TELEMETRY_DISABLED: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  server.stdout?.on('data', (chunk) => (output += chunk));
  server.stderr?.on('data', (chunk) => (output += chunk));
  await waitFor(async () => (await fetchText('/')).includes('</html>'), 'the dev server to start', 60_000);
}, 90_000);

afterAll(() => {
  server?.kill();
  rmSync(contentDir, { recursive: true, force: true });
});

describe('the preview (npm run dev)', () => {
  it('shows a problem on the page, with its file and line, as soon as the file is saved, and clears it when fixed', async () => {
    const partnership = 'partnerships/county-partnership/partnership.md';
    const path = join(contentDir, partnership);
    const original = readFileSync(path, 'utf8');
    expect(await fetchText('/')).not.toContain('Preview: the checker found');

    writeFileSync(path, original.replace(/^summary:/m, 'sumary:'));
    await waitFor(async () => (await fetchText('/')).includes('unknown-key'), 'the problem to appear on the page');
    const page = await fetchText('/');
    expect(page).toMatch(new RegExp(`content/${partnership}:\\d+:1  error  unknown-key`));
    expect(page).toContain('did you mean `summary`');
    expect(output).toContain('unknown-key');

    writeFileSync(path, original);
    await waitFor(async () => !(await fetchText('/')).includes('unknown-key'), 'the problem to go away');
  }, 60_000);
});
