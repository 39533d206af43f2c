/**
 * Words and numbers for people: dates at the precision the documents give,
 * sizes, counts. Money is formatted by `formatPounds` in the model, at the edge.
 */
import type { Quantity } from '../schemas/index.ts';

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
 * The preposition a date takes in a sentence: "on" a day, "in" a month or a year.
 *
 * @example
 * datePreposition('2021-06-15') // 'on'
 * datePreposition('2022-01') // 'in'
 */
export function datePreposition(iso: string): 'on' | 'in' {
  return iso.split('-').length === 3 ? 'on' : 'in';
}

/**
 * A date with its preposition, for "made by …", "as described …" and the
 * like: one helper, so pages, feeds and open data never say "on January 2022".
 *
 * @example
 * datePhrase('2021-06-15') // 'on 15 June 2021'
 * datePhrase('2022-01') // 'in January 2022'
 * datePhrase('2021') // 'in 2021'
 */
export function datePhrase(iso: string): string {
  return `${datePreposition(iso)} ${formatDate(iso)}`;
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
 * A count as the document states it, with its noun: exact, or hedged as the
 * document hedges it, so a reader never takes "around 40" for exactly 40.
 *
 * @example
 * formatQuantity(2, 'year') // '2 years'
 * formatQuantity({ approx: 40 }, 'member') // 'around 40 members'
 * formatQuantity({ at_most: 3 }, 'year') // 'at most 3 years'
 */
export function formatQuantity(quantity: Quantity, singular: string, pluralForm?: string): string {
  return hedged(quantity, (count) => plural(count, singular, pluralForm));
}

/**
 * A body's stated size in words.
 *
 * @example
 * formatSize(20) // '20 members'
 * formatSize({ approx: 40 }) // 'around 40 members'
 * formatSize({ at_least: 20 }) // 'at least 20 members'
 */
export function formatSize(size: Quantity): string {
  return formatQuantity(size, 'member');
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
 * How often a body meets, in words, hedged as the document hedges it.
 *
 * @example
 * formatMeetings(4) // '4 times a year'
 * formatMeetings(1) // 'once a year'
 * formatMeetings({ at_least: 4 }) // 'at least 4 times a year'
 */
export function formatMeetings(perYear: Quantity): string {
  return hedged(perYear, (count) => {
    if (count === 1) return 'once a year';
    if (count === 2) return 'twice a year';
    return `${count.toLocaleString('en-GB')} times a year`;
  });
}

/** A quantity's words: the exact figure's, or them after the document's hedge. */
function hedged(quantity: Quantity, words: (count: number) => string): string {
  if (typeof quantity === 'number') return words(quantity);
  if ('approx' in quantity) return `around ${words(quantity.approx)}`;
  if ('at_least' in quantity) return `at least ${words(quantity.at_least)}`;
  return `at most ${words(quantity.at_most)}`;
}
