/**
 * `node scripts/bench-history.ts [--files N] [--edits N] [--runs N]`: how long
 * collecting page history adds to a build, for a register of N content files
 * (default 5,000). The goal: under 2 seconds.
 *
 * Writes a throwaway git repository with `git fast-import` (seconds, not
 * minutes): every file added in batches, then `--edits` commits (default
 * 5,000) each changing one to five files, with some renames, all dated and
 * seeded so every run measures the same history. Then times what a build
 * does: one `readGitHistory` (rev-parse, one git log, one parse) and a
 * `historyFor` for every file. Prints the figures; exits 0 once measured.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { historyFor, readGitHistory } from '../src/history/index.ts';
import { describeMachine, median, parseBenchOptions } from './bench-support.ts';

const TARGET_MS = 2000;

const { files, edits, runs } = parseBenchOptions('Usage: node scripts/bench-history.ts [--files N] [--edits N] [--runs N]', {
  files: { type: 'number', default: 5000, min: 1 },
  edits: { type: 'number', default: 5000, min: 0 },
  runs: { type: 'number', default: 5, min: 1 },
});

/** mulberry32: the same history every run. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A fast-import stream: the register's whole history as one stream of commits. */
function history(): string {
  const r = random(20111108);
  const paths: string[] = [];
  for (let i = 0; i < files; i++) {
    const partnership = `partnership-${Math.floor(i / 25)}`;
    const kind = i % 25 === 0 ? 'partnership.md' : i % 25 < 4 ? `structures/s-${i}.yaml` : `decisions/2011-01-01-d-${i}.md`;
    paths.push(`content/partnerships/${partnership}/${kind}`);
  }
  const parts: string[] = [];
  let time = 1_000_000_000;
  let mark = 0;
  const body = (text: string) => `data ${Buffer.byteLength(text)}\n${text}\n`;
  const commit = (message: string, changes: string[]) => {
    mark++;
    time += 3600 + Math.floor(r() * 86_400);
    parts.push(`commit refs/heads/main\nmark :${mark}\ncommitter Officer <officer@example.org> ${time} +0000\n${body(message)}${mark > 1 ? `from :${mark - 1}\n` : ''}${changes.join('')}`);
  };
  const content = (path: string, version: number) => `title: ${path}\nversion: ${version}\n${'text '.repeat(100)}\n`;
  for (let start = 0; start < files; start += 50) {
    commit(`Add files ${start} to ${start + 49}`, paths.slice(start, start + 50).map((p) => `M 100644 inline ${p}\n${body(content(p, 0))}`));
  }
  for (let e = 0; e < edits; e++) {
    const changes: string[] = [];
    const count = 1 + Math.floor(r() * 5);
    for (let k = 0; k < count; k++) {
      const i = Math.floor(r() * files);
      if (r() < 0.01 && paths[i].includes('/decisions/')) {
        const renamed = paths[i].replace(/2011-01-01-d-(\d+)(-r\d+)?\.md$/, `2011-01-01-d-$1-r${e}.md`);
        changes.push(`R ${paths[i]} ${renamed}\n`);
        paths[i] = renamed;
      } else {
        changes.push(`M 100644 inline ${paths[i]}\n${body(content(paths[i], e + 1))}`);
      }
    }
    commit(`Edit ${count} files (${e})`, changes);
  }
  return parts.join('');
}

const dir = mkdtempSync(join(tmpdir(), 'bench-history-'));
try {
  const git = (args: string[], input?: string) => {
    const result = spawnSync('git', args, { cwd: dir, input, encoding: 'utf8', maxBuffer: 1 << 30 });
    if (result.status !== 0) throw new Error(`git ${args[0]} failed: ${result.stderr}`);
  };
  let started = performance.now();
  git(['init', '--quiet', '--initial-branch=main']);
  git(['fast-import', '--quiet'], history());
  git(['checkout', '--quiet', '--force', 'main']);
  console.log(`Wrote a repository of ${files} content files and ${Math.ceil(files / 50) + edits} commits in ${Math.round(performance.now() - started)} ms.`);

  const contentDir = join(dir, 'content');
  const timings: { read: number; answer: number }[] = [];
  let commitsListed = 0;
  for (let run = 0; run < runs; run++) {
    started = performance.now();
    const index = readGitHistory(contentDir);
    const read = performance.now() - started;
    if (!index.available) throw new Error(`history unavailable: ${index.reason}`);
    started = performance.now();
    commitsListed = 0;
    for (const file of index.files.keys()) {
      const h = historyFor(file, index);
      if (h.available) commitsListed += h.commits.length;
    }
    timings.push({ read, answer: performance.now() - started });
  }
  const read = median(timings.map((t) => t.read));
  const answer = median(timings.map((t) => t.answer));
  const total = read + answer;
  console.log(`\n| files | commits | file changes | git log + parse | historyFor × every file | total | goal |`);
  console.log(`|---|---|---|---|---|---|---|`);
  console.log(`| ${files} | ${Math.ceil(files / 50) + edits} | ${commitsListed} | ${Math.round(read)} ms | ${Math.round(answer)} ms | ${Math.round(total)} ms | < ${TARGET_MS} ms ${total < TARGET_MS ? '✓' : '✗'} |`);
  console.log(`\nMedian of ${runs} runs; ${describeMachine()}.`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
