/**
 * Atom feeds of decisions (RFC 4287), so residents can follow the register, or
 * one partnership, in a feed reader without visiting.
 *
 * Dates: `published` is the decision's date; a partial date (`2011`) stands
 * for the first day of its period (see dates.ts) and the summary says the date
 * as recorded. `updated` is when the decision's file last changed in git,
 * because that is when the entry changed (a proposal approved, an outcome
 * added); without history it is the decision's date. The feed's `updated` is
 * its newest entry's, so the same content and history give the same bytes.
 */
import type { DecisionModel, FundingModel, PartnershipModel, SiteModel } from '../model/index.ts';
import { formatPounds } from '../model/money.ts';
import { formatDate } from '../site/format.ts';
import { DECISION_KIND_LABELS, DECISION_STATUS_LABELS } from '../site/labels.ts';
import { DATA_URL, decisionUrl } from '../site/urls.ts';
import { latestTimestamp, toTimestamp } from './dates.ts';
import { absoluteUrl } from './site-links.ts';
import { escapeXml } from './text.ts';

/** What a feed holds and where it lives. */
export interface FeedOptions {
  site: SiteModel;
  /** The feed's own path (`/decisions.xml`): its id and its `self` link. */
  path: string;
  /** The HTML page the feed follows (`/decisions/`). */
  pagePath: string;
  title: string;
  subtitle: string;
  /** Newest first, as the model holds them. */
  decisions: readonly DecisionModel[];
  /** Partnerships by id, to name each decision's partnership. */
  partnerships: ReadonlyMap<string, PartnershipModel>;
  /** When a content file last changed, from git (RFC 3339); undefined without history. */
  lastModified?: (file: string) => string | undefined;
  /** The feed's `updated` when it has no entries (RFC 3339). */
  emptyUpdated: string;
}

/**
 * A partnership's own decisions feed.
 *
 * @example
 * partnershipFeedUrl('chorley-partnership') // '/partnerships/chorley-partnership/decisions.xml'
 */
export function partnershipFeedUrl(partnershipId: string): string {
  return `/partnerships/${partnershipId}/decisions.xml`;
}

/** A feed with no entries and no history still needs an `updated`; this one says "unknown" plainly. */
export const EPOCH = '1970-01-01T00:00:00Z';

/** Where the categories' terms are explained: sections of the open data page. */
export const STATUS_SCHEME = `${DATA_URL}#decision-status`;
export const KIND_SCHEME = `${DATA_URL}#decision-kind`;

/**
 * A funding table in one sentence, for feed summaries.
 *
 * @example
 * fundingSummary(funding)
 * // '£135,000.00 allocated from Performance Reward Grant (revenue £35,000.00, capital £100,000.00),
 * //  of £647,446.00 available (revenue £357,535.40, capital £289,910.60).'
 */
export function fundingSummary(funding: FundingModel): string {
  const { allocated, availableTotals } = funding;
  const split = (t: { revenue: number; capital: number }) =>
    [t.revenue ? `revenue ${formatPounds(t.revenue)}` : '', t.capital ? `capital ${formatPounds(t.capital)}` : ''].filter(Boolean).join(', ');
  const per = funding.per === 'year' ? ' a year' : '';
  const allocatedTotal = allocated.revenue + allocated.capital;
  const availableTotal = availableTotals.revenue + availableTotals.capital;
  const allocatedSplit = split(allocated);
  const availableText = `${formatPounds(availableTotal)}${per} available${split(availableTotals) ? ` (${split(availableTotals)})` : ''}`;
  return funding.allocations.length === 0
    ? `${funding.fund}: ${availableText}; nothing allocated yet.`
    : `${formatPounds(allocatedTotal)}${per} allocated from ${funding.fund}${allocatedSplit ? ` (${allocatedSplit})` : ''}, of ${availableText}.`;
}

function entry(options: FeedOptions, decision: DecisionModel): { xml: string; updated: string } {
  const { site } = options;
  const url = absoluteUrl(site, decisionUrl(decision.partnershipId, decision.id));
  const published = toTimestamp(decision.date);
  const updated = options.lastModified?.(decision.file) ?? published;
  const partnership = options.partnerships.get(decision.partnershipId)?.name ?? decision.partnershipId;
  const lines = [
    `<entry>`,
    `<id>${escapeXml(url)}</id>`,
    `<title type="text">${escapeXml(decision.title)}</title>`,
    `<link rel="alternate" type="text/html" href="${escapeXml(url)}"/>`,
    `<published>${published}</published>`,
    `<updated>${updated}</updated>`,
  ];
  let summary: string;
  if (decision.public) {
    const status = DECISION_STATUS_LABELS[decision.status].text;
    lines.push(`<author><name>${escapeXml(decision.decision_maker)}</name></author>`);
    lines.push(`<category scheme="${escapeXml(absoluteUrl(site, STATUS_SCHEME))}" term="${decision.status}" label="${escapeXml(status)}"/>`);
    for (const kind of decision.kind) {
      lines.push(`<category scheme="${escapeXml(absoluteUrl(site, KIND_SCHEME))}" term="${kind}" label="${escapeXml(DECISION_KIND_LABELS[kind])}"/>`);
    }
    summary = [
      `${partnership}. Date: ${formatDate(decision.date)}. Decision maker: ${decision.decision_maker}. Status: ${status}.`,
      decision.funding ? `Funding: ${fundingSummary(decision.funding)}` : '',
    ].filter(Boolean).join(' ');
  } else {
    summary = `${partnership}. Date: ${formatDate(decision.date)}. Exempt from publication: only the title and date are published.`;
  }
  lines.push(`<summary type="text">${escapeXml(summary)}</summary>`, `</entry>`);
  return { xml: lines.join('\n'), updated };
}

/** An Atom feed of decisions, as an XML document. */
export function decisionsFeed(options: FeedOptions): string {
  const { site } = options;
  const feedUrl = absoluteUrl(site, options.path);
  const entries = options.decisions.map((d) => entry(options, d));
  const updated = latestTimestamp(entries.map((e) => e.updated)) ?? options.emptyUpdated;
  return [
    `<?xml version="1.0" encoding="utf-8"?>`,
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en-GB">`,
    `<id>${escapeXml(feedUrl)}</id>`,
    `<title type="text">${escapeXml(options.title)}</title>`,
    `<subtitle type="text">${escapeXml(options.subtitle)}</subtitle>`,
    `<link rel="self" type="application/atom+xml" href="${escapeXml(feedUrl)}"/>`,
    `<link rel="alternate" type="text/html" href="${escapeXml(absoluteUrl(site, options.pagePath))}"/>`,
    `<updated>${updated}</updated>`,
    `<author><name>${escapeXml(site.publisher)}</name><uri>${escapeXml(absoluteUrl(site, '/'))}</uri></author>`,
    `<rights type="text">${escapeXml(site.licence)}</rights>`,
    ...entries.map((e) => e.xml),
    `</feed>`,
    '',
  ].join('\n');
}
