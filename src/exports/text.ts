/**
 * Small writers for the open formats: XML text, CSV fields, JSON files and
 * JSON-LD safe to inline in a page. Content is untrusted text, so every value
 * passes through one of these on its way out.
 */

// Characters XML 1.0 forbids outright (most control characters, lone surrogates,
// U+FFFE and U+FFFF): no escape can carry them, so they are dropped.
const NOT_XML = /[^\t\n\r\x20-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/**
 * Text safe inside an XML element or a double- or single-quoted attribute.
 *
 * @example
 * escapeXml('Fish & "Chips" <ltd>') // 'Fish &amp; &quot;Chips&quot; &lt;ltd&gt;'
 */
export function escapeXml(text: string): string {
  return text
    .replace(NOT_XML, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

// A spreadsheet runs a cell starting with one of these as a formula ("CSV injection").
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One CSV field (RFC 4180): quoted when it holds a comma, quote or line break.
 * Text that a spreadsheet would run as a formula gets a leading apostrophe,
 * the usual defence, because content is untrusted. Numbers pass as they are.
 *
 * @example
 * csvField('Warm Homes, phase 2') // '"Warm Homes, phase 2"'
 * csvField('=HYPERLINK("x")') // '"\'=HYPERLINK(""x"")"'
 */
export function csvField(value: string | number | null | undefined): string {
  if (value == null) return '';
  if (typeof value === 'number') return String(value);
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Rows as CSV: CRLF line ends, as RFC 4180 asks, including after the last row. */
export function toCsv(rows: readonly (readonly (string | number | null | undefined)[])[]): string {
  return rows.map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}

/**
 * JSON text with every string well-formed: a lone surrogate (which a YAML
 * escape such as "\uD800" can put in content) becomes U+FFFD. JSON.stringify
 * writes a lone surrogate as a `\udXXX` escape (lower-case, as ECMAScript
 * specifies), which strict parsers (jq among them) refuse, so one stray
 * character would make a whole file unreadable. It writes no other escape in
 * that range (a pair is written as it is), and one after an odd run of
 * backslashes is text, not an escape. Done on the
 * text rather than with a replacer, which made decisions.json half as slow
 * again to write.
 */
function wellFormedJson(json: string): string {
  return json.includes('\\ud') ? json.replace(/(?<!\\)((?:\\\\)*)\\ud[89a-f][0-9a-f]{2}/g, '$1\\ufffd') : json;
}

/**
 * A JSON file: two-space indents and a final newline, so diffs between builds
 * read well, and every string well-formed, so strict parsers read it.
 *
 * @example
 * toJsonFile({ name: 'Board \uD800' }) // '{\n  "name": "Board \\ufffd"\n}\n'
 */
export function toJsonFile(value: unknown): string {
  return `${wellFormedJson(JSON.stringify(value, null, 2))}\n`;
}

/**
 * JSON that can sit inside `<script type="application/ld+json">` without
 * ending it: `<`, `>` and `&` become \u escapes (still the same JSON), so no
 * content can write `</script>`. U+2028 and U+2029 are escaped for old parsers,
 * and lone surrogates become U+FFFD, as in `toJsonFile`.
 *
 * @example
 * inlineJson({ name: '</script>' }) // '{"name":"\\u003c/script\\u003e"}'
 */
export function inlineJson(value: unknown): string {
  return wellFormedJson(JSON.stringify(value))
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}
