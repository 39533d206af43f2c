/**
 * Dates in order within one file: a period's end not before its start, a
 * partnership not dissolved before it was set up, and a dissolved partnership
 * saying when. Dates keep the precision written (`2006`, `2006-03`), and
 * compare by what they share (see `compareDates`).
 */
import type { PathSegment } from '../content/diagnostics.ts';
import { compareDates } from '../schemas/values.ts';
import type { Report } from './report.ts';
import { valueAt } from './report.ts';

/**
 * Reports a period whose `to` is before its `from`. `toPath` is where `to` is.
 *
 * @example
 * checkPeriod(file, '2006', '2005', ['to'], report) // date-order at `to`
 */
export function checkPeriod(file: string, from: string | null | undefined, to: string | null | undefined, toPath: PathSegment[], report: Report): void {
  if (from && to && compareDates(to, from) < 0) {
    const fix = 'correct one of the dates';
    report({
      file, severity: 'error', code: 'date-order', locator: valueAt(...toPath), expected: from, actual: to, fix,
      message: `\`to\` is ${to}, before \`from\` (${from}); expected an end no earlier than the start; ${fix}`,
    });
  }
}

/** The dates of a partnership.md that must agree. */
export interface PartnershipDates {
  status: string;
  established?: string | null;
  became_lsp?: string | null;
  dissolved?: string | null;
}

/**
 * A dissolved partnership says when; nothing before it was set up or became an LSP.
 *
 * @example
 * checkPartnershipDates(file, { status: 'dissolved' }, report) // missing-dissolved at `status`
 */
export function checkPartnershipDates(file: string, p: PartnershipDates, report: Report): void {
  if (p.status === 'dissolved' && !p.dissolved) {
    const fix = 'add `dissolved:` with a date such as 2012-03';
    report({
      file, severity: 'error', code: 'missing-dissolved', locator: valueAt('status'), fix,
      message: `\`status\` is dissolved, but \`dissolved\` is missing; expected the date it was dissolved; ${fix}`,
    });
  }
  for (const [earlier, later] of [['established', 'dissolved'], ['became_lsp', 'dissolved']] as const) {
    const a = p[earlier];
    const b = p[later];
    if (a && b && compareDates(b, a) < 0) {
      const fix = 'correct one of the dates';
      report({
        file, severity: 'error', code: 'date-order', locator: valueAt(later), expected: a, actual: b, fix,
        message: `\`${later}\` is ${b}, before \`${earlier}\` (${a}); expected it not to be earlier; ${fix}`,
      });
    }
  }
}
