/**
 * Fuzzing the promise: whatever the checker accepts, the build publishes, in
 * bounded time and memory. Generated hostile Markdown (nesting, emphasis,
 * brackets, long runs, control characters, huge lists) and hostile YAML (deep
 * nesting, aliases, escapes, duplicate keys, long runs) go through the
 * checker's whole pipeline and, for Markdown, through the renderer (which
 * must be safe on any text: YAML keys reach it unchecked), each case within a
 * time budget and in a worker thread with a memory limit.
 *
 * The runs are bounded so the file takes well under a minute in CI
 * (FUZZ_RUNS=2000 runs more, for a deeper search); a failure prints
 * fast-check's seed, to replay the case with `{ seed, path }`.
 */
import { rmSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyValid } from '../helpers/fixtures.ts';
import type { FuzzCase, FuzzResult } from './fuzz-worker.ts';

/** CPU milliseconds each of the check and the render may take on a case (the cases took 25 s to 22 min; the worst inside the limits, about 1 s). */
const TIME_BUDGET_MS = 5000;
/** Old-generation heap for the worker, in MB (the list items peaked at 3.7 GB). */
const MEMORY_BUDGET_MB = 512;
/** Past this, the worker is stopped: a case that never ends fails instead of hanging the run. */
const HANG_MS = 30_000;
/** Cases per property. */
const RUNS = Number(process.env.FUZZ_RUNS ?? 60);

let worker: Worker | undefined;
let dir: string;
let nextId = 0;

beforeAll(() => {
  dir = copyValid();
});
afterAll(async () => {
  await worker?.terminate();
  rmSync(dir, { recursive: true, force: true });
});

/** Runs one case in the sandbox, starting it if need be; rejects if the case runs out of memory or time. */
function run(task: Omit<FuzzCase, 'id' | 'dir'>): Promise<FuzzResult> {
  worker ??= new Worker(new URL('./fuzz-worker.ts', import.meta.url), { resourceLimits: { maxOldGenerationSizeMb: MEMORY_BUDGET_MB, maxYoungGenerationSizeMb: 64 } });
  const sandbox = worker;
  const id = nextId++;
  return new Promise<FuzzResult>((resolve, reject) => {
    const stop = (reason: string) => {
      cleanup();
      worker = undefined;
      void sandbox.terminate();
      reject(new Error(`${reason} on ${describeText(task.text)}`));
    };
    const timer = setTimeout(() => stop(`no answer within ${HANG_MS / 1000} s`), HANG_MS);
    const onMessage = (result: FuzzResult) => {
      if (result.id !== id) return;
      cleanup();
      resolve(result);
    };
    const onError = (error: Error) => stop(`the sandbox failed (${(error as NodeJS.ErrnoException).code ?? error.message}: over ${MEMORY_BUDGET_MB} MB?)`);
    const cleanup = () => {
      clearTimeout(timer);
      sandbox.off('message', onMessage);
      sandbox.off('error', onError);
    };
    sandbox.on('message', onMessage);
    sandbox.on('error', onError);
    sandbox.postMessage({ ...task, id, dir } satisfies FuzzCase);
  });
}

/** A short description of a generated text, for a failure message: its size and its start. */
function describeText(text: string): string {
  return `a text of ${text.length.toLocaleString('en-GB')} characters starting ${JSON.stringify(text.slice(0, 80))}`;
}

/** Checks what every case must satisfy, whatever the text. */
function expectBounded(result: FuzzResult, text: string): void {
  const about = describeText(text);
  expect(result.thrown, about).toBeUndefined();
  expect(result.checkMs, `the check took ${Math.round(result.checkMs)} ms of CPU on ${about}`).toBeLessThan(TIME_BUDGET_MS);
  if (result.renderMs !== undefined) expect(result.renderMs, `the render took ${Math.round(result.renderMs)} ms of CPU on ${about}`).toBeLessThan(TIME_BUDGET_MS);
  // Every problem is placed inside the file, so an editor can jump to it.
  for (const p of result.problems) {
    expect(p.line, `${p.code} on ${about}`).toBeGreaterThanOrEqual(1);
    expect(p.line, `${p.code} on ${about}`).toBeLessThanOrEqual(result.lines);
    expect(p.column, `${p.code} on ${about}`).toBeGreaterThanOrEqual(1);
  }
}

/** A piece repeated: once, a few times, or in a long run (runs are what the parsers were slow on). */
const run_ = (piece: fc.Arbitrary<string>, longest: number) =>
  fc.tuple(piece, fc.oneof({ weight: 3, arbitrary: fc.integer({ min: 1, max: 8 }) }, { weight: 1, arbitrary: fc.integer({ min: 50, max: longest }) })).map(([p, n]) => p.repeat(n));

const CONTROL = fc.constantFrom('\u0000', '\u0007', '\u000B', '\u000C', '\u001B', '\u007F', '\u0085', '\uFFFE', '\uFDD0', '\r', '\r\n', '\t');

/** Hostile Markdown: container markers, emphasis, brackets, HTML openings, headings, fences, tables, controls. */
const MARKDOWN_PIECE = fc.oneof(
  fc.constantFrom('- ', '* ', '+ ', '1. ', '2) ', '> ', '>', '  ', '    ', '-', '1.'),
  fc.constantFrom('*', '**', '***', '_', '__', '*a ', 'a* ', '_a ', 'a_ ', '*a_ ', '**a ', ' a**'),
  fc.constantFrom('[', ']', '](', '[a](', '(', ')', '![', '![[]()', '[ (](', '[a]: http://x.y\n', '[a]', '`', '``', 'e`'),
  fc.constantFrom('<', '<a', '<!--', '-->', '<?', '<!A ', '<![CDATA[', '</', '<http://a.b>', '&#', '&amp;', '\\'),
  fc.constantFrom('# ', '###### ', '\n===\n', '\n---\n', '\n***\n', '\n```\n', '\n~~~\n', '| a | b |\n|---|--:|\n', '| x | y |\n'),
  fc.constantFrom('word ', 'The Partnership agreed. ', 'é ', '😀', '\u2028', ' '),
  fc.constantFrom('\n', '\n\n', '\n> ', '\n- ', '\n  - ', '\n    '),
  CONTROL,
);

/** Units the parser is slowest on, to fill paragraphs with up to the limits. */
const COSTLY = fc.constantFrom('*a_ ', 'a* ', '_a ', '**', '*a **a ', '[ (](', '![[]()', '<!A ', '<!--', '<?', 'a\n', '> a\nb\n', '- a\n', 'a\n===\n');

/**
 * A text made of runs of pieces, from a few bytes to a few hundred kilobytes;
 * sometimes a huge list; sometimes paragraphs of the costliest units, as many
 * as fit around the limits.
 */
const MARKDOWN = fc.oneof(
  { weight: 4, arbitrary: fc.array(run_(MARKDOWN_PIECE, 3000), { maxLength: 40 }).map((runs) => runs.join('')) },
  {
    weight: 2,
    arbitrary: fc.tuple(COSTLY, fc.integer({ min: 20, max: 300 }), fc.integer({ min: 1, max: 2000 })).map(([unit, perParagraph, paragraphs]) => `${unit.repeat(perParagraph)}\n\n`.repeat(paragraphs).slice(0, 110_000)),
  },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom('- a\n', '1. a\n', '> a\n', 'a\n-\n', 'b\n', '- [a](b) *c*\n'), fc.integer({ min: 1000, max: 60_000 })).map(([line, n]) => line.repeat(n)) },
);

const DECISION_HEAD = '---\ntitle: A decision\ndate: 2011-01-01\ndecision_maker: Cabinet\nkind: [other]\nstatus: noted\npublic: true\n---\n';

describe('hostile Markdown through the check and the renderer', () => {
  it('is checked, and rendered, within the time and memory budget, whatever it holds', async () => {
    let passed = 0;
    let cases = 0;
    const slowest = { check: 0, render: 0, size: 0 };
    await fc.assert(
      fc.asyncProperty(MARKDOWN, async (body) => {
        const text = DECISION_HEAD + body;
        const result = await run({ file: 'partnerships/town-lsp/decisions/2011-01-01-fuzz.md', text, markdown: body });
        expectBounded(result, text);
        cases++;
        if (result.passed) passed++;
        slowest.check = Math.max(slowest.check, result.checkMs);
        slowest.render = Math.max(slowest.render, result.renderMs ?? 0);
        slowest.size = Math.max(slowest.size, text.length);
      }),
      { numRuns: RUNS, endOnFailure: true },
    );
    console.log(`Markdown fuzz: ${cases} texts up to ${slowest.size.toLocaleString('en-GB')} characters, ${passed} passed the check; slowest check ${Math.round(slowest.check)} ms, slowest render ${Math.round(slowest.render)} ms (CPU).`);
    // The generator must reach the renderer with texts the checker accepts, not only with refused ones.
    expect(passed, `${passed} of ${cases} texts passed the check`).toBeGreaterThan(5);
  }, RUNS * 4000);
});

/** Hostile YAML: deep nesting, aliases and merges, escapes, tags, tabs, several documents, long runs of keys. */
const YAML_PIECE = fc.oneof(
  fc.constantFrom('[', ']', '{', '}', ', ', ': ', '- ', '? ', '\n', '\n  ', '\n    ', '  ', '\t'),
  fc.constantFrom('a: 1\n', 'title: x\n', 'bodies:\n', '  - id: b\n', '    name: B\n', 'k', '"', "'", '|\n', '>-\n', '#'),
  fc.constantFrom('&a ', '*a', '<<: *a\n', '!!str ', '!foo ', '!!python/object:os.system ', '%YAML 1.2\n', '---\n', '...\n'),
  fc.constantFrom('"\\uD800"', '"\\uDFFF"', '"\\x07"', '"\\e"', '"\\U0010FFFF"', '"\\uFFFE"', '"\\N"', '"\\'),
  fc.constantFrom('2011-01-01', '£147k', '1e309', '0x1F', '.inf', '~', 'null', 'yes', '12/01/2010'),
  CONTROL,
);

const YAML = fc.oneof(
  { weight: 4, arbitrary: fc.array(run_(YAML_PIECE, 5000), { maxLength: 40 }).map((runs) => runs.join('')) },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom('a: 1\n', 'title: x\n', '- x\n', '[', '{a: ', 'a:\n  '), fc.integer({ min: 1000, max: 200_000 })).map(([piece, n]) => piece.repeat(n).slice(0, 1_000_000)) },
);

describe('hostile YAML through the check', () => {
  it('is checked within the time and memory budget, never throws, and places every problem inside the file', async () => {
    await fc.assert(
      fc.asyncProperty(YAML, fc.boolean(), async (yaml, asFrontmatter) => {
        const task = asFrontmatter
          ? { file: 'partnerships/town-lsp/decisions/2011-01-01-fuzz.md', text: `---\n${yaml}\n---\nThe text.\n` }
          : { file: 'partnerships/town-lsp/structures/2011-fuzz.yaml', text: yaml };
        const result = await run(task);
        expectBounded(result, task.text);
      }),
      { numRuns: RUNS, endOnFailure: true },
    );
  }, RUNS * 4000);
});
