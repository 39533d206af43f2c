/**
 * What a decision's funding table shows, worked out from the model: the
 * register states what the report says and nothing more. A table that lists
 * no allocations shows no "allocated" or "remaining" figures; who made the
 * allocations is said, or said to be not recorded; the decision's own amount
 * is what it decides, never allocations made elsewhere.
 */
import type { DecisionModel, FundingModel, Model, Stream, StreamFigures } from '../model/index.ts';
import { streamsOf } from '../rules/funding.ts';
import { formatPounds } from '../schemas/money.ts';
import { datePhrase, formatDate } from './format.ts';
import { indexModel } from './lookup.ts';

export type { Stream };

/** What a money cell says when the table gives no figure for it: never £0.00, never "None". */
export const NOT_RECORDED = 'Not recorded';

/**
 * A money cell of a funding table.
 *
 * @example
 * moneyCell(250005) // '£2,500.05'
 * moneyCell(null) // 'Not recorded'
 */
export function moneyCell(pence: number | null | undefined): string {
  return pence == null ? NOT_RECORDED : formatPounds(pence);
}

/** The funding table, ready to render. */
export interface FundingView {
  /** The streams the table has figures for, in order. */
  streams: Stream[];
  /** ' a year' when the figures are per year; '' otherwise. */
  per: string;
  /** The allocations, when the report lists them (undefined: not recorded; empty: none). */
  allocations?: FundingModel['allocations'];
  /** Said in the table where it lists no allocations because the source says nothing was allocated. */
  noneAllocated?: string;
  /**
   * Totals and what remains, per stream, formatted ("Not recorded" where the available figure is not, so
   * nothing remains to work out); only when allocations are listed, and the file has no error (the preview
   * shows pages beside errors).
   */
  totals?: { allocated: Record<Stream, string>; remaining: Record<Stream, string> };
  /** Who made the allocations, in a sentence or two. */
  attribution: string;
  /** What this decision itself decides, in a sentence; undefined when the table does not say. */
  decides?: string;
  /** The remaining figures as the source states them, when the register cannot work them out to check them against. */
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
export function streamsInWords(amount: StreamFigures | { revenue?: number | null; capital?: number | null }, streams: readonly Stream[]): string {
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
  const streams = streamsOf(funding);
  const per = funding.per === 'year' ? ' a year' : '';
  const source = sourceOf(decision);
  const perStream = (totals: StreamFigures) => ({ revenue: moneyCell(totals.revenue), capital: moneyCell(totals.capital) });
  // Only the preview renders a page beside the checker's errors: there, a figure worked out from a file
  // the checker refuses would contradict the error shown above it ("Remaining £37,500.00"), so none is given.
  const refused = model.diagnostics.some((d) => d.file === decision.file && d.severity === 'error');
  const totals = !refused && funding.allocated && funding.remainingComputed ? { allocated: perStream(funding.allocated), remaining: perStream(funding.remainingComputed) } : undefined;
  const stated = streams.filter((stream) => funding.remaining?.[stream] != null);
  const agrees = (stream: Stream) => funding.remaining?.[stream] === funding.remainingComputed?.[stream];
  const remainingAgrees = !refused && stated.length > 0 && stated.every(agrees);
  // A stated figure the register cannot work out (no allocations listed, or no available figure for its
  // stream) is given as the source states it, so the table's "Not recorded" does not hide it.
  const uncheckable = stated.some((stream) => funding.remainingComputed?.[stream] == null);
  return {
    streams,
    per,
    ...(allocations ? { allocations } : {}),
    ...(allocations?.length === 0 ? { noneAllocated: `${source.subject} says nothing was allocated.` } : {}),
    ...(totals ? { totals } : {}),
    attribution: attributionOf(model, decision, source),
    ...(funding.decides ? { decides: `This decision ${decision.status === 'proposed' ? 'is asked to allocate' : 'allocates'} ${streamsInWords(funding.decides, streams)}${per}.` } : {}),
    ...(funding.remaining && uncheckable ? { statedRemaining: `${source.subject} states ${streamsInWords(funding.remaining, stated)}${per} remaining.` } : {}),
    remainingAgrees,
  };
}

/** What the funding table comes from, in words: the decision's report when it has one, else the record itself (never a report it does not have). */
function sourceOf(decision: DecisionModel): { subject: string; object: string } {
  return decision.report ? { subject: 'The report', object: 'the report' } : { subject: 'This record', object: 'this record' };
}

/** Who made the allocations a table lists, as its `allocated_by` and `allocated_on` say, or that the source does not say. */
function attributionOf(model: Model, decision: DecisionModel & { funding: FundingModel }, source: { subject: string; object: string }): string {
  const { funding } = decision;
  if (!funding.allocations) return `${source.subject} does not list allocations from this fund.`;
  const none = funding.allocations.length === 0;
  const allocator = funding.allocator;
  if (!allocator) return none ? `${source.subject} says nothing was allocated.` : 'Who made these allocations is not recorded.';
  if (allocator.type === 'this-decision') {
    return none
      ? `${source.subject} says this decision (${formatDate(decision.date)}) allocates nothing from this fund.`
      : `These allocations are made by this decision (${formatDate(decision.date)}).`;
  }
  const name = allocator.type === 'partnership' ? (indexModel(model).partnership(allocator.id)?.name ?? allocator.id) : allocator.name;
  if (none) return `${source.subject} says ${name} allocated nothing from this fund${funding.allocated_on ? ` ${datePhrase(funding.allocated_on)}` : '; the date is not recorded'}.`;
  const when = funding.allocated_on ? ` ${datePhrase(funding.allocated_on)}` : '; the date they were made is not recorded';
  return `These allocations were made by ${name}${when}. They are shown as ${source.object} records them, not as part of this decision.`;
}
