/**
 * Atom feeds of decisions (RFC 4287), so residents can follow the register, or
 * one partnership, in a feed reader without visiting.
 *
 * Dates: `published` is the decision's date; a partial date (`2011`) stands
 * for the first day of its period (see dates.ts) and the summary says the date
 * as recorded. `updated` is when the decision's file last changed in git,
 * because that is when the entry changed (a proposal approved, an outcome
 * added); without history it is the decision's date. The feed's `updated` is
 * its newest entry's, so the same content and history give the same bytes;
 * with no entries it is `emptyUpdated` (see feed-updated.ts), never the epoch.
 */
import type { DecisionModel, FundingModel, PartnershipModel, SiteModel } from '../model/index.ts';
import { formatPounds } from '../model/money.ts';
import { recordedTotal } from '../rules/funding.ts';
import { datePhrase, formatDate } from '../site/format.ts';
import { citedSourceTitle, decidedMoneySentence } from '../site/funding-view.ts';
import { DECISION_KIND_LABELS, DECISION_STATUS_LABELS } from '../site/labels.ts';
import { DATA_URL, FEED_STYLESHEET_URL, HOME_URL, decisionUrl, partnershipUrl } from '../site/urls.ts';
import { allocationMaker, decisionAmount } from './attribution.ts';
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
  /** Partnerships by id, to name each decision's partnership, and a partnership that made a decision's allocations. */
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
  return `${partnershipUrl(partnershipId)}decisions.xml`;
}

/** Where the categories' terms are explained: sections of the open data page. */
export const STATUS_SCHEME = `${DATA_URL}#decision-status`;
export const KIND_SCHEME = `${DATA_URL}#decision-kind`;

/**
 * A decision's funding in a sentence or two, for feed summaries. The amount
 * is the register's amount for the decision (`decides`, or the allocations it
 * makes), worded by its status as the page words it (allocated only when
 * approved), or "amount not recorded"; allocations the decision only records are
 * described as made by whoever made them, never as this decision's.
 *
 * @param partnershipName a partnership's name by its id, for allocations made by a partnership of the register
 * @param partnershipSources the decision's partnership's sources, for a table that cites one of them
 * @example
 * fundingSummary(decision, name)
 * // 'This decision allocates £135,000.00 from Performance Reward Grant (revenue £35,000.00, capital £100,000.00),
 * //  of £647,446.00 available (revenue £357,535.40, capital £289,910.60).'
 * // or, rejected: 'This decision was asked to allocate £900,000.00 from Green fund (revenue £900,000.00), of …;
 * //  the decision was rejected, so none was allocated.'
 * // or: 'Performance Reward Grant: amount not recorded; £647,446.00 available (…). Allocations made by
 * //  Lancaster District LSP on 14 October 2011, recorded in this report: £530,000.00 (…).'
 */
export function fundingSummary(
  decision: Pick<DecisionModel, 'decision_maker' | 'date' | 'report' | 'status' | 'sources'> & { funding: FundingModel },
  partnershipName: (id: string) => string | undefined,
  partnershipSources?: readonly { id: string; title: string }[] | null,
): string {
  const { funding } = decision;
  const split = (t: { revenue: number | null; capital: number | null }) => {
    const parts = [t.revenue ? `revenue ${formatPounds(t.revenue)}` : '', t.capital ? `capital ${formatPounds(t.capital)}` : ''].filter(Boolean).join(', ');
    return parts ? ` (${parts})` : '';
  };
  const per = funding.per === 'year' ? ' a year' : '';
  const { availableTotals } = funding;
  const available = `${formatPounds(recordedTotal(availableTotals) ?? 0)}${per} available${split(availableTotals)}`;
  const amount = decisionAmount(funding);
  const sentences = [
    // Worded by the decision's status: money a rejected, deferred or noted decision did not allocate is never "decided".
    amount
      ? decidedMoneySentence(decision.status, `${formatPounds(amount.total)}${per} from ${funding.fund}${split(amount)}, of ${available}`)
      : `${funding.fund}, amount not recorded; ${available}.`,
  ];
  const maker = allocationMaker(decision, funding, partnershipName);
  // Allocations made elsewhere are a record of someone else's decision: said as such, and never added to this decision's amount.
  if (funding.allocations && funding.allocated && !maker?.byThisDecision) {
    const { allocated } = funding;
    // Where the table says they are recorded: the source it cites, else the report, which only a decision with one has.
    const cited = citedSourceTitle(decision, partnershipSources);
    const where = cited ? `recorded in “${cited}”` : decision.report ? 'recorded in this report' : 'recorded here';
    const figure = funding.allocations.length === 0 ? 'none' : `${formatPounds(recordedTotal(allocated) ?? 0)}${per}${split(allocated)}`;
    sentences.push(maker
      ? `Allocations made by ${maker.name} ${maker.date ? datePhrase(maker.date) : '(date not recorded)'}, ${where}: ${figure}.`
      : `Allocations ${where}, by whom not recorded: ${figure}.`);
  }
  return sentences.join(' ');
}

function entry(options: FeedOptions, decision: DecisionModel): { xml: string; updated: string } {
  const { site } = options;
  const url = absoluteUrl(site, decisionUrl(decision.partnershipId, decision.id));
  const published = toTimestamp(decision.date);
  const updated = options.lastModified?.(decision.file) ?? published;
  const partnership = options.partnerships.get(decision.partnershipId)?.name ?? decision.partnershipId;
  const partnershipName = (id: string) => options.partnerships.get(id)?.name;
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
      decision.funding ? `Funding: ${fundingSummary({ ...decision, funding: decision.funding }, partnershipName, options.partnerships.get(decision.partnershipId)?.sources)}` : '',
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
    // Browsers show the feed as a readable page through this stylesheet; feed readers ignore it.
    `<?xml-stylesheet type="text/xsl" href="${FEED_STYLESHEET_URL}"?>`,
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en-GB">`,
    `<id>${escapeXml(feedUrl)}</id>`,
    `<title type="text">${escapeXml(options.title)}</title>`,
    `<subtitle type="text">${escapeXml(options.subtitle)}</subtitle>`,
    `<link rel="self" type="application/atom+xml" href="${escapeXml(feedUrl)}"/>`,
    `<link rel="alternate" type="text/html" href="${escapeXml(absoluteUrl(site, options.pagePath))}"/>`,
    `<updated>${updated}</updated>`,
    `<author><name>${escapeXml(site.publisher)}</name><uri>${escapeXml(absoluteUrl(site, HOME_URL))}</uri></author>`,
    `<rights type="text">${escapeXml(site.licence)}</rights>`,
    ...entries.map((e) => e.xml),
    `</feed>`,
    '',
  ].join('\n');
}
