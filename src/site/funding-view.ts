/**
 * What a decision's funding table shows, worked out from the model: the
 * register states what the report says and nothing more. A table that lists
 * no allocations shows no "allocated" or "remaining" figures; who made the
 * allocations is said, or said to be not recorded; the decision's own amount
 * is what it decides, never allocations made elsewhere.
 */
import type { DecisionModel, FundingModel, Model, StreamTotals } from '../model/index.ts';
import { formatPounds } from '../schemas/money.ts';
import { formatDate } from './format.ts';
import { indexModel } from './lookup.ts';

/** A money stream of a funding table. */
export type Stream = 'revenue' | 'capital';

/** The funding table, ready to render. */
export interface FundingView {
  /** The streams the table has figures for, in order. */
  streams: Stream[];
  /** ' a year' when the figures are per year; '' otherwise. */
  per: string;
  /** The allocations, when the report lists them (undefined: not recorded; empty: none). */
  allocations?: FundingModel['allocations'];
  /** Totals and what remains, per stream, formatted; only when allocations are listed, and the file has no error (the preview shows pages beside errors). */
  totals?: { allocated: Record<Stream, string>; remaining: Record<Stream, string> };
  /** Who made the allocations, in a sentence. */
  attribution: string;
  /** What this decision itself decides, in a sentence; undefined when the table does not say. */
  decides?: string;
  /** The remaining figures as the report states them, when the table lists no allocations to check them against. */
  statedRemaining?: string;
  /** Said only when every stated remaining figure agrees with the sums, and the file has no error. */
  remainingAgrees: boolean;
}

/**
 * Money per stream in words: "£27,535.40 revenue and £89,910.60 capital".
 *
 * @example
 * streamsInWords({ revenue: 2753540, capital: 8991060 }, ['revenue', 'capital']) // '£27,535.40 revenue and £89,910.60 capital'
 */
export function streamsInWords(amount: StreamTotals | { revenue?: number | null; capital?: number | null }, streams: readonly Stream[]): string {
  return streams.filter((stream) => amount[stream] != null).map((stream) => `${formatPounds(amount[stream] ?? 0)} ${stream}`).join(' and ');
}

/**
 * Works out the funding table of a decision.
 *
 * @example
 * fundingView(model, lancasterDecision).attribution
 * // 'These allocations were made by Lancaster District Local Strategic Partnership; the date they were made is not recorded.'
 */
export function fundingView(model: Model, decision: DecisionModel & { funding: FundingModel }): FundingView {
  const { funding } = decision;
  const allocations = funding.allocations ?? undefined;
  const streams = (['revenue', 'capital'] as const).filter(
    (stream) => funding.available[stream] != null || (allocations ?? []).some((a) => a[stream] != null) || funding.decides?.[stream] != null,
  );
  const per = funding.per === 'year' ? ' a year' : '';
  const perStream = (totals: StreamTotals) => ({ revenue: formatPounds(totals.revenue), capital: formatPounds(totals.capital) });
  // Only the preview renders a page beside the checker's errors: there, a figure worked out from a file
  // the checker refuses would contradict the error shown above it ("Remaining £37,500.00"), so none is given.
  const refused = model.diagnostics.some((d) => d.file === decision.file && d.severity === 'error');
  const totals = !refused && funding.allocated && funding.remainingComputed ? { allocated: perStream(funding.allocated), remaining: perStream(funding.remainingComputed) } : undefined;
  const remainingAgrees = !refused && funding.remaining != null && funding.remainingComputed != null &&
    streams.every((stream) => funding.remaining?.[stream] == null || funding.remaining[stream] === funding.remainingComputed?.[stream]);
  return {
    streams,
    per,
    ...(allocations ? { allocations } : {}),
    ...(totals ? { totals } : {}),
    attribution: attributionOf(model, decision),
    ...(funding.decides ? { decides: `This decision ${decision.status === 'proposed' ? 'is asked to allocate' : 'allocates'} ${streamsInWords(funding.decides, streams)}${per}.` } : {}),
    ...(!allocations && funding.remaining ? { statedRemaining: `The report states ${streamsInWords(funding.remaining, streams)}${per} remaining.` } : {}),
    remainingAgrees,
  };
}

/** Who made the allocations a table lists, as its `allocated_by` and `allocated_on` say, or that the report does not say. */
function attributionOf(model: Model, decision: DecisionModel & { funding: FundingModel }): string {
  const { funding } = decision;
  if (!funding.allocations) return 'The report does not list allocations from this fund.';
  if (funding.allocations.length === 0) return 'The report says nothing was allocated.';
  const allocator = funding.allocator;
  if (!allocator) return 'Who made these allocations is not recorded.';
  if (allocator.type === 'this-decision') return `These allocations are made by this decision (${formatDate(decision.date)}).`;
  const name = allocator.type === 'partnership' ? (indexModel(model).partnership(allocator.id)?.name ?? allocator.id) : allocator.name;
  const when = funding.allocated_on ? ` on ${formatDate(funding.allocated_on)}` : '; the date they were made is not recorded';
  return `These allocations were made by ${name}${when}. They are shown as the report records them, not as part of this decision.`;
}
