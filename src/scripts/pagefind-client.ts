/** Loads Pagefind's own client from the built site and turns its results into plain data. */

export interface PagefindResultData {
  url: string;
  excerpt: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
}
interface PagefindSearch {
  results: { id: string; data: () => Promise<PagefindResultData> }[];
  filters: Record<string, Record<string, number>>;
  unfilteredResultCount: number;
}
/** Pagefind's filter argument: per filter, a value, all of some values, or any of them. */
export type PagefindFilters = Record<string, string | string[] | { any: string[] } | { all: string[] }>;

export interface Pagefind {
  options(options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  search(query: string | null, options?: { filters?: PagefindFilters }): Promise<PagefindSearch>;
  debouncedSearch(query: string | null, options?: { filters?: PagefindFilters }, ms?: number): Promise<PagefindSearch | null>;
  filters(): Promise<Record<string, Record<string, number>>>;
}

let loading: Promise<Pagefind> | undefined;

export function loadPagefind(): Promise<Pagefind> {
  loading ??= (async () => {
    const base = import.meta.env.BASE_URL.replace(/\/?$/, '/');
    // Built after Astro's bundle, so it is loaded from the site at run time, not bundled.
    const pagefind = (await import(/* @vite-ignore */ `${base}pagefind/pagefind.js`)) as Pagefind;
    await pagefind.options({ baseUrl: base, excerptLength: 24 });
    await pagefind.init();
    return pagefind;
  })();
  return loading;
}

/**
 * Pagefind's excerpt as DOM nodes: its text, with only its own `<mark>` highlights kept as elements.
 * Nothing else in it is trusted as markup.
 */
export function highlightedExcerpt(excerpt: string): DocumentFragment {
  const fragment = document.createDocumentFragment();
  const template = document.createElement('template');
  template.innerHTML = excerpt; // inert: a template's content never runs or loads anything
  for (const node of template.content.childNodes) {
    if (node.nodeName === 'MARK') {
      const mark = document.createElement('mark');
      mark.textContent = node.textContent;
      fragment.append(mark);
    } else {
      fragment.append(document.createTextNode(node.textContent ?? ''));
    }
  }
  return fragment;
}

/** One result as the search box and the search page show it: title, where it is from, the excerpt. */
export function renderResult(data: PagefindResultData, element: HTMLElement): HTMLAnchorElement {
  const link = document.createElement('a');
  link.href = data.url;
  link.className = 'result-link';
  const title = document.createElement('span');
  title.className = 'result-title';
  title.textContent = data.meta.title ?? data.url;
  const meta = document.createElement('span');
  meta.className = 'result-meta';
  // Its own section and group: named apart when the `section` and `kind` filters hold several
  // places (a cross-listed or nested entry), else those filters' one value (see [slug].astro).
  const own = (facet: 'section' | 'kind') => data.filters[`own-${facet}`]?.[0] ?? data.filters[facet]?.[0];
  meta.textContent = [data.meta.domain, own('section'), own('kind')].filter(Boolean).join(' · ');
  link.append(title, document.createElement('br'), meta);
  element.append(link);
  // An entry with no quote, note or tag has only its title as text: an excerpt would repeat it.
  const excerptText = highlightedExcerpt(data.excerpt);
  if (excerptText.textContent?.trim() !== title.textContent.trim()) {
    const excerpt = document.createElement('p');
    excerpt.className = 'result-excerpt';
    excerpt.append(excerptText);
    element.append(excerpt);
  }
  return link;
}
