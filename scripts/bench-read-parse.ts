/**
 * The benchmark's floor: `CONTENT_DIR=<dir> node scripts/bench-read-parse.ts`
 * reads every content file and parses it with the libraries the checker was
 * written with (gray-matter to split a Markdown file's frontmatter, js-yaml
 * `load` for the YAML), and does nothing else. The goal: the checker
 * takes at most 1.3× this.
 *
 * It walks the folder the way the loader does (skipping dot-files, such as the
 * generated corpus's manifest), so both read exactly the same files.
 *
 * `--split plain` splits frontmatter at the first "\n---" by hand instead, as
 * the loader itself now does (gray-matter costs ~25 µs a file just to split):
 * the stricter floor, for seeing what the checker adds beyond reading and parsing.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { load } from 'js-yaml';

const root = resolve(process.env.CONTENT_DIR ?? 'content');
const args = process.argv.slice(2).join(' ');
const plainSplit = /--split[ =]plain/.test(args);
if (args && !plainSplit && !/--split[ =]gray-matter/.test(args)) {
  process.stderr.write('Usage: CONTENT_DIR=<dir> node scripts/bench-read-parse.ts [--split gray-matter|plain]\n');
  process.exit(2);
}
// Imported only when used, so the plain floor does not pay for loading it.
const matter = plainSplit ? undefined : (await import('gray-matter')).default;
let files = 0;
let bytes = 0;
let keys = 0;

function walk(dir: string): void {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) walk(path);
    else if (entry.name.endsWith('.yaml') || entry.name.endsWith('.md')) parse(path);
  }
}

function parse(path: string): void {
  const text = readFileSync(path, 'utf8');
  files++;
  bytes += text.length;
  // Frontmatter as raw text, split as the loader splits it (or by gray-matter), then parsed.
  const yaml = !path.endsWith('.md') ? text
    : !matter ? text.slice(3, text.indexOf('\n---', 3))
    : (matter(text, { language: 'yaml', engines: { yaml: (raw: string) => ({ raw }) } }).matter ?? '');
  const data = load(yaml, { maxAliases: 0, maxDepth: 40 });
  // Use the result, so no engine can skip the work.
  if (data && typeof data === 'object') keys += Object.keys(data).length;
}

walk(root);
process.stdout.write(`${files} files read and parsed (${(bytes / 1e6).toFixed(1)} M characters, ${keys} top-level keys)\n`);
