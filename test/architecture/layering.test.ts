/**
 * The layers of src/ import downward only (../shared/design/architecture.md):
 * schemas ← content ← rules ← model ← diagrams, history, site, exports ←
 * components, layouts, pages. A rule that reached up into the model, or
 * content that reached into the site, would make the checker load the site
 * and tie the stages together; this test keeps it from happening unseen.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, extname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/fixtures.ts';

const SRC = join(ROOT, 'src');

/** The folders each low layer may not import from. */
const FORBIDDEN: Record<string, readonly string[]> = {
  schemas: ['content', 'rules', 'model', 'site', 'diagrams', 'exports', 'history', 'integrations', 'components', 'layouts', 'pages'],
  content: ['rules', 'model', 'site', 'diagrams', 'exports', 'history', 'integrations', 'components', 'layouts', 'pages'],
  rules: ['model', 'site', 'diagrams', 'exports', 'history', 'integrations', 'components', 'layouts', 'pages'],
};

/**
 * One import from a file of src/ to another: the folders at each end, as paths
 * under src/ (`site`, `site/pages`), and the layers (first folder under src/).
 */
interface FolderImport {
  from: string;
  to: string;
  fromLayer: string;
  toLayer: string;
  file: string;
  specifier: string;
}

/** Every relative import (static, dynamic, type-only, re-export) in a source text. */
function specifiers(text: string): string[] {
  const found: string[] = [];
  for (const match of text.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)(['"])(\.{1,2}\/[^'"]+)\1/g)) found.push(match[2]);
  return found;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return ['.ts', '.astro', '.js', '.mjs'].includes(extname(entry.name)) ? [path] : [];
  });
}

const folderOf = (path: string) => relative(SRC, dirname(path));
const layerOf = (folder: string) => folder.split('/')[0];

/** The imports between folders of src/ (imports within one folder are left out). */
function folderImports(): FolderImport[] {
  const imports: FolderImport[] = [];
  for (const file of sourceFiles(SRC)) {
    for (const specifier of specifiers(readFileSync(file, 'utf8'))) {
      const target = resolve(dirname(file), specifier);
      if (!target.startsWith(`${SRC}/`)) continue;
      const from = folderOf(file);
      const to = folderOf(target);
      if (from !== to) imports.push({ from, to, fromLayer: layerOf(from), toLayer: layerOf(to), file: relative(ROOT, file), specifier });
    }
  }
  return imports;
}

/** The imports that break the layering: a low layer importing from above it. */
function forbiddenImports(imports: readonly FolderImport[]): string[] {
  return imports.filter((i) => FORBIDDEN[i.fromLayer]?.includes(i.toLayer)).map((i) => `${i.file} imports ${i.specifier} (${i.fromLayer} → ${i.toLayer})`);
}

/**
 * Groups of folders that import one another, directly or round a loop
 * (Tarjan's strongly connected components). Every folder counts, at any depth:
 * `site/pages` may import `exports`, which imports `site`, without a loop.
 */
function folderCycles(imports: readonly FolderImport[]): string[][] {
  const edges = new Map<string, Set<string>>();
  for (const { from, to } of imports) {
    if (!edges.has(from)) edges.set(from, new Set());
    if (!edges.has(to)) edges.set(to, new Set());
    edges.get(from)?.add(to);
  }
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  const visit = (node: string) => {
    index.set(node, index.size);
    low.set(node, index.get(node) ?? 0);
    stack.push(node);
    onStack.add(node);
    for (const next of edges.get(node) ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node) ?? 0, low.get(next) ?? 0));
      } else if (onStack.has(next)) low.set(node, Math.min(low.get(node) ?? 0, index.get(next) ?? 0));
    }
    if (low.get(node) === index.get(node)) {
      const group: string[] = [];
      for (let top = stack.pop(); top !== undefined; top = top === node ? undefined : stack.pop()) {
        onStack.delete(top);
        group.push(top);
      }
      if (group.length > 1) cycles.push(group.sort());
    }
  };
  for (const node of [...edges.keys()].sort()) if (!index.has(node)) visit(node);
  return cycles;
}

describe('the layers of src/', () => {
  const imports = folderImports();

  it('finds the imports it checks (the scan is not blind)', () => {
    expect(imports.some((i) => i.from === 'model' && i.to === 'rules')).toBe(true);
    expect(imports.some((i) => i.from === 'pages' && i.to === 'site')).toBe(true);
  });

  it('never has schemas, content or rules import from the model, the views or the pages', () => {
    expect(forbiddenImports(imports)).toEqual([]);
  });

  it('has no import cycle between folders', () => {
    expect(folderCycles(imports)).toEqual([]);
  });

  it('would catch content importing the model, as validation once imported its rules from model/resolve.ts', () => {
    const old = [...imports, { from: 'content', to: 'model', fromLayer: 'content', toLayer: 'model', file: 'src/content/validate.ts', specifier: '../model/resolve.ts' }];
    expect(forbiddenImports(old)).toEqual(['src/content/validate.ts imports ../model/resolve.ts (content → model)']);
    expect(folderCycles(old)).toContainEqual(expect.arrayContaining(['content', 'model']));
  });
});
