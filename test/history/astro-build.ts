/**
 * Builds a one-page Astro site in a temporary folder, so components can be
 * tested as readers get them: compiled, rendered and written to HTML.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'astro';

/** The project's own folder, for imports of its components. */
export const PROJECT_ROOT = resolve(import.meta.dirname, '../..');

/**
 * Builds `page` (an .astro source, which may import the project's files by
 * absolute path through `PROJECT_ROOT`) with CONTENT_DIR set to `contentDir`,
 * and returns the HTML written.
 */
export async function buildPage(page: string, contentDir: string): Promise<string> {
  const project = mkdtempSync(join(tmpdir(), 'register-page-'));
  const previous = process.env.CONTENT_DIR;
  try {
    mkdirSync(join(project, 'src', 'pages'), { recursive: true });
    symlinkSync(join(PROJECT_ROOT, 'node_modules'), join(project, 'node_modules'));
    writeFileSync(join(project, 'src', 'pages', 'index.astro'), page);
    process.env.CONTENT_DIR = contentDir;
    await build({ root: project, outDir: join(project, 'dist'), logLevel: 'error' });
    return readFileSync(join(project, 'dist', 'index.html'), 'utf8');
  } finally {
    if (previous === undefined) delete process.env.CONTENT_DIR;
    else process.env.CONTENT_DIR = previous;
    rmSync(project, { recursive: true, force: true });
  }
}
