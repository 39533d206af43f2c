/**
 * The decision register, enhanced: the filter form narrows the table in place
 * without reloading, says how many decisions are shown, and keeps the choice
 * in the address (`/decisions/?year=2011&kind=funding`), so it can be shared,
 * and in the browser's history, so Back undoes one choice. Each option counts
 * the decisions it would show with the other filters as chosen, and one that
 * would show none cannot be chosen. The form replaces the list of filter
 * links, so one set of controls shows at a time. Without this script the page
 * lists every decision, and the filter links lead to pre-built pages.
 */
import { filterQuery, FILTER_DIMENSIONS, matchesFilter, parseFilterQuery, type FilterableRow, type FilterDimension, type RegisterFilter } from '../register-filter.ts';

const form = document.querySelector<HTMLFormElement>('#register-filter');
const links = document.querySelector<HTMLElement>('#register-filter-links');
const table = document.querySelector<HTMLTableElement>('#register-table');
const count = document.querySelector<HTMLElement>('#register-count');
const empty = document.querySelector<HTMLElement>('#register-empty');

/** A row's values in one dimension (a decision may be of several kinds). */
function valuesOf(row: FilterableRow, dimension: FilterDimension): readonly (string | undefined)[] {
  switch (dimension) {
    case 'partnership':
      return [row.partnership];
    case 'year':
      return [row.year];
    case 'kind':
      return row.kinds;
    case 'status':
      return [row.status];
    case 'key-decision':
      return [row.keyDecision];
  }
}

/**
 * How many rows each value of each dimension would show, with the other
 * dimensions as chosen: "Funding (0)" once Chorley is chosen, if Chorley took
 * no funding decision. One pass over the rows per dimension.
 */
function facetCounts(rows: readonly FilterableRow[], filter: RegisterFilter): Map<FilterDimension, Map<string, number>> {
  const counts = new Map<FilterDimension, Map<string, number>>();
  for (const dimension of FILTER_DIMENSIONS) {
    const others: RegisterFilter = { ...filter, [dimension]: undefined };
    const tally = new Map<string, number>();
    for (const row of rows) {
      if (!matchesFilter(row, others)) continue;
      for (const value of new Set(valuesOf(row, dimension))) if (value !== undefined) tally.set(value, (tally.get(value) ?? 0) + 1);
    }
    counts.set(dimension, tally);
  }
  return counts;
}

if (form && table && count) {
  const rows = [...table.tBodies[0].rows];
  const facts = rows.map(({ dataset: data }): FilterableRow => ({
    partnership: data.partnership ?? '',
    year: data.year ?? '',
    kinds: (data.kinds ?? '').split(' ').filter(Boolean),
    ...(data.status ? { status: data.status } : {}),
    ...(data.keyDecision ? { keyDecision: data.keyDecision } : {}),
  }));
  const selects = new Map(FILTER_DIMENSIONS.map((dimension) => [dimension, form.querySelector<HTMLSelectElement>(`select[name="${dimension}"]`)]));

  const chosen = (): RegisterFilter => {
    const filter: RegisterFilter = {};
    for (const [dimension, select] of selects) if (select?.value) filter[dimension] = select.value;
    return filter;
  };

  const apply = (filter: RegisterFilter) => {
    let shown = 0;
    rows.forEach((row, i) => {
      const match = matchesFilter(facts[i], filter);
      row.hidden = !match;
      if (match) shown++;
    });
    const total = rows.length;
    const noun = (n: number) => `${n} ${n === 1 ? 'decision' : 'decisions'}`;
    count.textContent = shown === total ? `Showing all ${noun(total)}` : `Showing ${noun(shown)} of ${total}`;
    if (empty) empty.hidden = shown > 0;
    const counts = facetCounts(facts, filter);
    for (const [dimension, select] of selects) {
      for (const option of select?.options ?? []) {
        if (!option.value) continue;
        const n = counts.get(dimension)?.get(option.value) ?? 0;
        option.textContent = `${option.dataset.label ?? option.value} (${n})`;
        // An option that would show nothing is not offered, unless it is the one chosen (from a shared address).
        option.disabled = n === 0 && !option.selected;
      }
    }
  };

  /** Sets the form from the address; values the form does not offer are ignored. */
  const fromAddress = () => {
    const wanted = parseFilterQuery(location.search);
    for (const [dimension, select] of selects) {
      if (!select) continue;
      const value = wanted[dimension];
      select.value = value && [...select.options].some((option) => option.value === value) ? value : '';
    }
  };

  /** Applies the form's choice, as a new entry in the browser's history when it changed. */
  const update = () => {
    const filter = chosen();
    apply(filter);
    const address = `${location.pathname}${filterQuery(filter)}`;
    if (address !== `${location.pathname}${location.search}`) history.pushState(null, '', address);
  };

  // Start from the address, so a shared link opens already filtered.
  fromAddress();
  form.hidden = false;
  // The form takes the links' place (GOV.UK's details styles would show a hidden <details>).
  links?.remove();
  apply(chosen());

  form.addEventListener('change', update);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    update();
  });
  form.querySelector('#register-filter-clear')?.addEventListener('click', (event) => {
    event.preventDefault();
    for (const select of selects.values()) if (select) select.value = '';
    update();
  });
  // Back and Forward step through the choices made here, one at a time.
  window.addEventListener('popstate', () => {
    fromAddress();
    apply(chosen());
  });
}
