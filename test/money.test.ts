/**
 * Money: parsed to whole pence, to the penny, and formatted only at the edge.
 * Refusals say what to write instead.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatPounds, penceToDecimal } from '../src/model/money.ts';
import { MoneySchema, StreamsSchema } from '../src/schemas/index.ts';

const pence = (input: unknown) => MoneySchema.parse(input);
const refusal = (input: unknown) => {
  const result = MoneySchema.safeParse(input);
  expect(result.success, String(input)).toBe(false);
  return result.error?.issues[0].message ?? '';
};

describe('MoneySchema', () => {
  it('reads a number with two decimal places to the penny', () => {
    expect(pence(357535.40)).toBe(35753540);
    expect(pence(27535.4)).toBe(2753540);
    expect(pence(289910.60)).toBe(28991060);
    expect(pence(0.1 + 0.2)).toBe(30);
  });

  it('reads whole pounds and zero', () => {
    expect(pence(5000)).toBe(500000);
    expect(pence(0)).toBe(0);
  });

  it('reads pounds written as text, with or without the £ sign and separators', () => {
    expect(pence('£357,535.40')).toBe(35753540);
    expect(pence('£27,535.40')).toBe(2753540);
    expect(pence('£147,000')).toBe(14700000);
    expect(pence('147000')).toBe(14700000);
    expect(pence('£5.5')).toBe(550);
    expect(pence(' £1,000,000.01 ')).toBe(100000001);
  });

  it('refuses "£147k" and asks for the full figure', () => {
    expect(refusal('£147k')).toBe('is "£147k", an abbreviation; expected pounds and pence, such as 27535.40 or "£27,535.40"; write the full figure, for example "£147,000"');
    expect(refusal('£1.5m')).toContain('for example "£1,500,000"');
  });

  it('refuses "about £600k" as an approximate figure', () => {
    expect(refusal('about £600k')).toMatch(/an approximate figure; expected pounds and pence.*write the exact figure/);
  });

  it('refuses three decimal places, as a number or as text, and says to round to the penny', () => {
    expect(refusal(5000.125)).toMatch(/is 5000\.125, which has more than two decimal places; expected pounds and pence.*round it to the penny, for example 5000\.13/);
    expect(refusal('£27,535.405')).toMatch(/more than two decimal places.*round it to the penny/);
  });

  it('refuses three decimal places on large amounts too, where a float hides them best', () => {
    expect(refusal(123456.789)).toMatch(/more than two decimal places.*for example 123456\.79/);
    expect(refusal(1000000.125)).toMatch(/more than two decimal places/);
  });

  it('reads every amount written with two decimal places to the exact penny, and refuses every third decimal', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e13 }), fc.integer({ min: 1, max: 9 }), (p, tenth) => {
        expect(pence(Number((p / 100).toFixed(2)))).toBe(p);
        expect(MoneySchema.safeParse(Number(((p * 10 + tenth) / 1000).toFixed(3))).success).toBe(false);
      }),
      { numRuns: 2000, seed: 20261126 },
    );
  });

  it('refuses a negative amount and says to drop the minus sign', () => {
    expect(refusal(-500)).toMatch(/is -500, a negative amount; .*write the amount without a minus sign/);
    expect(refusal('-£500')).toMatch(/a negative amount; .*without a minus sign/);
    expect(refusal('£-500')).toMatch(/a negative amount/);
  });

  it('refuses separators in the wrong places and other text, saying what to write', () => {
    expect(refusal('£27,53.40')).toMatch(/not an amount this register can read; expected pounds and pence, such as 27535\.40 or "£27,535\.40"/);
    expect(refusal('twelve pounds')).toMatch(/expected pounds and pence/);
  });

  it('refuses values that are not money at all', () => {
    expect(refusal(true)).toMatch(/must be an amount of money, such as 27535\.40/);
    expect(refusal(Number.POSITIVE_INFINITY)).toMatch(/must be an amount of money/);
    expect(refusal(null)).toMatch(/must be an amount of money/);
  });

  it('refuses amounts too large to hold to the penny', () => {
    expect(refusal(1e17)).toMatch(/too large/);
    expect(refusal('£999,999,999,999,999,999')).toMatch(/too large/);
  });
});

describe('StreamsSchema', () => {
  it('holds revenue and capital in pence', () => {
    expect(StreamsSchema.parse({ revenue: '£357,535.40', capital: 289910.60 })).toEqual({ revenue: 35753540, capital: 28991060 });
  });

  it('needs at least one of revenue and capital', () => {
    const result = StreamsSchema.safeParse({});
    expect(result.success).toBe(false);
    expect(result.error?.issues[0].message).toMatch(/gives neither revenue nor capital.*add `revenue:` or `capital:`/);
  });
});

describe('formatPounds', () => {
  it('formats pence as pounds with separators and pence', () => {
    expect(formatPounds(2753540)).toBe('£27,535.40');
    expect(formatPounds(35753540)).toBe('£357,535.40');
    expect(formatPounds(14700000)).toBe('£147,000.00');
    expect(formatPounds(5)).toBe('£0.05');
    expect(formatPounds(0)).toBe('£0.00');
    expect(formatPounds(100000001)).toBe('£1,000,000.01');
  });

  it('puts the minus sign before the £ for a shortfall', () => {
    expect(formatPounds(-1008940)).toBe('-£10,089.40');
  });
});

describe('penceToDecimal', () => {
  it('writes pence as decimal pounds for open data, without symbol or separators', () => {
    expect(penceToDecimal(35753540)).toBe('357535.40');
    expect(penceToDecimal(2753540)).toBe('27535.40');
    expect(penceToDecimal(14700000)).toBe('147000.00');
    expect(penceToDecimal(7)).toBe('0.07');
    expect(penceToDecimal(-1008940)).toBe('-10089.40');
  });

  it('round-trips every amount through MoneySchema to the penny', () => {
    for (const amount of [0, 1, 99, 100, 2753540, 35753540, 28991060, 123456789]) {
      expect(pence(penceToDecimal(amount))).toBe(amount);
      expect(pence(Number(penceToDecimal(amount)))).toBe(amount);
      expect(pence(formatPounds(amount))).toBe(amount);
    }
  });
});
