/**
 * The decision register (`/decisions/`), and its pre-built filter pages
 * (`/decisions/<dimension>/<value>/`), which make filtering work in any
 * browser, with or without JavaScript.
 */
import type { Model } from '../../model/index.ts';
import { plural } from '../format.ts';
import { DIMENSION_LABELS, filterOptions, filterPages, filterRows, registerRows, type FilterOption, type RegisterRow } from '../register.ts';
import { FILTER_DIMENSIONS, type FilterDimension } from '../register-filter.ts';
import { HOME_CRUMBS, REGISTER_CRUMBS, type Crumb } from './breadcrumbs.ts';

/** One of the filter form's drop-downs. */
export interface FilterSelect {
  /** The query parameter (`year`). */
  dimension: FilterDimension;
  label: string;
  options: FilterOption[];
}

/** What the register shows. */
export interface RegisterPage {
  title: string;
  description: string;
  breadcrumbs: readonly Crumb[];
  /** Every decision, newest first. */
  rows: RegisterRow[];
  /** "5 decisions". */
  total: string;
  /** The filter form's drop-downs, in the form's order. */
  selects: FilterSelect[];
  /** Every filter's values, for the links to the pre-built pages. */
  options: Record<FilterDimension, FilterOption[]>;
}

/** The register's view of the model. */
export function registerPageData(model: Model): RegisterPage {
  const rows = registerRows(model);
  const options = filterOptions(rows);
  return {
    title: 'Decision register',
    description: `Every decision and report in the ${model.site.title}, newest first.`,
    breadcrumbs: HOME_CRUMBS,
    rows,
    total: plural(rows.length, 'decision'),
    selects: FILTER_DIMENSIONS.map((dimension) => ({ dimension, label: DIMENSION_LABELS[dimension], options: options[dimension] })),
    options,
  };
}

/** The title of a filter page, by the dimension it filters on. */
const FILTER_TITLES: Record<FilterDimension, (label: string) => string> = {
  partnership: (label) => `Decisions of ${label}`,
  year: (label) => `Decisions in ${label}`,
  kind: (label) => `${label} decisions`,
  status: (label) => `${label} decisions`,
  'key-decision': (label) => label,
};

/** What a filter page shows. */
export interface RegisterFilterPage {
  title: string;
  breadcrumbs: readonly Crumb[];
  /** The decisions with the page's value, newest first. */
  rows: RegisterRow[];
  /** "2 decisions": how many the filter keeps. */
  count: string;
  /** How many decisions the register holds in all. */
  total: number;
  /** Every filter's values, for the links to the other filter pages. */
  options: Record<FilterDimension, FilterOption[]>;
  /** The page's own filter, shown as the current choice. */
  current: { dimension: FilterDimension; value: string };
  /** Whether the table names each decision's partnership: not on a partnership's own filter page, where they all share it. */
  showPartnership: boolean;
  caption: string;
}

/** One filter page for each value some decision has, in each dimension. */
export function registerFilterPagePaths(model: Model): { params: { dimension: FilterDimension; value: string }; props: { dimension: FilterDimension; option: FilterOption } }[] {
  return filterPages(registerRows(model)).map(({ dimension, option }) => ({ params: { dimension, value: option.value }, props: { dimension, option } }));
}

/**
 * A filter page.
 *
 * @example
 * registerFilterPageData(model, 'year', { value: '2011', label: '2011', … }).title // 'Decisions in 2011'
 */
export function registerFilterPageData(model: Model, dimension: FilterDimension, option: FilterOption): RegisterFilterPage {
  const all = registerRows(model);
  const rows = filterRows(all, { [dimension]: option.value });
  const title = FILTER_TITLES[dimension](option.label);
  return {
    title,
    breadcrumbs: REGISTER_CRUMBS,
    rows,
    count: plural(rows.length, 'decision'),
    total: all.length,
    options: filterOptions(all),
    current: { dimension, value: option.value },
    showPartnership: dimension !== 'partnership',
    caption: `${title}, newest first`,
  };
}
