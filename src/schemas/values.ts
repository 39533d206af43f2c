/**
 * Value types shared by every content type: ids, dates, money, text and
 * references. Each refuses what an officer might plausibly write by mistake,
 * with a message saying what to write instead. Messages here start after the
 * key's name, which the reporter puts in front (`date` is "12/01/2010", …).
 */
import { z } from 'zod';

export { ID_PATTERN, slugify } from './ids.ts';
import { ID_PATTERN, slugify } from './ids.ts';

/** An id: lower-case letters and digits in words joined by hyphens (`community-safety`). */
export const IdSchema = z.string({ error: 'must be an id in quotes or plain text' }).check((ctx) => {
  if (!ID_PATTERN.test(ctx.value)) {
    ctx.issues.push({
      code: 'custom',
      input: ctx.value,
      params: { code: 'invalid-id' },
      message: `is "${ctx.value}", which is not an id; expected lower-case letters and digits joined by single hyphens; write "${slugify(ctx.value) || 'my-id'}"`,
    });
  }
});

/** Plain text: a non-empty string. Markdown is not interpreted. */
export const TextSchema = z.string({ error: 'must be text' }).trim().min(1, { error: 'is empty; write some text, or delete the key' });

/** Plain text given as one string or a list of strings; held as a list. */
export const TextListSchema = z
  .union([TextSchema.transform((text) => [text]), z.array(TextSchema)], { error: 'must be text, or a list of texts each starting with "- "' });

/** How precise a date is: the register never invents a month or a day. */
export type DatePrecision = 'year' | 'month' | 'day';

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * A date with the precision the document gives: `1996`, `2002-10` or
 * `2010-01-12`. Held as that same ISO text, so precision is never lost.
 */
export const DateSchema = z
  .union([z.string(), z.number()], { error: 'must be a date written YYYY, YYYY-MM or YYYY-MM-DD' })
  .transform((raw, ctx) => {
    const text = String(raw).trim();
    const problem = dateProblem(text);
    if (problem) {
      ctx.issues.push({ code: 'custom', input: raw, params: { code: 'invalid-date' }, message: problem });
      return z.NEVER;
    }
    return text;
  });

function dateProblem(text: string): string | undefined {
  const iso = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(text);
  const expected = 'expected YYYY, YYYY-MM or YYYY-MM-DD (for example 2010-01-12, 2002-10 or 1996)';
  if (iso) {
    const month = iso[2] === undefined ? undefined : Number(iso[2]);
    const day = iso[3] === undefined ? undefined : Number(iso[3]);
    if (month !== undefined && (month < 1 || month > 12)) return `is "${text}", but there is no month ${month}; ${expected}`;
    if (month !== undefined && day !== undefined) {
      const leap = Number(iso[1]) % 4 === 0 && (Number(iso[1]) % 100 !== 0 || Number(iso[1]) % 400 === 0);
      const max = month === 2 && !leap ? 28 : DAYS_IN_MONTH[month - 1];
      if (day < 1 || day > max) return `is "${text}", but that month has no day ${day}; ${expected}`;
    }
    return undefined;
  }
  const uk = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})$/.exec(text);
  if (uk) {
    const year = uk[3].length === 2 ? `20${uk[3]}` : uk[3];
    const suggestion = `${year}-${uk[2].padStart(2, '0')}-${uk[1].padStart(2, '0')}`;
    return `is "${text}", a day-first date that computers read differently around the world; ${expected}; write ${suggestion}`;
  }
  const monthYear = /^(\d{1,2})[/.](\d{4})$/.exec(text);
  if (monthYear) return `is "${text}"; ${expected}; write ${monthYear[2]}-${monthYear[1].padStart(2, '0')}`;
  return `is "${text}", which is not a date this register can read; ${expected}`;
}

/** The precision of a date held as ISO text. */
export function datePrecision(date: string): DatePrecision {
  return date.length === 4 ? 'year' : date.length === 7 ? 'month' : 'day';
}

/**
 * Compares two dates at the precision they share: `2006` and `2006-03` are
 * equal, because the year alone does not say which came first.
 */
export function compareDates(a: string, b: string): number {
  const length = Math.min(a.length, b.length);
  const x = a.slice(0, length);
  const y = b.slice(0, length);
  return x < y ? -1 : x > y ? 1 : 0;
}

/** Whole pence. Money is never a float anywhere in the register. */
export type Pence = number;

/**
 * Money, written as a number with at most two decimal places (`27535.40`) or
 * as pounds in quotes (`"£27,535.40"`, `"£147,000"`). Held as whole pence.
 */
export const MoneySchema = z
  .union([z.number(), z.string()], { error: 'must be an amount of money, such as 27535.40 or "£27,535.40"' })
  .transform((raw, ctx) => {
    const pence = typeof raw === 'number' ? penceFromNumber(raw) : penceFromText(raw);
    if (typeof pence === 'string') {
      ctx.issues.push({ code: 'custom', input: raw, params: { code: 'invalid-money' }, message: pence });
      return z.NEVER;
    }
    return pence;
  });

const MONEY_EXPECTED = 'expected pounds and pence, such as 27535.40 or "£27,535.40"';

function penceFromNumber(value: number): Pence | string {
  if (!Number.isFinite(value)) return `is not a number; ${MONEY_EXPECTED}`;
  if (value < 0) return `is ${value}, a negative amount; ${MONEY_EXPECTED}; write the amount without a minus sign`;
  const pence = Math.round(value * 100);
  // Numbers arrive as binary floats: 27535.40 is 2753539.9999…; a third decimal place is not.
  // The slack is the float's own rounding (a few units in the last place), never a
  // fraction of a penny: a tolerance growing with the amount let 123456.789 through.
  if (Math.abs(pence - value * 100) > Math.abs(value) * 400 * Number.EPSILON) {
    return `is ${value}, which has more than two decimal places; ${MONEY_EXPECTED}; round it to the penny, for example ${(pence / 100).toFixed(2)}`;
  }
  if (!Number.isSafeInteger(pence)) return `is ${value}, too large an amount; ${MONEY_EXPECTED}`;
  return pence;
}

function penceFromText(raw: string): Pence | string {
  const text = raw.trim();
  const match = /^£?\s?((?:\d{1,3}(?:,\d{3})+)|\d+)(?:\.(\d{1,2}))?$/.exec(text);
  if (match) {
    const pounds = Number(match[1].replaceAll(',', ''));
    const pence = pounds * 100 + Number((match[2] ?? '0').padEnd(2, '0'));
    return Number.isSafeInteger(pence) ? pence : `is "${raw}", too large an amount; ${MONEY_EXPECTED}`;
  }
  const short = /^£?\s?(\d+(?:\.\d+)?)\s?(k|m|bn)$/i.exec(text);
  if (short) {
    const factor = { k: 1e3, m: 1e6, bn: 1e9 }[short[2].toLowerCase() as 'k' | 'm' | 'bn'];
    const pounds = Math.round(Number(short[1]) * factor);
    return `is "${raw}", an abbreviation; ${MONEY_EXPECTED}; write the full figure, for example "£${pounds.toLocaleString('en-GB')}"`;
  }
  if (/^-/.test(text) || /^£\s?-/.test(text)) return `is "${raw}", a negative amount; ${MONEY_EXPECTED}; write the amount without a minus sign`;
  if (/\d\.\d{3,}$/.test(text)) return `is "${raw}", which has more than two decimal places; ${MONEY_EXPECTED}; round it to the penny`;
  if (hedgeOf(text)) {
    return `is "${raw}", an approximate figure; ${MONEY_EXPECTED}; write the exact figure the document gives, and put any qualification in the text`;
  }
  return `is "${raw}", which is not an amount this register can read; ${MONEY_EXPECTED}`;
}

/**
 * A check that at least one of `revenue` and `capital` is given, for the
 * funding table's figures and lines.
 */
export function requireRevenueOrCapital(amount: string) {
  return (ctx: { value: { revenue?: unknown; capital?: unknown }; issues: { push: (issue: z.core.$ZodRawIssue) => void } }) => {
    if (ctx.value.revenue == null && ctx.value.capital == null) {
      ctx.issues.push({
        code: 'custom',
        input: ctx.value,
        params: { code: 'missing-key' },
        message: `gives neither revenue nor capital; expected at least one of them; add \`revenue:\` or \`capital:\` with ${amount}`,
      });
    }
  };
}

/** Money split into revenue and capital streams, at least one of them given. */
export const StreamsSchema = z
  .strictObject({
    /** Revenue: money for running costs, spent within the year. */
    revenue: MoneySchema.nullish(),
    /** Capital: money for buildings, equipment and other lasting assets. */
    capital: MoneySchema.nullish(),
  })
  .check(requireRevenueOrCapital('an amount'));

/** A reference to something else by its id, resolved after every file is read. */
export const ReferenceSchema = z.string({ error: 'must be an id' }).trim().min(1, { error: 'is empty; write an id, or delete the key' });

/** How a count is hedged: the key of `{ approx: 40 }`, `{ at_least: 4 }` or `{ at_most: 10 }`. */
export type Hedge = 'approx' | 'at_least' | 'at_most';

/**
 * The words documents and officers hedge a figure with, and the key that
 * writes each. `exact`: the word means what the key means, so "about 30" is
 * `{ approx: 30 }`. Otherwise the word is a strict bound: "over 12" is more
 * than 12, and `{ at_least: 12 }` would let it be 12, so no figure is carried
 * over. The one list for every hedge the checker recognises, in a key
 * (`{ about: 4 }`), a count written as text ("about 30") or an amount of money.
 */
const HEDGE_WORDS: Readonly<Record<string, { hedge: Hedge; exact: boolean }>> = {
  about: { hedge: 'approx', exact: true },
  around: { hedge: 'approx', exact: true },
  approx: { hedge: 'approx', exact: true },
  approximately: { hedge: 'approx', exact: true },
  roughly: { hedge: 'approx', exact: true },
  circa: { hedge: 'approx', exact: true },
  c: { hedge: 'approx', exact: true },
  'at least': { hedge: 'at_least', exact: true },
  'no fewer than': { hedge: 'at_least', exact: true },
  'no less than': { hedge: 'at_least', exact: true },
  'a minimum of': { hedge: 'at_least', exact: true },
  minimum: { hedge: 'at_least', exact: true },
  min: { hedge: 'at_least', exact: true },
  'at most': { hedge: 'at_most', exact: true },
  'up to': { hedge: 'at_most', exact: true },
  'no more than': { hedge: 'at_most', exact: true },
  'a maximum of': { hedge: 'at_most', exact: true },
  maximum: { hedge: 'at_most', exact: true },
  max: { hedge: 'at_most', exact: true },
  over: { hedge: 'at_least', exact: false },
  'more than': { hedge: 'at_least', exact: false },
  above: { hedge: 'at_least', exact: false },
  under: { hedge: 'at_most', exact: false },
  'less than': { hedge: 'at_most', exact: false },
  'fewer than': { hedge: 'at_most', exact: false },
  below: { hedge: 'at_most', exact: false },
};

/** The hedge words, longest first, so "no more than" is read before "more than". */
const HEDGE_PHRASES = Object.keys(HEDGE_WORDS).sort((a, b) => b.length - a.length);

/** A hedge found at the start of a text or key: the words as written, what they mean, and what follows them. */
export interface HedgeFound {
  /** The hedge's words, as they appear in the list ("at least"). */
  words: string;
  hedge: Hedge;
  /** Whether the key says exactly what the words do (see HEDGE_WORDS). */
  exact: boolean;
  /** The text after the words ("30", "thirty members"). */
  rest: string;
}

/**
 * The hedge a text or key starts with: its words may be joined by spaces,
 * underscores or hyphens (`up_to`), and a short form may end with a dot (`c.`).
 *
 * @example
 * hedgeOf('about 30') // { words: 'about', hedge: 'approx', exact: true, rest: '30' }
 * hedgeOf('up_to') // { words: 'up to', hedge: 'at_most', exact: true, rest: '' }
 * hedgeOf('over 12') // { words: 'over', hedge: 'at_least', exact: false, rest: '12' }
 * hedgeOf('capital') // undefined
 */
export function hedgeOf(text: string): HedgeFound | undefined {
  const words = text.trim().toLowerCase().replace(/[\s_-]+/g, ' ');
  for (const phrase of HEDGE_PHRASES) {
    const match = new RegExp(`^${phrase}\\b\\.?\\s*`).exec(words);
    if (match) return { words: phrase, ...HEDGE_WORDS[phrase], rest: words.slice(match[0].length).trim() };
  }
  return undefined;
}

/** A count as the document states it: exact, or hedged. */
export type Quantity = number | { approx: number } | { at_least: number } | { at_most: number };

/** What a count may be, as the checker says it when a count is none of them. */
export const QUANTITY_FORMS = 'must be a whole number (20), or a hedged one: { approx: 40 }, { at_least: 4 } or { at_most: 10 }';

/**
 * A stated count as the document gives it: a whole number (`20`), or
 * `{ approx: 40 }` ("around 40"), `{ at_least: 4 }` ("at least quarterly"),
 * `{ at_most: 10 }`. A hedged figure is never rounded into an exact one.
 *
 * @example
 * quantity('members').parse({ approx: 40 }) // { approx: 40 }
 */
export function quantity(unit: string) {
  const figure = z.int({ error: `must be a whole number of ${unit}` }).nonnegative({ error: `must be 0 or more ${unit}` });
  return z.union(
    [
      figure,
      z.strictObject({ /** "around", "approximately": the figure as stated. */ approx: figure }),
      z.strictObject({ /** "at least": the figure as stated. */ at_least: figure }),
      z.strictObject({ /** "at most", "up to": the figure as stated. */ at_most: figure }),
    ],
    { error: QUANTITY_FORMS },
  );
}
