/** The full search page: query, facets with counts, results; all of it mirrored in the URL. */
import {
  hasFilters,
  pagefindFilters,
  readSearchState,
  writeSearchState,
  type Facet,
  type SearchState,
} from '../search/search-state.ts';
import { shownFacetValues, showAllLabel } from '../search/facet-display.ts';
import { loadPagefind, renderResult } from './pagefind-client.ts';

const PAGE_SIZE = 20;

export function startSearchPage(): void {
  const form = document.querySelector<HTMLFormElement>('[data-search-page]');
  const input = form?.querySelector<HTMLInputElement>('input[name="q"]');
  const facets = document.querySelector<HTMLElement>('[data-facets]');
  const summary = document.querySelector<HTMLElement>('[data-search-summary]');
  const list = document.querySelector<HTMLOListElement>('[data-search-results]');
  const more = document.querySelector<HTMLButtonElement>('[data-more-results]');
  if (!form || !input || !facets || !summary || !list || !more) return;

  // The filters are a column beside the results on a wide screen (always open), a closed "Filter"
  // control above them on a narrow one; the stylesheet shows them on a wide screen before this runs.
  const filters = document.querySelector<HTMLDetailsElement>('[data-search-filters]');
  const wide = matchMedia('(min-width: 60rem)');
  const fitFilters = () => {
    if (filters) filters.open = wide.matches;
  };
  fitFilters();
  wide.addEventListener('change', fitFilters);

  let state = readSearchState(location.search);
  let run = 0;
  let pending: { data: () => Promise<Parameters<typeof renderResult>[0]> }[] = [];

  // Renders the next batch; false when a newer search started meanwhile (its results win).
  const showMore = async (): Promise<boolean> => {
    const started = run;
    const batch = pending.splice(0, PAGE_SIZE);
    const items = await Promise.all(
      batch.map(async (result) => {
        const item = document.createElement('li');
        item.className = 'search-result';
        renderResult(await result.data(), item);
        return item;
      }),
    );
    if (started !== run) return false;
    list.append(...items);
    more.hidden = pending.length === 0;
    return true;
  };

  // The page holds every facet value with the whole list's count (src/components/SearchFacets.astro):
  // a search ticks the boxes its state names and shows its own counts, and no search shows the
  // page's own again.
  const boxes = [...facets.querySelectorAll<HTMLInputElement>('input[type=checkbox]')];
  const countText = (box: HTMLInputElement) => box.parentElement!.querySelector<HTMLElement>('.facet-count')!;
  // Each facet shows its values with results, its largest first, until its "Show all" is pressed
  // (src/search/facet-display.ts); values with none are then shown dimmed.
  const fieldsets = [...facets.querySelectorAll<HTMLFieldSetElement>('fieldset')].map((fieldset) => ({
    boxes: [...fieldset.querySelectorAll<HTMLInputElement>('input[type=checkbox]')],
    more: fieldset.querySelector<HTMLButtonElement>('[data-facet-more]')!,
    expanded: false,
  }));
  const shownCounts = new Map<HTMLInputElement, number>();
  const showValues = () => {
    for (const fieldset of fieldsets) {
      const values = fieldset.boxes.map((box) => ({ value: box.value, count: shownCounts.get(box) ?? 0, checked: box.checked }));
      const { shown, hidden } = shownFacetValues(values, { expanded: fieldset.expanded });
      for (const box of fieldset.boxes) {
        box.parentElement!.hidden = !shown.has(box.value);
        box.parentElement!.classList.toggle('facet-empty', (shownCounts.get(box) ?? 0) === 0);
      }
      fieldset.more.hidden = hidden === 0 && !fieldset.expanded;
      fieldset.more.setAttribute('aria-expanded', String(fieldset.expanded));
      fieldset.more.firstChild!.textContent = showAllLabel(fieldset.boxes.length, fieldset.expanded);
    }
  };
  // A search that hides values must not move the facets below (layout shift): each fieldset keeps
  // at least the height it was served with; "Show all", which the reader asks for, may grow it.
  for (const fieldset of facets.querySelectorAll<HTMLFieldSetElement>('fieldset')) {
    if (fieldset.offsetHeight > 0) fieldset.style.minHeight = `${fieldset.offsetHeight}px`;
  }
  for (const fieldset of fieldsets) {
    fieldset.more.addEventListener('click', () => {
      fieldset.expanded = !fieldset.expanded;
      showValues();
    });
  }
  const showFacets = (counts?: Record<string, Record<string, number>>) => {
    for (const box of boxes) {
      const facet = box.name as Facet;
      box.checked = state.filters[facet].includes(box.value);
      const count = counts ? (counts[facet]?.[box.value] ?? 0) : Number(box.dataset['count']);
      countText(box).textContent = `(${count})`;
      shownCounts.set(box, count);
    }
    showValues();
  };
  for (const box of boxes) {
    const facet = box.name as Facet;
    box.addEventListener('change', () => {
      const chosen = new Set(state.filters[facet]);
      if (box.checked) chosen.add(box.value);
      else chosen.delete(box.value);
      update({ ...state, filters: { ...state.filters, [facet]: [...chosen].sort() } }, 'push');
    });
  }

  const search = async () => {
    const current = ++run;
    input.value = state.query;
    if (!state.query && !hasFilters(state)) {
      // The whole list's counts are in the page: no need for Pagefind yet.
      showFacets();
      list.replaceChildren();
      pending = [];
      more.hidden = true;
      summary.textContent = 'Type a word from a title, quote or note, or choose a section, kind or tag.';
      return;
    }
    const pagefind = await loadPagefind();
    if (current !== run) return;
    const result = await pagefind.search(state.query || null, { filters: pagefindFilters(state.filters) });
    if (current !== run) return;
    showFacets(result.filters);
    list.replaceChildren();
    pending = [...result.results];
    const total = pending.length;
    // Announced once the first results are on the page, so the count never precedes them.
    if (!(await showMore())) return;
    summary.textContent = `${total} entr${total === 1 ? 'y' : 'ies'}${state.query ? ` for “${state.query}”` : ''}.`;
  };

  const update = (next: SearchState, history: 'push' | 'replace' | 'none') => {
    state = next;
    const url = `${location.pathname}${writeSearchState(state)}`;
    if (history === 'push') window.history.pushState(null, '', url);
    if (history === 'replace') window.history.replaceState(null, '', url);
    void search();
  };

  let typing: ReturnType<typeof setTimeout> | undefined;
  input.addEventListener('input', () => {
    clearTimeout(typing);
    typing = setTimeout(() => update({ ...state, query: input.value.trim() }, 'replace'), 200);
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    clearTimeout(typing);
    update({ ...state, query: input.value.trim() }, 'push');
  });
  // A reader about to type: start loading Pagefind while they do.
  input.addEventListener('focus', () => void loadPagefind(), { once: true });
  more.addEventListener('click', () => void showMore());
  window.addEventListener('popstate', () => update(readSearchState(location.search), 'none'));
  update(state, 'none');
}
