/**
 * The pipeline, in one place: load → validate → resolve → place diagnostics.
 * The site build calls `checkContent`; `npm run check` runs the same rules
 * through `checkForProblems`, or on a large register `checkContentInThreads`
 * in ./threads.ts, which shares the reading out to a second thread. Nothing
 * else parses content.
 */
import { sortDiagnostics, type Diagnostic, type PendingDiagnostic } from '../content/diagnostics.ts';
import { planContent, readContentFile, type ContentFile, type ContentPlan, type ParsedDocument, type SourceDocument } from '../content/load.ts';
import { LineIndex } from '../content/text.ts';
import type { Entry } from '../content/entry.ts';
import { checkBodyLimits } from '../rules/markdown.ts';
import { validateDocument } from './validate.ts';
import { YamlLocator } from '../content/yaml.ts';
import { crossFileOnly, resolveModel } from './resolve.ts';
import { contentDirectory, today } from './settings.ts';
import type { Model } from './types.ts';

export type * from './types.ts';

export { contentDirectory, today } from './settings.ts';

/** Runs the whole pipeline over a content folder: the model, for the site. Never throws for bad content. */
export function checkContent(contentDir: string, options: { today?: string } = {}): Model {
  const plan = planContent(contentDir);
  return finishCheck(contentDir, plan, [checkFiles(contentDir, plan.files, 'model')], options);
}

/** What `npm run check` reports: every problem, placed, and how many files were read. */
export type CheckReport = Pick<Model, 'diagnostics' | 'fileCount'>;

/**
 * Runs the whole pipeline over a content folder for its problems alone, as
 * `npm run check` does: the same rules and the same report as `checkContent`,
 * keeping less of each file (see `Keep`).
 */
export function checkForProblems(contentDir: string, options: { today?: string } = {}, plan = planContent(contentDir)): CheckReport {
  return reportOf(finishCheck(contentDir, plan, [checkFiles(contentDir, plan.files, 'problems')], options));
}

/** Only what the checker prints, so a model built from cut-down entries goes no further. */
export function reportOf({ diagnostics, fileCount }: Model): CheckReport {
  return { diagnostics, fileCount };
}

/**
 * What the pipeline keeps of each file once it is validated. The site needs
 * everything (`model`). The checker (`problems`) keeps only what the rules
 * between files read (`crossFileOnly`), and a file's text only if the file
 * has problems; any other file with a problem to place (found by a rule
 * between files, or read on the other thread) is read again. Kept until every
 * file was read, the texts and details of 10,000 files cost the garbage
 * collector more than validating them (see bench/RESULTS.md).
 */
export type Keep = 'model' | 'problems';

/** What reading and validating some of a plan's files gave: a thread's share of the work. */
export interface Share {
  /** The files read whose text is kept, to place their problems: all of them for the site (`model`); for the checker, those it read itself and found problems in. */
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
export function checkFiles(contentDir: string, files: readonly ContentFile[], keep: Keep): Share {
  const share: Share = { documents: [], entries: [], invalidFiles: [], diagnostics: [] };
  for (const file of files) {
    const problems = share.diagnostics.length;
    const document = readContentFile(contentDir, file, share.diagnostics);
    validateInto(share, document, keep);
    // The checker keeps the text of a file with problems, to place them without reading it again.
    if (keep === 'model' || share.diagnostics.length > problems) share.documents.push(document);
  }
  return share;
}

/** Validates, for the checker, documents read on its other thread (which sends no text), given the problems found reading them. */
export function checkDocuments(documents: readonly ParsedDocument[], diagnostics: PendingDiagnostic[]): Share {
  const share: Share = { documents: [], entries: [], invalidFiles: [], diagnostics };
  for (const document of documents) validateInto(share, document, 'problems');
  return share;
}

function validateInto(share: Share, document: ParsedDocument, keep: Keep): void {
  // A page's Markdown is checked against the limits the renderer keeps to, even when its frontmatter does not parse.
  checkBodyLimits(document, share.diagnostics);
  if (document.data === undefined) {
    share.invalidFiles.push(document.file);
    return;
  }
  const entry = validateDocument(document, share.diagnostics);
  document.data = undefined;
  if (entry) share.entries.push(keep === 'model' ? entry : crossFileOnly(entry));
  else share.invalidFiles.push(document.file);
}

/**
 * The rest of the pipeline, once every file is read and validated: the
 * cross-file rules, then positions. `shares` are in the plan's order, so the
 * model is the same however the files were shared out.
 */
export function finishCheck(contentDir: string, plan: ContentPlan, shares: readonly Share[], options: { today?: string } = {}): Model {
  // The layout's problems, then each file's, in the order they were found.
  const pending: PendingDiagnostic[] = [...plan.diagnostics];
  const entries: Entry[] = [];
  const invalidFiles = new Set<string>();
  const documents = new Map<string, SourceDocument>();
  for (const share of shares) {
    for (const diagnostic of share.diagnostics) pending.push(diagnostic);
    for (const entry of share.entries) entries.push(entry);
    for (const file of share.invalidFiles) invalidFiles.add(file);
    for (const document of share.documents) documents.set(document.file, document);
  }
  const model = resolveModel(entries, invalidFiles, pending, { today: options.today ?? today() });
  const planned = new Map(plan.files.map((file) => [file.file, file]));
  // A file whose text was not kept is read again, once, if it has a problem to place. (Edited
  // in the meantime, it is placed by its new text: the check takes a second or so.)
  const source = (file: string): SourceDocument | undefined => {
    const known = documents.get(file);
    if (known) return known;
    const content = planned.get(file);
    if (!content) return undefined;
    return readContentFile(contentDir, content, [], { parse: false });
  };
  return { ...model, diagnostics: placeDiagnostics(pending, source), fileCount: plan.files.length };
}

/**
 * Turns data paths into lines and columns. Only files with problems are read
 * for positions, so a clean run never pays for it.
 */
function placeDiagnostics(pending: PendingDiagnostic[], source: (file: string) => SourceDocument | undefined): Diagnostic[] {
  const locators = new Map<string, { document: SourceDocument; yaml: YamlLocator; lines: LineIndex }>();
  const placed = pending.map(({ locator, line, column, file, severity, code, message, ...facts }): Diagnostic => {
    let position = { line: line ?? 1, column: column ?? 1 };
    if (locator) {
      let tools = locators.get(file);
      if (!tools) {
        const document = source(file);
        if (document) {
          tools = { document, yaml: new YamlLocator(document.yaml), lines: new LineIndex(document.text) };
          locators.set(file, tools);
        }
      }
      if (tools) position = tools.lines.position(skipBlank(tools.document.text, tools.document.yamlOffset + tools.yaml.offset(locator.path, locator.at)));
    }
    // Keys in the contract's order, so --json reads as its example does; then the facts the rule gave.
    return { file, line: position.line, column: position.column, severity, code, message, ...facts };
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
 * A model handed over with shareCheckedModel is read afresh at each call: the
 * preview hands over a new one after every save, and the pages' modules stay
 * as they are (running them afresh mid-request broke the dev server).
 */
export function loadModel(): Model {
  const contentDir = contentDirectory();
  const shared = (globalThis as CheckedModelSlot)[CHECKED_MODEL];
  if (shared?.contentDir === contentDir) return shared.model;
  cached ??= checkContent(contentDir);
  return cached;
}
