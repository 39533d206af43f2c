/**
 * Filtering the decision register. Pure and free of the model, so the same
 * code decides which rows the pre-built filter pages list and which rows the
 * browser shows when the register is filtered in place.
 */
import { REGISTER_URL } from './urls.ts';

/** The ways the register can be filtered; each is also a query parameter and a path segment. */
export const FILTER_DIMENSIONS = ['partnership', 'year', 'kind', 'status', 'key-decision'] as const;

/** One way of filtering the register. */
export type FilterDimension = (typeof FILTER_DIMENSIONS)[number];

/** Chosen values, at most one per dimension; a row must match them all. */
export type RegisterFilter = Partial<Record<FilterDimension, string>>;

/** What a row offers to filter on. An exempt decision offers only its partnership and year. */
export interface FilterableRow {
  partnership: string;
  year: string;
  kinds: readonly string[];
  status?: string;
  /** `yes` or `no`, when published. */
  keyDecision?: string;
}

/**
 * Whether a row matches every chosen value.
 *
 * @example
 * matchesFilter({ partnership: 'chorley-partnership', year: '2006', kinds: ['structure'] }, { year: '2006' }) // true
 */
export function matchesFilter(row: FilterableRow, filter: RegisterFilter): boolean {
  return FILTER_DIMENSIONS.every((dimension) => {
    const wanted = filter[dimension];
    if (!wanted) return true;
    switch (dimension) {
      case 'partnership':
        return row.partnership === wanted;
      case 'year':
        return row.year === wanted;
      case 'kind':
        return row.kinds.includes(wanted);
      case 'status':
        return row.status === wanted;
      case 'key-decision':
        return row.keyDecision === wanted;
    }
  });
}

/**
 * Reads a filter from a query string, ignoring unknown parameters and empty values.
 *
 * @example
 * parseFilterQuery('?year=2011&kind=funding&page=2') // { year: '2011', kind: 'funding' }
 */
export function parseFilterQuery(query: string): RegisterFilter {
  const params = new URLSearchParams(query);
  const filter: RegisterFilter = {};
  for (const dimension of FILTER_DIMENSIONS) {
    const value = params.get(dimension)?.trim();
    if (value) filter[dimension] = value;
  }
  return filter;
}

/**
 * Writes a filter as a query string, in a fixed order so the same filter has one address.
 *
 * @example
 * filterQuery({ kind: 'funding', year: '2011' }) // '?year=2011&kind=funding'
 * filterQuery({}) // ''
 */
export function filterQuery(filter: RegisterFilter): string {
  const params = new URLSearchParams();
  for (const dimension of FILTER_DIMENSIONS) {
    const value = filter[dimension];
    if (value) params.set(dimension, value);
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

/**
 * The pre-built page listing the decisions with one value: these work without JavaScript.
 *
 * @example
 * filterPageUrl('year', '2011') // '/decisions/year/2011/'
 */
export function filterPageUrl(dimension: FilterDimension, value: string): string {
  return `${REGISTER_URL}${dimension}/${encodeURIComponent(value)}/`;
}
