/**
 * A decision's file name starts with its date (`2011-11-08-prg-allocation`),
 * so the register lists and links decisions in date order, and a file name
 * says when.
 */
import type { Report } from './report.ts';
import { valueAt } from './report.ts';

/** A date at the start of an id: `2011-11-08-…`, `2011-11-…` or `2011-…`. */
const DATE_PREFIX = /^(\d{4}(?:-\d{2}(?:-\d{2})?)?)-/;

/**
 * Reports a decision whose id (its file name) does not start with its `date`.
 *
 * @example
 * checkDecisionId(file, '2011-11-09-grants', '2011-11-08', report)
 * // decision-id-date: rename the file to "2011-11-08-grants.md", or correct the date
 */
export function checkDecisionId(file: string, id: string, date: string, report: Report): void {
  if (id.startsWith(`${date}-`)) return;
  const datePrefix = DATE_PREFIX.exec(id)?.[1];
  const rest = datePrefix ? id.slice(datePrefix.length + 1) : id;
  const fix = datePrefix ? `rename the file to "${date}-${rest}.md", or correct the date` : `rename the file to "${date}-${rest}.md"`;
  report({
    file, severity: 'error', code: 'decision-id-date', locator: valueAt('date'), subject: id, expected: date, actual: datePrefix ?? id, fix,
    message: datePrefix
      ? `the file name starts with ${datePrefix}, but \`date\` is ${date}; expected a decision's file name to start with its date; ${fix}`
      : `the file name "${id}.md" does not start with the decision's date; expected <date>-<words>.md; ${fix}`,
  });
}
