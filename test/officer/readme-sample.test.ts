/**
 * The README's "What the checker says" is what `npm run check` prints on the
 * example content, generated from the real checker, so it cannot drift again
 * (it once showed 3 warnings and a line the checker no longer printed).
 * `UPDATE=1` rewrites the block from the checker; review the diff.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { textReport } from '../../src/content/report.ts';
import { checkForProblems } from '../../src/model/index.ts';
import { ROOT, TODAY } from '../helpers/fixtures.ts';

const README = join(ROOT, 'README.md');

/** The fenced block under the heading, with where it starts and ends in the text. */
function sampleBlock(text: string): { start: number; end: number; value: string } {
  const heading = text.indexOf('\n### What the checker says\n');
  expect(heading, 'the README has a "What the checker says" section').toBeGreaterThan(-1);
  const open = text.indexOf('\n```\n', heading);
  const start = open + '\n```\n'.length;
  const end = text.indexOf('```\n', start);
  return { start, end, value: text.slice(start, end) };
}

describe('the README’s sample of the checker’s output', () => {
  it('is exactly what npm run check prints on the example content', () => {
    // As `npm run check` prints it from the repository's folder: paths start with content/.
    const report = checkForProblems(join(ROOT, 'content'), { today: TODAY });
    const printed = [...textReport(report.diagnostics, report.fileCount, 'content')].join('');
    const text = readFileSync(README, 'utf8');
    const block = sampleBlock(text);
    if (process.env.UPDATE === '1') writeFileSync(README, `${text.slice(0, block.start)}${printed}${text.slice(block.end)}`);
    expect(sampleBlock(readFileSync(README, 'utf8')).value).toBe(printed);
  });
});
