/**
 * bench/RESULTS.md, shared by the benchmarks: each writes its own section
 * between its own markers and leaves the others, and the hand-written notes
 * beside them, as they are.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/** The results file. */
export const RESULTS_FILE = join(resolve(import.meta.dirname, '..'), 'bench', 'RESULTS.md');

/**
 * Replaces the text between a benchmark's markers
 * (`<!-- bench:<name>:start (written by scripts/<script>) -->` … `<!-- bench:<name>:end -->`),
 * or adds the section, titled, at the end.
 */
export function writeResultsSection(section: { name: string; title: string; script: string }, body: string): void {
  const startMarker = `<!-- bench:${section.name}:start (written by scripts/${section.script}) -->`;
  const endMarker = `<!-- bench:${section.name}:end -->`;
  const block = `${startMarker}\n${body.trim()}\n${endMarker}`;
  const existing = existsSync(RESULTS_FILE)
    ? readFileSync(RESULTS_FILE, 'utf8')
    : '# Benchmark results\n\nWritten by the benchmark scripts; each section is replaced when its benchmark is run again.\n';
  const start = existing.indexOf(startMarker);
  const end = existing.indexOf(endMarker);
  const next = start !== -1 && end > start
    ? `${existing.slice(0, start)}${block}${existing.slice(end + endMarker.length)}`
    : `${existing.trimEnd()}\n\n## ${section.title}\n\n${block}\n`;
  mkdirSync(dirname(RESULTS_FILE), { recursive: true });
  writeFileSync(RESULTS_FILE, next);
}

/** A Markdown table, columns padded to line up: the first column left-aligned, the others (figures) right-aligned. */
export function markdownTable(rows: string[][]): string {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  const line = (r: string[]) => `| ${r.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join(' | ')} |`;
  return [line(rows[0]), `|${widths.map((w, i) => (i === 0 ? '-'.repeat(w + 2) : `${'-'.repeat(w + 1)}:`)).join('|')}|`, ...rows.slice(1).map(line)].join('\n');
}
