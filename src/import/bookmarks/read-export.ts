/**
 * Which bookmark or highlight export a file is, told by its content, and the reader for it. Each
 * reader is a pure function from the file's text to the ImportPlan page formats produce, so
 * placement, staging, validation and writing are the same for every format.
 */
import { PAGE_KEY, type BookmarkFormat, type ImportPlan } from '../plan.ts';
import { ExportReadError, type BookmarkOptions } from './bookmark-plan.ts';
import { isEntriesJson, readEntriesJson } from './entries-json.ts';
import { isHypothesisExport, readHypothesisExport } from './hypothesis.ts';
import { isNetscapeBookmarks, readNetscapeBookmarks } from './netscape.ts';
import { isPinboardExport, readPinboardExport } from './pinboard.ts';
import { isRaindropCsv, readRaindropCsv } from './raindrop.ts';

/** The export `source` is, or undefined when it is none of them (a Markdown page, then). */
export function detectBookmarkFormat(source: string): BookmarkFormat | undefined {
  if (isNetscapeBookmarks(source)) return 'netscape';
  const start = source.replace(/^\uFEFF/, '').trimStart();
  if (start.startsWith('[') || start.startsWith('{')) {
    let value: unknown;
    try {
      value = JSON.parse(source.replace(/^\uFEFF/, ''));
    } catch {
      return undefined;
    }
    if (isEntriesJson(value)) return 'entries-json';
    if (isHypothesisExport(value)) return 'hypothesis';
    if (isPinboardExport(value)) return 'pinboard';
    return undefined;
  }
  if (isRaindropCsv(source)) return 'raindrop';
  return undefined;
}

/**
 * The plan of an export; a file that cannot be read at all (broken JSON or CSV) gives a plan with
 * one problem naming its line, so the import stops and says where.
 */
export function readExport(source: string, file: string, format: BookmarkFormat, options: BookmarkOptions = {}): ImportPlan {
  const text = source.replace(/^\uFEFF/, '');
  try {
    switch (format) {
      case 'netscape':
        return readNetscapeBookmarks(text, file, options);
      case 'pinboard':
        return readPinboardExport(text, file, options);
      case 'raindrop':
        return readRaindropCsv(text, file, options);
      case 'hypothesis':
        return readHypothesisExport(text, file, options);
      case 'entries-json':
        return readEntriesJson(text, file);
    }
  } catch (error) {
    const line = error instanceof ExportReadError ? error.line : jsonErrorLine(text, error);
    return {
      file,
      format,
      groups: [],
      groupsDeclared: false,
      sections: [{ key: PAGE_KEY, line: 1, title: file, intro: [], parent: undefined, groups: [] }],
      entries: [],
      problems: [{ file, line, field: format, message: (error as Error).message, lines: text.split('\n').length }],
      notices: [],
      links: [],
      leftOut: [],
    };
  }
}

/** The line of a JSON.parse error, from the character position its message names. */
function jsonErrorLine(text: string, error: unknown): number {
  const position = /position (\d+)/.exec(String((error as Error)?.message))?.[1];
  return position === undefined ? 1 : text.slice(0, Number(position)).split('\n').length;
}
