/**
 * The header search box as an ARIA combobox: results appear as you type, arrow keys move through
 * them, Enter opens one (or the full results page), Escape closes.
 */
import { joinBase } from '../site/paths.ts';
import { loadPagefind, renderResult } from './pagefind-client.ts';

const MAX_RESULTS = 8;

export function attachSearchBox(form: HTMLFormElement, input: HTMLInputElement): void {
  const popup = form.querySelector<HTMLElement>('.search-popup')!;
  const list = form.querySelector<HTMLUListElement>('[role="listbox"]')!;
  const status = form.querySelector<HTMLElement>('[data-search-status]')!;
  let options: HTMLLIElement[] = [];
  let active = -1;
  let latest = 0;

  const open = (isOpen: boolean) => {
    popup.hidden = !isOpen;
    input.setAttribute('aria-expanded', String(isOpen));
    if (!isOpen) setActive(-1);
  };
  const setActive = (index: number) => {
    options.forEach((option, i) => option.setAttribute('aria-selected', String(i === index)));
    active = index;
    if (index >= 0 && options[index]) {
      input.setAttribute('aria-activedescendant', options[index].id);
      options[index].scrollIntoView({ block: 'nearest' });
    } else {
      input.removeAttribute('aria-activedescendant');
    }
  };

  const update = async () => {
    const query = input.value.trim();
    const run = ++latest;
    if (!query) {
      list.replaceChildren();
      list.removeAttribute('aria-busy');
      options = [];
      open(false);
      return;
    }
    // The results shown are for an earlier query until this search's arrive.
    list.setAttribute('aria-busy', 'true');
    const pagefind = await loadPagefind();
    const search = await pagefind.debouncedSearch(query, {}, 120);
    if (!search || run !== latest) return;
    const results = await Promise.all(search.results.slice(0, MAX_RESULTS).map((result) => result.data()));
    if (run !== latest) return;
    // A reader may have chosen an option of the earlier results meanwhile: it stays chosen if it is here too.
    const chosen = options[active]?.querySelector('a')?.href;
    options = results.map((data, index) => {
      const option = document.createElement('li');
      option.id = `site-search-option-${index}`;
      option.className = 'search-result';
      option.setAttribute('role', 'option');
      option.setAttribute('aria-selected', 'false');
      const link = renderResult(data, option);
      link.tabIndex = -1;
      return option;
    });
    list.replaceChildren(...options);
    list.removeAttribute('aria-busy');
    const total = search.results.length;
    status.replaceChildren(
      total === 0 ? `No entries match “${query}”.` : `${total} entr${total === 1 ? 'y' : 'ies'} found.`,
      ...(total > MAX_RESULTS
        ? [
            ' ',
            Object.assign(document.createElement('a'), {
              href: `${joinBase(import.meta.env.BASE_URL, 'search/')}?q=${encodeURIComponent(query)}`,
              textContent: 'See all results',
            }),
          ]
        : []),
    );
    setActive(chosen === undefined ? -1 : options.findIndex((option) => option.querySelector('a')?.href === chosen));
    open(true);
  };

  // Attached when the box is first focused: a reader about to type, so Pagefind starts loading now.
  void loadPagefind();
  input.addEventListener('input', () => void update());
  input.addEventListener('focus', () => {
    if (input.value.trim() && options.length) open(true);
  });
  input.addEventListener('keydown', (event) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      if (!options.length) return;
      event.preventDefault();
      open(true);
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((active + step + options.length) % options.length);
    } else if (event.key === 'Enter' && active >= 0) {
      event.preventDefault();
      options[active]?.querySelector('a')?.click();
    } else if (event.key === 'Escape') {
      if (!popup.hidden) {
        event.preventDefault();
        open(false);
      } else {
        input.value = '';
      }
    }
  });
  document.addEventListener('click', (event) => {
    if (!form.contains(event.target as Node)) open(false);
  });
  if (input.value.trim()) void update();
}
