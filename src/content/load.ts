/**
 * load: the content folder → parsed documents. Reads every file once, refuses
 * what cannot be read safely, and never writes anything.
 */
import { closeSync, fstatSync, openSync, readdirSync, readFileSync, type Dirent } from 'node:fs';
import { join } from 'node:path';
import type { PendingDiagnostic } from './diagnostics.ts';
import { decodeUtf8 } from './text.ts';
import { parseYaml, type YamlProblem } from './yaml.ts';
import { ID_PATTERN, slugify } from '../schemas/values.ts';

/** The content types of the contract's file layout. */
export type ContentKind = 'site' | 'partnership' | 'structure' | 'strategy' | 'chapter' | 'decision';

/** Files larger than this are refused unread: no officer's page is this long. */
export const MAX_FILE_BYTES = 1024 * 1024;

/** One content file, read and parsed, with what is needed to place its problems. */
export interface SourceDocument {
  /** Path relative to the content folder, with forward slashes. */
  file: string;
  kind: ContentKind;
  /** The id from the file name (or folder name for `partnership.md`). */
  id: string;
  /** The id of the partnership folder the file is in (absent for `site.yaml`). */
  partnershipId?: string;
  /** The whole text as the officer sees it (after BOM and CRLF handling). */
  text: string;
  /** Where the YAML starts in `text` (after the opening `---` of frontmatter). */
  yamlOffset: number;
  /** The YAML part of the text. */
  yaml: string;
  /** The parsed data, when the YAML could be read; absent for a file that could not be read or parsed. */
  data?: unknown;
  /** The Markdown below the frontmatter, for `.md` files. */
  body?: string;
}

/** What loading found: the documents and the problems on the way. */
export interface LoadResult {
  /**
   * Every content file found, including those that could not be read (too
   * large, not UTF-8, no frontmatter, empty): they have no `data`, and their
   * ids still exist, so references to them are not reported as broken too.
   */
  documents: SourceDocument[];
  diagnostics: PendingDiagnostic[];
  /** How many files were looked at, for the summary line. */
  fileCount: number;
}

/** The folders of a partnership and the kind of file each holds. */
const SUBFOLDERS: Record<string, { kind: ContentKind; extension: '.yaml' | '.md' }> = {
  structures: { kind: 'structure', extension: '.yaml' },
  strategies: { kind: 'strategy', extension: '.yaml' },
  chapters: { kind: 'chapter', extension: '.md' },
  decisions: { kind: 'decision', extension: '.md' },
};

/** How to load. */
export interface LoadOptions {
  /**
   * Called with each document as soon as it is read (and before the next file
   * is), so a caller can validate it while it is fresh. Its parsed data can
   * then be dropped while young, rather than being kept, and copied by the
   * garbage collector, until every file has been read.
   */
  onDocument?: (document: SourceDocument) => void;
}

/** Each load's `onDocument`, kept aside so the readers below need no extra parameter. */
const listeners = new WeakMap<LoadResult, (document: SourceDocument) => void>();

/** Adds a document to the result and hands it to the caller's `onDocument`. */
function keep(result: LoadResult, document: SourceDocument): void {
  result.documents.push(document);
  listeners.get(result)?.(document);
}

/** Files that tools and operating systems leave behind, never content. */
const isIgnored = (name: string) => name.startsWith('.') || name === 'Thumbs.db' || name.endsWith('~');

/**
 * Reads every file under the content folder, following the contract's layout.
 * Each file's problems are collected; one bad file never stops the others.
 */
export function loadContent(contentDir: string, options: LoadOptions = {}): LoadResult {
  const result: LoadResult = { documents: [], diagnostics: [], fileCount: 0 };
  if (options.onDocument) listeners.set(result, options.onDocument);
  const add = (file: string, code: string, message: string, severity: 'error' | 'warning' = 'error') =>
    result.diagnostics.push({ file, line: 1, column: 1, severity, code, message });

  const root = listFolder(contentDir);
  if (!root) {
    add('.', 'missing-content', `the content folder ${contentDir} cannot be read; expected a folder holding site.yaml and partnerships/; check CONTENT_DIR or create the folder`);
    return result;
  }
  const rootNames = new Set(root.map((entry) => entry.name));
  if (!rootNames.has('site.yaml')) {
    add('site.yaml', 'missing-file', 'there is no site.yaml in the content folder; expected one with title, publisher and base_url; create it');
  }
  for (const entry of root) {
    if (isIgnored(entry.name)) continue;
    if (entry.name === 'site.yaml' && entry.isFile()) readDocument(contentDir, 'site.yaml', { kind: 'site', id: 'site' }, result);
    else if (entry.name === 'partnerships' && entry.isDirectory()) loadPartnerships(contentDir, result, add);
    else add(entry.name, 'unexpected-file', `"${entry.name}" is not part of the content layout and will not be published; expected only site.yaml and the partnerships/ folder here; move or delete it`, 'warning');
  }
  return result;
}

type Add = (file: string, code: string, message: string, severity?: 'error' | 'warning') => void;

function loadPartnerships(contentDir: string, result: LoadResult, add: Add): void {
  for (const folder of listFolder(join(contentDir, 'partnerships')) ?? []) {
    if (isIgnored(folder.name)) continue;
    const base = `partnerships/${folder.name}`;
    if (!folder.isDirectory()) {
      add(base, 'unexpected-file', `"${folder.name}" is a file, but partnerships/ holds one folder per partnership; expected partnerships/<partnership-id>/partnership.md; move it into a partnership's folder`);
      continue;
    }
    if (!ID_PATTERN.test(folder.name)) {
      add(`${base}/partnership.md`, 'invalid-id', `the folder name "${folder.name}" is not an id; expected lower-case letters and digits joined by single hyphens, because the folder name is the partnership's id and web address; rename the folder to "${slugify(folder.name) || 'my-partnership'}"`);
      continue;
    }
    const entries = listFolder(join(contentDir, base)) ?? [];
    if (!entries.some((entry) => entry.name === 'partnership.md' && entry.isFile())) {
      add(`${base}/partnership.md`, 'missing-file', `the folder ${base} has no partnership.md; expected one describing the partnership; create it (copy another partnership's as a start)`);
    }
    for (const entry of entries) {
      if (isIgnored(entry.name)) continue;
      const file = `${base}/${entry.name}`;
      const sub = SUBFOLDERS[entry.name];
      if (entry.name === 'partnership.md' && entry.isFile()) {
        readDocument(contentDir, file, { kind: 'partnership', id: folder.name, partnershipId: folder.name }, result);
      } else if (sub && entry.isDirectory()) {
        loadSubfolder(contentDir, file, sub, folder.name, result, add);
      } else {
        add(file, 'unexpected-file', `"${entry.name}" is not part of a partnership's layout and will not be published; expected partnership.md and the folders structures/, strategies/, chapters/ and decisions/; move or delete it`, entry.isDirectory() ? 'error' : 'warning');
      }
    }
  }
}

function loadSubfolder(contentDir: string, folder: string, sub: { kind: ContentKind; extension: string }, partnershipId: string, result: LoadResult, add: Add): void {
  for (const entry of listFolder(join(contentDir, folder)) ?? []) {
    if (isIgnored(entry.name)) continue;
    const file = `${folder}/${entry.name}`;
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
    readDocument(contentDir, file, { kind: sub.kind, id, partnershipId }, result);
  }
}

function listFolder(path: string): Dirent[] | undefined {
  try {
    return readdirSync(path, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  } catch {
    return undefined;
  }
}

/** Reads, decodes and parses one file; problems go to the result, never thrown. */
function readDocument(contentDir: string, file: string, identity: { kind: ContentKind; id: string; partnershipId?: string }, result: LoadResult): void {
  result.fileCount++;
  const problem = (code: string, message: string, line = 1, column = 1, severity: 'error' | 'warning' = 'error') =>
    result.diagnostics.push({ file, line, column, severity, code, message });
  const unreadable = (text = '') => keep(result, { file, ...identity, text, yamlOffset: 0, yaml: '' });
  const path = join(contentDir, file);
  let bytes: Buffer;
  try {
    // One open for the size and the bytes: half the path lookups of stat-then-read, and the size is the file's that is read.
    const fd = openSync(path, 'r');
    try {
      if (fstatSync(fd).size > MAX_FILE_BYTES) {
        problem('file-too-large', `this file is larger than 1 MB, so it was not read; expected a content file of a few pages at most; split it, or move long documents elsewhere and link to them`);
        unreadable();
        return;
      }
      bytes = readFileSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch (error) {
    problem('unreadable-file', `this file cannot be read (${(error as NodeJS.ErrnoException).code ?? 'unknown error'}); check that it exists and that you have permission to read it`);
    unreadable();
    return;
  }
  const decoded = decodeUtf8(bytes);
  if (!decoded.ok) {
    problem('not-utf8', decoded.message, decoded.line, decoded.column);
    unreadable();
    return;
  }
  if (decoded.hadBom) {
    problem('byte-order-mark', 'this file starts with an invisible byte-order mark; it was read correctly, but some tools stumble on it; save the file as "UTF-8" rather than "UTF-8 with BOM"', 1, 1, 'warning');
  }
  if (decoded.hadCrlf) {
    problem('line-endings', 'this file has Windows line endings (CRLF); it was read correctly, but mixed line endings make changes hard to review; save it with LF line endings (in VS Code: click "CRLF" in the status bar and choose "LF")', 1, 1, 'warning');
  }
  const text = decoded.text;
  const document: SourceDocument = { file, ...identity, text, yamlOffset: 0, yaml: text };
  if (file.endsWith('.md') && !splitFrontmatter(document, problem)) {
    unreadable(text);
    return;
  }
  // Line by line: one pattern over the whole text backtracks exponentially on blank lines.
  if (document.yaml.split('\n').every((line) => /^\s*(#.*)?$/.test(line))) {
    problem('empty-file', `this file has no keys; expected the keys a ${identity.kind} needs (see the authoring guide); copy a similar file as a starting point`);
    unreadable(text);
    return;
  }
  const parsed = parseYaml(document.yaml);
  document.data = parsed.data;
  if (!parsed.ok) for (const p of parsed.problems) pushYamlProblem(result, document, p);
  keep(result, document);
}

function pushYamlProblem(result: LoadResult, document: SourceDocument, problem: YamlProblem): void {
  result.diagnostics.push({ file: document.file, severity: 'error', code: problem.code, message: problem.message, locator: undefined, ...offsetToLineColumn(document.text, document.yamlOffset + problem.offset) });
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

/**
 * Splits a Markdown file into YAML frontmatter and body. Only YAML is ever
 * parsed: a first line naming another language (`---js`, which gray-matter
 * would run as code) is refused, never evaluated. Returns false if there is
 * nothing to parse.
 *
 * The split is the one gray-matter makes (the block ends at the first "\n---",
 * and one line break after it is dropped from the body), written out here
 * because gray-matter costs about 25 µs a file even when it only splits: it
 * copies the whole text into a Buffer and uses it as a key in its cache. That
 * was a quarter of a second on a 10,000-file register (see bench/RESULTS.md).
 */
function splitFrontmatter(document: SourceDocument, problem: (code: string, message: string, line?: number, column?: number) => void): boolean {
  const firstLine = document.text.slice(0, document.text.indexOf('\n') === -1 ? undefined : document.text.indexOf('\n'));
  if (!firstLine.startsWith('---')) {
    problem('missing-frontmatter', 'this Markdown file does not start with frontmatter; expected a first line of exactly "---", then the keys, then another "---" line, then the text; add them');
    return false;
  }
  const language = firstLine.slice(3).trim();
  if (language !== '' && language !== 'yaml' && language !== 'yml') {
    problem('frontmatter-language', `the frontmatter is marked as "${language}", which is not allowed: only YAML is read, and other languages could run code; expected a first line of exactly "---"; remove "${language}" from the first line and write the keys in YAML`, 1, 4);
    return false;
  }
  if (!/\n---[ \t]*(\n|$)/.test(document.text.slice(3))) {
    problem('missing-frontmatter', 'the frontmatter is never closed; expected a line of exactly "---" after the last key; add it before the Markdown text');
    return false;
  }
  // A named language ("---yaml") is left out of the block; anything else on the first line (spaces) stays in it.
  const start = language === '' ? 3 : firstLine.length;
  // The check above found a "\n---" after the first line, so there is always one from `start` on.
  const close = document.text.indexOf('\n---', start);
  document.yamlOffset = start;
  document.yaml = document.text.slice(start, close);
  const body = document.text.slice(close + 4);
  document.body = body.startsWith('\n') ? body.slice(1) : body;
  return true;
}
