/**
 * Money attribution, as the contract states it: the register's amount for a
 * decision comes from `decides`, or from the allocations this decision makes
 * (`allocated_by: this-decision`); allocations made elsewhere are a record,
 * attributed to whoever made them, on their own date. The feeds, the CSV,
 * decisions.json, 360Giving and schema.org all take who made an allocation,
 * when, and what a decision's amount is from here, so none can disagree.
 */
import type { DecisionModel, FundingModel } from '../model/index.ts';
import { recordedTotal } from '../rules/funding.ts';

/** Who made the allocations a funding table lists, and when, in the words exports use. */
export interface AllocationMaker {
  /** Who made them: the decision maker for this decision, else the partnership's name or the name written. */
  name: string;
  /** The partnership's id, when a partnership of the register made them. */
  partnershipId?: string;
  /** When they were made: the decision's date for this decision once approved (else none were made), else `allocated_on`; undefined when not recorded. */
  date?: string;
  /** True when the table names this decision as making them (its status says whether it did). */
  byThisDecision: boolean;
}

/**
 * Who made a funding table's allocations; undefined when the table does not
 * say (`allocated_by` absent), because then nobody can be named.
 *
 * @param partnershipName a partnership's name by its id, for allocations made by a partnership of the register
 * @example
 * allocationMaker(decision, { ...funding, allocator: { type: 'named', name: 'Vale Forum' }, allocated_on: '2011-10' }, name)
 * // { name: 'Vale Forum', date: '2011-10', byThisDecision: false }
 */
export function allocationMaker(
  decision: Pick<DecisionModel, 'decision_maker' | 'date' | 'status'>,
  funding: Pick<FundingModel, 'allocator' | 'allocated_on'>,
  partnershipName: (id: string) => string | undefined,
): AllocationMaker | undefined {
  const { allocator } = funding;
  if (!allocator) return undefined;
  if (allocator.type === 'this-decision') {
    // A decision that was not approved made nothing on its date, so its date is no allocation date.
    return { name: decision.decision_maker, ...(ownMoneyAllocated(decision) ? { date: decision.date } : {}), byThisDecision: true };
  }
  const date = funding.allocated_on ?? undefined;
  if (allocator.type === 'partnership') {
    return { name: partnershipName(allocator.id) ?? allocator.id, partnershipId: allocator.id, ...(date ? { date } : {}), byThisDecision: false };
  }
  return { name: allocator.name, ...(date ? { date } : {}), byThisDecision: false };
}

/** The register's amount for a decision, in whole pence: per stream (null where its source gives none) and in total. */
export interface DecisionAmount {
  revenue: number | null;
  capital: number | null;
  total: number;
  /** Where it comes from: the table's `decides`, or the allocations this decision makes. */
  basis: 'decides' | 'allocations';
}

/**
 * The register's amount for a decision (`decidedAmount`), with the streams
 * its source actually gives; undefined when the table does not record one,
 * which exports state as "not recorded", never as nothing.
 *
 * @example
 * decisionAmount(sumFunding({ fund: 'PRG', available: { revenue: 500 }, decides: { revenue: 300 } }))
 * // { revenue: 30000, capital: null, total: 30000, basis: 'decides' }
 */
export function decisionAmount(funding: FundingModel): DecisionAmount | undefined {
  const amount = funding.decidedAmount;
  if (!amount) return undefined;
  const total = recordedTotal(amount);
  if (total == null) return undefined;
  // The allocations this decision makes: a stream the table speaks of sums its items (0 when none gives
  // it, as with `allocations: []`); one it never mentions stays null, so the streams add up to the total.
  return { revenue: amount.revenue, capital: amount.capital, total, basis: funding.decides ? 'decides' : 'allocations' };
}

/**
 * Whether a decision's own money (its `decides`, or the allocations it makes)
 * was allocated: only when the decision was approved. A proposed, rejected,
 * deferred or noted decision gave none, so no export may give it as awarded.
 *
 * @example
 * ownMoneyAllocated({ status: 'rejected' }) // false
 */
export function ownMoneyAllocated(decision: Pick<DecisionModel, 'status'>): boolean {
  return decision.status === 'approved';
}
