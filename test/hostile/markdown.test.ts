/**
 * Hostile Markdown: the texts from the issue that crashed or hung the build,
 * each refused by the checker at the line where it goes over a limit, with a
 * plain message, and each shown by the renderer (which the Markdown keys of
 * YAML files reach unchecked) as plain paragraphs in milliseconds. Texts built
 * to sit just inside the limits render within a time budget.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { PendingDiagnostic } from '../../src/content/diagnostics.ts';
import { readContentFile } from '../../src/content/load.ts';
import { MARKDOWN_LIMITS, checkBodyLimits, checkMarkdownLimits } from '../../src/rules/markdown.ts';
import { renderMarkdown } from '../../src/site/markdown.ts';
import { check, copyValid, ROOT } from '../helpers/fixtures.ts';

const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

const DECISION = 'partnerships/town-lsp/decisions/2006-03-09-way-forward.md';

/** The problems the checker finds in the valid folder with this Markdown as the way-forward decision's text. */
function checkBody(body: string) {
  const dir = copyValid();
  made.push(dir);
  const path = join(dir, DECISION);
  const text = readFileSync(path, 'utf8');
  const frontmatter = text.slice(0, text.indexOf('\n---\n') + 5);
  writeFileSync(path, frontmatter + body);
  // The body starts on the line after the frontmatter's closing `---`.
  const firstLine = frontmatter.split('\n').length;
  return { diagnostics: check(dir), firstLine };
}

/** CPU milliseconds a call takes (this process's: a busy machine stretches the clock, not the CPU time). */
function timed<T>(run: () => T): { value: T; ms: number } {
  const started = process.cpuUsage();
  const value = run();
  const { user, system } = process.cpuUsage(started);
  return { value, ms: (user + system) / 1000 };
}

/** The issue's texts: each crashed the build, took tens of seconds, or (the list items) gigabytes. */
const ISSUE_CASES = [
  { name: '1,000 nested list markers (2 KB)', body: `${'- '.repeat(1000)}x\n`, code: 'markdown-too-deep', line: 0, column: 21 },
  { name: '2,000 quote markers', body: `${'>'.repeat(2000)} x\n`, code: 'markdown-too-deep', line: 0, column: 11 },
  { name: '40 KB of nested emphasis', body: `${'*a **a '.repeat(2900)}b${' a** a*'.repeat(2900)}\n`, code: 'markdown-too-many-marks', line: 0, column: 1 },
  { name: '40 KB of underlined (setext) headings', body: 'a\n-\n'.repeat(10_000), code: 'markdown-too-many-blocks', line: 2 * MARKDOWN_LIMITS.blocks, column: 1 },
  { name: '240,000 one-word list items (under 1 MB)', body: '- a\n'.repeat(240_000), code: 'markdown-too-long', line: MARKDOWN_LIMITS.characters / 4, column: 1 },
  { name: 'a quote with 20,000 lines that continue it without ">"', body: `> a\n${'b\n'.repeat(20_000)}`, code: 'markdown-paragraph-too-long', line: 0, column: 3 },
];

describe('the texts from the issue', () => {
  for (const { name, body, code, line, column } of ISSUE_CASES) {
    it(`refuses ${name} at the line where it goes over, with a plain message`, () => {
      const { diagnostics, firstLine } = checkBody(body);
      const found = diagnostics.find((d) => d.code === code);
      expect(found, `${code} among ${diagnostics.map((d) => d.code).join(', ')}`).toMatchObject({ file: DECISION, severity: 'error', line: firstLine + line, column });
      // Plain English: what is wrong, the register's limit, what to do; no stack trace.
      expect(found!.message).toMatch(/; the register allows at most [\d,]+|passes the register's limit of [\d,]+/);
      expect(found!.message).not.toMatch(/RangeError|at \w+ \(/);
    });

    it(`renders ${name} as plain paragraphs in milliseconds, when a YAML key carries it past the checker`, () => {
      const { value: html, ms } = timed(() => renderMarkdown(body));
      expect(ms).toBeLessThan(1000);
      expect(html.startsWith('<p class="govuk-body">')).toBe(true);
      expect(html).not.toMatch(/<(ul|li|blockquote|em|strong|h\d)\b/);
    });
  }

  it('refuses a megabyte of ordinary prose, which took 86 seconds, for its length at the line that passes the limit', () => {
    const paragraph = 'The Partnership agreed its **priorities** for 2011, set out in the [report](https://example.org/r.pdf).\n\n';
    const body = paragraph.repeat(Math.floor(1_000_000 / paragraph.length));
    const problems = checkMarkdownLimits(body);
    expect(problems.map((p) => p.code)).toContain('markdown-too-long');
    const lineOfLimit = body.slice(0, MARKDOWN_LIMITS.characters).split('\n').length;
    const { diagnostics, firstLine } = checkBody(body);
    expect(diagnostics.find((d) => d.code === 'markdown-too-long')).toMatchObject({ line: firstLine + lineOfLimit - 1 });
  });
});

describe('placing a body\'s problems in its file', () => {
  it('counts from where the loader says the body starts, frontmatter and all', () => {
    const dir = copyValid();
    made.push(dir);
    const text = `---\ntitle: A decision\ndate: 2011-01-01\ndecision_maker: Cabinet\nkind: [other]\nstatus: noted\npublic: true\n---\nA first line.\n\n${'> '.repeat(12)}quoted\n`;
    writeFileSync(join(dir, 'partnerships/town-lsp/decisions/2011-01-01-deep.md'), text);
    const document = readContentFile(dir, { file: 'partnerships/town-lsp/decisions/2011-01-01-deep.md', kind: 'decision', id: '2011-01-01-deep', partnershipId: 'town-lsp' }, []);
    expect(document.bodyStart).toEqual({ line: 9, column: 1 });
    const diagnostics: PendingDiagnostic[] = [];
    checkBodyLimits(document, diagnostics);
    // The eleventh ">" of line 11, at column 21.
    expect(diagnostics).toMatchObject([{ file: 'partnerships/town-lsp/decisions/2011-01-01-deep.md', line: 11, column: 21, severity: 'error', code: 'markdown-too-deep' }]);
  });

  it('adds columns on the first line when the body starts part-way along it', () => {
    const diagnostics: PendingDiagnostic[] = [];
    checkBodyLimits({ file: 'f.md', body: `${'>'.repeat(11)} x`, bodyStart: { line: 4, column: 6 } }, diagnostics);
    expect(diagnostics).toMatchObject([{ line: 4, column: 16, code: 'markdown-too-deep' }]);
  });
});

describe('the limits', () => {
  it('tells the officer the depth of the line, the limit and what to do', () => {
    const [problem] = checkMarkdownLimits(`${'- '.repeat(1000)}x`);
    expect(problem.message).toBe(
      'this line nests lists and quotes 1,000 levels deep; the register allows at most 10 levels (each ">" and each list marker at the start of a line, and each indented sub-list, is a level); use fewer levels, or write the markers as text with a backslash (\\- or \\>)',
    );
  });

  it('accepts lists and quotes ten levels deep, by markers or by indentation', () => {
    expect(checkMarkdownLimits(`${'> '.repeat(10)}quoted`)).toEqual([]);
    expect(checkMarkdownLimits(Array.from({ length: 10 }, (_, i) => `${'  '.repeat(i)}- level ${i + 1}`).join('\n'))).toEqual([]);
  });

  it('does not count a list marker, quote marker or underscore that the parser reads as text', () => {
    // Inside fenced and indented code, after four spaces, and `_` inside words and addresses.
    expect(checkMarkdownLimits(`\`\`\`\n${'- '.repeat(50)}\n\`\`\`\n\n    ${'> '.repeat(50)}\n\n${'snake_case_name https://example.org/a_b_c '.repeat(300)}`)).toEqual([]);
    expect(checkMarkdownLimits(`${'\\* '.repeat(600)}`)).toEqual([]);
  });

  it('counts a list item with its text as one block, so a list of 2,000 items is allowed and 2,001 is not', () => {
    expect(checkMarkdownLimits('- item\n'.repeat(2000))).toEqual([]);
    expect(checkMarkdownLimits('- item\n'.repeat(2001)).map((p) => p.code)).toEqual(['markdown-too-many-blocks']);
  });

  it('reports each limit once, however often a text goes over it', () => {
    const problems = checkMarkdownLimits(`${'- '.repeat(20)}x\n\n`.repeat(100));
    expect(problems.map((p) => p.code)).toEqual(['markdown-too-deep']);
  });

  it('leaves the authoring guide, which the site publishes through the same renderer, inside every limit', () => {
    // Over a limit, the guide's page would show as plain paragraphs: split the guide before it gets there.
    expect(checkMarkdownLimits(readFileSync(join(ROOT, 'docs/authoring.md'), 'utf8'))).toEqual([]);
  });

  it('adds where the text starts in its file to every offset', () => {
    expect(checkMarkdownLimits(`${'>'.repeat(20)} x`, 500)[0].offset).toBe(510);
  });
});

/** Texts that sit just inside every limit at once, each the worst of a family the parser is slow on. */
const AT_THE_LIMITS: [string, string][] = [
  ['2,000 list items of a line each', `${'- An allocation to a community group for its work\n'.repeat(1900)}`],
  ['500 emphasis marks in each of 190 paragraphs', `${'*'.repeat(249)}x${'*'.repeat(249)}\n\n`.repeat(190)],
  ['a paragraph of 200 lines continuing a quote without ">", 240 times', `> a\n${'b\n'.repeat(198)}\n`.repeat(240)],
  ['500 unclosed HTML openings in each paragraph', `${'a <!A '.repeat(499)}\n\n`.repeat(33)],
  ['lists and quotes ten levels deep, 200 times', `${'> - '.repeat(5)}text\n\n`.repeat(200)],
  ['2,000 underlined headings', 'A heading in a few words\n===\n\n'.repeat(2000)],
];

describe('texts at the limits', () => {
  for (const [name, text] of AT_THE_LIMITS) {
    it(`renders ${name} in a few seconds at most (a megabyte of prose took 86)`, () => {
      expect(checkMarkdownLimits(text), 'the text is inside every limit').toEqual([]);
      const { value: html, ms } = timed(() => renderMarkdown(text));
      expect(html.length).toBeGreaterThan(0);
      // A second of CPU at most, measured; the budget leaves room for a slower runner.
      expect(ms).toBeLessThan(5000);
    });
  }

  it('renders the deepest nesting the limits allow without running out of stack', () => {
    const text = `${'> - '.repeat(5)}${'*a **b '.repeat(62)}x${' b** a*'.repeat(62)}`;
    expect(checkMarkdownLimits(text)).toEqual([]);
    const html = renderMarkdown(text);
    expect(html.match(/<blockquote/g)).toHaveLength(5);
    expect(html.match(/<em>/g)?.length).toBeGreaterThan(50);
  });
});
