/**
 * `npm run build -- --out <folder>` anywhere: Astro imports the server code it
 * writes into its output folder, and that code finds its packages only from
 * inside the project, so a folder elsewhere (the system's temporary folder, a
 * web server's) must still get the whole site, and nothing be left behind.
 */
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildOrThrow, FIXTURE_SITE_CONTENT, ROOT, workFolder } from './helpers/build-site.ts';

const outside = mkdtempSync(join(tmpdir(), 'register-out-'));
const work = workFolder('out-folder');
afterAll(() => {
  rmSync(outside, { recursive: true, force: true });
  rmSync(work, { recursive: true, force: true });
});

describe('an output folder outside the project', () => {
  it('gets the whole site, and no half-built folder is left in the project', () => {
    const out = join(outside, 'site');
    buildOrThrow({ content: FIXTURE_SITE_CONTENT, out, cwd: work });
    expect(existsSync(join(out, 'index.html'))).toBe(true);
    expect(existsSync(join(out, 'partnerships', 'index.html'))).toBe(true);
    expect(existsSync(join(out, 'pagefind'))).toBe(true);
    expect(readdirSync(outside)).toEqual(['site']);
    expect(readdirSync(join(ROOT, '.cache')).filter((name) => name.startsWith('build-'))).toEqual([]);
  }, 120_000);
});
