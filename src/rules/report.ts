/**
 * How a rule reports a problem: as data. The rule says where (a path in the
 * parsed file), which rule (`code`), the message an officer reads, and, where
 * it has them, the facts the message is worded from (`subject`, `expected`,
 * `actual`, `fix`), so that views word them without parsing the message.
 */
import type { Locator, PathSegment, PendingDiagnostic } from '../content/diagnostics.ts';

/** Adds one problem to the run's list. */
export type Report = (problem: PendingDiagnostic) => void;

/**
 * A `Report` that adds each problem to a list, to be placed once every file is read.
 *
 * @example
 * const found: PendingDiagnostic[] = [];
 * checkFunding(file, funding, reportInto(found));
 */
export function reportInto(diagnostics: PendingDiagnostic[]): Report {
  return (problem) => diagnostics.push(problem);
}

/**
 * Points at the value at a path in the file.
 *
 * @example
 * valueAt('bodies', 0, 'size') // { path: ['bodies', 0, 'size'], at: 'value' }
 */
export function valueAt(...path: PathSegment[]): Locator {
  return { path, at: 'value' };
}
