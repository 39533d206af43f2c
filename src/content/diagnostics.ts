/**
 * Diagnostics: every stage of the pipeline adds problems to one list instead of
 * throwing. A diagnostic is data (where, what, how bad); printing is a separate step.
 */

/** How serious a problem is: errors stop the build, warnings are shown on the page. */
export type Severity = 'error' | 'warning';

/** A step in the path from a file's root value to the value a problem is about. */
export type PathSegment = string | number;

/**
 * Where in a file a problem is, before it has a line and column.
 * `value` points at the value at `path`; `key` at the key naming it (an unknown key);
 * `parent` at the mapping that holds `path` (a missing key).
 */
export interface Locator {
  path: PathSegment[];
  at: 'value' | 'key' | 'parent';
}

/** A problem found in the content, positioned in the file the officer edited. */
export interface Diagnostic {
  /** Path of the file, relative to the content folder, with forward slashes. */
  file: string;
  /** Line, from 1. */
  line: number;
  /** Column, from 1, counted in characters. */
  column: number;
  severity: Severity;
  /** Stable kebab-case identifier of the rule (`unknown-reference`, `remaining-mismatch`). */
  code: string;
  /** What is wrong; what was expected; how to fix it. */
  message: string;
  /** The id (or, for an allocation or option, the name) of what the problem is about: a body, an allocation, a priority… */
  subject?: string;
  /** What the rule expected: a figure (money in whole pence), a value, or the ids that exist. */
  expected?: DiagnosticValue;
  /** What the file says, or what its figures add up to (money in whole pence). */
  actual?: DiagnosticValue;
  /** How to fix it, in the officer's words (also the message's last part). */
  fix?: string;
}

/** A fact a diagnostic carries: a number, a text, a list of ids, or a hedged figure such as `{ approx: 40 }`. */
export type DiagnosticValue = string | number | readonly string[] | Readonly<Record<string, number>>;

/** A diagnostic whose position is still a path in the parsed data. */
export interface PendingDiagnostic extends Omit<Diagnostic, 'line' | 'column'> {
  locator?: Locator;
  /** An exact position, when the stage that found the problem already knows it. */
  line?: number;
  column?: number;
}

/** Sort as the contract asks: by file, then line, then column. */
export function sortDiagnostics(diagnostics: Diagnostic[]): Diagnostic[] {
  return diagnostics.sort(
    (a, b) =>
      (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) ||
      a.line - b.line ||
      a.column - b.column ||
      (a.code < b.code ? -1 : a.code > b.code ? 1 : 0),
  );
}

/** Counts of errors and warnings in a list of diagnostics. */
export function countDiagnostics(diagnostics: readonly Diagnostic[]): { errors: number; warnings: number } {
  let errors = 0;
  for (const d of diagnostics) if (d.severity === 'error') errors++;
  return { errors, warnings: diagnostics.length - errors };
}
