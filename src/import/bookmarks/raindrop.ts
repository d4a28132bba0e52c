/**
 * A Raindrop.io CSV export (Settings → Backups → CSV): a header row, then one row per bookmark,
 *
 *   id,title,note,excerpt,url,folder,tags,created,cover,highlights,favorite
 *
 * in any column order (Raindrop's own importer reads them by name). `folder` nests with "/"
 * ("Reading/Essays"); `tags` are comma-separated; `created` is ISO 8601; `highlights` holds each
 * highlight as "Highlight:<text>", followed by "Note:<text>" when it has one, highlights separated
 * by blank lines. The excerpt (the page's own description) and the note become notes; highlights
 * become quotes, in order, and a highlight's note joins the notes. csv-parse reads the quoting.
 */
import { parse } from 'csv-parse/sync';
import type { ImportPlan } from '../plan.ts';
import { dayFromIso, ExportReadError, planFromBookmarks, type Bookmark, type BookmarkOptions } from './bookmark-plan.ts';

/** True when the first line is a header naming `url` and at least two of Raindrop's other columns. */
export function isRaindropCsv(source: string): boolean {
  const header = source.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  const columns = header.split(',').map((column) => column.trim().replace(/^"|"$/g, '').toLowerCase());
  const known = ['title', 'note', 'excerpt', 'folder', 'tags', 'created', 'highlights'];
  return columns.includes('url') && columns.filter((column) => known.includes(column)).length >= 2;
}

/** The quotes and their notes in a `highlights` cell. */
export function readHighlights(cell: string): { quotes: string[]; notes: string[] } {
  const quotes: string[] = [];
  const notes: string[] = [];
  let target: string[] | undefined;
  for (const line of cell.replace(/\r\n?/g, '\n').split('\n')) {
    const highlight = /^\s*Highlight:\s?(.*)$/.exec(line);
    const note = /^\s*Note:\s?(.*)$/.exec(line);
    if (highlight) {
      quotes.push(highlight[1]!);
      target = quotes;
    } else if (note) {
      notes.push(note[1]!);
      target = notes;
    } else if (target && line.trim()) {
      // A highlight or note that runs on over several lines.
      target[target.length - 1] += `\n${line}`;
    } else if (!target && line.trim()) {
      // A cell without the "Highlight:" labels: each line is a highlight.
      quotes.push(line);
    } else if (!line.trim()) target = undefined;
  }
  return { quotes: quotes.map((quote) => quote.trim()).filter(Boolean), notes: notes.filter((note) => note.trim()) };
}

export function readRaindropCsv(source: string, file: string, options: BookmarkOptions = {}): ImportPlan {
  let rows: { record: Record<string, string>; info: { bytes: number } }[];
  try {
    rows = parse(source, {
      bom: true,
      columns: (header: string[]) => header.map((name) => name.trim().toLowerCase()),
      info: true,
      skip_empty_lines: true,
    });
  } catch (error) {
    const line = (error as { lines?: number }).lines ?? 1;
    throw new ExportReadError(line, `not a CSV file that can be read: ${(error as Error).message}`);
  }
  // Each record starts where the one before ended (csv-parse counts characters read; its own line
  // count takes a CR LF inside a quoted cell for two lines).
  let end = source.indexOf('\n') + 1;
  const bookmarks: Bookmark[] = rows.map(({ record, info }) => {
    let start = end;
    while (source[start] === '\r' || source[start] === '\n') start++;
    end = info.bytes;
    const line = source.slice(0, start).split('\n').length;
    const cell = (name: string) => record[name] ?? '';
    const highlights = readHighlights(cell('highlights'));
    return {
      line,
      url: cell('url'),
      title: cell('title'),
      folder: cell('folder')
        .split('/')
        .map((part) => part.trim())
        .filter(Boolean),
      tags: cell('tags').split(','),
      notes: [cell('excerpt'), cell('note'), ...highlights.notes].filter((note) => note.trim()),
      quotes: highlights.quotes,
      added: dayFromIso(cell('created')),
    };
  });
  return planFromBookmarks(file, 'raindrop', 'Raindrop bookmarks', bookmarks, [], options);
}
