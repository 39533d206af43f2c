/**
 * How wide text is in Arial, without a browser: charts are sized from their
 * data at build time, so labels must fit at their natural size. Arial (and
 * Liberation Sans, which has the same metrics) is what the charts ask for.
 */

/** Advance widths of printable ASCII in Arial, in thousandths of an em, from space (32) to tilde (126). */
const ASCII_WIDTHS = [
  278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, // space to /
  556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556, // 0 to ?
  1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778, // @ to O
  667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556, // P to _
  333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556, // ` to o
  556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584, // p to ~
];

/** Common characters outside ASCII that council documents use. */
const OTHER_WIDTHS: Record<string, number> = {
  '£': 556, '€': 556, '–': 556, '—': 1000, '‘': 222, '’': 222, '“': 333, '”': 333, '…': 1000, '•': 350, '\u00a0': 278,
};

/** Width of one character in thousandths of an em; unknown characters are assumed wide, so text never overflows. */
function charWidth(char: string): number {
  const code = char.codePointAt(0) ?? 0;
  if (code >= 32 && code <= 126) return ASCII_WIDTHS[code - 32]!;
  const known = OTHER_WIDTHS[char];
  if (known !== undefined) return known;
  // An accented letter is as wide as its base letter.
  const base = char.normalize('NFD')[0]!;
  if (base !== char && base.codePointAt(0)! < 127) return charWidth(base);
  return code >= 0x2e80 ? 1100 : 667;
}

/**
 * The width of a line of text in pixels, at a font size in pixels.
 *
 * @example
 * textWidth('LSP Board', 16) // 77.4
 */
export function textWidth(text: string, fontSize: number): number {
  let total = 0;
  for (const char of text) total += charWidth(char);
  return Math.round((total * fontSize) / 100) / 10;
}

/**
 * Breaks text into lines no wider than `maxWidth`, at spaces where it can;
 * a word too long for a line is broken between characters.
 *
 * @example
 * wrapText('Representatives from the Faith, Community and Voluntary Sectors', 240, 16)
 * // ['Representatives from the Faith,', 'Community and Voluntary', 'Sectors']
 */
export function wrapText(text: string, maxWidth: number, fontSize: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const candidate = line ? `${line} ${word}` : word;
    if (textWidth(candidate, fontSize) <= maxWidth) {
      line = candidate;
      continue;
    }
    if (line) lines.push(line);
    line = '';
    for (const char of word) {
      if (line && textWidth(line + char, fontSize) > maxWidth) {
        lines.push(line);
        line = '';
      }
      line += char;
    }
  }
  if (line || lines.length === 0) lines.push(line);
  return lines;
}
