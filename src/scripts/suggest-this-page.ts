/**
 * The "Suggest this page" bookmarklet, run on any article a reader is on: it opens the list's
 * "Suggest a link" issue form with the page's address, its title and the selected passage as the
 * first quote already filled in (GitHub issue forms take a field's value as the query parameter
 * named by its id). For a list not hosted on GitHub it copies the same suggestion as an
 * `npm run new` command line instead.
 *
 * src/site/bookmarklet.ts bundles this module, with the list's form address, into the Contribute
 * page's `javascript:` link at build time. Everything it needs is in this file: it runs on someone
 * else's page, where nothing of the site is loaded. The pure functions are unit-tested.
 */
import { quoteField } from '../contributing/form-quotes.ts';

/** What the build tells the bookmarklet: the issue form to open, or none (copy a command instead). */
export interface SuggestConfig {
  /** `https://github.com/<owner>/<repo>/issues/new?template=suggest-a-link.yml`, or null. */
  form: string | null;
}

/** What is suggested: the page's address and title, and the selected passage ('' for none). */
export interface SuggestedPage {
  url: string;
  title: string;
  quote: string;
}

/** The form's field ids (.github/ISSUE_TEMPLATE/suggest-a-link.yml, src/contributing/suggestion-form.ts). */
export const FIELD_IDS = { url: 'url', title: 'title', quotes: 'quotes', notes: 'notes' } as const;

/**
 * Longest address to open. Browsers take far longer ones, but GitHub answers one over about 8 KB
 * with an error, so the form's address, all fields encoded, stays under this.
 */
export const MAX_URL_LENGTH = 7500;

/** The ellipsis a cut passage ends with. */
export const ELLIPSIS = '…';

/**
 * The longest start of `text` that `fits`, cut after a whole word (at whitespace) and ended with an
 * ellipsis; `text` itself when it fits whole. A first word too long to fit is cut inside it.
 */
export function cutAtWord(text: string, fits: (candidate: string) => boolean): { text: string; cut: boolean } {
  if (fits(text)) return { text, cut: false };
  // Characters, not UTF-16 units: an emoji is never split in two.
  const characters = Array.from(text);
  let low = 0;
  let high = characters.length;
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if (fits(characters.slice(0, middle).join('').trimEnd() + ELLIPSIS)) low = middle;
    else high = middle - 1;
  }
  const start = characters.slice(0, low).join('');
  // Back to the last whitespace, unless the cut already falls right before some.
  const atBoundary = /\s/.test(characters[low] ?? ' ');
  const lastSpace = start.search(/\s\S*$/);
  const kept = atBoundary || lastSpace <= 0 ? start : start.slice(0, lastSpace);
  return { text: kept.trimEnd() + ELLIPSIS, cut: true };
}

/** The notice the form's Notes field carries when the passage had to be cut. */
export function cutNotice(length: number): string {
  return (
    `The selected passage was ${length.toLocaleString('en')} characters long, too long for a link: ` +
    `the quote above was cut after a whole word and ends with "${ELLIPSIS}". ` +
    'Shorten it to the sentences that matter, or copy the rest from the article.'
  );
}

/** `base` with `fields` added as query parameters, each value percent-encoded as UTF-8. */
export function withQuery(base: string, fields: Readonly<Record<string, string>>): string {
  const query = Object.entries(fields)
    .filter(([, value]) => value !== '')
    .map(([name, value]) => `${encodeURIComponent(name)}=${encodeURIComponent(value)}`)
    .join('&');
  if (!query) return base;
  return `${base}${base.includes('?') ? '&' : '?'}${query}`;
}

/**
 * The issue form's address with the page filled in: url, title, and the passage as the first quote,
 * cut (with a notice in Notes) when the address would be too long.
 */
export function suggestionUrl(form: string, page: SuggestedPage, maxLength = MAX_URL_LENGTH): { url: string; cut: boolean } {
  const build = (quote: string, notes: string) =>
    withQuery(form, {
      [FIELD_IDS.url]: page.url,
      [FIELD_IDS.title]: page.title,
      [FIELD_IDS.quotes]: quoteField(quote),
      [FIELD_IDS.notes]: notes,
    });
  const whole = build(page.quote, '');
  if (whole.length <= maxLength) return { url: whole, cut: false };
  const notice = cutNotice(Array.from(page.quote).length);
  const { text } = cutAtWord(page.quote, (candidate) => build(candidate, notice).length <= maxLength);
  return { url: build(text, notice), cut: true };
}

/** `text` as one POSIX shell word: single-quoted, with each `'` written `'\''`. */
export function shellQuote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

/** The `npm run new` command line that suggests `page` on a list not hosted on GitHub. */
export function newEntryCommand(page: SuggestedPage): string {
  const parts = ['npm run new --', '--url', shellQuote(page.url), '--title', shellQuote(page.title)];
  if (page.quote.trim()) parts.push('--quote', shellQuote(page.quote));
  return parts.join(' ');
}

/** The page as the reader sees it: its canonical address when it names an http(s) one, its title, the selection. */
export function readPage(document: Document, selection: string): SuggestedPage {
  const canonical = document.querySelector<HTMLLinkElement>('link[rel~="canonical"][href]')?.href ?? '';
  const url = /^https?:\/\//i.test(canonical) ? canonical : document.location.href;
  const title = (document.title || document.querySelector('h1')?.textContent || url).replace(/\s+/g, ' ').trim();
  return { url, title, quote: selection.replace(/\r\n?/g, '\n').trim() };
}

/** What the bookmarklet does when clicked, given the browser's pieces (so a test can pass its own). */
export function suggestThisPage(
  config: SuggestConfig,
  browser: {
    document: Document;
    selection: string;
    open(url: string): unknown;
    go(url: string): void;
    copy(text: string): Promise<void>;
    tell(message: string): void;
    show(message: string, text: string): void;
  },
): void {
  const page = readPage(browser.document, browser.selection);
  if (config.form) {
    const { url } = suggestionUrl(config.form, page);
    // A blocked pop-up: open the form in this tab instead.
    if (!browser.open(url)) browser.go(url);
    return;
  }
  const command = newEntryCommand(page);
  browser.copy(command).then(
    () => browser.tell('Copied an "npm run new" command that suggests this page: paste it in a terminal in the list’s folder.'),
    () => browser.show('Copy this command and run it in the list’s folder:', command),
  );
}

/** Runs in the page: the bookmarklet's entry point (src/site/bookmarklet.ts calls it). */
export function runInPage(config: SuggestConfig): void {
  suggestThisPage(config, {
    document,
    selection: String(window.getSelection() ?? ''),
    open: (url) => {
      // Not 'noopener' in the features: with it, open() returns null even when the tab opened.
      const opened = window.open(url, '_blank');
      if (opened) opened.opener = null;
      return opened;
    },
    go: (url) => window.location.assign(url),
    copy: (text) => navigator.clipboard.writeText(text),
    tell: (message) => window.alert(message),
    show: (message, text) => window.prompt(message, text),
  });
}
