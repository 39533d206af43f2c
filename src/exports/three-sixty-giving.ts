/**
 * `grants-360giving.json`: one grant per published allocation, in the
 * 360Giving Data Standard (standard.threesixtygiving.org, schema 1.4), so
 * funders' and researchers' tools can read the register's money with
 * everyone else's.
 *
 * How the register's facts fill the standard's required fields:
 * - `id`: the register's prefix, then partnership, decision and item, so it
 *   stays the same from build to build while those ids do.
 * - `fundingOrganization`: the funding table's `accountable_body`, else the
 *   decision maker. `recipientOrganization`: the partnership the allocation was
 *   made through, because the register records what money is for, not who
 *   received it. Neither has a charity or company number in the register, so
 *   both take ids made from the register's prefix, as the standard's guidance
 *   allows for organisations without one.
 * - `awardDate`: the decision's date; a partial date (`2011`) gives the first
 *   day of its period, and the description says the date as recorded.
 * - the revenue/capital split: `classifications`, one per stream given, with
 *   the decision's status beside them, because a proposed or rejected
 *   allocation is not money paid.
 */
import type { Model, SiteModel } from '../model/index.ts';
import { penceToDecimal, formatPounds } from '../model/money.ts';
import { slugify } from '../schemas/index.ts';
import { formatDate } from '../site/format.ts';
import { DECISION_STATUS_LABELS } from '../site/labels.ts';
import { decisionUrl, partnershipUrl } from '../site/urls.ts';
import { allocationRows, type AllocationRow } from './allocations.ts';
import { isPartialDate, toFullDate } from './dates.ts';
import { absoluteUrl, licenceUrl } from './site-links.ts';
import { uniqueSlugs } from './popolo.ts';

/** The schema version the file follows, as its `version` states it. */
export const GIVING_SCHEMA_VERSION = '1.4';

/**
 * The register's 360Giving prefix: `360G-` and the site's host name. A
 * publisher registered with 360Giving has a prefix of its own to use instead.
 *
 * @example
 * grantPrefix({ base_url: 'https://partnerships.example.org' }) // '360G-partnerships-example-org'
 */
export function grantPrefix(site: Pick<SiteModel, 'base_url'>): string {
  return `360G-${slugify(new URL(site.base_url).hostname)}`;
}

/** Vocabularies of the classifications the register adds, named so readers can tell them apart. */
export const STREAM_VOCABULARY = 'Partnership Register: funding stream';
export const STATUS_VOCABULARY = 'Partnership Register: decision status';

/** The standard asks for titles under 140 characters; the description always starts with the whole item. */
const TITLE_MAX = 140;

/**
 * A grant title within the standard's length, cut at a character (never inside one) with an ellipsis.
 *
 * @example
 * grantTitle('Warm Homes') // 'Warm Homes'
 */
export function grantTitle(item: string): string {
  const characters = Array.from(item);
  return characters.length < TITLE_MAX ? item : `${characters.slice(0, TITLE_MAX - 2).join('').trimEnd()}…`;
}

/** Amounts in pounds as JSON numbers: whole pence divided by 100 print exactly (12345.67). */
const pounds = (pence: number) => pence / 100;

function grant(site: SiteModel, prefix: string, row: AllocationRow, itemSlug: string, dateModified: string | undefined) {
  const { partnership, decision, allocation, total } = row;
  const { funding } = decision;
  const funder = funding.accountable_body ?? decision.decision_maker;
  const statusText = DECISION_STATUS_LABELS[decision.status].text;
  const description = [
    `${allocation.item}: allocated from ${funding.fund}${funding.per === 'year' ? ' (a yearly figure)' : ''} by ${decision.decision_maker} in “${decision.title}”, ${formatDate(decision.date)}.`,
    `Decision status: ${statusText.toLowerCase()}.`,
    allocation.outcomes ? `Outcomes: ${allocation.outcomes}` : '',
    isPartialDate(decision.date) ? `The decision is dated ${formatDate(decision.date)}; awardDate gives the first day of that period.` : '',
  ].filter(Boolean).join(' ');
  const streams = (['revenue', 'capital'] as const).filter((s) => allocation[s] != null);
  return {
    id: `${prefix}-${partnership.id}-${decision.id}-${itemSlug}`,
    title: grantTitle(allocation.item),
    description,
    currency: 'GBP',
    amountAwarded: pounds(total),
    awardDate: toFullDate(decision.date),
    url: absoluteUrl(site, decisionUrl(partnership.id, decision.id)),
    ...(dateModified ? { dateModified } : {}),
    fundingOrganization: [{ id: `${prefix}-org-${slugify(funder) || 'funder'}`, name: funder }],
    recipientOrganization: [{ id: `${prefix}-partnership-${partnership.id}`, name: partnership.name, url: absoluteUrl(site, partnershipUrl(partnership.id)) }],
    grantProgramme: [{ code: slugify(funding.fund) || 'fund', title: funding.fund }],
    classifications: [
      ...streams.map((s) => ({
        vocabulary: STREAM_VOCABULARY,
        code: s,
        title: s === 'revenue' ? 'Revenue' : 'Capital',
        description: `${penceToDecimal(allocation[s] ?? 0)} GBP (${formatPounds(allocation[s] ?? 0)})`,
      })),
      { vocabulary: STATUS_VOCABULARY, code: decision.status, title: statusText },
    ],
  };
}

/**
 * The 360Giving package: `{ grants: [...] }` with the standard's package
 * metadata. The standard asks for at least one grant; a register with no
 * allocations publishes an empty list, which the /data/ page explains.
 *
 * @param lastModified when a decision's file last changed (from git), for `dateModified`; optional.
 */
export function grants360Giving(model: Pick<Model, 'site' | 'decisions' | 'partnerships'>, lastModified: (file: string) => string | undefined = () => undefined) {
  const { site } = model;
  const prefix = grantPrefix(site);
  const rows = allocationRows(model);
  // Items are unique per table by name, but two names can share a slug; number repeats.
  const slugs = new Map<string, string[]>();
  const grants = rows.map((row) => {
    const key = `${row.partnership.id}/${row.decision.id}`;
    let list = slugs.get(key);
    if (!list) {
      list = uniqueSlugs(row.decision.funding.allocations.map((a) => a.item));
      slugs.set(key, list);
    }
    return grant(site, prefix, row, list[row.decision.funding.allocations.indexOf(row.allocation)], lastModified(row.decision.file));
  });
  const license = licenceUrl(site.licence);
  return {
    grants,
    version: GIVING_SCHEMA_VERSION,
    title: `${site.title}: grants`,
    description: `Every allocation in the funding tables of ${site.title}, one grant each.`,
    publisher: { name: site.publisher, website: absoluteUrl(site, '/') },
    ...(license ? { license } : {}),
    accessURL: absoluteUrl(site, '/data/'),
    downloadURL: absoluteUrl(site, '/data/grants-360giving.json'),
  };
}
