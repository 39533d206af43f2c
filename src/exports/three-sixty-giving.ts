/**
 * `grants-360giving.json`: the register's grants in the 360Giving Data
 * Standard (standard.threesixtygiving.org, schema 1.4), so funders' and
 * researchers' tools can read the register's money with everyone else's.
 *
 * 360Giving is a register of grants awarded, so it holds only money that was
 * awarded, by its real maker on its real date (the contract's "Money attribution"):
 * - an allocation this decision makes (`allocated_by: this-decision`) is a
 *   grant by the decision maker, on the decision's date, when the decision
 *   was approved; a rejected, deferred or noted decision awarded nothing, and a
 *   proposed one records no outcome, so neither gives a grant;
 * - an allocation made elsewhere, which the decision only records, is a grant
 *   by whoever `allocated_by` names, on its `allocated_on`, and only when both
 *   are known (whatever became of the decision that records it: it was made
 *   elsewhere); otherwise it is left out (as is an allocation whose maker is
 *   not recorded);
 * - an approved decision whose table gives `decides` and makes no allocations
 *   itself is one grant of that amount, by the decision maker, on its date.
 * `allocationsLeftOutOf360Giving` counts what is left out, by reason, for /data/.
 *
 * How the register's facts fill the standard's other required fields:
 * - `id`: the register's prefix, then partnership, decision and item (just
 *   partnership and decision for a `decides` grant), so it stays the same from
 *   build to build while those ids do.
 * - `recipientOrganization`: the partnership the money was allocated through,
 *   because the register records what money is for, not who received it. No
 *   organisation has a charity or company number in the register, so each
 *   takes an id made from the register's prefix, as the standard's guidance
 *   allows for organisations without one; a partnership has the same id as
 *   funder and as recipient.
 * - `awardDate`: a partial date (`2011`) gives the first day of its period,
 *   and the description says the date as recorded.
 * - the revenue/capital split: `classifications`, one per stream given, with
 *   the status of the decision that records the grant beside them, because a
 *   proposed or rejected allocation is not money paid.
 */
import type { Model, SiteModel } from '../model/index.ts';
import { penceToDecimal, formatPounds } from '../model/money.ts';
import { slugify } from '../schemas/index.ts';
import { datePhrase, formatDate, plural } from '../site/format.ts';
import { DECISION_STATUS_LABELS } from '../site/labels.ts';
import { DATA_URL, HOME_URL, dataFileUrl, decisionUrl, partnershipUrl } from '../site/urls.ts';
import { allocationRows, type AllocationRow } from './allocations.ts';
import { decisionAmount, ownMoneyAllocated } from './attribution.ts';
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

/** What one grant says, before it is written in the standard's shape. */
interface GrantFacts {
  /** The id's last part after the prefix: partnership, decision and, for an allocation, its item. */
  idSuffix: string;
  title: string;
  /** The first sentence of the description: what, from which fund, by whom, when, recorded where. */
  lead: string;
  revenue: number | null | undefined;
  capital: number | null | undefined;
  outcomes?: string | null;
  /** True for an allocation made elsewhere, which the decision only records. */
  recorded: boolean;
  funder: { id: string; name: string };
  awardDate: string;
  row: Pick<AllocationRow, 'partnership' | 'decision'>;
}

function grant(site: SiteModel, prefix: string, facts: GrantFacts, dateModified: string | undefined) {
  const { partnership, decision } = facts.row;
  const { funding } = decision;
  const statusText = DECISION_STATUS_LABELS[decision.status].text;
  const description = [
    facts.lead,
    `${facts.recorded ? 'Status of the decision that records it' : 'Decision status'}: ${statusText.toLowerCase()}.`,
    facts.outcomes ? `Outcomes: ${facts.outcomes}` : '',
    isPartialDate(facts.awardDate) ? `The award is dated ${formatDate(facts.awardDate)}; awardDate gives the first day of that period.` : '',
  ].filter(Boolean).join(' ');
  const streams = (['revenue', 'capital'] as const).filter((s) => facts[s] != null);
  return {
    id: `${prefix}-${facts.idSuffix}`,
    title: grantTitle(facts.title),
    description,
    currency: 'GBP',
    amountAwarded: pounds((facts.revenue ?? 0) + (facts.capital ?? 0)),
    awardDate: toFullDate(facts.awardDate),
    url: absoluteUrl(site, decisionUrl(partnership.id, decision.id)),
    ...(dateModified ? { dateModified } : {}),
    fundingOrganization: [facts.funder],
    recipientOrganization: [{ id: partnershipOrganizationId(prefix, partnership.id), name: partnership.name, url: absoluteUrl(site, partnershipUrl(partnership.id)) }],
    grantProgramme: [{ code: slugify(funding.fund) || 'fund', title: funding.fund }],
    classifications: [
      ...streams.map((s) => ({
        vocabulary: STREAM_VOCABULARY,
        code: s,
        title: s === 'revenue' ? 'Revenue' : 'Capital',
        description: `${penceToDecimal(facts[s] ?? 0)} GBP (${formatPounds(facts[s] ?? 0)})`,
      })),
      { vocabulary: STATUS_VOCABULARY, code: decision.status, title: statusText },
    ],
  };
}

/** A partnership's organisation id, the same whether it funds or receives. */
const partnershipOrganizationId = (prefix: string, partnershipId: string) => `${prefix}-partnership-${partnershipId}`;

/** An organisation named only in words: an id from its name. */
const namedOrganizationId = (prefix: string, name: string) => `${prefix}-org-${slugify(name) || 'funder'}`;

/** Why an allocation, or a decided amount, is not a grant. */
type LeftOutReason = 'noMaker' | 'noDate' | 'notApproved';

/**
 * The grant one allocation row gives: one when its maker and date are known
 * (this decision, when approved, or a maker elsewhere with `allocated_on`);
 * otherwise why there is none.
 */
function allocationGrantFacts(prefix: string, row: AllocationRow, itemSlug: string): GrantFacts | LeftOutReason {
  const { partnership, decision, allocation, maker } = row;
  if (!maker) return 'noMaker';
  if (maker.byThisDecision && !ownMoneyAllocated(decision)) return 'notApproved';
  if (!maker.date) return 'noDate';
  const { funding } = decision;
  const yearly = funding.per === 'year' ? ' (a yearly figure)' : '';
  const lead = maker.byThisDecision
    ? `${allocation.item}: allocated from ${funding.fund}${yearly} by ${decision.decision_maker} in “${decision.title}”, ${formatDate(decision.date)}.`
    : `${allocation.item}: allocated from ${funding.fund}${yearly} by ${maker.name} ${datePhrase(maker.date)}, as recorded in “${decision.title}” (${decision.decision_maker}, ${formatDate(decision.date)}).`;
  return {
    idSuffix: `${partnership.id}-${decision.id}-${itemSlug}`,
    title: allocation.item,
    lead,
    revenue: allocation.revenue,
    capital: allocation.capital,
    outcomes: allocation.outcomes,
    recorded: !maker.byThisDecision,
    funder: maker.partnershipId
      ? { id: partnershipOrganizationId(prefix, maker.partnershipId), name: maker.name }
      : { id: namedOrganizationId(prefix, maker.name), name: maker.name },
    awardDate: maker.date,
    row,
  };
}

/**
 * The grant a decision's own `decides` gives, when it makes no allocations of
 * its own (those are its grants, item by item, and `decides` their sum):
 * none when it decides nothing, and 'notApproved' when it was not approved.
 */
function decidesGrantFacts(prefix: string, row: Pick<AllocationRow, 'partnership' | 'decision'>): GrantFacts | 'notApproved' | undefined {
  const { partnership, decision } = row;
  const { funding } = decision;
  const amount = decisionAmount(funding);
  if (!amount || amount.basis !== 'decides') return undefined;
  if (funding.allocator?.type === 'this-decision' && (funding.allocations ?? []).length > 0) return undefined;
  if (!ownMoneyAllocated(decision)) return 'notApproved';
  const yearly = funding.per === 'year' ? ' (a yearly figure)' : '';
  return {
    idSuffix: `${partnership.id}-${decision.id}`,
    title: decision.title,
    lead: `${formatPounds(amount.total)} from ${funding.fund}${yearly}, decided by ${decision.decision_maker} in “${decision.title}”, ${formatDate(decision.date)}.`,
    revenue: amount.revenue,
    capital: amount.capital,
    recorded: false,
    funder: { id: namedOrganizationId(prefix, decision.decision_maker), name: decision.decision_maker },
    awardDate: decision.date,
    row,
  };
}

/**
 * What `grants-360giving.json` leaves out, by reason: allocations whose maker
 * is not recorded (nor, then, when they were made); allocations made elsewhere
 * whose maker is recorded but not their date; and the allocations and decided
 * amounts of decisions that were not approved, for which no award is recorded.
 */
export interface GrantsLeftOut {
  noMaker: number;
  noDate: number;
  notApproved: number;
  /** Amounts a decision decides without listing allocations of its own, when it was not approved. */
  amountsNotApproved: number;
}

/** The grants of a register, in its order, and what could not be given as grants. */
function givingGrants(model: Pick<Model, 'site' | 'decisions' | 'partnerships'>): { facts: GrantFacts[]; leftOut: GrantsLeftOut } {
  const prefix = grantPrefix(model.site);
  const rowsOf = new Map<AllocationRow['decision'], AllocationRow[]>();
  for (const row of allocationRows(model)) {
    const list = rowsOf.get(row.decision);
    if (list) list.push(row);
    else rowsOf.set(row.decision, [row]);
  }
  const partnerships = new Map(model.partnerships.map((p) => [p.id, p]));
  const facts: GrantFacts[] = [];
  const leftOut: GrantsLeftOut = { noMaker: 0, noDate: 0, notApproved: 0, amountsNotApproved: 0 };
  for (const decision of model.decisions) {
    const partnership = partnerships.get(decision.partnershipId);
    if (!decision.public || !decision.funding || !partnership) continue;
    const row = { partnership, decision: decision as AllocationRow['decision'] };
    const decided = decidesGrantFacts(prefix, row);
    if (decided === 'notApproved') leftOut.amountsNotApproved++;
    else if (decided) facts.push(decided);
    const own = rowsOf.get(row.decision) ?? [];
    // Items are unique per table by name, but two names can share a slug; number repeats.
    const slugs = uniqueSlugs(own.map((r) => r.allocation.item));
    own.forEach((r, i) => {
      const allocation = allocationGrantFacts(prefix, r, slugs[i]);
      if (typeof allocation === 'string') leftOut[allocation]++;
      else facts.push(allocation);
    });
  }
  return { facts, leftOut };
}

/**
 * What published allocations and decided amounts `grants-360giving.json`
 * leaves out, and why. The /data/ page states it, as the contract asks.
 *
 * @example
 * allocationsLeftOutOf360Giving(model) // { noMaker: 1, noDate: 1, notApproved: 2, amountsNotApproved: 1 }
 */
export function allocationsLeftOutOf360Giving(model: Pick<Model, 'site' | 'decisions' | 'partnerships'>): GrantsLeftOut {
  return givingGrants(model).leftOut;
}

/**
 * What is left out of the grants, and why, in a sentence: each reason said
 * only of the allocations it applies to.
 *
 * @example
 * grantsLeftOutText({ noMaker: 2, noDate: 1, notApproved: 0, amountsNotApproved: 1 })
 * // 'Left out: 2 allocations, because the register does not record who made them; 1 allocation made elsewhere,
 * //  because the register records who made it but not when; 1 amount that a decision itself was to allocate, because
 * //  no award is recorded: the decision was not approved (proposed, with no outcome recorded; or rejected, deferred or noted).'
 */
export function grantsLeftOutText(leftOut: GrantsLeftOut): string {
  const them = (count: number) => (count === 1 ? 'it' : 'them');
  const notApproved = [
    leftOut.notApproved ? plural(leftOut.notApproved, 'allocation') : '',
    leftOut.amountsNotApproved ? plural(leftOut.amountsNotApproved, 'amount') : '',
  ].filter(Boolean);
  const decisions = leftOut.notApproved + leftOut.amountsNotApproved === 1
    ? 'that a decision itself was to allocate, because no award is recorded: the decision was not approved (proposed, with no outcome recorded; or rejected, deferred or noted)'
    : 'that decisions themselves were to allocate, because no award is recorded: those decisions were not approved (each proposed, with no outcome recorded; or rejected, deferred or noted)';
  const parts = [
    leftOut.noMaker ? `${plural(leftOut.noMaker, 'allocation')}, because the register does not record who made ${them(leftOut.noMaker)}` : '',
    leftOut.noDate ? `${plural(leftOut.noDate, 'allocation')} made elsewhere, because the register records who made ${them(leftOut.noDate)} but not when` : '',
    notApproved.length
      ? `${notApproved.join(' and ')} ${decisions}`
      : '',
  ].filter(Boolean);
  return parts.length ? `Left out: ${parts.join('; ')}.` : 'No allocation is left out.';
}

/**
 * The 360Giving package: `{ grants: [...] }` with the standard's package
 * metadata. The standard asks for at least one grant; a register with no
 * grants publishes an empty list, which the /data/ page explains.
 *
 * @param lastModified when a decision's file last changed (from git), for `dateModified`; optional.
 */
export function grants360Giving(model: Pick<Model, 'site' | 'decisions' | 'partnerships'>, lastModified: (file: string) => string | undefined = () => undefined) {
  const { site } = model;
  const prefix = grantPrefix(site);
  const { facts, leftOut } = givingGrants(model);
  const grants = facts.map((f) => grant(site, prefix, f, lastModified(f.row.decision.file)));
  const license = licenceUrl(site.licence);
  return {
    grants,
    version: GIVING_SCHEMA_VERSION,
    title: `${site.title}: grants`,
    description: `The grants awarded in ${site.title}: each allocation as a grant by whoever made it, on the date it was made, and the amount an approved decision decides when it makes no allocations itself. ${grantsLeftOutText(leftOut)}`,
    publisher: { name: site.publisher, website: absoluteUrl(site, HOME_URL) },
    ...(license ? { license } : {}),
    accessURL: absoluteUrl(site, DATA_URL),
    downloadURL: absoluteUrl(site, dataFileUrl('grants-360giving.json')),
  };
}
