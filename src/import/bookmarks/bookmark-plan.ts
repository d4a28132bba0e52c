/**
 * What every bookmark and highlight export has in common, and how it becomes the one ImportPlan
 * page formats produce (src/import/plan.ts): folders become sections nested as they are, saved
 * items become entries listed in their folder, and whatever is left out on purpose (private,
 * unread, in a skipped folder, a link the list cannot hold) is counted and, item by item, said.
 */
import { slugify } from '../../content/slugs.ts';
import { isCalendarDate, isHttpUrl } from '../../schemas/content.ts';
import { emptyPlan, PAGE_KEY, type BookmarkFormat, type ImportPlan, type PlanEntry } from '../plan.ts';

/** What the curator asked to leave out, or to bring in after all. */
export interface BookmarkOptions {
  /** Bring private and unread items too (left out by default). */
  includePrivate?: boolean | undefined;
  /** Folders to leave out, by title or by path ("Work/Old"), at any depth, case-insensitive. */
  skipFolders?: readonly string[] | undefined;
}

/** One saved item as an export holds it, before anything is decided about it. */
export interface Bookmark {
  /** Line of the item in the export file. */
  line: number;
  url: string;
  /** As text: never markup, whatever it looks like. */
  title: string;
  /** Titles of the folders it is in, outermost first; empty at the top. */
  folder: readonly string[];
  /** Tags as the export writes them ("Machine Learning"); made slugs here. */
  tags: readonly string[];
  /** Plain-text notes (a description, a highlight's note), each made one Markdown paragraph here. */
  notes: readonly string[];
  /** Passages highlighted in the article, word for word. */
  quotes: readonly string[];
  /** `YYYY-MM-DD`, when known. */
  added?: string | undefined;
  /** Marked private (not shared) in the export. */
  private?: boolean | undefined;
  /** Marked "to read" in the export. */
  unread?: boolean | undefined;
}

/** A folder as the export lists it, in file order (so empty and nested folders keep their place). */
export interface BookmarkFolder {
  path: readonly string[];
  line: number;
}

/** The reasons an item is left out, as the report names them. */
export const LEFT_OUT = {
  private: 'private',
  unread: 'unread',
  skipped: 'in a skipped folder',
  refused: 'with a non-http(s) address',
} as const;

/** What a JSON or CSV export could not be read as: the file, the line and what is wrong. */
export class ExportReadError extends Error {
  readonly line: number;
  constructor(line: number, message: string) {
    super(message);
    this.line = line;
  }
}

/** A tag as the list writes it: a lowercase slug ("Machine Learning" → machine-learning); none for "!!!". */
export function tagSlug(tag: string): string | undefined {
  return /[\p{L}\p{N}]/u.test(tag) ? slugify(tag) : undefined;
}

/** `YYYY-MM-DD` (UTC) from seconds since the epoch (milli- and microseconds are recognised too). */
export function dayFromEpoch(value: string | number | undefined): string | undefined {
  if (value === undefined || value === '') return undefined;
  let number = Number(value);
  if (!Number.isFinite(number) || number <= 0) return undefined;
  if (number > 1e14) number /= 1e6;
  else if (number > 1e11) number /= 1e3;
  return dayOf(new Date(number * 1000));
}

/** `YYYY-MM-DD` (UTC) from an ISO 8601 timestamp or date ("2011-04-13T21:27:03Z"), or a Unix timestamp. */
export function dayFromIso(value: string | undefined): string | undefined {
  if (!value?.trim()) return undefined;
  const text = value.trim();
  if (/^\d+(\.\d+)?$/.test(text)) return dayFromEpoch(text);
  if (isCalendarDate(text)) return text;
  const time = Date.parse(text);
  return Number.isNaN(time) ? undefined : dayOf(new Date(time));
}

function dayOf(date: Date): string | undefined {
  const day = date.toISOString().slice(0, 10);
  return isCalendarDate(day) ? day : undefined;
}

/** Text made one line: every run of whitespace one space. */
export const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();

/**
 * Plain text as Markdown that renders as that text: each paragraph (blank-line separated) on one
 * line, with everything Markdown or HTML would read as markup backslash-escaped.
 */
export function textAsMarkdown(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n\s*\n/)
    .map((paragraph) =>
      oneLine(paragraph)
        .replace(/[\\`*_[\]<>|~&!#]/g, '\\$&')
        // A paragraph that would open a list, a quote, a heading underline or a numbered list.
        .replace(/^([-+=>])/, '\\$1')
        .replace(/^(\d+)([.)])/, '$1\\$2'),
    )
    .filter(Boolean)
    .join('\n\n');
}

/** A URL shortened for a message. */
const shown = (url: string) => JSON.stringify(url.length > 80 ? `${url.slice(0, 77)}…` : url);

const pathKey = (path: readonly string[]) => path.join('\u0000');

/**
 * The plan of an export: `bookmarks` and `folders` in file order. Sections are the folders that
 * hold something imported (or a folder below them that does), nested as they are; a folder with
 * nothing to import is left out and said. Items the options leave out are counted by reason.
 */
export function planFromBookmarks(
  file: string,
  format: BookmarkFormat,
  title: string,
  bookmarks: readonly Bookmark[],
  folders: readonly BookmarkFolder[],
  options: BookmarkOptions = {},
): ImportPlan {
  const plan = emptyPlan(file, format, title);
  const leftOut: Record<string, number> = {};
  const leave = (reason: string) => (leftOut[reason] = (leftOut[reason] ?? 0) + 1);
  const skip = (options.skipFolders ?? []).map((name) => name.trim().toLowerCase()).filter(Boolean);
  const skipped = (path: readonly string[]) =>
    path.some(
      (_title, index) =>
        skip.includes(path[index]!.trim().toLowerCase()) ||
        skip.includes(
          path
            .slice(0, index + 1)
            .map((part) => part.trim())
            .join('/')
            .toLowerCase(),
        ),
    );

  const kept: Bookmark[] = [];
  for (const bookmark of bookmarks) {
    if (skipped(bookmark.folder)) {
      leave(LEFT_OUT.skipped);
      continue;
    }
    if (!isHttpUrl(bookmark.url.trim())) {
      leave(LEFT_OUT.refused);
      const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(bookmark.url.trim())?.[1]?.toLowerCase();
      plan.notices.push({
        file,
        line: bookmark.line,
        message: `left out "${oneLine(bookmark.title) || 'untitled'}": ${shown(bookmark.url)} is ${scheme ? `a "${scheme}:" address` : 'not an address'}; the list holds only http(s) links`,
      });
      continue;
    }
    if (!options.includePrivate && (bookmark.private || bookmark.unread)) {
      leave(bookmark.private ? LEFT_OUT.private : LEFT_OUT.unread);
      continue;
    }
    kept.push(bookmark);
  }

  // Folders in file order, with those only a bookmark names (an export without folder lines).
  const known = new Map<string, BookmarkFolder>();
  for (const folder of folders) if (!known.has(pathKey(folder.path))) known.set(pathKey(folder.path), folder);
  for (const bookmark of kept) {
    for (let depth = 1; depth <= bookmark.folder.length; depth++) {
      const path = bookmark.folder.slice(0, depth);
      if (!known.has(pathKey(path))) known.set(pathKey(path), { path, line: bookmark.line });
    }
  }
  const used = new Set<string>();
  for (const bookmark of kept) {
    for (let depth = 1; depth <= bookmark.folder.length; depth++) used.add(pathKey(bookmark.folder.slice(0, depth)));
  }
  const keyOf = new Map<string, string>();
  for (const folder of known.values()) {
    const key = pathKey(folder.path);
    if (!used.has(key)) {
      if (!skipped(folder.path))
        plan.notices.push({
          file,
          line: folder.line,
          message: `folder "${folder.path.map(oneLine).join(' › ')}" has nothing to import; no section for it`,
        });
      continue;
    }
    const sectionKey = `folder-${keyOf.size + 1}`;
    keyOf.set(key, sectionKey);
    plan.sections.push({
      key: sectionKey,
      line: folder.line,
      title: oneLine(folder.path.at(-1)!) || 'Untitled folder',
      intro: [],
      parent: folder.path.length > 1 ? keyOf.get(pathKey(folder.path.slice(0, -1))) : PAGE_KEY,
      groups: [],
    });
  }

  // Loose bookmarks beside folders (a browser's "Bookmarks Menu") get a section of their own beside
  // the folders', titled as the file is, so the folders stay top-level sections of the list.
  let looseKey: string = PAGE_KEY;
  if (keyOf.size > 0 && kept.some((bookmark) => bookmark.folder.length === 0)) {
    looseKey = 'loose';
    const first = kept.find((bookmark) => bookmark.folder.length === 0)!;
    plan.sections.splice(1, 0, { key: looseKey, line: first.line, title, intro: [], parent: PAGE_KEY, groups: [] });
  }
  for (const bookmark of kept) {
    const url = bookmark.url.trim();
    let entryTitle = oneLine(bookmark.title);
    if (!entryTitle) {
      entryTitle = url;
      plan.notices.push({ file, line: bookmark.line, message: `${shown(url)} has no title: its address is its title` });
    }
    const entry: PlanEntry = {
      line: bookmark.line,
      title: entryTitle,
      url,
      listings: [{ section: bookmark.folder.length ? keyOf.get(pathKey(bookmark.folder))! : looseKey, line: bookmark.line }],
      quotes: bookmark.quotes.map((quote) => quote.trim()).filter(Boolean),
      tags: [...new Set(bookmark.tags.map(tagSlug).filter((tag): tag is string => tag !== undefined))],
      notes: bookmark.notes.map(textAsMarkdown).filter(Boolean),
      repeat: false,
      ...(bookmark.added !== undefined ? { added: bookmark.added } : {}),
    };
    plan.entries.push(entry);
  }
  if (Object.keys(leftOut).length > 0) plan.itemsLeftOut = leftOut;
  return plan;
}

/**
 * The line each item of a JSON array starts on: the array at the top, or the one under `key` in
 * the top object. JSON.parse keeps no positions, so a short scan finds them for the messages.
 */
export function jsonItemLines(text: string, key?: string): number[] {
  const lines: number[] = [];
  let line = 1;
  let depth = 0;
  let inString = false;
  let lastString = '';
  let stringStart = 0;
  let arrayDepth = key === undefined ? 1 : -1;
  let pendingKey = false;
  for (let index = 0; index < text.length; index++) {
    const char = text[index]!;
    if (char === '\n') line++;
    if (inString) {
      if (char === '\\') index++;
      else if (char === '"') {
        inString = false;
        lastString = text.slice(stringStart + 1, index);
      }
      continue;
    }
    if (char === '"') {
      inString = true;
      stringStart = index;
    } else if (char === ':') {
      pendingKey = depth === 1 && key !== undefined && lastString === key && arrayDepth === -1;
    } else if (char === '[' || char === '{') {
      depth++;
      if (char === '[' && pendingKey) arrayDepth = depth;
      else if (char === '{' && depth === arrayDepth + 1) lines.push(line);
      pendingKey = false;
    } else if (char === ']' || char === '}') {
      if (char === ']' && depth === arrayDepth && key !== undefined) arrayDepth = -2;
      depth--;
    } else if (!/\s|,/.test(char)) pendingKey = false;
  }
  return lines;
}
