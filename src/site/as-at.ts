/**
 * When a status was last known to be true. A status is a fact of its
 * sources' time, not of the day the page was built or reviewed: "Active, as
 * described in March 2006". `status_as_at` when the file gives it; else the
 * latest dated source the same file lists; else the date is not recorded.
 * A decision's report has no date of its own (the decision's date is when it
 * was considered, not when it was written), so it never dates a status; nor
 * does `reviewed`, the day an officer checked the page. A status an event of
 * its own dates (a dissolution, dated by `dissolved`) is dated by that event:
 * a source older than the event cannot describe it.
 */
import type { Source } from '../schemas/index.ts';
import { compareDates } from '../schemas/index.ts';
import { datePhrase, formatDate } from './format.ts';

/** What a file says that dates its status. */
export interface Dated {
  status_as_at?: string | null;
  sources?: readonly Pick<Source, 'date'>[] | null;
}

/** What dates a status, as open data gives it. */
export interface StatusDate {
  /** The date, at the precision given; null when not recorded. */
  date: string | null;
  /** Where it comes from: the file's `status_as_at`, its latest dated source, or the date the status began (`dissolved`); null when not recorded. */
  basis: 'status_as_at' | 'latest_source' | 'dissolved' | null;
}

/** The file's `status_as_at` when it is on or after the day the status began: an earlier one dates the status before. */
function asAtSince(file: Dated, since: string): string | undefined {
  return file.status_as_at && compareDates(file.status_as_at, since) >= 0 ? file.status_as_at : undefined;
}

/**
 * The date a status was last known to be true, and where that date comes from.
 *
 * @example
 * statusDate({ status_as_at: '2011-06' }) // { date: '2011-06', basis: 'status_as_at' }
 * statusDate({ sources: [{ date: '2006-03' }, { date: '2005' }] }) // { date: '2006-03', basis: 'latest_source' }
 * statusDate({}) // { date: null, basis: null }
 * statusDate({ sources: [{ date: '2006-03-09' }] }, '2019-03') // { date: '2019-03', basis: 'dissolved' }
 * statusDate({ status_as_at: '2020-06' }, '2019-03') // { date: '2020-06', basis: 'status_as_at' }
 *
 * @param dissolved when a dissolved partnership was dissolved, when the file records it
 */
export function statusDate(file: Dated, dissolved?: string | null): StatusDate {
  if (dissolved) {
    const asAt = asAtSince(file, dissolved);
    return asAt ? { date: asAt, basis: 'status_as_at' } : { date: dissolved, basis: 'dissolved' };
  }
  if (file.status_as_at) return { date: file.status_as_at, basis: 'status_as_at' };
  const dates = (file.sources ?? []).map((source) => source.date).filter((date): date is string => typeof date === 'string');
  const latest = dates.reduce<string | undefined>((a, b) => (a === undefined || compareDates(b, a) > 0 ? b : a), undefined);
  return latest ? { date: latest, basis: 'latest_source' } : { date: null, basis: null };
}

/**
 * The words after a status: "as described in March 2006", or "date not recorded".
 *
 * @example
 * statusAsAt({ status_as_at: '2011-06' }) // 'as at June 2011'
 * statusAsAt({ sources: [{ date: '2006-03-09' }] }) // 'as described on 9 March 2006'
 * statusAsAt({}) // 'date not recorded'
 */
export function statusAsAt(file: Dated): string {
  const { date, basis } = statusDate(file);
  if (date === null) return 'date not recorded';
  return basis === 'status_as_at' ? `as at ${formatDate(date)}` : `as described ${datePhrase(date)}`;
}

/**
 * The words that follow a status on a page, with their punctuation, so the
 * row reads as a sentence ("Active, as described in March 2006"). A status
 * that an event of its own dates (a dissolution, dated by `dissolved`) says
 * when it began, and adds an as-at only from a `status_as_at` on or after
 * that date: "Dissolved in March 2019", never "Dissolved, date not recorded"
 * over a date the file gives, nor "as described on 9 March 2006" from a
 * source written before the dissolution it would be describing.
 *
 * @param since when the status began, when the file records it
 * @example
 * statusAfter({ sources: [{ date: '2006-03' }] }) // ', as described in March 2006'
 * statusAfter({}) // ', date not recorded'
 * statusAfter({ sources: [{ date: '2006-03-09' }] }, '2019-03') // ' in March 2019'
 * statusAfter({ status_as_at: '2020-06' }, '2019-03') // ' in March 2019, as at June 2020'
 */
export function statusAfter(file: Dated, since?: string | null): string {
  if (!since) return `, ${statusAsAt(file)}`;
  const { date, basis } = statusDate(file, since);
  return basis === 'status_as_at' && date ? ` ${datePhrase(since)}, as at ${formatDate(date)}` : ` ${datePhrase(since)}`;
}
