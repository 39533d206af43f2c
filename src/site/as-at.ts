/**
 * When a status was last known to be true. A status is a fact of its
 * sources' time, not of the day the page was built or reviewed: "Active, as
 * described in March 2006". `status_as_at` when the file gives it; else the
 * latest dated source the same file lists (a decision's report carries the
 * decision's date); else the date is not recorded. `reviewed`, the day an
 * officer checked the page, is never used.
 */
import type { Source } from '../schemas/index.ts';
import { compareDates } from '../schemas/index.ts';
import { formatDate } from './format.ts';

/** What a file says that dates its status. */
export interface Dated {
  status_as_at?: string | null;
  sources?: readonly Pick<Source, 'date'>[] | null;
  /** A decision's report, dated by the decision. */
  report?: unknown;
  date?: string;
}

/**
 * The words after a status: "as described in March 2006", or "date not recorded".
 *
 * @example
 * statusAsAt({ status_as_at: '2011-06' }) // 'as at June 2011'
 * statusAsAt({ sources: [{ date: '2006-03-09' }] }) // 'as described in 9 March 2006'
 * statusAsAt({}) // 'date not recorded'
 */
export function statusAsAt(file: Dated): string {
  if (file.status_as_at) return `as at ${formatDate(file.status_as_at)}`;
  const dates = (file.sources ?? []).map((source) => source.date).filter((date): date is string => typeof date === 'string');
  if (file.report && file.date) dates.push(file.date);
  const latest = dates.reduce<string | undefined>((a, b) => (a === undefined || compareDates(b, a) > 0 ? b : a), undefined);
  return latest ? `as described in ${formatDate(latest)}` : 'date not recorded';
}
