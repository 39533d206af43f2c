/**
 * Bytes to text, and offsets to lines and columns. Officers' files come from
 * Word, Notepad and web forms: this is where their encodings are caught.
 */

/** Characters that Windows-1252 puts in bytes 0x80–0x9F, which Word pastes into files. */
const WINDOWS_1252: Record<number, string> = {
  0x80: '€', 0x85: '…', 0x91: '‘', 0x92: '’', 0x93: '“', 0x94: '”', 0x96: '–', 0x97: '—', 0xa3: '£',
};

/** The result of decoding a file: its text, or where and why it is not UTF-8. */
export type Decoded =
  | { ok: true; text: string; hadBom: boolean; hadCrlf: boolean }
  | { ok: false; line: number; column: number; message: string };

/**
 * Decodes UTF-8 strictly. A byte-order mark is dropped and CRLF becomes LF, so
 * that the parsers see one kind of text; both are reported so nothing is hidden.
 *
 * @example
 * decodeUtf8(Buffer.from('a: 1\r\n')) // { ok: true, text: 'a: 1\n', hadBom: false, hadCrlf: true }
 */
export function decodeUtf8(bytes: Uint8Array): Decoded {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return describeInvalidUtf8(bytes);
  }
  const hadBom = text.charCodeAt(0) === 0xfeff;
  if (hadBom) text = text.slice(1);
  const hadCrlf = text.includes('\r');
  if (hadCrlf) text = text.replace(/\r\n?/g, '\n');
  return { ok: true, text, hadBom, hadCrlf };
}

function describeInvalidUtf8(bytes: Uint8Array): Decoded {
  const offset = firstInvalidUtf8Byte(bytes);
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    // Lines end where editors end them: LF, CRLF, or a lone CR (as decodeUtf8 reads them too).
    if (bytes[i] === 0x0a || (bytes[i] === 0x0d && bytes[i + 1] !== 0x0a)) {
      line++;
      lineStart = i + 1;
    }
  }
  // Columns count characters: decode the valid start of the line to count them.
  // A byte-order mark is not counted on the first line (as elsewhere), but is a character on any other.
  const column = new TextDecoder('utf-8', { ignoreBOM: lineStart !== 0 }).decode(bytes.subarray(lineStart, offset)).length + 1;
  const byte = bytes[offset] ?? 0;
  const hex = `0x${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  const guess = WINDOWS_1252[byte];
  const looksLike = guess
    ? ` Byte ${hex} looks like the character ${guess} saved as Windows-1252, as Word and Notepad do.`
    : ` Byte ${hex} cannot start a UTF-8 character.`;
  return {
    ok: false,
    line,
    column,
    message:
      `this file is not saved as UTF-8.${looksLike} Expected UTF-8 text; ` +
      `save the file as "UTF-8" (in VS Code: click the encoding in the status bar, "Reopen with Encoding" → Windows 1252, then "Save with Encoding" → UTF-8).`,
  };
}

/** The offset of the first byte that does not belong to a valid UTF-8 sequence. */
function firstInvalidUtf8Byte(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i];
    const need = b < 0x80 ? 0 : b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
    if (need < 0) return i;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
    }
    i += need + 1;
  }
  return Math.max(0, bytes.length - 1);
}

/**
 * Turns character offsets into 1-based lines and columns. Built once per file
 * that has a problem; valid files never pay for it.
 */
export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(text: string) {
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) this.starts.push(i + 1);
  }

  /** The line and column (both from 1) of a character offset. */
  position(offset: number): { line: number; column: number } {
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.starts[mid] <= offset) low = mid;
      else high = mid - 1;
    }
    return { line: low + 1, column: offset - this.starts[low] + 1 };
  }
}

/**
 * A first, quick pass for characters that cannot be published: every C0 and
 * C1 control character but tab and line feed (carriage returns are gone by
 * now), U+FDD0–U+FDEF, U+FFFE, U+FFFF, and any surrogate. A surrogate is
 * often half of a valid pair (an emoji), so each match is looked at again.
 * (One character class runs three times as fast as the exact pattern.)
 */
const SUSPECT = /[\0-\x08\x0B\x0C\x0E-\x1F\x7F-\x9F\uFDD0-\uFDEF\uFFFE\uFFFF\uD800-\uDFFF]/g;

/** The first character of a text that cannot be published, and how many there are. */
export interface InvalidCharacters {
  /** Where the first is, as a character offset. */
  offset: number;
  /** The first one's code point. */
  codePoint: number;
  /** How many the text holds. */
  count: number;
}

/**
 * Finds characters a published page cannot hold: control characters (feeds
 * must drop them, and pages show them as boxes or not at all), the 66 Unicode
 * non-characters (U+FFFE, U+FDD0…: never text), and lone surrogates (half of
 * a character, which a YAML escape such as "\uD800" can write, and which
 * strict JSON readers refuse). Tab and line feed are text. With `controls:
 * false`, control characters are let through: a YAML escape that writes one
 * (`"\e"`) is deliberate, and every output escapes or drops it.
 *
 * @example
 * findInvalidCharacters('Board\u000B of Directors') // { offset: 5, codePoint: 0x0b, count: 1 }
 * findInvalidCharacters('Board 😀') // undefined
 */
export function findInvalidCharacters(text: string, { controls = true } = {}): InvalidCharacters | undefined {
  let found: InvalidCharacters | undefined;
  SUSPECT.lastIndex = 0;
  for (let m = SUSPECT.exec(text); m !== null; m = SUSPECT.exec(text)) {
    const i = m.index;
    const unit = text.charCodeAt(i);
    if (!controls && unit <= 0x9f) continue;
    let codePoint = unit;
    if (unit >= 0xd800 && unit <= 0xdbff) {
      const low = text.charCodeAt(i + 1);
      if (low >= 0xdc00 && low <= 0xdfff) {
        codePoint = 0x10000 + ((unit - 0xd800) << 10) + (low - 0xdc00);
        SUSPECT.lastIndex = i + 2;
        // A whole pair is a character unless it is one of the planes' two non-characters (U+1FFFE, U+1FFFF…).
        if ((codePoint & 0xfffe) !== 0xfffe) continue;
      }
    }
    if (found) found.count++;
    else found = { offset: i, codePoint, count: 1 };
  }
  return found;
}

/** Names of the control characters officers' files are most likely to hold. */
const CONTROL_NAMES: Record<number, string> = {
  0x00: 'null', 0x07: 'bell', 0x08: 'backspace', 0x0b: 'vertical tab', 0x0c: 'form feed', 0x1b: 'escape', 0x7f: 'delete', 0x85: 'next line',
};

/**
 * What is wrong with a character `findInvalidCharacters` found, for an
 * officer: its code, what it is, and why it cannot be published.
 *
 * @example
 * describeInvalidCharacter(0x0b) // 'the control character U+000B (vertical tab), which feeds must drop and pages show as a box or not at all'
 */
export function describeInvalidCharacter(codePoint: number): string {
  const code = `U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}`;
  if (codePoint >= 0xd800 && codePoint <= 0xdfff) {
    return `${code}, half of a pair of codes that only together make one character (a "lone surrogate"), which open-data readers refuse`;
  }
  if (codePoint < 0x20 || (codePoint >= 0x7f && codePoint <= 0x9f)) {
    const name = CONTROL_NAMES[codePoint];
    return `the control character ${code}${name ? ` (${name})` : ''}, which feeds must drop and pages show as a box or not at all`;
  }
  return `${code}, which is not a character at all (a Unicode "non-character") and which feeds must drop`;
}
