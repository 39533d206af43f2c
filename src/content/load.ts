/**
 * load: the content folder → parsed documents. Reads every file once, refuses
 * what cannot be read safely, and never writes anything.
 *
 * Two steps: `planContent` walks the folder and lists the files to read (and
 * the problems in the layout itself); `readContentFile` reads one, so that a
 * caller can validate each file while it is fresh, or share the files out
 * between threads.
 */
import { closeSync, constants, fstatSync, openSync, readdirSync, readFileSync, type Dirent, type Stats } from 'node:fs';
import { join } from 'node:path';
import matter from 'gray-matter';
import type { PathSegment, PendingDiagnostic } from './diagnostics.ts';
import { decodeUtf8, describeInvalidCharacter, findInvalidCharacters, LineIndex } from './text.ts';
import { invalidCharacterMessage, parseYaml, type YamlResult } from './yaml.ts';
import { ID_PATTERN, slugify } from '../schemas/ids.ts';

/** The content types of the contract's file layout. */
export type ContentKind = 'site' | 'partnership' | 'structure' | 'strategy' | 'chapter' | 'decision';

/** Files larger than this are refused unread: no officer's page is this long. */
export const MAX_FILE_BYTES = 1024 * 1024;

/** A content file to read, and what its place in the layout says it is. */
export interface ContentFile {
  /** Path relative to the content folder, with forward slashes. */
  file: string;
  kind: ContentKind;
  /** The id from the file name (or folder name for `partnership.md`). */
  id: string;
  /** The id of the partnership folder the file is in (absent for `site.yaml`). */
  partnershipId?: string;
}

/** One content file, parsed: what validation needs. */
export interface ParsedDocument extends ContentFile {
  /** The parsed data, when the YAML could be read; absent for a file that could not be read or parsed. */
  data?: unknown;
  /** The Markdown below the frontmatter, for `.md` files. */
  body?: string;
  /**
   * Where `body` starts in the file (line and column from 1), so that a rule
   * about the Markdown (src/rules/markdown.ts) can place its problems without
   * the file's text, which the checker's reader thread does not send.
   */
  bodyStart?: { line: number; column: number };
}

/** One content file, read and parsed, with what is needed to place its problems. */
export interface SourceDocument extends ParsedDocument {
  /** The whole text as the officer sees it (after BOM and CRLF handling). */
  text: string;
  /** Where the YAML starts in `text` (after the opening `---` of frontmatter). */
  yamlOffset: number;
  /** The YAML part of the text. */
  yaml: string;
}

/** The content folder's layout: the files to read, in order, and the problems in the layout itself. */
export interface ContentPlan {
  /**
   * Every content file found. Each is read, even one that turns out unreadable
   * (too large, not UTF-8, no frontmatter, empty): its id still exists, so
   * references to it are not reported as broken too.
   */
  files: ContentFile[];
  /** Folders and files that are not where the contract's layout puts them. */
  diagnostics: PendingDiagnostic[];
}

/** What loading a whole folder found: every document, with its parsed data, and the problems on the way. */
export interface LoadResult {
  documents: SourceDocument[];
  diagnostics: PendingDiagnostic[];
  /** How many files were read. */
  fileCount: number;
}

/**
 * Reads every file of the content folder and keeps each one's parsed data
 * (for tools that want the raw data; the checker validates each file as it is
 * read and drops its data, see src/model/index.ts).
 */
export function loadContent(contentDir: string): LoadResult {
  const plan = planContent(contentDir);
  const diagnostics = [...plan.diagnostics];
  const documents = plan.files.map((file) => readContentFile(contentDir, file, diagnostics));
  return { documents, diagnostics, fileCount: plan.files.length };
}

/** The folders of a partnership and the kind of file each holds. */
const SUBFOLDERS: Record<string, { kind: ContentKind; extension: '.yaml' | '.md' }> = {
  structures: { kind: 'structure', extension: '.yaml' },
  strategies: { kind: 'strategy', extension: '.yaml' },
  chapters: { kind: 'chapter', extension: '.md' },
  decisions: { kind: 'decision', extension: '.md' },
};

/** Files that tools and operating systems leave behind, never content. */
const isIgnored = (name: string) => name.startsWith('.') || name === 'Thumbs.db' || name.endsWith('~');

/**
 * Walks the content folder, following the contract's layout, and lists the
 * files to read in a fixed order (folders and files sorted by name). Reads no
 * file: the layout's own problems are all it reports.
 *
 * Nothing in the folder is passed over in silence: an entry that is not a
 * regular file or folder (a symbolic link, a named pipe, a device) is an
 * error at its path, and so is a folder that cannot be read. Links are never
 * followed: what one points to may be outside the content folder, or change
 * between the check and the build.
 */
export function planContent(contentDir: string): ContentPlan {
  const plan: ContentPlan = { files: [], diagnostics: [] };
  const add = (file: string, code: string, message: string, severity: 'error' | 'warning' = 'error') =>
    plan.diagnostics.push({ file, line: 1, column: 1, severity, code, message });

  const root = listFolder(contentDir);
  if (!Array.isArray(root)) {
    add('.', 'missing-content', `the content folder ${contentDir} cannot be read (${root.code}); expected a folder holding site.yaml and partnerships/; check CONTENT_DIR or create the folder`);
    return plan;
  }
  if (!root.some((entry) => entry.name === 'site.yaml')) {
    add('site.yaml', 'missing-file', 'there is no site.yaml in the content folder; expected one with title, publisher and base_url; create it');
  }
  for (const entry of root) {
    if (isIgnored(entry.name)) continue;
    if (notFileOrFolder(entry, entry.name, entry.name === 'partnerships' ? 'folder' : 'file', add)) continue;
    if (entry.name === 'site.yaml') {
      if (entry.isFile()) plan.files.push({ file: 'site.yaml', kind: 'site', id: 'site' });
      else add('site.yaml', 'missing-file', 'site.yaml is a folder, not a file, so the site has no settings; expected a file site.yaml with title, publisher and base_url; move what the folder holds elsewhere and create the file');
    } else if (entry.name === 'partnerships' && entry.isDirectory()) planPartnerships(contentDir, plan, add);
    else add(entry.name, 'unexpected-file', `"${entry.name}" is not part of the content layout and will not be published; expected only site.yaml and the partnerships/ folder here; move or delete it`, 'warning');
  }
  return plan;
}

type Add = (file: string, code: string, message: string, severity?: 'error' | 'warning') => void;

/**
 * Reports an entry that is neither a regular file nor a folder, as an error
 * at its path, and says whether it was one. `expected` is what the layout
 * wants at that place.
 */
function notFileOrFolder(entry: Dirent, path: string, expected: 'file' | 'folder', add: Add): boolean {
  if (entry.isFile() || entry.isDirectory()) return false;
  if (entry.isSymbolicLink()) {
    add(path, 'symbolic-link', `"${path}" is a symbolic link; the register never follows links, so what it points to would not be checked or published; expected a real ${expected} here; replace the link with the ${expected} itself`);
  } else {
    add(path, 'special-file', `"${path}" is ${specialKind(entry)}, not a regular ${expected}, so it cannot be read safely; expected a ${expected} here; delete it, and put the ${expected} in its place`);
  }
  return true;
}

/** What a special file is, in words. */
function specialKind(entry: Dirent | Stats): string {
  if (entry.isFIFO()) return 'a named pipe (FIFO)';
  if (entry.isSocket()) return 'a socket';
  if (entry.isBlockDevice() || entry.isCharacterDevice()) return 'a device';
  return 'a special file';
}

/** Reports a folder that could not be listed: nothing in it can be checked or published. */
function unreadableFolder(path: string, error: NodeJS.ErrnoException, add: Add): void {
  add(path, 'unreadable-folder', `the folder ${path} cannot be read (${error.code ?? 'unknown error'}), so nothing in it could be checked or published; check that you have permission to read it (on Linux or macOS: chmod u+rx "${path}")`);
}

function planPartnerships(contentDir: string, plan: ContentPlan, add: Add): void {
  const folders = listFolder(join(contentDir, 'partnerships'));
  if (!Array.isArray(folders)) return unreadableFolder('partnerships', folders, add);
  for (const folder of folders) {
    if (isIgnored(folder.name)) continue;
    const base = `partnerships/${folder.name}`;
    if (notFileOrFolder(folder, base, 'folder', add)) continue;
    if (!folder.isDirectory()) {
      add(base, 'unexpected-file', `"${folder.name}" is a file, but partnerships/ holds one folder per partnership; expected partnerships/<partnership-id>/partnership.md; move it into a partnership's folder`);
      continue;
    }
    if (!ID_PATTERN.test(folder.name)) {
      add(`${base}/partnership.md`, 'invalid-id', `the folder name "${folder.name}" is not an id; expected lower-case letters and digits joined by single hyphens, because the folder name is the partnership's id and web address; rename the folder to "${slugify(folder.name) || 'my-partnership'}"`);
      continue;
    }
    const entries = listFolder(join(contentDir, base));
    if (!Array.isArray(entries)) {
      unreadableFolder(base, entries, add);
      continue;
    }
    // A partnership.md that is a link or a pipe is reported as such, below, not as missing too.
    if (!entries.some((entry) => entry.name === 'partnership.md' && !entry.isDirectory())) {
      add(`${base}/partnership.md`, 'missing-file', `the folder ${base} has no partnership.md; expected one describing the partnership; create it (copy another partnership's as a start)`);
    }
    for (const entry of entries) {
      if (isIgnored(entry.name)) continue;
      const file = `${base}/${entry.name}`;
      const sub = SUBFOLDERS[entry.name];
      if (notFileOrFolder(entry, file, sub ? 'folder' : 'file', add)) continue;
      if (entry.name === 'partnership.md' && entry.isFile()) {
        plan.files.push({ file, kind: 'partnership', id: folder.name, partnershipId: folder.name });
      } else if (sub && entry.isDirectory()) {
        planSubfolder(contentDir, file, sub, folder.name, plan, add);
      } else {
        add(file, 'unexpected-file', `"${entry.name}" is not part of a partnership's layout and will not be published; expected partnership.md and the folders structures/, strategies/, chapters/ and decisions/; move or delete it`, entry.isDirectory() ? 'error' : 'warning');
      }
    }
  }
}

function planSubfolder(contentDir: string, folder: string, sub: { kind: ContentKind; extension: string }, partnershipId: string, plan: ContentPlan, add: Add): void {
  const entries = listFolder(join(contentDir, folder));
  if (!Array.isArray(entries)) return unreadableFolder(folder, entries, add);
  for (const entry of entries) {
    if (isIgnored(entry.name)) continue;
    const file = `${folder}/${entry.name}`;
    if (notFileOrFolder(entry, file, 'file', add)) continue;
    const extension = entry.name.slice(entry.name.lastIndexOf('.'));
    const id = entry.name.slice(0, entry.name.length - extension.length);
    if (!entry.isFile() || extension !== sub.extension) {
      const wanted = `${slugify(id || entry.name) || 'my-id'}${sub.extension}`;
      add(file, 'unexpected-file', `"${entry.name}" is not a ${sub.extension} file, so it would not be published; expected every file in ${folder.split('/').pop()}/ to be named <id>${sub.extension}; rename it to "${wanted}"`);
      continue;
    }
    if (!ID_PATTERN.test(id)) {
      add(file, 'invalid-id', `the file name "${entry.name}" is not an id; expected lower-case letters and digits joined by single hyphens, because the file name is the id used in references and web addresses; rename it to "${slugify(id) || 'my-id'}${sub.extension}"`);
      continue;
    }
    plan.files.push({ file, kind: sub.kind, id, partnershipId });
  }
}

/** A folder's entries sorted by name, without following links; or why it could not be listed. */
function listFolder(path: string): Dirent[] | NodeJS.ErrnoException {
  try {
    return readdirSync(path, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  } catch (error) {
    return error as NodeJS.ErrnoException;
  }
}

/**
 * Reads, decodes and parses one file of the plan. Problems go to
 * `diagnostics`, never thrown. The document has `data` only if its YAML could
 * be read. With `parse: false` the YAML is cut out but not parsed: enough to
 * place problems found earlier, in a third of the time, and for nothing else
 * (the YAML's own problems go unreported).
 */
export function readContentFile(contentDir: string, content: ContentFile, diagnostics: PendingDiagnostic[], { parse = true } = {}): SourceDocument {
  const { file } = content;
  const problem = (code: string, message: string, line = 1, column = 1, severity: 'error' | 'warning' = 'error') =>
    diagnostics.push({ file, line, column, severity, code, message });
  const unreadable = (text = ''): SourceDocument => ({ ...content, text, yamlOffset: 0, yaml: '' });
  const path = join(contentDir, file);
  let bytes: Buffer;
  try {
    // One open for the size and the bytes: half the path lookups of stat-then-read, and the size is the file's that is read.
    // Never through a link, and never waiting on a pipe: what was planned as a file may have been replaced since.
    const fd = openSync(path, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0));
    try {
      const stats = fstatSync(fd);
      if (!stats.isFile()) {
        problem('special-file', `this is ${specialKind(stats)}, not a regular file, so it cannot be read safely; expected a file here; delete it, and put the file in its place`);
        return unreadable();
      }
      if (stats.size > MAX_FILE_BYTES) {
        problem('file-too-large', `this file is larger than 1 MB, so it was not read; expected a content file of a few pages at most; split it, or move long documents elsewhere and link to them`);
        return unreadable();
      }
      bytes = readFileSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ELOOP') problem('symbolic-link', 'this file is a symbolic link; the register never follows links, so what it points to would not be checked or published; expected a real file here; replace the link with the file itself');
    else problem('unreadable-file', `this file cannot be read (${code ?? 'unknown error'}); check that it exists and that you have permission to read it`);
    return unreadable();
  }
  const decoded = decodeUtf8(bytes);
  if (!decoded.ok) {
    problem('not-utf8', decoded.message, decoded.line, decoded.column);
    return unreadable();
  }
  if (decoded.hadBom) {
    problem('byte-order-mark', 'this file starts with an invisible byte-order mark; it was read correctly, but some tools stumble on it; save the file as "UTF-8" rather than "UTF-8 with BOM"', 1, 1, 'warning');
  }
  if (decoded.hadCrlf) {
    problem('line-endings', 'this file has Windows line endings (CRLF); it was read correctly, but when the line endings of a file change, git shows every line as changed and the real change is hard to review; save it with LF line endings (in VS Code: click "CRLF" in the status bar and choose "LF")', 1, 1, 'warning');
  }
  const text = decoded.text;
  // One index of line starts for all of a file's problems: a file can have thousands (duplicate keys).
  let lines: LineIndex | undefined;
  const at = (offset: number) => (lines ??= new LineIndex(text)).position(offset);
  const invalid = parse ? findInvalidCharacters(text) : undefined;
  if (invalid) problem('invalid-character', invalidCharacterMessage(invalid.codePoint, invalid.count), at(invalid.offset).line, at(invalid.offset).column);
  const document: SourceDocument = { ...content, text, yamlOffset: 0, yaml: text };
  const read = file.endsWith('.md') ? splitFrontmatter(document, problem, parse ? GRAY_MATTER_OPTIONS : SPLIT_ONLY) : parse ? readYaml(text) : UNPARSED;
  if (!read) return unreadable(text);
  if ('empty' in read) {
    problem('empty-file', `this file has no keys; expected the keys a ${content.kind} needs (see the authoring guide); copy a similar file as a starting point`);
    return unreadable(text);
  }
  document.data = read.data;
  if (!read.ok) {
    for (const p of read.problems) {
      // The same characters as the check of the whole text above, which has reported them already.
      if (invalid && p.code === 'invalid-character') continue;
      diagnostics.push({ file, severity: 'error', code: p.code, message: p.message, locator: undefined, ...at(document.yamlOffset + p.offset) });
    }
  }
  if (!parse) return document;
  // A YAML escape ("\uD800") writes a character the text itself does not hold.
  if (document.data !== undefined && document.yaml.includes('\\')) reportEscapedCharacters(file, document.data, diagnostics);
  // gray-matter's body is the end of the text, after the closing `---` line.
  if (document.body !== undefined) document.bodyStart = offsetToLineColumn(text, text.length - document.body.length);
  return document;
}

/**
 * Reports each value (or key) of a file's data that holds a character no
 * page can publish, which only a YAML escape can write: a lone surrogate
 * ("\uD800") or a non-character ("\uFFFE"). Placed at the value, by its
 * path. A control character written as an escape ("\e") is let through, as
 * deliberate: the outputs escape it (in the terminal, JSON) or drop it (XML).
 */
function reportEscapedCharacters(file: string, data: unknown, diagnostics: PendingDiagnostic[]): void {
  const report = (path: PathSegment[], at: 'value' | 'key', codePoint: number) =>
    diagnostics.push({
      file,
      severity: 'error',
      code: 'invalid-character',
      message: `this ${at} holds, through a backslash escape, ${describeInvalidCharacter(codePoint)}; it cannot be published; remove the escape, or write the character it stands for itself`,
      locator: { path, at },
    });
  // The data is at most js-yaml's maxDepth deep, so recursion is bounded.
  const walk = (value: unknown, path: PathSegment[]): void => {
    if (typeof value === 'string') {
      const found = findInvalidCharacters(value, { controls: false });
      if (found) report(path, 'value', found.codePoint);
    } else if (Array.isArray(value)) {
      value.forEach((item, i) => walk(item, [...path, i]));
    } else if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
      for (const [key, item] of Object.entries(value)) {
        const found = findInvalidCharacters(key, { controls: false });
        if (found) report([...path, key], 'key', found.codePoint);
        walk(item, [...path, key]);
      }
    }
  };
  walk(data, []);
}

/** What reading a YAML text gives: nothing to read (only blank lines and comments), or the parser's result. */
type YamlRead = { empty: true } | YamlResult;

const EMPTY: YamlRead = { empty: true };

/** A YAML text left unread, for `readContentFile`'s `parse: false`. */
const UNPARSED: YamlRead = { ok: true, data: undefined };

/**
 * The start of a line with something to read: after any white space, a
 * character that does not start a comment (or a comment with a line or
 * paragraph separator, U+2028 or U+2029, in it: js-yaml is left to judge
 * that). Tried at line starts only, it never backtracks far, and it stops at
 * the first key, where splitting the text into lines would copy every line.
 */
const CONTENT_LINE = /(?:^|\n)[^\S\n]*(?:[^\s#]|#[^\n]*[\r\u2028\u2029])/;

/** Reads a YAML text (a whole `.yaml` file, or a Markdown file's frontmatter): the one place YAML is parsed. */
function readYaml(yaml: string): YamlRead {
  return CONTENT_LINE.test(yaml) ? parseYaml(yaml) : EMPTY;
}

/** Line and column (from 1) of a character offset in a text. Used for one-off positions. */
export function offsetToLineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}

/** Thrown by every gray-matter engine but YAML's. */
const refuse = (): never => {
  throw new Error('only YAML frontmatter is read: gray-matter was asked to run another language');
};

/**
 * gray-matter, set up to read YAML only. Out of the box it runs `---js` and
 * `---javascript` frontmatter with `eval`, and reads `---json`; here its YAML
 * engine is ours (js-yaml 5 without aliases, nesting bounded: see yaml.ts),
 * and every language it knows of besides (it maps `js`, `coffee`, `cson` and
 * `yml` onto these names) throws rather than runs; any other name is unknown
 * to it, and it throws too. `splitFrontmatter` refuses every language but YAML
 * before gray-matter is called, so this is the second lock, not the first.
 * Passing options at all also keeps gray-matter from keeping every file's text
 * in its cache.
 */
export const GRAY_MATTER_OPTIONS = {
  language: 'yaml',
  engines: { yaml: readYaml, javascript: refuse, json: refuse, coffee: refuse },
} as const;

/** The same, with the YAML cut out but left unread (see `readContentFile`). */
const SPLIT_ONLY = { ...GRAY_MATTER_OPTIONS, engines: { ...GRAY_MATTER_OPTIONS.engines, yaml: () => UNPARSED } } as const;

/**
 * More blank lines than this in a row are refused before gray-matter sees the
 * frontmatter: it looks for comment lines with `/^\s*#[^\n]+/gm`, which takes
 * time in the square of the number of line starts in a run of white space (a
 * megabyte of line breaks: minutes). Up to this many, a 1 MB file is split in
 * well under a second.
 */
export const MAX_BLANK_LINES = 100;

/**
 * A run of blank lines: a line break, then lines of white space only, each
 * ended by a line break. Line breaks as gray-matter's pattern sees them: LF,
 * and the Unicode line and paragraph separators (CR is gone by now:
 * decodeUtf8 turns it into LF). Each run is matched once, from its start.
 */
const BLANK_LINES = /[\n\u2028\u2029](?:[^\S\n\u2028\u2029]*[\n\u2028\u2029])+/g;

/** Where the first run of more than MAX_BLANK_LINES blank lines in a text starts, if there is one. */
function longBlankRun(text: string): number | undefined {
  for (const run of text.matchAll(BLANK_LINES)) {
    // The run's first line break ends the line before it; each of the others ends a blank line.
    const blankLines = run[0].split(/[\n\u2028\u2029]/).length - 2;
    if (blankLines > MAX_BLANK_LINES) return run.index + 1;
  }
  return undefined;
}

/**
 * Splits a Markdown file into YAML frontmatter and body with gray-matter, and
 * reads the YAML (through gray-matter's engine, so once). Only YAML is ever
 * read: a first line naming another language (`---js`, which gray-matter
 * would run as code) is refused here, never evaluated. Returns nothing if
 * there is nothing to read.
 */
function splitFrontmatter(document: SourceDocument, problem: (code: string, message: string, line?: number, column?: number) => void, options: typeof GRAY_MATTER_OPTIONS | typeof SPLIT_ONLY): YamlRead | undefined {
  const { text } = document;
  const firstLine = text.slice(0, text.indexOf('\n') === -1 ? undefined : text.indexOf('\n'));
  if (!firstLine.startsWith('---')) {
    problem('missing-frontmatter', 'this Markdown file does not start with frontmatter; expected a first line of exactly "---", then the keys, then another "---" line, then the text; add them');
    return undefined;
  }
  const language = firstLine.slice(3).trim();
  if (language !== '' && language !== 'yaml' && language !== 'yml') {
    problem('frontmatter-language', `the frontmatter is marked as "${language}", which is not allowed: only YAML is read, and other languages could run code; expected a first line of exactly "---"; remove "${language}" from the first line and write the keys in YAML`, 1, 4);
    return undefined;
  }
  if (!/\n---[ \t]*(\n|$)/.test(text.slice(3))) {
    problem('missing-frontmatter', 'the frontmatter is never closed; expected a line of exactly "---" after the last key; add it before the Markdown text');
    return undefined;
  }
  // gray-matter's block ends at the first "\n---"; the check above found one after the first line.
  const close = text.indexOf('\n---', 3);
  const blank = longBlankRun(text.slice(0, close + 1));
  if (blank !== undefined) {
    const { line } = offsetToLineColumn(text, blank);
    problem('too-many-blank-lines', `the frontmatter has more than ${MAX_BLANK_LINES} blank lines in a row from here, so it was not read; expected keys with at most a few blank lines between them; delete the blank lines`, line, 1);
    return undefined;
  }
  const split = matter(text, options);
  // gray-matter drops a named language ("---yaml") from the block, but keeps anything else on the first line (spaces).
  document.yamlOffset = language === '' ? 3 : firstLine.length;
  document.yaml = split.matter;
  document.body = split.content;
  // gray-matter calls no engine for a block of comments alone, and gives `{}`: nothing to read.
  return 'ok' in split.data || 'empty' in split.data ? (split.data as YamlRead) : EMPTY;
}
