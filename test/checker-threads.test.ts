/**
 * On a large register, `npm run check` reads and parses on two threads
 * (src/model/threads.ts). What it reports must not depend on that: on a
 * generated register seeded with problems of every kind, the threaded checker
 * prints exactly what the one-thread pipeline (the site build's) finds.
 */
import { spawnSync } from 'node:child_process';
import { appendFileSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateCorpus } from '../scripts/generate-corpus.ts';
import { formatReport } from '../src/content/report.ts';
import { loadContent, planContent } from '../src/content/load.ts';
import { checkContent, reportOf } from '../src/model/index.ts';
import { checkContentInThreads, packDocument, THREADS_FROM_FILES } from '../src/model/threads.ts';
import { ROOT, temporaryFolder, TODAY } from './helpers/fixtures.ts';

const work = temporaryFolder();
const content = join(work, 'content');
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Problems of every kind the loader, the schemas and the cross-file rules find, one per seeded file. */
const PROBLEMS: ((text: string, file: string) => string | Buffer)[] = [
  (text, file) => (file.endsWith('.md') ? text.replace(/^---\n/, '---js\n') : `${text}colour: blue\n`),
  (text) => text.replace(/\ntitle:/, '\ntitel:'),
  (text) => text.replace(/\n(\w+):(.*)\n/, '\n$1:$2\n$1:$2\n'),
  (text) => text.replace(/: (\d{4})-(\d{2})-(\d{2})\b/, ': $3/$2/$1'),
  (text) => text.replaceAll('\n', '\r\n'),
  (text) => `\uFEFF${text}`,
  (text) => Buffer.concat([Buffer.from(text.slice(0, 30)), Buffer.from([0x96]), Buffer.from(text.slice(30))]),
  (text) => text.replace(/\n {2}(\S)/, '\n\t$1'),
  (text) => text.replace(/: ([A-Z]\w+)/, ': "$1'),
  (text, file) => (file.endsWith('.md') ? text.replace(/\n---\n/, '\n') : ''),
  (text) => text.replace(/reports_to: [\w-]+|parent: [\w-]+|decided_by: [\w-]+|status: \w+/, (found) => `${found}x`),
  (text) => `${text}\n---\nsecond: document\n`,
];

beforeAll(() => {
  generateCorpus(content, { files: 1_200, today: TODAY });
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      if (entry.name.startsWith('.')) continue;
      if (entry.isDirectory()) walk(join(dir, entry.name));
      else files.push(join(dir, entry.name));
    }
  };
  walk(content);
  // Spread over the whole register, so that both threads meet problems.
  files.filter((_, i) => i % 37 === 5).forEach((file, i) => {
    writeFileSync(file, PROBLEMS[i % PROBLEMS.length](readFileSync(file, 'utf8'), file));
  });
  appendFileSync(join(content, 'notes.txt'), 'not content\n');
}, 60_000);

describe('the checker on a large register', () => {
  it('is large enough to use two threads, and has problems of many kinds', () => {
    expect(planContent(content).files.length).toBeGreaterThanOrEqual(THREADS_FROM_FILES);
    expect(new Set(checkContent(content, { today: TODAY }).diagnostics.map((d) => d.code)).size).toBeGreaterThanOrEqual(10);
  });

  it('prints what the one-thread pipeline finds, in the same order, in every format', () => {
    const model = checkContent(content, { today: TODAY });
    const run = (args: string[]) => spawnSync(process.execPath, ['scripts/check.ts', ...args], {
      cwd: ROOT, env: { ...process.env, CONTENT_DIR: content, REGISTER_TODAY: TODAY, NO_COLOR: '1' }, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024,
    });
    const json = run(['--json']);
    expect(json.stderr).toBe('');
    expect(json.stdout).toBe(`${JSON.stringify(model.diagnostics, null, 2)}\n`);
    expect(run([]).stdout).toBe(`${formatReport(model.diagnostics, model.fileCount, relative(ROOT, content))}\n`);
  });

  it('reports on two threads exactly what the site build\'s pipeline finds', async () => {
    expect(await checkContentInThreads(content, { today: TODAY })).toEqual(reportOf(checkContent(content, { today: TODAY })));
  });

  it('sends each document\'s place and parsed data from the reader thread intact, and not its text', () => {
    const { documents } = loadContent(content);
    const sent = documents.map((document) => structuredClone(packDocument(document)));
    expect(sent.map(({ file, kind, id, partnershipId, data }) => ({ file, kind, id, partnershipId, data })))
      .toEqual(documents.map(({ file, kind, id, partnershipId, data }) => ({ file, kind, id, partnershipId, data })));
    expect(sent.some((document) => 'text' in document || 'yaml' in document || 'body' in document)).toBe(false);
  });
});
