/**
 * Hypothesis annotations as JSON: the export of the Hypothesis web app (`{ "annotations": […] }`),
 * an API search result (`{ "rows": […] }`), or a bare array of annotations. Each annotation has
 *
 *   { "uri": "https://…", "created": "2024-05-31T…", "text": "the annotation's own words",
 *     "tags": ["…"], "document": { "title": ["…"] }, "references": […] (a reply),
 *     "permissions": { "read": ["group:__world__"] } (shared) or ["acct:…"] (only me),
 *     "target": [{ "source": "…", "selector": [
 *       { "type": "TextQuoteSelector", "exact": "the passage", "prefix": "…", "suffix": "…" },
 *       { "type": "TextPositionSelector", "start": 120, "end": 180 } ] }] }
 *
 * (W3C Web Annotation selectors). The annotations on one page become one entry: its quotes are the
 * highlighted passages in the order they stand in the page (by TextPositionSelector start, else as
 * annotated), its notes the annotations' texts. Replies are someone's answer to an annotation, not
 * a passage of the page: left out and counted.
 */
import { normaliseUrl } from '../../content/urls.ts';
import type { ImportPlan } from '../plan.ts';
import {
  dayFromIso,
  ExportReadError,
  jsonItemLines,
  planFromBookmarks,
  type Bookmark,
  type BookmarkOptions,
} from './bookmark-plan.ts';

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The annotations of a Hypothesis export, and the key they are under (undefined: a bare array). */
function annotationsOf(value: unknown): { items: unknown[]; key: string | undefined } | undefined {
  if (Array.isArray(value)) return { items: value, key: undefined };
  if (!isObject(value)) return undefined;
  for (const key of ['annotations', 'rows']) if (Array.isArray(value[key])) return { items: value[key] as unknown[], key };
  return undefined;
}

/** True for JSON holding annotations: items with a `uri` and a `target` list. */
export function isHypothesisExport(value: unknown): boolean {
  const found = annotationsOf(value);
  const first = found?.items[0];
  return isObject(first) && typeof first['uri'] === 'string' && Array.isArray(first['target']);
}

interface Passage {
  exact: string;
  start: number | undefined;
  order: number;
}

export function readHypothesisExport(source: string, file: string, options: BookmarkOptions = {}): ImportPlan {
  const found = annotationsOf(JSON.parse(source));
  if (!found) throw new ExportReadError(1, 'a Hypothesis export holds its annotations as a list ("annotations" or "rows")');
  const lines = jsonItemLines(source, found.key);
  const pages = new Map<string, Bookmark & { passages: Passage[]; tagList: string[]; noteList: string[]; days: string[] }>();
  let replies = 0;
  found.items.forEach((item, index) => {
    const line = lines[index] ?? 1;
    if (!isObject(item) || typeof item['uri'] !== 'string')
      throw new ExportReadError(line, `annotation ${index + 1} has no "uri" (the page it is on)`);
    if (Array.isArray(item['references']) && item['references'].length > 0) {
      replies++;
      return;
    }
    const uri = item['uri'];
    const read = isObject(item['permissions']) ? item['permissions']['read'] : undefined;
    const shared = !Array.isArray(read) || read.some((who) => typeof who === 'string' && who.startsWith('group:'));
    const document = isObject(item['document']) ? item['document'] : {};
    const titles = Array.isArray(document['title']) ? document['title'] : [document['title']];
    const title = titles.find((each): each is string => typeof each === 'string' && each.trim() !== '') ?? '';
    const key = (() => {
      try {
        return normaliseUrl(uri);
      } catch {
        return uri;
      }
    })();
    let page = pages.get(key);
    if (!page) {
      page = {
        line,
        url: uri,
        title,
        folder: [],
        tags: [],
        notes: [],
        quotes: [],
        passages: [],
        tagList: [],
        noteList: [],
        days: [],
        private: true,
      };
      pages.set(key, page);
    }
    if (!page.title && title) page.title = title;
    // The page is private only when every annotation on it is.
    if (shared) page.private = false;
    const day = dayFromIso(typeof item['created'] === 'string' ? item['created'] : undefined);
    if (day) page.days.push(day);
    if (Array.isArray(item['tags'])) page.tagList.push(...item['tags'].filter((tag): tag is string => typeof tag === 'string'));
    if (typeof item['text'] === 'string' && item['text'].trim()) page.noteList.push(item['text']);
    const targets = Array.isArray(item['target']) ? item['target'] : [];
    for (const target of targets) {
      const selectors = isObject(target) && Array.isArray(target['selector']) ? target['selector'].filter(isObject) : [];
      const quote = selectors.find((selector) => selector['type'] === 'TextQuoteSelector');
      const position = selectors.find((selector) => selector['type'] === 'TextPositionSelector');
      if (quote && typeof quote['exact'] === 'string' && quote['exact'].trim()) {
        page.passages.push({
          exact: quote['exact'],
          start: typeof position?.['start'] === 'number' ? position['start'] : undefined,
          order: page.passages.length,
        });
      }
    }
  });
  const bookmarks: Bookmark[] = [...pages.values()].map((page) => {
    const placed = page.passages.every((passage) => passage.start !== undefined);
    const passages = placed ? [...page.passages].sort((a, b) => a.start! - b.start! || a.order - b.order) : page.passages;
    return {
      line: page.line,
      url: page.url,
      title: page.title,
      folder: [],
      tags: page.tagList,
      notes: page.noteList,
      quotes: [...new Set(passages.map((passage) => passage.exact.trim()))],
      added: page.days.sort()[0],
      private: page.private,
    };
  });
  const plan = planFromBookmarks(file, 'hypothesis', 'Highlights', bookmarks, [], options);
  if (replies > 0) plan.itemsLeftOut = { ...plan.itemsLeftOut, 'a reply to an annotation': replies };
  return plan;
}
