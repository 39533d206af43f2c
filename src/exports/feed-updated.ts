/**
 * Atom requires a feed's `updated` even when the feed has no entries. With no
 * entries and no git history the feed has no change of its own to date, so it
 * takes the latest date the register records for what it covers: a source's
 * date, an as-at or review date, a founding, becoming an LSP or dissolution,
 * a structure's start. Each is a day the record was already true, so the feed
 * is never dated later than its content could have been written; the epoch
 * (1970) would claim a date no source gives.
 */
import type { PartnershipModel } from '../model/index.ts';
import { toFullDate, toTimestamp } from './dates.ts';

/** The dates a partnership's record gives that had passed when they were written. */
function recordedDates(p: PartnershipModel): (string | null | undefined)[] {
  return [
    p.established,
    p.became_lsp,
    p.dissolved,
    p.status_as_at,
    p.reviewed,
    ...(p.sources ?? []).map((s) => s.date),
    ...p.structures.flatMap((s) => [s.from, s.status_as_at, ...(s.sources ?? []).map((source) => source.date)]),
  ];
}

/**
 * The `updated` of a feed with no entries and no history, as RFC 3339.
 *
 * A structure's `to`, or a proposal's `from`, may be a date still to come, so
 * any date after today is left out: a feed is not updated in the future.
 * Only when the register records no date at all is the feed dated today, the
 * day it was built, which is true of it (`REGISTER_TODAY` pins it, so a build
 * stays reproducible).
 *
 * @param partnerships what the feed covers: one partnership, or all of them
 * @param today YYYY-MM-DD
 * @example
 * emptyFeedUpdated([{ ...p, sources: [{ date: '2006-03' }], reviewed: '2011-06-01' }], '2026-12-04') // '2011-06-01T00:00:00Z'
 * emptyFeedUpdated([], '2026-12-04') // '2026-12-04T00:00:00Z'
 */
export function emptyFeedUpdated(partnerships: readonly PartnershipModel[], today: string): string {
  const latest = partnerships
    .flatMap(recordedDates)
    .filter((date): date is string => typeof date === 'string')
    .map(toFullDate)
    .filter((date) => date <= today)
    .reduce((a, b) => (b > a ? b : a), '');
  return toTimestamp(latest || today);
}
