/**
 * The decision register's rows and filter choices, built from the model.
 */
import { formatPounds } from '../model/money.ts';
import type { DecisionModel, Model } from '../model/index.ts';
import { recordedTotal } from '../rules/funding.ts';
import { DECISION_KINDS, DECISION_STATUSES } from '../schemas/index.ts';
import { amountWithStatus } from './funding-view.ts';
import { DECISION_KIND_LABELS, DECISION_STATUS_LABELS } from './labels.ts';
import { indexModel } from './lookup.ts';
import { FILTER_DIMENSIONS, filterPageUrl, matchesFilter, type FilterDimension, type FilterableRow, type RegisterFilter } from './register-filter.ts';
import { decisionUrl } from './urls.ts';

/** One decision in the register. Only the title, date and partnership of an exempt decision are published. */
export interface RegisterRow extends FilterableRow {
  decision: DecisionModel;
  url: string;
  partnershipName: string;
  /**
   * The register's amount for the decision, in words; undefined when not recorded, with or without a
   * funding table (a decision without one records no amount: the register does not say it had none).
   */
  amount?: string;
}

/** A value a dimension can be filtered to, with how many decisions have it. */
export interface FilterOption {
  value: string;
  label: string;
  count: number;
  /** The pre-built page for this value. */
  url: string;
}

const rowsByModel = new WeakMap<Model, RegisterRow[]>();

/** Every decision as a register row, newest first. Built once per model: the register, its filter pages and every partnership page share them. */
export function registerRows(model: Model): RegisterRow[] {
  const cached = rowsByModel.get(model);
  if (cached) return cached;
  const index = indexModel(model);
  const rows = model.decisions.map((decision): RegisterRow => {
    const base = {
      decision,
      url: decisionUrl(decision.partnershipId, decision.id),
      partnership: decision.partnershipId,
      partnershipName: index.partnership(decision.partnershipId)?.name ?? decision.partnershipId,
      year: decision.date.slice(0, 4),
    };
    if (!decision.public) return { ...base, kinds: [] };
    return {
      ...base,
      kinds: decision.kind,
      status: decision.status,
      // Absent is not recorded, never "no": the register shows only what the documents say.
      keyDecision: decision.key_decision == null ? 'not-recorded' : decision.key_decision ? 'yes' : 'no',
      amount: amountOf(decision),
    };
  });
  rowsByModel.set(model, rows);
  return rows;
}

/**
 * The register's amount for a decision: what the decision itself decides
 * (`decides`, or the allocations it makes), never allocations made elsewhere
 * nor what was available; undefined when its funding table does not say.
 * Unless the decision was approved, it says the money was only asked for or
 * noted, so a rejected bid is not read as money given.
 *
 * @example
 * // Lancaster's Cabinet was asked to allocate the uncommitted £27,535.40 revenue and £89,910.60 capital
 * amountOf(decision) // '£117,446.00 asked for; not yet decided'
 */
export function amountOf(decision: DecisionModel): string | undefined {
  const total = decision.funding?.decidedAmount && recordedTotal(decision.funding.decidedAmount);
  if (total == null) return undefined;
  return amountWithStatus(decision.status, `${formatPounds(total)}${decision.funding?.per === 'year' ? ' a year' : ''}`);
}

/** The rows that match a filter, in register order. */
export function filterRows(rows: readonly RegisterRow[], filter: RegisterFilter): RegisterRow[] {
  const chosen = FILTER_DIMENSIONS.filter((dimension) => filter[dimension]);
  if (chosen.length === 1) return [...rowsWith(rows, chosen[0], filter[chosen[0]] as string)];
  return rows.filter((row) => matchesFilter(row, filter));
}

const groupsByRows = new WeakMap<readonly RegisterRow[], Record<FilterDimension, Map<string, RegisterRow[]>>>();

/**
 * The rows with one value in one dimension (as `matchesFilter` decides), in
 * register order. The rows are grouped once per list: the filter pages (one per
 * partnership, year…) and their counts each scanning the whole register grew
 * with the square of its size (a third of a second at 10,000 pages).
 */
function rowsWith(rows: readonly RegisterRow[], dimension: FilterDimension, value: string): readonly RegisterRow[] {
  let groups = groupsByRows.get(rows);
  if (!groups) {
    const byDimension = Object.fromEntries(FILTER_DIMENSIONS.map((d) => [d, new Map<string, RegisterRow[]>()])) as Record<FilterDimension, Map<string, RegisterRow[]>>;
    const add = (d: FilterDimension, v: string | undefined, row: RegisterRow) => {
      if (v === undefined) return;
      const list = byDimension[d].get(v);
      if (list) list.push(row);
      else byDimension[d].set(v, [row]);
    };
    for (const row of rows) {
      add('partnership', row.partnership, row);
      add('year', row.year, row);
      for (const kind of new Set(row.kinds)) add('kind', kind, row);
      add('status', row.status, row);
      add('key-decision', row.keyDecision, row);
    }
    groups = byDimension;
    groupsByRows.set(rows, groups);
  }
  return groups[dimension].get(value) ?? [];
}

const optionsByRows = new WeakMap<readonly RegisterRow[], Record<FilterDimension, FilterOption[]>>();

/** For each dimension, the values that some decision has, with counts, in a sensible order. Worked out once per list of rows. */
export function filterOptions(rows: readonly RegisterRow[]): Record<FilterDimension, FilterOption[]> {
  const cached = optionsByRows.get(rows);
  if (cached) return cached;
  const options = countOptions(rows);
  optionsByRows.set(rows, options);
  return options;
}

function countOptions(rows: readonly RegisterRow[]): Record<FilterDimension, FilterOption[]> {
  const count = (dimension: FilterDimension, value: string) => rowsWith(rows, dimension, value).length;
  const option = (dimension: FilterDimension, value: string, label: string): FilterOption => ({ value, label, count: count(dimension, value), url: filterPageUrl(dimension, value) });
  const present = (option: FilterOption) => option.count > 0;

  const partnerships = new Map(rows.map((row) => [row.partnership, row.partnershipName]));
  const years = [...new Set(rows.map((row) => row.year))].sort().reverse();
  return {
    partnership: [...partnerships].sort((a, b) => a[1].localeCompare(b[1], 'en-GB')).map(([id, name]) => option('partnership', id, name)),
    year: years.map((year) => option('year', year, year)),
    kind: DECISION_KINDS.map((kind) => option('kind', kind, DECISION_KIND_LABELS[kind])).filter(present),
    status: DECISION_STATUSES.map((status) => option('status', status, DECISION_STATUS_LABELS[status].text)).filter(present),
    'key-decision': [
      option('key-decision', 'yes', 'Key decisions'), option('key-decision', 'no', 'Not key decisions'), option('key-decision', 'not-recorded', 'Key decision not recorded'),
    ].filter(present),
  };
}

/** How each dimension is named on the page. */
export const DIMENSION_LABELS: Record<FilterDimension, string> = {
  partnership: 'Partnership',
  year: 'Year',
  kind: 'Kind',
  status: 'Status',
  'key-decision': 'Key decision',
};

/** Every pre-built filter page: one per dimension and value. */
export function filterPages(rows: readonly RegisterRow[]): { dimension: FilterDimension; option: FilterOption }[] {
  const options = filterOptions(rows);
  return FILTER_DIMENSIONS.flatMap((dimension) => options[dimension].map((option) => ({ dimension, option })));
}
