/**
 * `/changes.xml`: what changed, as an Atom feed (RFC 4287), from the same log
 * as `/changes/` (src/site/scrutiny/changes.ts): decisions, structures
 * proposed, adopted or superseded, and edits to pages, newest first.
 *
 * Dates follow the decisions feed: a decision's or structure's date as a
 * timestamp, a partial date standing for the first day of its period (the
 * summary gives the date as recorded); an edit's is its commit's. A feed reader
 * wants what is new, so the feed holds the newest `CHANGES_FEED_ENTRIES`; the
 * page for each year holds the rest. A structure whose date is not recorded
 * has no place in a dated feed and is left to the page. Each entry's id is
 * where the change is always listed: its id on the page of its year.
 */
import type { HistoryIndex } from '../history/index.ts';
import { commitUrl } from '../history/index.ts';
import type { Model } from '../model/index.ts';
import { datePrecision } from '../schemas/index.ts';
import { formatDate, plural } from '../site/format.ts';
import { DECISION_STATUS_LABELS } from '../site/labels.ts';
import { indexModel } from '../site/lookup.ts';
import { changeLog, changeUrl, type DatedChange } from '../site/scrutiny/changes.ts';
import { CHANGES_FEED_URL, CHANGES_URL } from '../site/scrutiny/urls.ts';
import { FEED_STYLESHEET_URL, HOME_URL, decisionUrl, structureUrl } from '../site/urls.ts';
import { latestTimestamp, toTimestamp } from './dates.ts';
import { absoluteUrl } from './site-links.ts';
import { escapeXml } from './text.ts';

/** How many of the newest changes the feed holds. */
export const CHANGES_FEED_ENTRIES = 200;

/** How many of an edit's pages an entry links to. */
const PAGES_LINKED = 10;

/** What the feed needs besides the model. */
export interface ChangesFeedOptions {
  /** The content's git history, read once per build; without it the feed holds decisions and structures only. */
  history: HistoryIndex;
  /** The feed's `updated` when it has no entries (RFC 3339). */
  emptyUpdated: string;
  /** How many entries at most (default `CHANGES_FEED_ENTRIES`). */
  limit?: number;
}

/** One entry's parts, before they are written out. */
interface EntryParts {
  id: string;
  title: string;
  /** The page the entry is about. */
  href: string;
  /** Further pages, for an edit. */
  related: string[];
  timestamp: string;
  category: { term: string; label: string };
  author?: string;
  summary: string;
}

function parts(model: Model, change: DatedChange): EntryParts {
  const { site } = model;
  const name = (id: string) => indexModel(model).partnership(id)?.name ?? id;
  // Named by where the change is listed: its year's page always lists it, under this id.
  const id = absoluteUrl(site, changeUrl(change));
  if (change.kind === 'decision') {
    const { decision } = change;
    const href = absoluteUrl(site, decisionUrl(decision.partnershipId, decision.id));
    const status = decision.public ? ` Status: ${DECISION_STATUS_LABELS[decision.status].text}.` : ' Exempt from publication: only the title and date are published.';
    return {
      id,
      title: `Decision: ${decision.title}`,
      href,
      related: [],
      timestamp: toTimestamp(change.date),
      category: { term: 'decision', label: 'Decision' },
      ...(decision.public ? { author: decision.decision_maker } : {}),
      summary: `${name(decision.partnershipId)}. Date: ${formatDate(change.date)}.${decision.public ? ` Decision maker: ${decision.decision_maker}.` : ''}${status}`,
    };
  }
  if (change.kind === 'structure') {
    const href = absoluteUrl(site, structureUrl(change.partnershipId, change.structure.id));
    const label = `Structure ${change.event}`;
    return {
      id,
      title: `${label}: ${change.structure.title}`,
      href,
      related: [],
      timestamp: toTimestamp(change.date),
      category: { term: `structure-${change.event}`, label },
      summary: `${name(change.partnershipId)}. ${label} ${datePrecision(change.date) === 'day' ? 'on' : 'in'} ${formatDate(change.date)}: ${change.structure.title}.`,
    };
  }
  const pages = change.pages.map((page) => `${page.text} (${page.partnershipName})`);
  const more = pages.length > PAGES_LINKED ? `, and ${plural(pages.length - PAGES_LINKED, 'more page')}` : '';
  return {
    id,
    title: `${pages.length === 1 ? 'Page edited' : 'Pages edited'}: ${change.commit.subject}`,
    href: site.repository ? commitUrl(site.repository, change.commit.hash) : id,
    related: change.pages.slice(0, PAGES_LINKED).map((page) => absoluteUrl(site, page.href)),
    timestamp: change.commit.date,
    category: { term: 'edit', label: 'Edit' },
    summary: `Edited ${plural(pages.length, 'page')}: ${pages.slice(0, PAGES_LINKED).join('; ')}${more}.`,
  };
}

function entry(p: EntryParts): string {
  return [
    '<entry>',
    `<id>${escapeXml(p.id)}</id>`,
    `<title type="text">${escapeXml(p.title)}</title>`,
    `<link rel="alternate" type="text/html" href="${escapeXml(p.href)}"/>`,
    ...p.related.map((href) => `<link rel="related" type="text/html" href="${escapeXml(href)}"/>`),
    `<published>${p.timestamp}</published>`,
    `<updated>${p.timestamp}</updated>`,
    ...(p.author ? [`<author><name>${escapeXml(p.author)}</name></author>`] : []),
    `<category term="${escapeXml(p.category.term)}" label="${escapeXml(p.category.label)}"/>`,
    `<summary type="text">${escapeXml(p.summary)}</summary>`,
    '</entry>',
  ].join('\n');
}

/**
 * The changes feed, as an XML document: the same content and history give the
 * same bytes.
 *
 * @example
 * changesFeed(model, { history: loadHistory(), emptyUpdated: emptyFeedUpdated(model.partnerships, today()) })
 * // '<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom" …'
 */
export function changesFeed(model: Model, options: ChangesFeedOptions): string {
  const { site } = model;
  const log = changeLog(model, options.history);
  const limit = options.limit ?? CHANGES_FEED_ENTRIES;
  const entries = log.dated.slice(0, limit).map((change) => parts(model, change));
  const feedUrl = absoluteUrl(site, CHANGES_FEED_URL);
  const updated = latestTimestamp(entries.map((e) => e.timestamp)) ?? options.emptyUpdated;
  const edits = log.history.available ? ', and edits to pages' : '';
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<?xml-stylesheet type="text/xsl" href="${FEED_STYLESHEET_URL}"?>`,
    '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en-GB">',
    `<id>${escapeXml(feedUrl)}</id>`,
    `<title type="text">${escapeXml(`What changed: ${site.title}`)}</title>`,
    `<subtitle type="text">${escapeXml(`What changed in ${site.title}: decisions, structures proposed, adopted or superseded${edits}; the newest ${limit} at most, newest first.`)}</subtitle>`,
    `<link rel="self" type="application/atom+xml" href="${escapeXml(feedUrl)}"/>`,
    `<link rel="alternate" type="text/html" href="${escapeXml(absoluteUrl(site, CHANGES_URL))}"/>`,
    `<updated>${updated}</updated>`,
    `<author><name>${escapeXml(site.publisher)}</name><uri>${escapeXml(absoluteUrl(site, HOME_URL))}</uri></author>`,
    `<rights type="text">${escapeXml(site.licence)}</rights>`,
    ...entries.map(entry),
    '</feed>',
    '',
  ].join('\n');
}
