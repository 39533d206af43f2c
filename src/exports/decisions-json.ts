/**
 * `decisions.json`: every decision as the register resolved it. Money is
 * given twice, as whole pence (for sums) and as a decimal pounds string (for
 * reading). Absent optional values are null, so every record has the same
 * keys and nothing unrecorded reads as `false`, `0` or an empty list: a
 * funding table without allocations has `allocations`, `allocated` and
 * `remaining` null, and a stream the table does not record is null within
 * them (its remaining, too, when its available figure is not recorded). `amount` is the register's amount for the decision
 * (`decides`, or the allocations this decision makes), null when not
 * recorded, and money allocated only when `status` beside it is approved;
 * allocations made elsewhere keep their maker in `allocated_by`
 * and their date in `allocated_on`.
 */
import type { DecisionModel, FundingModel, Model, ServedTarget } from '../model/index.ts';
import { recordedTotal } from '../rules/funding.ts';
import { penceToDecimal } from '../schemas/money.ts';
import { decisionReference, type Source } from '../schemas/index.ts';
import { statusDate } from '../site/as-at.ts';
import { decisionUrl } from '../site/urls.ts';
import { allocationMaker, decisionAmount } from './attribution.ts';
import { citationRecords, decisionSourceRecords, discrepancyRecords } from './provenance.ts';
import { absoluteUrl, dataFileHeader } from './site-links.ts';

/** An amount of money in open data. */
export interface MoneyValue {
  /** Whole pence. */
  pence: number;
  /** Pounds as a decimal string, no symbol or separators (`27535.40`). */
  pounds: string;
}

/**
 * Money as open data gives it.
 *
 * @example
 * moneyValue(2753540) // { pence: 2753540, pounds: '27535.40' }
 */
export function moneyValue(pence: number): MoneyValue {
  return { pence, pounds: penceToDecimal(pence) };
}

const optionalMoney = (pence: number | null | undefined) => (pence == null ? null : moneyValue(pence));

function resolvedSupersedes(decision: DecisionModel): string | null {
  if (!decision.supersedes) return null;
  const { partnershipId, decisionId } = decisionReference(decision.supersedes, decision.partnershipId);
  return `${partnershipId}/${decisionId}`;
}

/**
 * What a decision serves, as `<partnership-id>/<strategy-id>/<id>`: an
 * objective of its owner's strategy, or a priority of a partnership's chapter.
 *
 * @example
 * servedReference({ type: 'objective', ownerId: 'worcestershire-partnership', strategyId: 'scs-2011', objectiveId: 'economy' })
 * // 'worcestershire-partnership/scs-2011/economy'
 */
export function servedReference(target: ServedTarget): string {
  return target.type === 'objective'
    ? `${target.ownerId}/${target.strategyId}/${target.objectiveId}`
    : `${target.partnershipId}/${target.strategyId}/${target.priorityId}`;
}

/** A decision's `serves`, resolved: null when it names nothing (not recorded). */
export function servesRecord(decision: Pick<DecisionModel, 'serves' | 'servesResolved'>): string[] | null {
  return decision.serves == null ? null : decision.servesResolved.map(servedReference);
}

const streamsRecord = (streams: { revenue?: number | null; capital?: number | null } | null | undefined) =>
  streams == null ? null : { revenue: optionalMoney(streams.revenue), capital: optionalMoney(streams.capital) };

/** The register's amount for a decision as open data; null when not recorded. */
function amountRecord(funding: FundingModel | undefined) {
  const amount = funding && decisionAmount(funding);
  if (!amount) return null;
  return { revenue: optionalMoney(amount.revenue), capital: optionalMoney(amount.capital), total: moneyValue(amount.total), basis: amount.basis };
}

function allocatedByRecord(funding: FundingModel, partnershipName: (id: string) => string | undefined) {
  const { allocator } = funding;
  if (!allocator) return null;
  if (allocator.type === 'partnership') return { type: allocator.type, id: allocator.id, name: partnershipName(allocator.id) ?? null };
  return allocator;
}

function fundingRecord(decision: DecisionModel, funding: FundingModel, partnershipName: (id: string) => string | undefined) {
  const { allocated, remainingComputed } = funding;
  return {
    fund: funding.fund,
    accountable_body: funding.accountable_body ?? null,
    per: funding.per ?? null,
    available: { revenue: optionalMoney(funding.available.revenue), capital: optionalMoney(funding.available.capital) },
    decides: streamsRecord(funding.decides),
    allocated_by: allocatedByRecord(funding, partnershipName),
    allocated_on: allocationMaker(decision, funding, partnershipName)?.date ?? null,
    // Without a list of allocations nothing is known to be allocated or left: null, never 0; likewise per stream.
    allocated: allocated ? { ...streamsRecord(allocated), total: optionalMoney(recordedTotal(allocated)) } : null,
    remaining: streamsRecord(remainingComputed),
    remaining_stated: streamsRecord(funding.remaining),
    allocations: funding.allocations == null
      ? null
      : funding.allocations.map((a) => ({
          item: a.item,
          revenue: optionalMoney(a.revenue),
          capital: optionalMoney(a.capital),
          total: moneyValue((a.revenue ?? 0) + (a.capital ?? 0)),
          outcomes: a.outcomes ?? null,
          cite: citationRecords(a.cite),
        })),
    contributions: funding.contributions == null
      ? null
      : funding.contributions.map((c) => ({ partner: c.partner, amount: optionalMoney(c.amount), committed: c.committed ?? null, note: c.note ?? null })),
    cite: citationRecords(funding.cite),
    discrepancies: discrepancyRecords(funding.discrepancies),
  };
}

/**
 * One decision as open data. An exempt decision (`public: false`) gives only
 * what its page shows: its title and date.
 *
 * @param partnershipName a partnership's name by its id, to name a partnership that made allocations
 * @param partnershipSources a partnership's `sources` by its id, for the ones the decision cites
 */
export function decisionRecord(
  site: Model['site'], decision: DecisionModel,
  partnershipName: (id: string) => string | undefined = () => undefined,
  partnershipSources: (id: string) => readonly Source[] | null | undefined = () => undefined,
) {
  const identity = {
    id: decision.id,
    partnership_id: decision.partnershipId,
    url: absoluteUrl(site, decisionUrl(decision.partnershipId, decision.id)),
    title: decision.title,
    date: decision.date,
    public: decision.public,
  };
  if (!decision.public) return identity;
  const list = (lines: readonly string[] | null | undefined) => (lines == null ? null : [...lines]);
  return {
    ...identity,
    decision_maker: decision.decision_maker,
    kind: decision.kind,
    status: decision.status,
    status_as_at: decision.status_as_at ?? null,
    // The date its page gives the status: status_as_at, else the latest dated source; a report is undated.
    status_date: statusDate(decision),
    key_decision: decision.key_decision ?? null,
    forward_plan: decision.forward_plan ?? null,
    report: decision.report
      ? {
          title: decision.report.title ?? null,
          author: decision.report.author ?? null,
          reference: decision.report.reference || null,
          publisher: decision.report.publisher ?? null,
          url: decision.report.url ?? null,
        }
      : null,
    sources: decisionSourceRecords(decision, partnershipSources(decision.partnershipId)),
    recommendations: list(decision.recommendations),
    outcome: decision.outcome ?? null,
    options: decision.options == null
      ? null
      : decision.options.map((o) => ({
          title: o.title,
          recommended: o.recommended ?? null,
          advantages: list(o.advantages),
          disadvantages: list(o.disadvantages),
          risks: list(o.risks),
          cite: citationRecords(o.cite),
        })),
    structure: decision.structure ?? null,
    supersedes: resolvedSupersedes(decision),
    superseded_by: decision.supersededBy,
    serves: servesRecord(decision),
    amount: amountRecord(decision.funding),
    funding: decision.funding ? fundingRecord(decision, decision.funding, partnershipName) : null,
    discrepancies: discrepancyRecords(decision.discrepancies),
    narrative: decision.body,
  };
}

/** `decisions.json`: every decision, newest first, with the licence and where the data comes from. */
export function decisionsJson(model: Pick<Model, 'site' | 'decisions' | 'partnerships'>) {
  const byId = new Map(model.partnerships.map((p) => [p.id, p]));
  return {
    ...dataFileHeader(model.site),
    decisions: model.decisions.map((d) => decisionRecord(model.site, d, (id) => byId.get(id)?.name, (id) => byId.get(id)?.sources)),
  };
}
