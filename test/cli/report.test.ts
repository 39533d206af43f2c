/**
 * src/content/report.ts: how problems are printed. One problem a line, with
 * officers' text escaped; at most 100 problems a file, then one line for the
 * rest; written as a stream, so no report is ever one string too long to build.
 */
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/content/diagnostics.ts';
import {
  capPerFile,
  escapeControlCharacters,
  formatReport,
  githubAnnotation,
  jsonReport,
  SHOWN_PER_FILE,
  safeJson,
  textReport,
  writeReport,
} from '../../src/content/report.ts';

function problem(file: string, line: number, severity: Diagnostic['severity'] = 'error', message = 'the key "a" appears more than once'): Diagnostic {
  return { file, line, column: 1, severity, code: 'duplicate-key', message };
}

/** `count` problems in `file`, on lines 1, 2, 3…; the last `errorsAtEnd` are errors and the rest warnings. */
function problems(file: string, count: number, errorsAtEnd = count): Diagnostic[] {
  return Array.from({ length: count }, (_, i) => problem(file, i + 1, i >= count - errorsAtEnd ? 'error' : 'warning'));
}

/** A stream that keeps only how much was written to it, and how many writes. */
function countingSink(): { sink: Writable; written: () => { characters: number; writes: number; text: string } } {
  let characters = 0;
  let writes = 0;
  let text = '';
  const sink = new Writable({
    decodeStrings: false,
    write(chunk: string, _encoding, done) {
      characters += chunk.length;
      writes++;
      if (text.length < 1_000_000) text += chunk;
      done();
    },
  });
  return { sink, written: () => ({ characters, writes, text }) };
}

describe('escaping officers\' text', () => {
  it('shows line breaks, tabs, ESC, BEL, DEL and C1 controls as escapes, so a problem stays on one line', () => {
    expect(escapeControlCharacters('Board\n::error::Forged\r\tx')).toBe('Board\\n::error::Forged\\r\\tx');
    expect(escapeControlCharacters('\u001b[2JBoard\u0007\u007f\u009b')).toBe('\\u001b[2JBoard\\u0007\\u007f\\u009b');
  });

  it('shows Unicode line separators and the bidirectional overrides that reorder text as escapes', () => {
    expect(escapeControlCharacters('a\u2028b\u202ec\u2066')).toBe('a\\u2028b\\u202ec\\u2066');
  });

  it('breaks up `##[`, which GitHub Actions reads as a command anywhere in a line', () => {
    expect(escapeControlCharacters('Board ##[error]x ###[y')).toBe('Board #\\u0023[error]x ##\\u0023[y');
    expect(escapeControlCharacters('Board ##[error]x')).not.toContain('##[');
  });

  it('leaves ordinary text, accents, pound signs and dashes as they are', () => {
    const text = 'Café £27,535.40 – “Board” # 1 [see]';
    expect(escapeControlCharacters(text)).toBe(text);
  });

  it('escapes the file name and the message of a human report line, never the position', () => {
    const line = formatReport([problem('partnerships/x\ny.md', 3, 'error', 'bad\u001bvalue')], 1, 'content').split('\n')[0];
    expect(line).toBe('content/partnerships/x\\ny.md:3:1  error  duplicate-key  bad\\u001bvalue');
  });

  it('writes JSON whose values are unchanged for any reader, with nothing a terminal would act on', () => {
    const value = { message: 'a\nb\u001b\u0085\u2028 ##[error]' };
    const json = safeJson(value, 2);
    expect(JSON.parse(json)).toEqual(value);
    expect(json).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028]|##\[/);
  });

  it('gives GitHub its own escapes for line breaks, and escapes other controls, in one annotation', () => {
    const annotation = githubAnnotation(problem('a,b:c.yaml', 2, 'warning', '50% of\nthe \u001b[31mgrant'), 'content');
    expect(annotation).toBe('::warning file=content/a%2Cb%3Ac.yaml,line=2,col=1,title=duplicate-key::50%25 of%0Athe \\u001b[31mgrant');
  });
});

describe('problems past the first 100 of a file', () => {
  it('are one line at the first of them, saying how many, as serious as the worst of them', () => {
    const entries = [...capPerFile([...problems('a.yaml', 250_000, 1), ...problems('b.yaml', 3)])];
    expect(entries).toHaveLength(SHOWN_PER_FILE + 1 + 3);
    expect(entries[SHOWN_PER_FILE]).toEqual({
      file: 'a.yaml', line: SHOWN_PER_FILE + 1, column: 1, severity: 'error', code: 'more-problems-hidden',
      message: 'and 249,900 more problems in this file, hidden: fix these first', hidden: 249_900,
    });
    expect(entries.slice(SHOWN_PER_FILE + 1).map((d) => d.file)).toEqual(['b.yaml', 'b.yaml', 'b.yaml']);
  });

  it('are a warning when all of them are warnings, and "problem" when there is one', () => {
    const [hidden] = [...capPerFile(problems('a.yaml', 101, 0), 100)].slice(100);
    expect(hidden).toMatchObject({ severity: 'warning', message: 'and 1 more problem in this file, hidden: fix these first' });
  });

  it('are still counted in the summary line of the human report', () => {
    const lines = formatReport(problems('a.yaml', 1_000), 1, 'content').split('\n');
    expect(lines).toHaveLength(SHOWN_PER_FILE + 3);
    expect(lines.at(-3)).toBe('content/a.yaml:101:1  error  more-problems-hidden  and 900 more problems in this file, hidden: fix these first');
    expect(lines.at(-1)).toBe('1 file checked: 1000 errors, 0 warnings');
  });

  it('are one more element of the JSON array, which stays valid', () => {
    const parsed = JSON.parse([...jsonReport(problems('a.yaml', 1_000))].join('')) as Record<string, unknown>[];
    expect(parsed).toHaveLength(SHOWN_PER_FILE + 1);
    expect(parsed.at(-1)).toMatchObject({ file: 'a.yaml', code: 'more-problems-hidden', hidden: 900 });
  });
});

describe('the JSON report, written in pieces', () => {
  it('is byte for byte what JSON.stringify writes for the whole list', () => {
    const list = [...problems('a.yaml', 3), problem('b\n"c".yaml', 9, 'warning', 'quote " and \\ and \u001b')];
    expect([...jsonReport(list)].join('')).toBe(`${JSON.stringify(list, null, 2)}\n`);
  });

  it('is an empty array when there is nothing to report', () => {
    expect([...jsonReport([])].join('')).toBe('[]\n');
  });
});

describe('writing a report', () => {
  it('writes one longer than the longest string JavaScript can build, in bounded pieces', async () => {
    // 24 files of 200,000 duplicate keys, every problem printed: some 800 million characters.
    const lines = Array.from({ length: 24 }, (_, i) => problem(`partnerships/p/structures/s-${i}.yaml`, 3, 'error', 'the key "a" appears more than once in the same place; each key may appear only once; delete one'));
    const diagnostics = lines.flatMap((d) => new Array<Diagnostic>(200_000).fill(d));
    const { sink, written } = countingSink();
    await writeReport(sink, textReport(diagnostics, 24, 'content', Number.POSITIVE_INFINITY));
    const { characters, writes } = written();
    expect(characters).toBeGreaterThan(2 ** 29);
    expect(characters / writes).toBeLessThan(128 * 1024);
  }, 60_000);

  it('waits whenever the stream asks it to, and loses nothing', async () => {
    let text = '';
    const slow = new Writable({
      highWaterMark: 1024,
      decodeStrings: false,
      write(chunk: string, _encoding, done) {
        text += chunk;
        setImmediate(done);
      },
    });
    const diagnostics = Array.from({ length: 30 }, (_, i) => problems(`f-${i}.yaml`, 100)).flat();
    await writeReport(slow, textReport(diagnostics, 30, 'content'));
    expect(text).toBe([...textReport(diagnostics, 30, 'content')].join(''));
  });
});
