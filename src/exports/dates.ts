/**
 * The register's dates keep the precision the documents give (`1996`,
 * `2010-01`, `2010-01-12`), but Atom, sitemaps and 360Giving need a full date.
 * One rule everywhere: a partial date stands for the first day of its period,
 * at midnight UTC. That is the earliest moment the date can mean, so it never
 * puts a decision later than it was, and it sorts exactly as the partial text
 * does. Where a file carries text as well, the precise wording is kept there.
 */
import { datePrecision } from '../schemas/index.ts';

/**
 * A register date as a full calendar date.
 *
 * @example
 * toFullDate('2011') // '2011-01-01'
 * toFullDate('2010-01') // '2010-01-01'
 * toFullDate('2010-01-12') // '2010-01-12'
 */
export function toFullDate(date: string): string {
  const precision = datePrecision(date);
  return precision === 'year' ? `${date}-01-01` : precision === 'month' ? `${date}-01` : date;
}

/**
 * A register date as an RFC 3339 timestamp, for Atom.
 *
 * @example
 * toTimestamp('2011') // '2011-01-01T00:00:00Z'
 */
export function toTimestamp(date: string): string {
  return `${toFullDate(date)}T00:00:00Z`;
}

/** Whether a date gives less than a day, so a full date made from it was filled in. */
export function isPartialDate(date: string): boolean {
  return datePrecision(date) !== 'day';
}

/** The latest of some RFC 3339 timestamps, compared as instants; undefined for none. */
export function latestTimestamp(timestamps: readonly (string | undefined)[]): string | undefined {
  let latest: string | undefined;
  for (const t of timestamps) if (t && (!latest || Date.parse(t) > Date.parse(latest))) latest = t;
  return latest;
}
