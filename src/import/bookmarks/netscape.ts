/**
 * The Netscape bookmark file every browser (Firefox, Chrome, Safari, Edge) and most bookmarking
 * services (Pinboard, Raindrop, linkding) export, and this site writes as `bookmarks.html`:
 *
 *   <!DOCTYPE NETSCAPE-Bookmark-file-1> … <H1>Bookmarks</H1>
 *   <DL><p>
 *     <DT><H3 ADD_DATE="…">Folder</H3>
 *     <DL><p>
 *       <DT><A HREF="https://…" ADD_DATE="1700000000" TAGS="a,b" PRIVATE="1" TOREAD="1">Title</A>
 *       <DD>Description
 *     </DL><p>
 *   </DL><p>
 *
 * A folder's `<DL>` follows its `<H3>`; `<DT>`, `<DD>` and `<p>` are never closed. htmlparser2 reads
 * the tags; a title, folder name or description is taken as text, so a `<script>` written in one
 * (escaped or not) stays the characters it is.
 */
import { Parser } from 'htmlparser2';
import type { ImportPlan } from '../plan.ts';
import { dayFromEpoch, planFromBookmarks, type Bookmark, type BookmarkFolder, type BookmarkOptions } from './bookmark-plan.ts';

/** True when `source` opens (after a BOM, blank lines or comments) with the Netscape doctype. */
export function isNetscapeBookmarks(source: string): boolean {
  return /^\uFEFF?(?:\s|<!--[\s\S]*?-->)*<!DOCTYPE\s+NETSCAPE-Bookmark-file-1\s*>/i.test(source);
}

/** 1-based line of each character offset, by binary search over the line starts. */
function lineFinder(source: string): (offset: number) => number {
  const starts = [0];
  for (let index = source.indexOf('\n'); index !== -1; index = source.indexOf('\n', index + 1)) starts.push(index + 1);
  return (offset) => {
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (starts[middle]! <= offset) low = middle;
      else high = middle - 1;
    }
    return low + 1;
  };
}

type Collecting = { kind: 'title' | 'folder' | 'description' | 'heading'; text: string; closes: string };

export function readNetscapeBookmarks(source: string, file: string, options: BookmarkOptions = {}): ImportPlan {
  const lineOf = lineFinder(source);
  const bookmarks: (Bookmark & { notes: string[] })[] = [];
  const folders: BookmarkFolder[] = [];
  // The folders the current position is in; a folder heading waits for the <DL> that opens it.
  const path: string[] = [];
  const opened: boolean[] = []; // per <DL>: did it open a folder (true) or is it the file's own list
  let pendingFolder: { title: string; line: number } | undefined;
  let collecting: Collecting | undefined;
  let current: (Bookmark & { notes: string[] }) | undefined;
  let heading = { text: '', line: 1 };

  const finish = () => {
    if (!collecting) return;
    const { kind, text } = collecting;
    collecting = undefined;
    if (kind === 'title' && current) current.title = text;
    else if (kind === 'description' && current && text.trim()) current.notes.push(text);
    else if (kind === 'folder' && pendingFolder) pendingFolder.title = text;
    else if (kind === 'heading') heading = { ...heading, text };
  };

  const parser = new Parser(
    {
      onopentag(name, attributes) {
        const start = parser.startIndex;
        if (collecting?.kind === 'description' && ['dt', 'dd', 'dl', 'h3', 'a'].includes(name)) finish();
        if (collecting) {
          // Markup inside a title is text someone typed: keep it as written.
          collecting.text += source.slice(start, parser.endIndex + 1);
          return;
        }
        if (name === 'a') {
          const attribute = (key: string) => attributes[key]?.trim();
          current = {
            line: lineOf(start),
            url: attributes['href'] ?? '',
            title: '',
            folder: [...path],
            tags: (attribute('tags') ?? '').split(',').filter((tag) => tag.trim()),
            notes: [],
            quotes: [],
            added: dayFromEpoch(attribute('add_date')),
            private: attribute('private') === '1',
            unread: attribute('toread') === '1',
          };
          bookmarks.push(current);
          collecting = { kind: 'title', text: '', closes: 'a' };
        } else if (name === 'h3') {
          // A folder heading with no <DL> after it (some exporters write an empty folder so).
          if (pendingFolder) folders.push({ path: [...path, pendingFolder.title], line: pendingFolder.line });
          pendingFolder = { title: '', line: lineOf(start) };
          collecting = { kind: 'folder', text: '', closes: 'h3' };
        } else if (name === 'h1') {
          heading.line = lineOf(start);
          collecting = { kind: 'heading', text: '', closes: 'h1' };
        } else if (name === 'dd') {
          if (current) collecting = { kind: 'description', text: '', closes: 'dd' };
        } else if (name === 'dl') {
          if (pendingFolder) {
            path.push(pendingFolder.title);
            folders.push({ path: [...path], line: pendingFolder.line });
            pendingFolder = undefined;
            opened.push(true);
          } else opened.push(false);
          current = undefined;
        } else if (name === 'dt') {
          current = undefined;
        }
      },
      ontext(text) {
        if (collecting) collecting.text += text;
      },
      onclosetag(name, isImplied) {
        if (collecting && name === collecting.closes) {
          finish();
          return;
        }
        if (collecting?.kind === 'description' && name === 'dl') finish();
        else if (collecting) {
          if (!isImplied) collecting.text += source.slice(parser.startIndex, parser.endIndex + 1);
          return;
        }
        if (name === 'dl') {
          if (pendingFolder) folders.push({ path: [...path, pendingFolder.title], line: pendingFolder.line });
          pendingFolder = undefined;
          if (opened.pop()) path.pop();
          current = undefined;
        }
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.end(source);
  finish();
  if (pendingFolder) folders.push({ path: [...path, pendingFolder.title], line: pendingFolder.line });
  const title = heading.text.replace(/\s+/g, ' ').trim();
  const plan = planFromBookmarks(file, 'netscape', title || 'Bookmarks', bookmarks, folders, options);
  if (title) plan.title = { text: title, line: heading.line };
  return plan;
}
