/**
 * Every allocation the site publishes, one row each, in one place, so the CSV,
 * the 360Giving file and the pages cannot disagree about which rows exist or
 * who made each allocation.
 */
import type { DecisionModel, FundingModel, Model, PartnershipModel } from '../model/index.ts';
import { penceToDecimal } from '../model/money.ts';
import { decisionUrl } from '../site/urls.ts';
import { allocationMaker, type AllocationMaker } from './attribution.ts';
import { servesRecord } from './decisions-json.ts';
import { absoluteUrl } from './site-links.ts';
import { toCsv } from './text.ts';

/** One line of a funding table as written. */
export type Allocation = NonNullable<FundingModel['allocations']>[number];

/** One line of a funding table, with the decision and partnership it belongs to. */
export interface AllocationRow {
  partnership: PartnershipModel;
  decision: DecisionModel & { funding: FundingModel };
  allocation: Allocation;
  /** Revenue plus capital, in pence. */
  total: number;
  /** Who made the allocation and when; undefined when the table does not say. */
  maker?: AllocationMaker;
}

/**
 * Every allocation of every public decision, in the register's order: decisions
 * newest first, then the table's own order. An exempt decision's page shows
 * only its title and date, so its funding table is not published here either.
 * A table without `allocations` (not recorded) gives no rows.
 */
export function allocationRows(model: Pick<Model, 'decisions' | 'partnerships'>): AllocationRow[] {
  const partnerships = new Map(model.partnerships.map((p) => [p.id, p]));
  const nameOf = (id: string) => partnerships.get(id)?.name;
  const rows: AllocationRow[] = [];
  for (const decision of model.decisions) {
    const partnership = partnerships.get(decision.partnershipId);
    if (!decision.public || !decision.funding || !partnership) continue;
    const maker = allocationMaker(decision, decision.funding, nameOf);
    for (const allocation of decision.funding.allocations ?? []) {
      rows.push({
        partnership,
        decision: decision as AllocationRow['decision'],
        allocation,
        total: (allocation.revenue ?? 0) + (allocation.capital ?? 0),
        ...(maker ? { maker } : {}),
      });
    }
  }
  return rows;
}

/**
 * The CSV's columns, in order: the first eight as the open-data page lists
 * them, then context, then who made each allocation, when, and what the
 * decision serves (added later, so they come last and older readers keep working).
 */
export const ALLOCATION_COLUMNS = [
  'decision_id', 'date', 'partnership', 'fund', 'item', 'revenue', 'capital', 'total', 'partnership_name', 'status', 'per', 'url',
  'allocated_by', 'allocated_on', 'made_by_this_decision', 'serves',
] as const;

/**
 * What the attribution and link columns hold, for the open-data page to list
 * beside its own descriptions of the others.
 */
export const ALLOCATION_ATTRIBUTION_FIELDS = {
  allocated_by: 'Who made the allocation, as the funding table says: this-decision (the decision on this row made it), the id of a partnership in partnerships.json, or a name. Blank when the register does not record who made it.',
  allocated_on: 'When the allocation was made: the decision’s date when the table names this decision as making it and the decision was approved, else the date the table gives for an allocation made elsewhere (as precise as the source). Blank when not recorded, and blank for a decision that names itself but was not approved, as it made no allocation on that date.',
  made_by_this_decision: 'true when the table names the decision on this row as making the allocation (whether it was made depends on status: only an approved decision made it); false when it records an allocation made elsewhere (by allocated_by, on allocated_on); blank when not recorded.',
  serves: 'What in a strategy the decision serves, each as partnership-id/strategy-id/objective-or-priority-id, separated by spaces. Blank when not recorded.',
} as const satisfies Partial<Record<(typeof ALLOCATION_COLUMNS)[number], string>>;

/**
 * `allocations.csv`: one row per allocation. Amounts are decimal pounds without
 * symbol or separators (`5000.00`); a stream the table leaves blank stays blank,
 * while `total` always counts it as 0. `partnership` is the partnership's id.
 * Every allocation is listed, made by this decision or elsewhere; the last
 * columns say which, by whom and when.
 */
export function allocationsCsv(model: Pick<Model, 'site' | 'decisions' | 'partnerships'>): string {
  const amount = (pence: number | null | undefined) => (pence == null ? null : penceToDecimal(pence));
  return toCsv([
    ALLOCATION_COLUMNS,
    ...allocationRows(model).map(({ partnership, decision, allocation, total, maker }) => [
      decision.id,
      decision.date,
      partnership.id,
      decision.funding.fund,
      allocation.item,
      amount(allocation.revenue),
      amount(allocation.capital),
      penceToDecimal(total),
      partnership.name,
      decision.status,
      decision.funding.per ?? null,
      absoluteUrl(model.site, decisionUrl(partnership.id, decision.id)),
      decision.funding.allocated_by ?? null,
      maker?.date ?? null,
      maker ? String(maker.byThisDecision) : null,
      servesRecord(decision)?.join(' ') ?? null,
    ]),
  ]);
}
