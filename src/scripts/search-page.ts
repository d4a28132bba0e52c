/** The full search page: query, facets with counts, results; all of it mirrored in the URL. */
import {
  FACETS,
  hasFilters,
  pagefindFilters,
  readSearchState,
  writeSearchState,
  type Facet,
  type SearchState,
} from '../search/search-state.ts';
import { FACET_COUNTS_PATH, orderFacetValues, type FacetCounts, type FacetOption } from '../search/facets.ts';
import { joinBase } from '../site/paths.ts';
import { loadPagefind, renderResult } from './pagefind-client.ts';

const PAGE_SIZE = 20;
const FACET_LABELS: Record<Facet, string> = { section: 'Section', kind: 'Kind', tag: 'Tag' };

let wholeList: Promise<FacetCounts | Record<string, Record<string, number>>> | undefined;

/**
 * The facet counts with no query: the file the build wrote from the content (src/search/facet-counts.ts),
 * a few hundred bytes where Pagefind's filter index is tens of kilobytes; Pagefind's own if it is missing.
 */
function wholeListCounts() {
  wholeList ??= fetch(joinBase(import.meta.env.BASE_URL, FACET_COUNTS_PATH))
    .then((response) => {
      if (!response.ok) throw new Error(`${response.status} for ${response.url}`);
      return response.json() as Promise<FacetCounts>;
    })
    .catch(async () => (await loadPagefind()).filters());
  return wholeList;
}

export function startSearchPage(): void {
  const form = document.querySelector<HTMLFormElement>('[data-search-page]');
  const input = form?.querySelector<HTMLInputElement>('input[name="q"]');
  const facets = document.querySelector<HTMLElement>('[data-facets]');
  const summary = document.querySelector<HTMLElement>('[data-search-summary]');
  const list = document.querySelector<HTMLOListElement>('[data-search-results]');
  const more = document.querySelector<HTMLButtonElement>('[data-more-results]');
  if (!form || !input || !facets || !summary || !list || !more) return;

  // Sections in tree order (indented by depth), groups in the declared order; tags A–Z.
  const readOrder = (json: string | undefined): FacetOption[] => (json ? (JSON.parse(json) as FacetOption[]) : []);
  const facetOrder: Partial<Record<Facet, FacetOption[]>> = {
    section: readOrder(facets.dataset['sectionOrder']),
    kind: readOrder(facets.dataset['kindOrder']),
  };

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

  const renderFacets = (counts: Record<string, Record<string, number>>) => {
    const groups = FACETS.filter((facet) => Object.keys(counts[facet] ?? {}).length > 0).map((facet) => {
      const fieldset = document.createElement('fieldset');
      const legend = document.createElement('legend');
      legend.textContent = FACET_LABELS[facet];
      fieldset.append(legend);
      for (const { value, count, depth } of orderFacetValues(counts[facet] ?? {}, facetOrder[facet])) {
        const label = document.createElement('label');
        if (depth > 0) label.classList.add(`facet-depth-${Math.min(depth, 4)}`);
        const box = document.createElement('input');
        box.type = 'checkbox';
        box.name = facet;
        box.value = value;
        box.checked = state.filters[facet].includes(value);
        box.addEventListener('change', () => {
          const chosen = new Set(state.filters[facet]);
          if (box.checked) chosen.add(value);
          else chosen.delete(value);
          update({ ...state, filters: { ...state.filters, [facet]: [...chosen].sort() } }, 'push');
        });
        const countText = document.createElement('span');
        countText.className = 'facet-count';
        countText.textContent = ` (${count})`;
        label.append(box, ` ${value}`, countText);
        fieldset.append(label);
      }
      return fieldset;
    });
    facets.replaceChildren(...groups);
  };

  const search = async () => {
    const current = ++run;
    input.value = state.query;
    if (!state.query && !hasFilters(state)) {
      // The whole list's counts were written at build time: no need for Pagefind yet.
      const counts = await wholeListCounts();
      if (current !== run) return;
      renderFacets(counts);
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
    renderFacets(result.filters);
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
