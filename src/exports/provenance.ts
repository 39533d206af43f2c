/**
 * Where the register's facts come from, as open data states it: each file's
 * sources (a decision's `report` among them, with the id `report`), each
 * item's citations, and the discrepancies recorded where a document
 * contradicts itself. Every record has the same keys; what a file leaves out
 * is null, never an empty default that would read as "none".
 */
import type { DecisionModel } from '../model/index.ts';
import { citationsIn, REPORT_SOURCE_ID } from '../rules/sources.ts';
import type { Citation, Discrepancy, Source } from '../schemas/index.ts';

/** A source as open data gives it. */
export interface SourceRecord {
  id: string;
  title: string | null;
  publisher: string | null;
  date: string | null;
  author: string | null;
  reference: string | null;
  url: string | null;
}

/** A citation as open data gives it: the source's id, and where in it (null when the citation does not say). */
export interface CitationRecord {
  source: string;
  where: string | null;
}

/**
 * One source, every key present.
 *
 * @example
 * sourceRecord({ id: 'way-forward', title: 'A way forward' })
 * // { id: 'way-forward', title: 'A way forward', publisher: null, date: null, author: null, reference: null, url: null }
 */
export function sourceRecord(source: Source): SourceRecord {
  return {
    id: source.id,
    title: source.title,
    publisher: source.publisher ?? null,
    date: source.date ?? null,
    author: source.author ?? null,
    // An empty reference ("") is how the template leaves it blank: not recorded.
    reference: source.reference || null,
    url: source.url ?? null,
  };
}

/** A file's `sources` as open data: null when the file lists none (not recorded), else each one. */
export function sourceRecords(sources: readonly Source[] | null | undefined): SourceRecord[] | null {
  return sources == null ? null : sources.map(sourceRecord);
}

/** A decision's source as open data: a source, and whether the decision or its partnership.md lists it. */
export interface DecisionSourceRecord extends SourceRecord {
  /** `decision` for its report and its own `sources`; `partnership` for a source of its partnership.md that it cites. */
  listed_in: 'decision' | 'partnership';
}

/**
 * A decision's sources: its `report` first (cited as `report`), then the
 * documents its `sources` lists, then each source of its partnership.md that
 * it cites, so that every citation in the record resolves within the record;
 * null when it has none of these.
 *
 * @example
 * // a decision with a report whose funding table cites the partnership's newsletter
 * decisionSourceRecords(decision, partnership.sources).map((s) => `${s.id} (${s.listed_in})`)
 * // ['report (decision)', 'llyn-newsletter (partnership)']
 */
export function decisionSourceRecords(
  decision: Pick<DecisionModel, 'report' | 'sources'>, partnershipSources: readonly Source[] | null | undefined = undefined,
): DecisionSourceRecord[] | null {
  const { report } = decision;
  const own: DecisionSourceRecord[] = [
    ...(report
      ? [{
          id: REPORT_SOURCE_ID,
          title: report.title ?? null,
          publisher: report.publisher ?? null,
          // The report's own date is not recorded; the decision's date is when it was considered, not when it was written.
          date: null,
          author: report.author ?? null,
          reference: report.reference || null,
          url: report.url ?? null,
          listed_in: 'decision' as const,
        }]
      : []),
    ...(decision.sources ?? []).map((source) => ({ ...sourceRecord(source), listed_in: 'decision' as const })),
  ];
  // A citation resolves to the decision's own source first, as the checker resolves it.
  const cited = new Set(citationsIn(decision).map((use) => use.citation.source));
  const fromPartnership = (partnershipSources ?? [])
    .filter((source) => cited.has(source.id) && !own.some((o) => o.id === source.id))
    .map((source) => ({ ...sourceRecord(source), listed_in: 'partnership' as const }));
  const all = [...own, ...fromPartnership];
  return !report && decision.sources == null && fromPartnership.length === 0 ? null : all;
}

/**
 * An item's `cite` as open data: null when it gives none.
 *
 * @example
 * citationRecords([{ source: 'report', where: 'Appendix A' }, { source: 'minutes' }])
 * // [{ source: 'report', where: 'Appendix A' }, { source: 'minutes', where: null }]
 */
export function citationRecords(cite: readonly Citation[] | null | undefined): CitationRecord[] | null {
  return cite == null ? null : cite.map((c) => ({ source: c.source, where: c.where ?? null }));
}

/** Discrepancies as open data: null when none are recorded, each with its text and citations. */
export function discrepancyRecords(discrepancies: readonly Discrepancy[] | null | undefined) {
  return discrepancies == null ? null : discrepancies.map((d) => ({ text: d.text, cite: citationRecords(d.cite) }));
}
