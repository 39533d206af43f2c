/**
 * Builds the site into a folder for tests: `node test/site/helpers/build-site.ts <outDir> [--diagrams] [--search]`.
 * The content folder comes from CONTENT_DIR, as for every command. It runs the
 * same steps as scripts/build.ts without its check report or the swap into
 * dist/, in a process of its own so Astro's Vite does not run inside Vitest's.
 */
import { resolve } from 'node:path';
import { build } from 'astro';
import { prepareDiagrams } from '../../../src/diagrams/prepare.ts';
import { loadModel } from '../../../src/model/index.ts';
import { indexSearch } from '../../../src/site/search-index.ts';

const [outDir, ...flags] = process.argv.slice(2);
if (!outDir) throw new Error('usage: build-site.ts <outDir> [--diagrams] [--search]');
const root = resolve(import.meta.dirname, '../../..');
if (flags.includes('--diagrams')) await prepareDiagrams(loadModel(), { log: () => {} });
await build({ root, outDir: resolve(outDir), logLevel: 'error' });
if (flags.includes('--search')) await indexSearch(resolve(outDir));
