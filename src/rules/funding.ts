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

/** Money in whole pence, split by stream: null for a stream the table does not record, never 0. */
export interface StreamFigures {
  revenue: number | null;
  capital: number | null;
}

/** A money stream of a funding table. */
export type Stream = keyof StreamFigures;

/** The two streams, in the order tables show them. */
export const STREAMS: readonly Stream[] = ['revenue', 'capital'];

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
  /**
   * What was allocated, per stream; absent when the table lists no allocations (not recorded). A stream
   * the table speaks of (in `available`, `decides`, `remaining` or an allocation) sums to its allocations,
   * 0 when none gives it; a stream the table never mentions is null.
   */
  allocated?: StreamFigures;
  /** What `available` holds, per stream; null where not given. */
  availableTotals: StreamFigures;
  /**
   * Available minus allocated, per stream; absent when the table lists no allocations, and null
   * for a stream whose available figure is not recorded (nothing to subtract from).
   */
  remainingComputed?: StreamFigures;
  /** Who made the allocations listed; absent when not recorded. */
  allocator?: AllocatedBy;
  /**
   * The register's amount for the decision: what it decides itself (`decides`), or the allocations
   * it makes (`allocated_by: this-decision`); absent when the table does not say (not recorded).
   */
  decidedAmount?: StreamFigures;
}

/** A stream pair as written, with null for each stream not given. */
function figures(value: { revenue?: number | null; capital?: number | null } | null | undefined): StreamFigures {
  return { revenue: value?.revenue ?? null, capital: value?.capital ?? null };
}

/**
 * The streams a funding table speaks of: those with a figure in `available`,
 * `decides`, `remaining` or any allocation. A stream outside them is not
 * recorded at all, so nothing about it, not even "0 allocated", is stated.
 *
 * @example
 * streamsOf({ fund: 'F', available: { revenue: 100 }, allocations: [] }) // ['revenue']
 */
export function streamsOf(funding: Funding): Stream[] {
  return STREAMS.filter((stream) =>
    [funding.available, funding.decides, funding.remaining, ...(funding.allocations ?? [])].some((figures) => figures?.[stream] != null));
}

/**
 * The sum of the streams that are recorded; undefined when neither is.
 *
 * @example
 * recordedTotal({ revenue: 500, capital: null }) // 500
 */
export function recordedTotal(amount: StreamFigures): number | undefined {
  return amount.revenue == null && amount.capital == null ? undefined : (amount.revenue ?? 0) + (amount.capital ?? 0);
}

/**
 * Works out allocated and remaining money per stream, in whole pence, and the
 * register's amount for the decision. A stream not recorded stays null: never
 * a 0 that a reader, or the checker, would take as a figure.
 *
 * @example
 * sumFunding({ fund: 'PRG', available: { revenue: 100000 }, allocations: [{ item: 'A', revenue: 40000 }] }).remainingComputed
 * // { revenue: 60000, capital: null }
 */
export function sumFunding(funding: Funding): FundingTotals {
  const availableTotals = figures(funding.available);
  const allocator = allocatedBy(funding.allocated_by);
  const decides = funding.decides ? figures(funding.decides) : undefined;
  if (funding.allocations == null) {
    return { ...funding, availableTotals, allocator, decidedAmount: decides };
  }
  const spoken = streamsOf(funding);
  const allocated: StreamFigures = { revenue: null, capital: null };
  const remainingComputed: StreamFigures = { revenue: null, capital: null };
  for (const stream of spoken) {
    const sum = funding.allocations.reduce((total, a) => total + (a[stream] ?? 0), 0);
    allocated[stream] = sum;
    const available = availableTotals[stream];
    remainingComputed[stream] = available == null ? null : available - sum;
  }
  return {
    ...funding,
    allocated,
    availableTotals,
    remainingComputed,
    allocator,
    decidedAmount: decides ?? (allocator?.type === 'this-decision' ? allocated : undefined),
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
  for (const stream of STREAMS) {
    const available = funding.availableTotals[stream];
    const sum = allocated[stream];
    const computed = remainingComputed[stream];
    // A stream whose available figure is not recorded cannot be exceeded, nor its remaining checked:
    // comparing with an invented 0 would refuse a table that says all its source says.
    if (available == null || sum == null || computed == null) continue;
    if (sum > available) {
      const fix = `check each allocation's ${stream} and \`available\``;
      report({
        file, severity: 'error', code: 'over-allocated', locator: valueAt('funding', 'available', stream),
        subject: stream, expected: available, actual: sum, fix,
        message: `the ${stream} allocations add up to ${formatPounds(sum)}, more than the ${formatPounds(available)} ${stream} available; expected allocations within what is available; ${fix}`,
      });
    }
    const stated = funding.remaining?.[stream];
    if (stated != null && stated !== computed) {
      const fix = 'check the allocations and `available`, then correct `remaining`';
      report({
        file, severity: 'error', code: 'remaining-mismatch', locator: valueAt('funding', 'remaining', stream),
        subject: stream, expected: computed, actual: stated, fix,
        message: `remaining ${stream} is stated as ${formatPounds(stated)}, but ${formatPounds(available)} available minus ${formatPounds(sum)} allocated is ${formatPounds(computed)}; expected them to agree; ${fix}`,
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
