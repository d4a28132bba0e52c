/**
 * The only script every page loads: a few hundred bytes that wire the keyboard shortcuts and load
 * the real search code (and Pagefind) the first time the search box is used.
 */
const isTyping = (target: EventTarget | null) =>
  target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));

export function installSearchLoader(): void {
  const form = document.querySelector<HTMLFormElement>('[data-search-box]');
  const input = form?.querySelector<HTMLInputElement>('input[type="search"]');
  if (!form || !input) return;

  let started = false;
  const start = () => {
    if (started) return;
    started = true;
    void import('./search-box.ts').then(({ attachSearchBox }) => attachSearchBox(form, input));
  };
  input.addEventListener('focus', start, { once: true });
  input.addEventListener('input', start, { once: true });

  document.addEventListener('keydown', (event) => {
    const shortcut =
      (event.key === '/' && !isTyping(event.target)) || (event.key.toLowerCase() === 'k' && (event.ctrlKey || event.metaKey));
    if (!shortcut || event.altKey) return;
    event.preventDefault();
    input.focus();
    input.select();
  });
}
