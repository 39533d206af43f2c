/**
 * Dates keep the precision the document gives: a year, a month or a day.
 * Nothing is invented, and day-first dates are refused with the ISO form to write.
 */
import { describe, expect, it } from 'vitest';
import { compareDates, datePrecision, DateSchema } from '../src/schemas/index.ts';

const date = (input: unknown) => DateSchema.parse(input);
const refusal = (input: unknown) => {
  const result = DateSchema.safeParse(input);
  expect(result.success, String(input)).toBe(false);
  return result.error?.issues[0].message ?? '';
};

describe('DateSchema', () => {
  it('keeps a year as a year', () => {
    expect(date(1996)).toBe('1996');
    expect(date('1996')).toBe('1996');
    expect(datePrecision(date(1996))).toBe('year');
  });

  it('keeps a month as a month, never inventing a day', () => {
    expect(date('2002-10')).toBe('2002-10');
    expect(datePrecision(date('2002-10'))).toBe('month');
  });

  it('keeps a day as a day', () => {
    expect(date('2010-01-12')).toBe('2010-01-12');
    expect(datePrecision(date('2010-01-12'))).toBe('day');
  });

  it('refuses 12/01/2010 and asks for 2010-01-12', () => {
    expect(refusal('12/01/2010')).toBe(
      'is "12/01/2010", a day-first date that computers read differently around the world; expected YYYY, YYYY-MM or YYYY-MM-DD (for example 2010-01-12, 2002-10 or 1996); write 2010-01-12',
    );
    expect(refusal('1.3.2006')).toMatch(/write 2006-03-01$/);
  });

  it('refuses a month written as 10/2002 and asks for 2002-10', () => {
    expect(refusal('10/2002')).toMatch(/write 2002-10$/);
  });

  it('refuses months and days that do not exist', () => {
    expect(refusal('2010-13')).toMatch(/there is no month 13/);
    expect(refusal('2011-02-29')).toMatch(/that month has no day 29/);
    expect(date('2012-02-29')).toBe('2012-02-29');
    expect(refusal('2010-04-31')).toMatch(/no day 31/);
  });

  it('refuses words and other values, saying which forms it reads', () => {
    expect(refusal('March 2006')).toMatch(/not a date this register can read; expected YYYY, YYYY-MM or YYYY-MM-DD/);
    expect(refusal(true)).toMatch(/must be a date written YYYY, YYYY-MM or YYYY-MM-DD/);
  });
});

describe('compareDates', () => {
  it('orders dates of the same precision', () => {
    expect(compareDates('1996', '2002')).toBeLessThan(0);
    expect(compareDates('2002-10', '2002-03')).toBeGreaterThan(0);
    expect(compareDates('2010-01-12', '2010-01-12')).toBe(0);
  });

  it('compares at the precision the two dates share, so a year contains its months', () => {
    expect(compareDates('2006', '2006-03')).toBe(0);
    expect(compareDates('2006-03', '2006-03-09')).toBe(0);
    expect(compareDates('2005', '2006-03')).toBeLessThan(0);
    expect(compareDates('2006-04', '2006')).toBe(0);
    expect(compareDates('2007-01-01', '2006')).toBeGreaterThan(0);
  });
});
