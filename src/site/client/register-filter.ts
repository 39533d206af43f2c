/**
 * The decision register, enhanced: the filter form narrows the table in place
 * without reloading, says how many decisions are shown, and keeps the choice
 * in the address (`/decisions/?year=2011&kind=funding`) so it can be shared.
 * Without this script the page still lists every decision, and the filter
 * links lead to pre-built pages.
 */
import { filterQuery, FILTER_DIMENSIONS, matchesFilter, parseFilterQuery, type RegisterFilter } from '../register-filter.ts';

const form = document.querySelector<HTMLFormElement>('#register-filter');
const table = document.querySelector<HTMLTableElement>('#register-table');
const count = document.querySelector<HTMLElement>('#register-count');
const empty = document.querySelector<HTMLElement>('#register-empty');

if (form && table && count) {
  const rows = [...table.tBodies[0].rows];
  const selects = new Map(FILTER_DIMENSIONS.map((dimension) => [dimension, form.querySelector<HTMLSelectElement>(`select[name="${dimension}"]`)]));

  const chosen = (): RegisterFilter => {
    const filter: RegisterFilter = {};
    for (const [dimension, select] of selects) if (select?.value) filter[dimension] = select.value;
    return filter;
  };

  const apply = (filter: RegisterFilter) => {
    let shown = 0;
    for (const row of rows) {
      const data = row.dataset;
      const match = matchesFilter(
        { partnership: data.partnership ?? '', year: data.year ?? '', kinds: (data.kinds ?? '').split(' ').filter(Boolean), status: data.status, keyDecision: data.keyDecision },
        filter,
      );
      row.hidden = !match;
      if (match) shown++;
    }
    const total = rows.length;
    const noun = (n: number) => `${n} ${n === 1 ? 'decision' : 'decisions'}`;
    count.textContent = shown === total ? `Showing all ${noun(total)}` : `Showing ${noun(shown)} of ${total}`;
    if (empty) empty.hidden = shown > 0;
  };

  const update = () => {
    const filter = chosen();
    apply(filter);
    history.replaceState(null, '', `${location.pathname}${filterQuery(filter)}`);
  };

  // Start from the address, so a shared link opens already filtered; unknown values are ignored.
  const initial = parseFilterQuery(location.search);
  for (const [dimension, select] of selects) {
    const value = initial[dimension];
    if (select && value && [...select.options].some((option) => option.value === value)) select.value = value;
  }
  form.hidden = false;
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
}
