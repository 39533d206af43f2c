/**
 * A funding table adds up, in whole pence, per stream (revenue and capital):
 * the allocations fit within what is available, a stated `remaining` is what
 * is available minus what is allocated, and each item is listed once.
 */
import { formatPounds } from '../schemas/money.ts';
import type { Decision } from '../schemas/index.ts';
import type { Report } from './report.ts';
import { valueAt } from './report.ts';
import { checkUnique } from './uniqueness.ts';

/** Money in whole pence, split by stream. Absent streams are 0. */
export interface StreamTotals {
  revenue: number;
  capital: number;
}

/** A funding table as written. */
export type Funding = NonNullable<Decision['funding']>;

/** A funding table with its sums worked out. */
export interface FundingTotals extends Funding {
  /** What was allocated, per stream. */
  allocated: StreamTotals;
  /** What `available` holds, per stream (0 where not given). */
  availableTotals: StreamTotals;
  /** Available minus allocated, per stream. */
  remainingComputed: StreamTotals;
}

function streams(value: { revenue?: number | null; capital?: number | null } | null | undefined): StreamTotals {
  return { revenue: value?.revenue ?? 0, capital: value?.capital ?? 0 };
}

/**
 * Works out allocated and remaining money per stream, in whole pence.
 *
 * @example
 * sumFunding({ fund: 'PRG', available: { revenue: 100000 }, allocations: [{ item: 'A', revenue: 40000 }] }).remainingComputed
 * // { revenue: 60000, capital: 0 }
 */
export function sumFunding(funding: Funding): FundingTotals {
  const allocated = { revenue: 0, capital: 0 };
  for (const a of funding.allocations) {
    allocated.revenue += a.revenue ?? 0;
    allocated.capital += a.capital ?? 0;
  }
  const availableTotals = streams(funding.available);
  return {
    ...funding,
    allocated,
    availableTotals,
    remainingComputed: { revenue: availableTotals.revenue - allocated.revenue, capital: availableTotals.capital - allocated.capital },
  };
}

/**
 * The rules a funding table answers to: each item once, allocations within
 * what is available, and a stated `remaining` equal to available minus allocated.
 * Each figure travels as data, in pence: `expected` is what the sums give, `actual` what the table says.
 *
 * @example
 * checkFunding(file, sumFunding(decision.funding), report)
 * // remaining-mismatch: "remaining revenue is stated as £37,500.00, but £357,535.40 available minus £330,000.00 allocated is £27,535.40; …"
 */
export function checkFunding(file: string, funding: FundingTotals, report: Report): void {
  checkUnique(file, ['funding', 'allocations'], funding.allocations.map((a) => ({ name: a.item, nameKey: 'item' })), report);
  for (const stream of ['revenue', 'capital'] as const) {
    const available = funding.availableTotals[stream];
    const allocated = funding.allocated[stream];
    if (allocated > available) {
      const fix = `check each allocation's ${stream} and \`available\``;
      report({
        file, severity: 'error', code: 'over-allocated', locator: valueAt('funding', 'available', ...(funding.available[stream] == null ? [] : [stream])),
        subject: stream, expected: available, actual: allocated, fix,
        message: `the ${stream} allocations add up to ${formatPounds(allocated)}, more than the ${formatPounds(available)} ${stream} available; expected allocations within what is available; ${fix}`,
      });
    }
    const stated = funding.remaining?.[stream];
    if (stated != null && stated !== funding.remainingComputed[stream]) {
      const fix = 'check the allocations and `available`, then correct `remaining`';
      report({
        file, severity: 'error', code: 'remaining-mismatch', locator: valueAt('funding', 'remaining', stream),
        subject: stream, expected: funding.remainingComputed[stream], actual: stated, fix,
        message: `remaining ${stream} is stated as ${formatPounds(stated)}, but ${formatPounds(available)} available minus ${formatPounds(allocated)} allocated is ${formatPounds(funding.remainingComputed[stream])}; expected them to agree; ${fix}`,
      });
    }
  }
}
