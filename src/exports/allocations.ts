/**
 * Every allocation the site publishes, one row each, in one place, so the CSV,
 * the 360Giving file and the pages cannot disagree about which rows exist.
 */
import type { DecisionModel, FundingModel, Model, PartnershipModel } from '../model/index.ts';
import { penceToDecimal } from '../model/money.ts';
import { decisionUrl } from '../site/urls.ts';
import { absoluteUrl } from './site-links.ts';
import { toCsv } from './text.ts';

/** One line of a funding table, with the decision and partnership it belongs to. */
export interface AllocationRow {
  partnership: PartnershipModel;
  decision: DecisionModel & { funding: FundingModel };
  allocation: FundingModel['allocations'][number];
  /** Revenue plus capital, in pence. */
  total: number;
}

/**
 * Every allocation of every public decision, in the register's order: decisions
 * newest first, then the table's own order. An exempt decision's page shows
 * only its title and date, so its funding table is not published here either.
 */
export function allocationRows(model: Pick<Model, 'decisions' | 'partnerships'>): AllocationRow[] {
  const partnerships = new Map(model.partnerships.map((p) => [p.id, p]));
  const rows: AllocationRow[] = [];
  for (const decision of model.decisions) {
    const partnership = partnerships.get(decision.partnershipId);
    if (!decision.public || !decision.funding || !partnership) continue;
    for (const allocation of decision.funding.allocations) {
      rows.push({
        partnership,
        decision: decision as AllocationRow['decision'],
        allocation,
        total: (allocation.revenue ?? 0) + (allocation.capital ?? 0),
      });
    }
  }
  return rows;
}

/** The CSV's columns, in order: the first eight as the open-data page lists them, then context. */
export const ALLOCATION_COLUMNS = [
  'decision_id', 'date', 'partnership', 'fund', 'item', 'revenue', 'capital', 'total', 'partnership_name', 'status', 'per', 'url',
] as const;

/**
 * `allocations.csv`: one row per allocation. Amounts are decimal pounds without
 * symbol or separators (`5000.00`); a stream the table leaves blank stays blank,
 * while `total` always counts it as 0. `partnership` is the partnership's id.
 */
export function allocationsCsv(model: Pick<Model, 'site' | 'decisions' | 'partnerships'>): string {
  const amount = (pence: number | null | undefined) => (pence == null ? null : penceToDecimal(pence));
  return toCsv([
    ALLOCATION_COLUMNS,
    ...allocationRows(model).map(({ partnership, decision, allocation, total }) => [
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
    ]),
  ]);
}
