/**
 * Limits on the Markdown of a page's text, checked in one pass over the text
 * before any Markdown parser sees it.
 *
 * remark's parser (micromark) takes time in the square of some counts: list
 * and quote markers on one line, lines that continue a paragraph inside a
 * quote or list without its marker, emphasis marks and brackets in one
 * paragraph, and the blocks of a whole text (each list item, quote and
 * underlined heading copies the list of everything parsed before it). A 2 KB
 * text of nested list markers overflowed the stack; 40 KB of emphasis marks
 * took 25 seconds; a megabyte of ordinary prose, 86. Texts built to sit just
 * inside each limit, and inside several at once, parse in a second or so at
 * most; each limit is far above what a real page needs (see "Limits" in
 * docs/authoring.md, which quotes each message).
 *
 * The checker reports a page's text over a limit at the line where it goes
 * over (`checkBodyLimits`, where documents are validated); the renderer
 * (src/site/markdown.ts) shows such a text as plain paragraphs instead of
 * parsing it, so nothing can reach the parser unbounded.
 *
 * The scan follows CommonMark's blocks the way the parser does, closely
 * enough to count: where it must guess, it counts more, never less (an HTML
 * block is counted as a paragraph); a `_` inside a word is not counted, as
 * the parser passes over it too.
 */

import type { PendingDiagnostic } from '../content/diagnostics.ts';
import type { ParsedDocument } from '../content/load.ts';
import { LineIndex } from '../content/text.ts';

/** The limits, each a count a real page stays far below. */
export const MARKDOWN_LIMITS = {
  /** Characters in one text: about 15,000 words, or thirty pages of a report. */
  characters: 100_000,
  /** Lists and quotes inside each other. */
  nesting: 10,
  /** Paragraphs, headings, list items, quotes, code blocks and rules in one text ("- text" is one list item). */
  blocks: 2_000,
  /** Lines of one paragraph (a pipe table is one paragraph). */
  paragraphLines: 200,
  /** Emphasis marks, brackets, backticks and HTML openings in one paragraph or heading. */
  marks: 500,
} as const;

/** A text over one of the limits: where (a character offset in the file), which limit, and what to do. */
export interface MarkdownProblem {
  offset: number;
  code: 'markdown-too-long' | 'markdown-too-deep' | 'markdown-too-many-blocks' | 'markdown-paragraph-too-long' | 'markdown-too-many-marks';
  message: string;
}

const count = (n: number) => n.toLocaleString('en-GB');

/**
 * Checks a Markdown text against MARKDOWN_LIMITS in one pass. `start` is
 * where the text begins in its file, added to every offset returned. Each
 * limit is reported once, where the text first goes over it, with the count
 * for that place (the line, the paragraph, or the whole text).
 *
 * @example
 * checkMarkdownLimits('- '.repeat(1000) + 'x')[0].code // 'markdown-too-deep'
 * checkMarkdownLimits('A *short* text.') // []
 */
export function checkMarkdownLimits(text: string, start = 0): MarkdownProblem[] {
  const scan = new Scan(text);
  scan.run();
  const problems: MarkdownProblem[] = [];
  const at = (offset: number) => start + offset;
  if (text.length > MARKDOWN_LIMITS.characters) {
    problems.push({
      offset: at(MARKDOWN_LIMITS.characters),
      code: 'markdown-too-long',
      message: `this text is ${count(text.length)} characters long and passes the register's limit of ${count(MARKDOWN_LIMITS.characters)} characters (about 15,000 words) here; expected a page's text, not a whole document; keep the main points here and link to the full document`,
    });
  }
  if (scan.tooDeep) {
    problems.push({
      offset: at(scan.tooDeep.offset),
      code: 'markdown-too-deep',
      message: `this line nests lists and quotes ${count(scan.tooDeep.depth)} levels deep; the register allows at most ${MARKDOWN_LIMITS.nesting} levels (each ">" and each list marker at the start of a line, and each indented sub-list, is a level); use fewer levels, or write the markers as text with a backslash (\\- or \\>)`,
    });
  }
  if (scan.tooManyBlocks !== undefined) {
    problems.push({
      offset: at(scan.tooManyBlocks),
      code: 'markdown-too-many-blocks',
      message: `this text has ${count(scan.blocks)} paragraphs, headings, list items, quotes and code blocks, and passes the register's limit of ${count(MARKDOWN_LIMITS.blocks)} here; expected a page's text, not a whole document or data; split it into several pages, or link to the full document or a spreadsheet`,
    });
  }
  if (scan.longParagraph) {
    problems.push({
      offset: at(scan.longParagraph.offset),
      code: 'markdown-paragraph-too-long',
      message: `this paragraph runs to ${count(scan.longParagraph.count)} lines with no blank line; the register allows at most ${count(MARKDOWN_LIMITS.paragraphLines)} lines in one paragraph or table; put a blank line between paragraphs, or split the table`,
    });
  }
  if (scan.tooManyMarks) {
    problems.push({
      offset: at(scan.tooManyMarks.offset),
      code: 'markdown-too-many-marks',
      message: `this paragraph has ${count(scan.tooManyMarks.count)} formatting marks (*, _, [, ], \`, and < before a tag); the register allows at most ${count(MARKDOWN_LIMITS.marks)} in one paragraph or heading; split the paragraph, or write a mark that is meant as text with a backslash before it (\\* or \\_)`,
    });
  }
  return problems;
}

/**
 * Adds the problems of a document's Markdown body with the limits to
 * `diagnostics`, each placed in the file by where the body starts (which the
 * loader records), so the file's text is not needed.
 *
 * @example
 * checkBodyLimits({ file: 'partnerships/x/decisions/d.md', body: '- '.repeat(20) + 'x', bodyStart: { line: 9, column: 1 } }, diagnostics)
 * // diagnostics: [{ file: 'partnerships/x/decisions/d.md', line: 9, column: 21, severity: 'error', code: 'markdown-too-deep', … }]
 */
export function checkBodyLimits({ file, body, bodyStart }: Pick<ParsedDocument, 'file' | 'body' | 'bodyStart'>, diagnostics: PendingDiagnostic[]): void {
  if (body === undefined) return;
  const problems = checkMarkdownLimits(body);
  if (problems.length === 0) return;
  const start = bodyStart ?? { line: 1, column: 1 };
  const lines = new LineIndex(body);
  for (const { offset, code, message } of problems) {
    const { line, column } = lines.position(offset);
    diagnostics.push({ file, severity: 'error', code, message, line: start.line + line - 1, column: line === 1 ? start.column + column - 1 : column });
  }
}

/** A quote on the stack of open containers; a list item is held as the column its text starts at. */
const QUOTE = -1;

const SPACE = 0x20;
const TAB = 0x09;
const LF = 0x0a;
const CR = 0x0d;

/** Where a count goes over its limit, and the count there once it is known. */
interface Over {
  offset: number;
  count: number;
}

/** A paragraph being read (a heading's line is one too, for its marks). */
interface Paragraph {
  offset: number;
  lines: number;
  marks: number;
  /**
   * Whether its marks are being counted. A paragraph of at most `marks`
   * characters cannot have too many, so most are never searched for them: a
   * paragraph's marks are counted, from its start, only once it grows longer
   * (and only in a text with more mark characters in all than the limit).
   */
  counting: boolean;
}

/** Letters and digits, on either side of which `_` is part of a word (CommonMark ignores it there). */
const isWordCharacter = (text: string, i: number): boolean => {
  if (i < 0 || i >= text.length) return false;
  const c = text.charCodeAt(i);
  if ((c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a)) return true;
  return c >= 0x80 && /[\p{L}\p{N}]/u.test(text[i]);
};

/** ASCII letters: a line starting with one is paragraph text, whatever follows. */
const isLetter = (c: number) => (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);

/** The characters that can be marks. */
const MARK_CHARACTERS = ['*', '_', '[', ']', '<', '`'];

/**
 * Whether a text holds more mark characters than one paragraph may have
 * marks, counted with indexOf (native, and quick on the few a real text
 * holds); only then can a paragraph be over the limit.
 */
function hasManyMarkCharacters(text: string): boolean {
  let count = 0;
  for (const mark of MARK_CHARACTERS) {
    for (let i = text.indexOf(mark); i !== -1; i = text.indexOf(mark, i + 1)) if (++count > MARKDOWN_LIMITS.marks) return true;
  }
  return false;
}

/** ASCII punctuation: what a backslash escapes. */
const isAsciiPunctuation = (c: number) => (c >= 0x21 && c <= 0x2f) || (c >= 0x3a && c <= 0x40) || (c >= 0x5b && c <= 0x60) || (c >= 0x7b && c <= 0x7e);

/** One pass over a text: block structure line by line, marks within each long paragraph. */
class Scan {
  private readonly text: string;
  /** Open containers, outermost first: QUOTE, or a list item's content column. Never deeper than the limit + 1. */
  private readonly stack: number[] = [];
  private paragraph: Paragraph | undefined;
  /** An open fenced code block: its character, length, and how many containers hold it. */
  private fence: { char: number; length: number; depth: number } | undefined;
  /** Whether the previous line was indented code (a run of them is one block). */
  private inIndentedCode = false;
  /** Where `skip` stopped, and the column there (fields, not a returned pair: this runs for every line). */
  private at = 0;
  private column = 0;
  /** Whether the line being read opened a container: its text is then part of that block, not one more. */
  private opened = false;
  /** Whether any paragraph could have too many marks: whether the text has more mark characters than the limit. */
  private readonly marksPossible: boolean;
  blocks = 0;
  tooManyBlocks: number | undefined;
  tooDeep: { offset: number; depth: number } | undefined;
  longParagraph: Over | undefined;
  tooManyMarks: Over | undefined;

  constructor(text: string) {
    this.text = text;
    this.marksPossible = hasManyMarkCharacters(text);
  }

  run(): void {
    const { text } = this;
    let lineStart = 0;
    // Line breaks as the parser sees them: LF, CRLF or CR. The next CR is looked up again only once
    // passed, so a text without one is searched for it once, not once a line.
    let cr = text.indexOf('\r');
    for (;;) {
      if (cr !== -1 && cr < lineStart) cr = text.indexOf('\r', lineStart);
      const lf = text.indexOf('\n', lineStart);
      const lineEnd = lf === -1 ? (cr === -1 ? text.length : cr) : cr === -1 ? lf : Math.min(lf, cr);
      this.line(lineStart, lineEnd);
      if (lineEnd >= text.length) break;
      lineStart = lineEnd + (text.charCodeAt(lineEnd) === CR && text.charCodeAt(lineEnd + 1) === LF ? 2 : 1);
    }
    this.closeParagraph();
  }

  private block(offset: number): void {
    this.blocks++;
    if (this.blocks > MARKDOWN_LIMITS.blocks && this.tooManyBlocks === undefined) this.tooManyBlocks = offset;
  }

  private closeParagraph(): void {
    const p = this.paragraph;
    if (!p) return;
    if (p.lines > MARKDOWN_LIMITS.paragraphLines && !this.longParagraph) this.longParagraph = { offset: p.offset, count: p.lines };
    if (p.marks > MARKDOWN_LIMITS.marks && !this.tooManyMarks) this.tooManyMarks = { offset: p.offset, count: p.marks };
    this.paragraph = undefined;
  }

  /** Moves over spaces and tabs from `from` (at `column`) until `limit` columns or `end`; leaves the place in `at` and `column`. */
  private skip(from: number, column: number, limit: number, end: number): void {
    const { text } = this;
    let i = from;
    let c = column;
    while (i < end && c < limit) {
      const ch = text.charCodeAt(i);
      if (ch === SPACE) c++;
      else if (ch === TAB) c += 4 - (c % 4);
      else break;
      i++;
    }
    this.at = i;
    this.column = c;
  }

  /** Whether a line holds only spaces and tabs from `from`. */
  private isBlank(from: number, end: number): boolean {
    for (let i = from; i < end; i++) {
      const c = this.text.charCodeAt(i);
      if (c !== SPACE && c !== TAB) return false;
    }
    return true;
  }

  /** One line, from `start` to its line break at `end`. */
  private line(start: number, end: number): void {
    const { text, stack } = this;
    // Most lines: outside any list, quote or code, starting with a letter, which starts no block.
    // Such a line goes on with the paragraph before it, or starts one.
    if (stack.length === 0 && !this.fence && isLetter(text.charCodeAt(start))) {
      this.inIndentedCode = false;
      if (this.paragraph) this.paragraph.lines++;
      else this.startParagraph(start);
      this.text_(start, end);
      return;
    }
    const blank = this.isBlank(start, end);
    let pos = start;
    let column = 0;

    // 1. Which open containers this line continues.
    let matched = 0;
    for (; matched < stack.length; matched++) {
      const container = stack[matched];
      if (container === QUOTE) {
        this.skip(pos, column, column + 3, end);
        if (text.charCodeAt(this.at) !== 0x3e) break;
        pos = this.at + 1;
        column = this.column + 1;
        if (text.charCodeAt(pos) === SPACE || text.charCodeAt(pos) === TAB) {
          pos++;
          column++;
        }
      } else if (!blank) {
        this.skip(pos, column, container, end);
        if (this.column < container) break;
        pos = this.at;
        column = this.column;
      }
    }

    // 2. Inside fenced code, a line is code, or the closing fence.
    if (this.fence) {
      if (matched >= this.fence.depth) {
        this.skip(pos, column, column + 3, end);
        let j = this.at;
        while (j < end && text.charCodeAt(j) === this.fence.char) j++;
        if (j - this.at >= this.fence.length && this.isBlank(j, end)) this.fence = undefined;
        return;
      }
      this.fence = undefined;
    }

    // 3. New containers: quotes and list items, as many as the line starts.
    let opened = false;
    let depth = matched;
    for (;;) {
      this.skip(pos, column, column + 4, end);
      if (this.column - column >= 4) break;
      const i = this.at;
      let next: number;
      let container: number;
      if (text.charCodeAt(i) === 0x3e) {
        next = i + 1;
        container = QUOTE;
        column = this.column + 1;
        if (text.charCodeAt(next) === SPACE || text.charCodeAt(next) === TAB) {
          next++;
          column++;
        }
      } else {
        const marker = this.listMarker(i, end, this.column);
        if (!marker) break;
        // An empty item, or an ordered one not starting at 1, cannot interrupt a paragraph: the line is text.
        if (this.paragraph && !opened && matched === stack.length && !marker.interrupts) break;
        next = marker.next;
        container = marker.contentColumn;
        column = marker.contentColumn;
      }
      if (!opened) {
        stack.length = matched;
        this.closeParagraph();
        opened = true;
      }
      depth++;
      if (depth > MARKDOWN_LIMITS.nesting && !this.tooDeep) this.tooDeep = { offset: i, depth: 0 };
      // Deeper than the limit is reported, not modelled: the stack stays small, so every line stays cheap.
      if (stack.length <= MARKDOWN_LIMITS.nesting) {
        stack.push(container);
        this.block(i);
      }
      pos = next;
    }
    if (this.tooDeep?.depth === 0) this.tooDeep.depth = depth;

    // 4. The rest of the line: a blank, a lazy continuation of a paragraph, or a block of its own.
    const lazy = !opened && matched < stack.length && !blank && this.paragraph !== undefined && this.continuesParagraph(pos, end, column);
    if (!opened && !lazy) {
      if (matched < stack.length) this.closeParagraph();
      stack.length = matched;
    }
    if (this.isBlank(pos, end)) {
      this.closeParagraph();
      this.inIndentedCode = false;
      return;
    }
    this.opened = opened;
    this.leaf(pos, end, column, lazy);
  }

  /**
   * A list marker at `i` (at `column`): a bullet, or 1–9 digits and `.` or
   * `)`, then a space, a tab or the line's end; not a thematic break.
   */
  private listMarker(i: number, end: number, column: number): { next: number; contentColumn: number; interrupts: boolean } | undefined {
    const { text } = this;
    const ch = text.charCodeAt(i);
    let j = i;
    let ordered = false;
    if (ch === 0x2d || ch === 0x2b || ch === 0x2a) {
      if (ch !== 0x2b && this.isThematicBreak(i, end)) return undefined;
      j = i + 1;
    } else {
      while (j < end && j - i < 9 && text.charCodeAt(j) >= 0x30 && text.charCodeAt(j) <= 0x39) j++;
      if (j === i || (text.charCodeAt(j) !== 0x2e && text.charCodeAt(j) !== 0x29)) return undefined;
      ordered = true;
      j++;
    }
    if (j < end && text.charCodeAt(j) !== SPACE && text.charCodeAt(j) !== TAB) return undefined;
    const markerEnd = column + (j - i);
    this.skip(j, markerEnd, markerEnd + 5, end);
    const empty = this.at >= end;
    // Five or more spaces after the marker: the text is indented code, and the item's content starts one space in.
    const narrow = empty || this.column - markerEnd > 4;
    return {
      next: narrow ? Math.min(j + 1, end) : this.at,
      contentColumn: narrow ? markerEnd + 1 : this.column,
      interrupts: !empty && (!ordered || (j - i === 2 && ch === 0x31)),
    };
  }

  /** Three or more of the same `-`, `*` or `_`, with only spaces and tabs between and after. */
  private isThematicBreak(i: number, end: number): boolean {
    const { text } = this;
    const mark = text.charCodeAt(i);
    if (mark !== 0x2d && mark !== 0x2a && mark !== 0x5f) return false;
    let n = 0;
    for (let j = i; j < end; j++) {
      const c = text.charCodeAt(j);
      if (c === mark) n++;
      else if (c !== SPACE && c !== TAB) return false;
    }
    return n >= 3;
  }

  /** Whether a line with containers left unmatched would still be text of the open paragraph (a lazy line). */
  private continuesParagraph(pos: number, end: number, column: number): boolean {
    this.skip(pos, column, Number.POSITIVE_INFINITY, end);
    if (this.column - column >= 4) return true;
    const i = this.at;
    const ch = this.text.charCodeAt(i);
    if (ch === 0x23 && this.atxHeading(i, end)) return false;
    if ((ch === 0x60 || ch === 0x7e) && this.fenceOpening(i, end)) return false;
    return !this.isThematicBreak(i, end);
  }

  /** `#` to `######`, then a space, a tab or the line's end. */
  private atxHeading(i: number, end: number): boolean {
    let j = i;
    while (j < end && this.text.charCodeAt(j) === 0x23) j++;
    return j - i <= 6 && (j === end || this.text.charCodeAt(j) === SPACE || this.text.charCodeAt(j) === TAB);
  }

  /** Three or more backticks (with no backtick after them on the line) or tildes: the fence's character and length. */
  private fenceOpening(i: number, end: number): { char: number; length: number } | undefined {
    const { text } = this;
    const char = text.charCodeAt(i);
    let j = i;
    while (j < end && text.charCodeAt(j) === char) j++;
    if (j - i < 3) return undefined;
    if (char === 0x60) {
      const backtick = text.indexOf('`', j);
      if (backtick !== -1 && backtick < end) return undefined;
    }
    return { char, length: j - i };
  }

  /**
   * What the line holds once its containers are read: a heading, a fence, a
   * rule, code, or paragraph text. On the line that opens a list item or a
   * quote, its text is not a block of its own: "- text" is one list item.
   */
  private leaf(pos: number, end: number, column: number, lazy: boolean): void {
    const { text } = this;
    this.skip(pos, column, Number.POSITIVE_INFINITY, end);
    const i = this.at;
    if (this.column - column >= 4 && !this.paragraph) {
      if (!this.inIndentedCode) this.leafBlock(pos);
      this.inIndentedCode = true;
      return;
    }
    this.inIndentedCode = false;
    const ch = text.charCodeAt(i);
    if (!lazy) {
      if (ch === 0x23 && this.atxHeading(i, end)) {
        this.closeParagraph();
        this.leafBlock(i);
        // A heading's text is inline text of its own: its marks count as a one-line paragraph's.
        this.paragraph = { offset: i, lines: 1, marks: 0, counting: false };
        this.text_(i, end);
        this.closeParagraph();
        return;
      }
      if (ch === 0x60 || ch === 0x7e) {
        const fence = this.fenceOpening(i, end);
        if (fence) {
          this.closeParagraph();
          this.leafBlock(i);
          this.fence = { ...fence, depth: this.stack.length };
          return;
        }
      }
      if (this.isThematicBreak(i, end)) {
        this.closeParagraph();
        this.leafBlock(i);
        return;
      }
      // An underline of = or - under a paragraph makes it a heading: still one block.
      if (this.paragraph && (ch === 0x3d || ch === 0x2d)) {
        let j = i;
        while (j < end && text.charCodeAt(j) === ch) j++;
        if (this.isBlank(j, end)) {
          this.closeParagraph();
          return;
        }
      }
    }
    if (this.paragraph) this.paragraph.lines++;
    else if (this.opened) this.paragraph = { offset: i, lines: 1, marks: 0, counting: false };
    else this.startParagraph(i);
    this.text_(i, end);
  }

  /** A block that starts a line's text: one more, unless the line opened a container, which it belongs to. */
  private leafBlock(offset: number): void {
    if (!this.opened) this.block(offset);
  }

  /** A new paragraph, a block of its own, at `offset`. */
  private startParagraph(offset: number): void {
    this.block(offset);
    this.paragraph = { offset, lines: 1, marks: 0, counting: false };
  }

  /** A line of a paragraph's (or heading's) text, from `from` to `end`: counts its marks, once the paragraph is long enough to need it. */
  private text_(from: number, end: number): void {
    if (!this.marksPossible) return;
    const paragraph = this.paragraph!;
    if (paragraph.counting) {
      paragraph.marks += this.marks(from, end);
    } else if (end - paragraph.offset > MARKDOWN_LIMITS.marks) {
      // Container markers on the lines between (a quote's ">") are not marks, so counting from the start is exact enough.
      paragraph.counting = true;
      paragraph.marks = this.marks(paragraph.offset, end);
    }
  }

  /** The marks between two offsets. */
  private marks(from: number, end: number): number {
    const { text } = this;
    let marks = 0;
    for (let i = from; i < end; i++) {
      const ch = text.charCodeAt(i);
      if (ch === 0x5c) {
        // An escaped mark is text.
        if (i + 1 < end && isAsciiPunctuation(text.charCodeAt(i + 1))) i++;
      } else if (ch === 0x2a || ch === 0x5f || ch === 0x60) {
        let j = i + 1;
        while (j < end && text.charCodeAt(j) === ch) j++;
        // `_` inside a word (snake_case, a URL) neither opens nor closes emphasis: the parser passes over it.
        if (ch === 0x60) marks++;
        else if (ch === 0x2a || !isWordCharacter(text, i - 1) || !isWordCharacter(text, j)) marks += j - i;
        i = j - 1;
      } else if (ch === 0x3c) {
        const next = text.charCodeAt(i + 1);
        if (next === 0x21 || next === 0x2f || next === 0x3f || (next >= 0x41 && next <= 0x5a) || (next >= 0x61 && next <= 0x7a)) marks++;
      } else if (ch === 0x5b || ch === 0x5d) {
        marks++;
      }
    }
    return marks;
  }
}
