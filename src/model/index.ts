/**
 * The pipeline, in one place: load → validate → resolve → place diagnostics.
 * The checker and the site build both call `checkContent`; nothing else parses content.
 */
import { resolve as resolvePath } from 'node:path';
import { sortDiagnostics, type Diagnostic, type PendingDiagnostic } from '../content/diagnostics.ts';
import { loadContent, type SourceDocument } from '../content/load.ts';
import { LineIndex } from '../content/text.ts';
import { validateDocument, type Entry } from '../content/validate.ts';
import { YamlLocator } from '../content/yaml.ts';
import { resolveModel } from './resolve.ts';
import type { Model } from './types.ts';

export type * from './types.ts';

/** Where content lives: `CONTENT_DIR`, or `./content`. */
export function contentDirectory(): string {
  return resolvePath(process.env.CONTENT_DIR ?? 'content');
}

/** Today as YYYY-MM-DD; `REGISTER_TODAY` pins it, so reviews fall due predictably in tests. */
export function today(): string {
  return process.env.REGISTER_TODAY ?? new Date().toISOString().slice(0, 10);
}

/** Runs the whole pipeline over a content folder. Never throws for bad content. */
export function checkContent(contentDir: string, options: { today?: string } = {}): Model {
  const validation: PendingDiagnostic[] = [];
  const entries: Entry[] = [];
  const invalidFiles = new Set<string>();
  // Each file is validated as soon as it is read, and its raw parsed data dropped then: the
  // entry holds the validated copy, and nothing later reads `data`. Kept until every file was
  // read, the raw data of 10,000 files cost the garbage collector ~80 ms (see bench/RESULTS.md).
  const loaded = loadContent(contentDir, {
    onDocument(document) {
      if (document.data === undefined) {
        invalidFiles.add(document.file);
        return;
      }
      const entry = validateDocument(document, validation);
      document.data = undefined;
      if (entry) {
        entry.data = undefined;
        entries.push(entry);
      } else invalidFiles.add(document.file);
    },
  });
  // Loading's problems first, then validation's, in the order the two steps found them.
  const pending: PendingDiagnostic[] = loaded.diagnostics;
  for (const diagnostic of validation) pending.push(diagnostic);
  const model = resolveModel(entries, invalidFiles, pending, { today: options.today ?? today() });
  return { ...model, diagnostics: placeDiagnostics(pending, loaded.documents), fileCount: loaded.fileCount };
}

/**
 * Turns data paths into lines and columns. Only files with problems are read
 * for positions, so a clean run never pays for it.
 */
function placeDiagnostics(pending: PendingDiagnostic[], documents: SourceDocument[]): Diagnostic[] {
  const byFile = new Map(documents.map((d) => [d.file, d]));
  const locators = new Map<string, { yaml: YamlLocator; lines: LineIndex }>();
  const placed = pending.map(({ locator, line, column, file, severity, code, message }): Diagnostic => {
    const document = byFile.get(file);
    let position = { line: line ?? 1, column: column ?? 1 };
    if (locator && document) {
      let tools = locators.get(document.file);
      if (!tools) {
        tools = { yaml: new YamlLocator(document.yaml), lines: new LineIndex(document.text) };
        locators.set(document.file, tools);
      }
      position = tools.lines.position(skipBlank(document.text, document.yamlOffset + tools.yaml.offset(locator.path, locator.at)));
    }
    // Keys in the contract's order, so --json reads as its example does.
    return { file, line: position.line, column: position.column, severity, code, message };
  });
  return sortDiagnostics(placed);
}

/** A position at a line break (an empty frontmatter's start) moves to the next character shown. */
function skipBlank(text: string, offset: number): number {
  let i = offset;
  while (i < text.length && text[i] === '\n') i++;
  return i < text.length ? i : offset;
}

let cached: Model | undefined;

/**
 * The model for the site build: checked once per process and shared by every
 * page, so thousands of pages never re-read or re-validate the content.
 * (In the preview, a content change re-runs this module, which starts empty.)
 */
export function loadModel(): Model {
  cached ??= checkContent(contentDirectory());
  return cached;
}
