/**
 * `decisions.json`: every decision as the register resolved it. Money is
 * given twice, as whole pence (for sums) and as a decimal pounds string (for
 * reading); absent optional values are null, so every record has the same keys.
 */
import type { DecisionModel, FundingModel, Model } from '../model/index.ts';
import { penceToDecimal } from '../schemas/money.ts';
import { decisionReference } from '../schemas/index.ts';
import { decisionUrl } from '../site/urls.ts';
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

function fundingRecord(funding: FundingModel) {
  return {
    fund: funding.fund,
    accountable_body: funding.accountable_body ?? null,
    per: funding.per ?? null,
    available: { revenue: optionalMoney(funding.available.revenue), capital: optionalMoney(funding.available.capital) },
    allocated: {
      revenue: moneyValue(funding.allocated.revenue),
      capital: moneyValue(funding.allocated.capital),
      total: moneyValue(funding.allocated.revenue + funding.allocated.capital),
    },
    remaining: { revenue: moneyValue(funding.remainingComputed.revenue), capital: moneyValue(funding.remainingComputed.capital) },
    remaining_stated: funding.remaining ? { revenue: optionalMoney(funding.remaining.revenue), capital: optionalMoney(funding.remaining.capital) } : null,
    allocations: funding.allocations.map((a) => ({
      item: a.item,
      revenue: optionalMoney(a.revenue),
      capital: optionalMoney(a.capital),
      total: moneyValue((a.revenue ?? 0) + (a.capital ?? 0)),
      outcomes: a.outcomes ?? null,
    })),
    contributions: (funding.contributions ?? []).map((c) => ({
      partner: c.partner,
      amount: optionalMoney(c.amount),
      committed: c.committed ?? null,
      note: c.note ?? null,
    })),
  };
}

/**
 * One decision as open data. An exempt decision (`public: false`) gives only
 * what its page shows: its title and date.
 */
export function decisionRecord(site: Model['site'], decision: DecisionModel) {
  const identity = {
    id: decision.id,
    partnership_id: decision.partnershipId,
    url: absoluteUrl(site, decisionUrl(decision.partnershipId, decision.id)),
    title: decision.title,
    date: decision.date,
    public: decision.public,
  };
  if (!decision.public) return identity;
  return {
    ...identity,
    decision_maker: decision.decision_maker,
    kind: decision.kind,
    status: decision.status,
    key_decision: decision.key_decision ?? null,
    forward_plan: decision.forward_plan ?? null,
    report: decision.report
      ? { title: decision.report.title ?? null, author: decision.report.author ?? null, reference: decision.report.reference || null }
      : null,
    recommendations: decision.recommendations ?? [],
    outcome: decision.outcome ?? null,
    options: (decision.options ?? []).map((o) => ({
      title: o.title,
      recommended: o.recommended ?? false,
      advantages: o.advantages ?? [],
      disadvantages: o.disadvantages ?? [],
      risks: o.risks ?? [],
    })),
    structure: decision.structure ?? null,
    supersedes: resolvedSupersedes(decision),
    superseded_by: decision.supersededBy,
    funding: decision.funding ? fundingRecord(decision.funding) : null,
    narrative: decision.body,
  };
}

/** `decisions.json`: every decision, newest first, with the licence and where the data comes from. */
export function decisionsJson(model: Pick<Model, 'site' | 'decisions'>) {
  return {
    ...dataFileHeader(model.site),
    decisions: model.decisions.map((d) => decisionRecord(model.site, d)),
  };
}
