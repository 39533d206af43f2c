/**
 * What a decision's funding table shows, worked out from the model: the
 * register states what the report says and nothing more. A table that lists
 * no allocations shows no "allocated" or "remaining" figures; who made the
 * allocations is said, or said to be not recorded; the decision's own amount
 * is what it decides, never allocations made elsewhere.
 */
import type { DecisionModel, FundingModel, Model, Stream, StreamFigures } from '../model/index.ts';
import { streamsOf } from '../rules/funding.ts';
import { REPORT_SOURCE_ID } from '../rules/sources.ts';
import type { DECISION_STATUSES } from '../schemas/index.ts';
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

/** A decision's status, which says whether the money it decides was allocated. */
export type DecisionStatus = (typeof DECISION_STATUSES)[number];

/**
 * The decision's own amount in a sentence, worded by its status: only an
 * approved decision has allocated money; a proposed one is asked to, and a
 * rejected, deferred or noted one allocated none, which a scrutiny reader must
 * not mistake for money given. The page, the feeds and the register say it alike.
 *
 * @param money the amount in words ("£900,000.00 revenue", "£900,000.00 from Green fund")
 * @example
 * decidedMoneySentence('rejected', '£900,000.00 revenue')
 * // 'This decision was asked to allocate £900,000.00 revenue; the decision was rejected, so none was allocated.'
 */
export function decidedMoneySentence(status: DecisionStatus, money: string): string {
  switch (status) {
    case 'approved': return `This decision allocates ${money}.`;
    case 'proposed': return `This decision is asked to allocate ${money}.`;
    case 'rejected': return `This decision was asked to allocate ${money}; the decision was rejected, so none was allocated.`;
    case 'deferred': return `This decision was asked to allocate ${money}; the decision was deferred, so none has been allocated by it.`;
    // Noting a report decides nothing: the figure is what the report noted, not money this decision gave.
    case 'noted': return `This decision noted ${money}; noting allocates nothing, so none was allocated by it.`;
  }
}

/**
 * The decision's own amount in the register's Amount column: the figure, and
 * unless the decision was approved, that it was only asked for or noted.
 * Only the approved figure stands alone, so only it is shown as a number.
 *
 * @example
 * amountWithStatus('rejected', '£900,000.00') // '£900,000.00 asked for; rejected, none allocated'
 */
export function amountWithStatus(status: DecisionStatus, amount: string): string {
  switch (status) {
    case 'approved': return amount;
    // The register records no outcome for a proposal; "not yet decided" would claim to know today's state.
    case 'proposed': return `${amount} asked for; outcome not recorded`;
    case 'rejected': return `${amount} asked for; rejected, none allocated`;
    case 'deferred': return `${amount} asked for; deferred, none allocated`;
    case 'noted': return `${amount} noted; none allocated`;
  }
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
  const source = sourceOf(model, decision);
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
    ...(funding.decides ? { decides: decidedMoneySentence(decision.status, `${streamsInWords(funding.decides, streams)}${per}`) } : {}),
    ...(funding.remaining && uncheckable ? { statedRemaining: `${source.subject} states ${streamsInWords(funding.remaining, stated)}${per} remaining.` } : {}),
    remainingAgrees,
  };
}

/** What the funding table comes from: as the subject of a sentence, and how its allocations are shown. */
interface Source {
  subject: string;
  shownAs: string;
}

/**
 * The title of the source a funding table cites, when that is not the report (a newsletter records what
 * a panel allocated, not the report): from the decision's own sources, else its partnership's.
 *
 * @example
 * citedSourceTitle(harbourGrants, llyn.sources) // 'Llŷn Partnership newsletter'
 */
export function citedSourceTitle(decision: Pick<DecisionModel, 'sources'> & { funding: Pick<FundingModel, 'cite'> }, partnershipSources: readonly { id: string; title: string }[] | null | undefined): string | undefined {
  const cited = decision.funding.cite?.[0]?.source;
  if (!cited || cited === REPORT_SOURCE_ID) return undefined;
  return [...(decision.sources ?? []), ...(partnershipSources ?? [])].find((s) => s.id === cited)?.title;
}

/**
 * What the funding table comes from, in words: the source its `cite` names when that is not the report,
 * else the decision's report when it has one, else the record itself (never a report it does not have).
 */
function sourceOf(model: Model, decision: DecisionModel & { funding: FundingModel }): Source {
  const title = citedSourceTitle(decision, indexModel(model).partnership(decision.partnershipId)?.sources);
  if (title) return { subject: `“${title}”`, shownAs: `as “${title}” records them` };
  return decision.report ? { subject: 'The report', shownAs: 'as the report records them' } : { subject: 'This record', shownAs: 'as recorded here' };
}

/** Who made the allocations a table lists, as its `allocated_by` and `allocated_on` say, or that the source does not say. */
function attributionOf(model: Model, decision: DecisionModel & { funding: FundingModel }, source: Source): string {
  const { funding } = decision;
  // Absent is not recorded: the register cannot say the report lists none.
  if (!funding.allocations) return 'Allocations from this fund are not recorded.';
  const none = funding.allocations.length === 0;
  const allocator = funding.allocator;
  if (!allocator) return none ? `${source.subject} says nothing was allocated.` : 'Who made these allocations is not recorded.';
  if (allocator.type === 'this-decision') {
    const date = formatDate(decision.date);
    if (none) return `${source.subject} says this decision (${date}) allocates nothing from this fund.`;
    return decision.status === 'approved' ? `These allocations are made by this decision (${date}).` : decidedMoneySentence(decision.status, 'the sums listed below');
  }
  const name = allocator.type === 'partnership' ? (indexModel(model).partnership(allocator.id)?.name ?? allocator.id) : allocator.name;
  if (none) return `${source.subject} says ${name} allocated nothing from this fund${funding.allocated_on ? ` ${datePhrase(funding.allocated_on)}` : '; the date is not recorded'}.`;
  const when = funding.allocated_on ? ` ${datePhrase(funding.allocated_on)}` : '; the date they were made is not recorded';
  return `These allocations were made by ${name}${when}. They are shown ${source.shownAs}, not as part of this decision.`;
}
