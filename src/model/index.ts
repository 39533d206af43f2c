/**
 * The pipeline, in one place: load → validate → resolve → place diagnostics.
 * The checker and the site build both call `checkContent` (the checker, on a
 * large register, `checkContentInThreads` in ./threads.ts, which shares the
 * reading out to a second thread); nothing else parses content.
 */
import { resolve as resolvePath } from 'node:path';
import { sortDiagnostics, type Diagnostic, type PendingDiagnostic } from '../content/diagnostics.ts';
import { planContent, readContentFile, type ContentFile, type ContentPlan, type SourceDocument } from '../content/load.ts';
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
  const plan = planContent(contentDir);
  return finishCheck(plan, [checkFiles(contentDir, plan.files)], options);
}

/** What reading and validating some of a plan's files gave: a thread's share of the work. */
export interface Share {
  /** Every file read, valid or not, in the plan's order. */
  documents: SourceDocument[];
  /** The files whose data passed (or could be salvaged from) their schema. */
  entries: Entry[];
  /** The files that could not be read or validated: their ids exist, but have no entry. */
  invalidFiles: string[];
  /** The problems found reading the files, and validating them (a file's from reading first). */
  diagnostics: PendingDiagnostic[];
}

/**
 * Reads and validates files of a plan, each as soon as it is read. Its raw
 * parsed data is dropped then: the entry holds the validated copy, and nothing
 * later reads `data`. Kept until every file was read, the raw data of 10,000
 * files cost the garbage collector ~80 ms (see bench/RESULTS.md).
 */
export function checkFiles(contentDir: string, files: readonly ContentFile[]): Share {
  const share: Share = { documents: [], entries: [], invalidFiles: [], diagnostics: [] };
  for (const file of files) validateInto(share, readContentFile(contentDir, file, share.diagnostics));
  return share;
}

/** Validates documents read elsewhere (on another thread), given the problems found reading them. */
export function checkDocuments(documents: readonly SourceDocument[], diagnostics: PendingDiagnostic[]): Share {
  const share: Share = { documents: [], entries: [], invalidFiles: [], diagnostics };
  for (const document of documents) validateInto(share, document);
  return share;
}

function validateInto(share: Share, document: SourceDocument): void {
  share.documents.push(document);
  if (document.data === undefined) {
    share.invalidFiles.push(document.file);
    return;
  }
  const entry = validateDocument(document, share.diagnostics);
  document.data = undefined;
  if (entry) {
    entry.data = undefined;
    share.entries.push(entry);
  } else share.invalidFiles.push(document.file);
}

/**
 * The rest of the pipeline, once every file is read and validated: the
 * cross-file rules, then positions. `shares` are in the plan's order, so the
 * model is the same however the files were shared out.
 */
export function finishCheck(plan: ContentPlan, shares: readonly Share[], options: { today?: string } = {}): Model {
  // The layout's problems, then each file's, in the order they were found.
  const pending: PendingDiagnostic[] = [...plan.diagnostics];
  const entries: Entry[] = [];
  const invalidFiles = new Set<string>();
  const documents: SourceDocument[] = [];
  for (const share of shares) {
    for (const diagnostic of share.diagnostics) pending.push(diagnostic);
    for (const entry of share.entries) entries.push(entry);
    for (const file of share.invalidFiles) invalidFiles.add(file);
    for (const document of share.documents) documents.push(document);
  }
  const model = resolveModel(entries, invalidFiles, pending, { today: options.today ?? today() });
  return { ...model, diagnostics: placeDiagnostics(pending, documents), fileCount: plan.files.length };
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
 * Where scripts/build.ts leaves the model it has just checked. Astro bundles
 * the pages with their own copy of this module, so a module variable cannot be
 * shared with them; a global slot, in the same process, can.
 */
const CHECKED_MODEL = Symbol.for('partnership-register.checked-model');
type CheckedModelSlot = { [CHECKED_MODEL]?: { contentDir: string; model: Model } };

/** Hands a checked model to the pages built next in this process, so they do not check the content again. */
export function shareCheckedModel(contentDir: string, model: Model): void {
  (globalThis as CheckedModelSlot)[CHECKED_MODEL] = { contentDir, model };
}

/**
 * The model for the site build: checked once per process and shared by every
 * page, so thousands of pages never re-read or re-validate the content.
 * (In the preview, a content change re-runs this module, which starts empty.)
 */
export function loadModel(): Model {
  const contentDir = contentDirectory();
  const shared = (globalThis as CheckedModelSlot)[CHECKED_MODEL];
  cached ??= shared?.contentDir === contentDir ? shared.model : checkContent(contentDir);
  return cached;
}
