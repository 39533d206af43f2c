/**
 * A funding table adds up, in whole pence, per stream (revenue and capital):
 * the allocations fit within what is available, a stated `remaining` is what
 * is available minus what is allocated, and each item is listed once.
 */
import { compareDates, ID_PATTERN } from '../schemas/index.ts';
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

/** Who made the allocations a funding table lists, as `allocated_by` says. */
export type AllocatedBy =
  | { type: 'this-decision' }
  | { type: 'partnership'; id: string }
  | { type: 'named'; name: string };

/** The `allocated_by` that says this decision makes the allocations listed. */
export const THIS_DECISION = 'this-decision';

/**
 * Reads `allocated_by`: `this-decision`, an id (a partnership of the
 * register, checked once every file is read), or a name in words.
 *
 * @example
 * allocatedBy('lancaster-district-lsp') // { type: 'partnership', id: 'lancaster-district-lsp' }
 * allocatedBy('Lancaster District LSP') // { type: 'named', name: 'Lancaster District LSP' }
 */
export function allocatedBy(written: string | null | undefined): AllocatedBy | undefined {
  if (written == null) return undefined;
  if (written === THIS_DECISION) return { type: 'this-decision' };
  return ID_PATTERN.test(written) ? { type: 'partnership', id: written } : { type: 'named', name: written };
}

/** A funding table with its sums worked out. */
export interface FundingTotals extends Funding {
  /** What was allocated, per stream; absent when the table lists no allocations (not recorded). */
  allocated?: StreamTotals;
  /** What `available` holds, per stream (0 where not given). */
  availableTotals: StreamTotals;
  /** Available minus allocated, per stream; absent when the table lists no allocations. */
  remainingComputed?: StreamTotals;
  /** Who made the allocations listed; absent when not recorded. */
  allocator?: AllocatedBy;
  /**
   * The register's amount for the decision: what it decides itself (`decides`), or the allocations
   * it makes (`allocated_by: this-decision`); absent when the table does not say (not recorded).
   */
  decidedAmount?: StreamTotals;
}

function streams(value: { revenue?: number | null; capital?: number | null } | null | undefined): StreamTotals {
  return { revenue: value?.revenue ?? 0, capital: value?.capital ?? 0 };
}

/**
 * Works out allocated and remaining money per stream, in whole pence, and the
 * register's amount for the decision.
 *
 * @example
 * sumFunding({ fund: 'PRG', available: { revenue: 100000 }, allocations: [{ item: 'A', revenue: 40000 }] }).remainingComputed
 * // { revenue: 60000, capital: 0 }
 */
export function sumFunding(funding: Funding): FundingTotals {
  const availableTotals = streams(funding.available);
  const allocator = allocatedBy(funding.allocated_by);
  if (funding.allocations == null) {
    return { ...funding, availableTotals, allocator, decidedAmount: funding.decides ? streams(funding.decides) : undefined };
  }
  const allocated = { revenue: 0, capital: 0 };
  for (const a of funding.allocations) {
    allocated.revenue += a.revenue ?? 0;
    allocated.capital += a.capital ?? 0;
  }
  return {
    ...funding,
    allocated,
    availableTotals,
    remainingComputed: { revenue: availableTotals.revenue - allocated.revenue, capital: availableTotals.capital - allocated.capital },
    allocator,
    decidedAmount: funding.decides ? streams(funding.decides) : allocator?.type === 'this-decision' ? allocated : undefined,
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
export function checkFunding(file: string, funding: FundingTotals, report: Report, decisionDate?: string): void {
  checkAttribution(file, funding, report, decisionDate);
  const { allocated, remainingComputed } = funding;
  if (!funding.allocations || !allocated || !remainingComputed) return;
  checkUnique(file, ['funding', 'allocations'], funding.allocations.map((a) => ({ name: a.item, nameKey: 'item' })), report);
  for (const stream of ['revenue', 'capital'] as const) {
    const available = funding.availableTotals[stream];
    if (allocated[stream] > available) {
      const fix = `check each allocation's ${stream} and \`available\``;
      report({
        file, severity: 'error', code: 'over-allocated', locator: valueAt('funding', 'available', ...(funding.available[stream] == null ? [] : [stream])),
        subject: stream, expected: available, actual: allocated[stream], fix,
        message: `the ${stream} allocations add up to ${formatPounds(allocated[stream])}, more than the ${formatPounds(available)} ${stream} available; expected allocations within what is available; ${fix}`,
      });
    }
    const stated = funding.remaining?.[stream];
    if (stated != null && stated !== remainingComputed[stream]) {
      const fix = 'check the allocations and `available`, then correct `remaining`';
      report({
        file, severity: 'error', code: 'remaining-mismatch', locator: valueAt('funding', 'remaining', stream),
        subject: stream, expected: remainingComputed[stream], actual: stated, fix,
        message: `remaining ${stream} is stated as ${formatPounds(stated)}, but ${formatPounds(available)} available minus ${formatPounds(allocated[stream])} allocated is ${formatPounds(remainingComputed[stream])}; expected them to agree; ${fix}`,
      });
    }
  }
}

/**
 * Who made the allocations and when: a table that lists allocations says who
 * made them (`allocated_by`), and `allocated_on` is a date no later than the
 * decision's, given only for allocations made elsewhere.
 */
function checkAttribution(file: string, funding: FundingTotals, report: Report, decisionDate: string | undefined): void {
  if (funding.allocations && funding.allocations.length > 0 && !funding.allocator) {
    const fix = 'add `allocated_by:` with `this-decision` if this decision makes them, or the partnership or body that made them (and `allocated_on:` with its date)';
    report({
      file, severity: 'warning', code: 'allocated-by-missing', locator: valueAt('funding', 'allocations'), fix,
      message: `the funding table lists ${funding.allocations.length} allocation${funding.allocations.length === 1 ? '' : 's'} but does not say who made them; expected \`allocated_by\`, so readers know whether this decision made them; ${fix}`,
    });
  }
  const on = funding.allocated_on;
  if (on == null) return;
  if (funding.allocator?.type === 'this-decision') {
    const fix = 'delete `allocated_on`, or name who made the allocations in `allocated_by`';
    report({
      file, severity: 'error', code: 'allocated-on-this-decision', locator: valueAt('funding', 'allocated_on'), actual: on, fix,
      message: `\`allocated_on\` is ${on}, but \`allocated_by\` is this-decision, whose own date applies; expected \`allocated_on\` only for allocations made elsewhere; ${fix}`,
    });
  } else if (decisionDate && compareDates(on, decisionDate) > 0) {
    const fix = 'correct `allocated_on`, or the decision\'s `date`';
    report({
      file, severity: 'error', code: 'allocated-after-decision', locator: valueAt('funding', 'allocated_on'), expected: decisionDate, actual: on, fix,
      message: `\`allocated_on\` is ${on}, after the decision's date (${decisionDate}); expected allocations this decision records to have been made by then; ${fix}`,
    });
  }
}
