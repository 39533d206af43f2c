/**
 * Printing diagnostics: the human report, JSON, GitHub Actions annotations and
 * GitLab's code-quality report. A diagnostic is data (src/content/diagnostics.ts);
 * this module is the only place that turns it into text for a terminal or a CI log.
 *
 * Two promises hold for every format:
 * - one problem is one line. Content values and file names are officers' text,
 *   and may hold line breaks, escape sequences or bell characters: printed raw, a
 *   line break followed by `::error …` would be run by GitHub Actions as a command
 *   of its own, and an ESC sequence would repaint the terminal. They are shown
 *   escaped (`\n`, `\u001b`) instead;
 * - the report is written as a stream, in bounded pieces, and at most
 *   {@link SHOWN_PER_FILE} problems of a file are printed, then one line says how
 *   many more there are: a register of 24 files with 200,000 duplicate keys each
 *   once made a report too long for one string (`RangeError: Invalid string length`).
 */
import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { countDiagnostics, type Diagnostic } from './diagnostics.ts';

/** Problems printed for one file before the rest are counted in one line: an officer fixes the first ones first. */
export const SHOWN_PER_FILE = 100;

/** The stable code of the line that stands for a file's problems past {@link SHOWN_PER_FILE}. */
export const HIDDEN_CODE = 'more-problems-hidden';

/**
 * The line that stands for the problems of a file not printed: at the first of
 * them, as serious as the worst of them, with how many there are.
 */
export interface HiddenProblems extends Diagnostic {
  code: typeof HIDDEN_CODE;
  /** How many problems of the file are not printed. */
  hidden: number;
}

/** What a report prints, in order: problems, and a line for each file's hidden ones. */
export type ReportEntry = Diagnostic | HiddenProblems;

/**
 * Characters a terminal or a CI log reads as more than text: C0 controls (line
 * breaks, ESC, BEL…), DEL and C1 controls, Unicode's line and paragraph
 * separators, and the bidirectional overrides that reorder what is shown
 * ("Trojan Source"). Also `##[`, which GitHub Actions' runner still reads as a
 * legacy workflow command anywhere in a line, not only at its start.
 */
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]|##\[/g;

/** How the human report writes the controls people know by a letter. */
const NAMED: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** `\u001b` for ESC: how JavaScript and JSON write a character by its code. */
const codePoint = (character: string) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`;

/** The characters of {@link UNSAFE} that JSON.stringify leaves as they are (it escapes C0 controls itself). */
const UNSAFE_IN_JSON = /[\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]|##\[/g;

function escapeWith(text: string, named: Readonly<Record<string, string>>, unsafe = UNSAFE): string {
  // Nearly every message has nothing to escape: one test, no copy.
  unsafe.lastIndex = 0;
  if (!unsafe.test(text)) return text;
  return text.replace(unsafe, (found) => (found === '##[' ? '#\\u0023[' : (named[found] ?? codePoint(found))));
}

/**
 * Text from the content, made safe to print on one line of a terminal or a CI
 * log: every control character is shown escaped, as JavaScript would write it.
 *
 * @example
 * escapeControlCharacters('Board\n::error::Forged') // 'Board\\n::error::Forged'
 * escapeControlCharacters('\u001b[2JBoard') // '\\u001b[2JBoard'
 */
export function escapeControlCharacters(text: string): string {
  return escapeWith(text, NAMED);
}

/**
 * One line per problem, as the contract specifies:
 * `path/to/file.yaml:LINE:COL  error  CODE  message`.
 * The `path:LINE:COL` prefix is clickable in editors' terminals.
 *
 * @example
 * formatDiagnostic({ file: 'site.yaml', line: 3, column: 1, severity: 'error', code: 'unknown-key', message: 'colour…' }, 'content')
 * // 'content/site.yaml:3:1  error  unknown-key  colour…'
 */
export function formatDiagnostic(d: Diagnostic, contentDir = ''): string {
  const file = contentDir ? `${contentDir.replace(/\/$/, '')}/${d.file}` : d.file;
  return `${escapeControlCharacters(file)}:${d.line}:${d.column}  ${d.severity}  ${d.code}  ${escapeControlCharacters(d.message)}`;
}

/** The closing line of a report: how many files, errors and warnings (every problem, printed or not). */
export function formatSummary(fileCount: number, diagnostics: readonly Diagnostic[]): string {
  const { errors, warnings } = countDiagnostics(diagnostics);
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  return `${plural(fileCount, 'file')} checked: ${plural(errors, 'error')}, ${plural(warnings, 'warning')}`;
}

/**
 * The problems to print, in their order: the first `limit` of each file, then,
 * when it has more, one {@link HiddenProblems} entry for the rest. The list is
 * sorted by file (sortDiagnostics), so a file's problems are next to each other.
 */
export function* capPerFile(diagnostics: Iterable<Diagnostic>, limit = SHOWN_PER_FILE): Generator<ReportEntry> {
  let file: string | undefined;
  let shown = 0;
  let firstHidden: Diagnostic | undefined;
  let hidden = 0;
  let severity: Diagnostic['severity'] = 'warning';
  const rest = (): HiddenProblems => ({ ...position(firstHidden as Diagnostic), severity, code: HIDDEN_CODE, message: hiddenMessage(hidden), hidden });
  for (const d of diagnostics) {
    if (d.file !== file) {
      if (firstHidden) yield rest();
      file = d.file;
      shown = 0;
      firstHidden = undefined;
      hidden = 0;
      severity = 'warning';
    }
    if (shown < limit) {
      shown++;
      yield d;
      continue;
    }
    firstHidden ??= d;
    hidden++;
    if (d.severity === 'error') severity = 'error';
  }
  if (firstHidden) yield rest();
}

const position = ({ file, line, column }: Diagnostic) => ({ file, line, column });

function hiddenMessage(hidden: number): string {
  return `and ${hidden.toLocaleString('en-GB')} more problem${hidden === 1 ? '' : 's'} in this file, hidden: fix these first`;
}

/**
 * The human report, in pieces to write one after the other: problems grouped by
 * file like a linter (a blank line between files), each on one line in the
 * contract's format, then the summary line. Each piece ends with a line break.
 */
export function* textReport(diagnostics: readonly Diagnostic[], fileCount: number, contentDir = '', limit = SHOWN_PER_FILE): Generator<string> {
  let previous: string | undefined;
  for (const entry of capPerFile(diagnostics, limit)) {
    if (previous !== undefined && entry.file !== previous) yield '\n';
    previous = entry.file;
    yield `${formatDiagnostic(entry, contentDir)}\n`;
  }
  if (previous !== undefined) yield '\n';
  yield `${formatSummary(fileCount, diagnostics)}\n`;
}

/**
 * The human report as one string, without the final line break, for a logger
 * that takes one message (the preview's). At most {@link SHOWN_PER_FILE} lines a file.
 */
export function formatReport(diagnostics: readonly Diagnostic[], fileCount: number, contentDir = ''): string {
  return [...textReport(diagnostics, fileCount, contentDir)].join('').slice(0, -1);
}

/**
 * JSON.stringify, with the characters JSON leaves raw but terminals and CI logs
 * read (DEL, C1 controls, line separators, bidirectional overrides, `##[`)
 * written as `\u` escapes: the same value to any JSON reader, safe to print.
 */
export function safeJson(value: unknown, indent?: number): string {
  return escapeWith(JSON.stringify(value, null, indent), {}, UNSAFE_IN_JSON);
}

/**
 * `--json`: the problems as a JSON array, in pieces: byte for byte what
 * `JSON.stringify(diagnostics, null, 2)` writes, never built as one string. A
 * file's problems past the limit are one more element, a {@link HiddenProblems}
 * (`"code": "more-problems-hidden"`, with `"hidden"`: how many), so the array
 * stays valid and says what it leaves out. Ends with a line break.
 */
export function* jsonReport(diagnostics: readonly Diagnostic[], limit = SHOWN_PER_FILE): Generator<string> {
  let first = true;
  for (const entry of capPerFile(diagnostics, limit)) {
    // Indented one level, as inside the array; JSON strings hold no raw line break.
    yield `${first ? '[\n  ' : ',\n  '}${safeJson(entry, 2).replaceAll('\n', '\n  ')}`;
    first = false;
  }
  yield first ? '[]\n' : '\n]\n';
}

/** GitHub's escaping of a workflow command's data: `%` first, then CR and LF; other controls as `\u` escapes. */
function githubData(text: string): string {
  return escapeWith(text.replaceAll('%', '%25'), { '\r': '%0D', '\n': '%0A' });
}

/** A workflow command's property value, where `:` and `,` also separate. */
function githubProperty(text: string): string {
  return githubData(text).replaceAll(':', '%3A').replaceAll(',', '%2C');
}

/**
 * A problem as a GitHub Actions workflow command:
 * `::error file=content/x.yaml,line=3,col=5,title=unknown-key::message`.
 * A line break in the message is GitHub's `%0A` (a line break inside the
 * annotation, never a new command); other control characters are shown escaped.
 *
 * @param contentDir the content folder relative to the repository's root (CI's working directory), which is how GitHub matches the file to the pull request's diff
 */
export function githubAnnotation(d: Diagnostic, contentDir: string): string {
  const file = contentDir ? `${contentDir.replace(/\/$/, '')}/${d.file}` : d.file;
  const properties = [`file=${githubProperty(file)}`, `line=${d.line}`, `col=${d.column}`, `title=${githubProperty(d.code)}`].join(',');
  return `::${d.severity} ${properties}::${githubData(d.message)}`;
}

/** `--format github`: one workflow command per problem, then the summary line, in pieces. */
export function* githubReport(diagnostics: readonly Diagnostic[], fileCount: number, contentDir: string, limit = SHOWN_PER_FILE): Generator<string> {
  for (const entry of capPerFile(diagnostics, limit)) yield `${githubAnnotation(entry, contentDir)}\n`;
  yield `${formatSummary(fileCount, diagnostics)}\n`;
}

/** GitLab's code-quality severities for the register's two: an error stops the build, a warning is a note on the page. */
const GITLAB_SEVERITY: Readonly<Record<Diagnostic['severity'], 'major' | 'minor'>> = { error: 'major', warning: 'minor' };

/** One issue of GitLab's code-quality report (the part of Code Climate's format GitLab reads). */
export interface CodeQualityIssue {
  description: string;
  check_name: string;
  fingerprint: string;
  severity: 'major' | 'minor';
  location: { path: string; lines: { begin: number } };
}

/**
 * `--format gitlab`: GitLab's code-quality report, a JSON array of issues, in
 * pieces, for `artifacts: reports: codequality`, which shows each problem in the
 * merge request. The path is from the repository's root, like GitHub's. Each
 * fingerprint (32 hex digits, as an MD5 would be; SHA-256 works where FIPS forbids MD5) is a hash of the file, the code, the message and how many times
 * that same problem came before it in the file: the same on every run, and
 * unchanged when lines above it move, so GitLab does not see it as fixed and new.
 */
export function* gitlabReport(diagnostics: readonly Diagnostic[], contentDir: string, limit = SHOWN_PER_FILE): Generator<string> {
  const seen = new Map<string, number>();
  let first = true;
  for (const entry of capPerFile(diagnostics, limit)) {
    const path = contentDir ? `${contentDir.replace(/\/$/, '')}/${entry.file}` : entry.file;
    const identity = [path, entry.code, entry.message].join('\u0000');
    const occurrence = seen.get(identity) ?? 0;
    seen.set(identity, occurrence + 1);
    const issue: CodeQualityIssue = {
      description: escapeControlCharacters(entry.message),
      check_name: entry.code,
      fingerprint: createHash('sha256').update(`${identity}\u0000${occurrence}`).digest('hex').slice(0, 32),
      severity: GITLAB_SEVERITY[entry.severity],
      location: { path, lines: { begin: entry.line } },
    };
    yield `${first ? '[\n' : ',\n'}${safeJson(issue)}`;
    first = false;
  }
  yield first ? '[]\n' : '\n]\n';
}

/** Pieces of text are gathered up to this many characters before a write: few writes, and never one huge string. */
const WRITE_BATCH = 64 * 1024;

/**
 * Writes a report to a stream piece by piece, waiting whenever the stream asks
 * (a slow pipe, a full terminal), and resolves once everything is handed to the
 * operating system, so the caller may exit then.
 */
export async function writeReport(stream: NodeJS.WritableStream, pieces: Iterable<string>): Promise<void> {
  let batch = '';
  for (const piece of pieces) {
    batch += piece;
    if (batch.length < WRITE_BATCH) continue;
    const ready = stream.write(batch);
    batch = '';
    if (!ready) await once(stream, 'drain');
  }
  await new Promise<void>((resolve, reject) => stream.write(batch, (error) => (error ? reject(error) : resolve())));
}
