/**
 * Reads a page in its format: `legacy` (a site page opening with YAML frontmatter) or `awesome`
 * (a README opening with `# Title`), told or detected.
 */
import { readAwesomePage } from './awesome-format.ts';
import type { BookmarkOptions } from './bookmarks/bookmark-plan.ts';
import { detectBookmarkFormat, readExport } from './bookmarks/read-export.ts';
import { readLegacyPage } from './legacy-format.ts';
import { BOOKMARK_FORMATS, type BookmarkFormat, type ImportFormat, type ImportPlan, type PageFormat } from './plan.ts';

/** A page that opens with YAML frontmatter is a site page (legacy); anything else is read as a README. */
export function detectFormat(source: string): PageFormat {
  return /^\uFEFF?---[^\S\r\n]*\r?\n/.test(source) ? 'legacy' : 'awesome';
}

/** `title`: the page's title as the curator gives it (`--title`), before anything the page says. */
export function readPage(
  source: string,
  file: string,
  format: PageFormat = detectFormat(source),
  options: { title?: string | undefined } = {},
): ImportPlan {
  return format === 'legacy' ? readLegacyPage(source, file) : readAwesomePage(source, file, options);
}

/** Any file `npm run import` reads: a bookmark or highlight export (told or detected), else a page. */
export function readImport(
  source: string,
  file: string,
  format?: ImportFormat,
  options: BookmarkOptions & { title?: string | undefined } = {},
): ImportPlan {
  const bookmarks =
    format === undefined
      ? detectBookmarkFormat(source)
      : (BOOKMARK_FORMATS as readonly string[]).includes(format)
        ? (format as BookmarkFormat)
        : undefined;
  if (bookmarks) return readExport(source, file, bookmarks, options);
  return readPage(source, file, format as PageFormat | undefined, { title: options.title });
}
