/**
 * What Pagefind is given for each entry, and the key that names a whole index by it.
 *
 * Pagefind reads only the `data-pagefind-body` element of a page that has one (its text, meta,
 * filters, weights) and the `<html lang>` that picks its stemmer; so each record is made of just
 * those, cut from the entry's permalink page. Pagefind then has less to parse, and a change to the
 * page around the article (the header, related entries, a script's hashed name) leaves the records,
 * and so the key, as they were: the previous build's index is reused (./search-index.ts).
 */
import { createHash } from 'node:crypto';

const BODY_START = '<article data-pagefind-body';
const BODY_END = '</article>';

/**
 * The part of a permalink page Pagefind indexes, as a page of its own: the `<html>` start tag and
 * the one `<article data-pagefind-body>`. Astro escapes `<` in text and attribute values, so these
 * tags can only be tags; a page without exactly one such article is given whole (the build's
 * output check has already failed on such a page).
 */
export function indexedPart(html: string): string {
  const start = html.indexOf(BODY_START);
  const end = html.lastIndexOf(BODY_END);
  const htmlTag = /<html\b[^>]*>/i.exec(html)?.[0];
  if (start < 0 || html.indexOf(BODY_START, start + 1) >= 0 || end < start || !htmlTag) return html;
  return `<!doctype html>${htmlTag}<head></head><body>${html.slice(start, end + BODY_END.length)}</body></html>`;
}

export interface IndexRecord {
  /** The result's URL, site-relative (`/section/slug/`). */
  url: string;
  /** The HTML Pagefind reads for it. */
  content: string;
}

/**
 * A name for the index these records make, in this order, with this indexer (`indexer`: Pagefind's
 * version, its options, our indexing code): equal keys, byte-identical indexes.
 */
export function indexKey(records: readonly IndexRecord[], indexer: string): string {
  const hash = createHash('sha256');
  const field = (text: string) => hash.update(`${Buffer.byteLength(text)}:`).update(text);
  field(indexer);
  for (const record of records) {
    field(record.url);
    field(record.content);
  }
  return hash.digest('hex');
}
