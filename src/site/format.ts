/**
 * Words and numbers for people: dates at the precision the documents give,
 * sizes, counts. Money is formatted by `formatPounds` in the model, at the edge.
 */
import type { Body } from '../model/index.ts';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/**
 * A date as GOV.UK style writes it, never more precise than the source.
 *
 * @example
 * formatDate('2011-11-08') // '8 November 2011'
 * formatDate('2002-10') // 'October 2002'
 * formatDate('1996') // '1996'
 */
export function formatDate(iso: string): string {
  const [year, month, day] = iso.split('-');
  if (month === undefined) return year;
  const monthName = MONTHS[Number(month) - 1];
  return day === undefined ? `${monthName} ${year}` : `${Number(day)} ${monthName} ${year}`;
}

/**
 * A span of dates in words, either end optional.
 *
 * @example
 * formatPeriod('2011', '2021') // '2011 to 2021'
 * formatPeriod('2010', undefined) // 'from 2010'
 */
export function formatPeriod(from: string | null | undefined, to: string | null | undefined): string | undefined {
  if (from && to) return `${formatDate(from)} to ${formatDate(to)}`;
  if (from) return `from ${formatDate(from)}`;
  if (to) return `until ${formatDate(to)}`;
  return undefined;
}

/**
 * A body's stated size in words.
 *
 * @example
 * formatSize(20) // '20 members'
 * formatSize({ approx: 40 }) // 'around 40 members'
 */
export function formatSize(size: NonNullable<Body['size']>): string {
  return typeof size === 'number' ? plural(size, 'member') : `around ${plural(size.approx, 'member')}`;
}

/**
 * A count with its noun, in the singular for one.
 *
 * @example
 * plural(1, 'decision') // '1 decision'
 * plural(3, 'body', 'bodies') // '3 bodies'
 */
export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count.toLocaleString('en-GB')} ${count === 1 ? singular : pluralForm}`;
}

/**
 * How often a body meets, in words.
 *
 * @example
 * formatMeetings(4) // '4 times a year'
 * formatMeetings(1) // 'once a year'
 */
export function formatMeetings(perYear: number): string {
  if (perYear === 1) return 'once a year';
  if (perYear === 2) return 'twice a year';
  return `${perYear.toLocaleString('en-GB')} times a year`;
}
