/**
 * This project's own `entries.json` export (docs/exports.md), so that two lists can be merged:
 * its sections keep their titles, summaries and nesting, its groups their headings, each entry its
 * listings (own section first, then the cross-listings), quotes, tags, `added` and notes. The notes
 * are plain text in the export, so they come back as text.
 */
import { isHttpUrl } from '../../schemas/content.ts';
import { emptyPlan, PAGE_KEY, type ImportPlan, type PlanEntry } from '../plan.ts';
import { ExportReadError, jsonItemLines, LEFT_OUT, oneLine, tagSlug, textAsMarkdown } from './bookmark-plan.ts';

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const text = (value: unknown) => (typeof value === 'string' ? value : '');

/** True for an object with entries.json's `version`, `sections` and `entries`. */
export function isEntriesJson(value: unknown): boolean {
  return (
    isObject(value) && typeof value['version'] === 'number' && Array.isArray(value['sections']) && Array.isArray(value['entries'])
  );
}

export function readEntriesJson(source: string, file: string): ImportPlan {
  const json: unknown = JSON.parse(source);
  if (!isEntriesJson(json) || !isObject(json))
    throw new ExportReadError(1, 'not an entries.json export: it needs "version", "sections" and "entries"');
  const sectionLines = jsonItemLines(source, 'sections');
  const entryLines = jsonItemLines(source, 'entries');
  const plan = emptyPlan(file, 'entries-json', text(json['title']) || 'Reading list');
  if (text(json['title'])) plan.title = { text: text(json['title']), line: 1 };
  if (text(json['description'])) plan.description = text(json['description']);
  const groups = Array.isArray(json['groups']) ? json['groups'].filter(isObject) : [];
  plan.groups = groups.map((group) => ({ id: text(group['id']), heading: text(group['heading']) }));
  plan.groupsDeclared = plan.groups.length > 0;

  const sections = (json['sections'] as unknown[]).filter(isObject);
  const ids = new Set(sections.map((section) => text(section['id'])));
  sections.forEach((section, index) => {
    const line = sectionLines[index] ?? 1;
    const id = text(section['id']);
    const parent = text(section['parent']);
    if (!id || !text(section['title'])) throw new ExportReadError(line, `section ${index + 1} needs an "id" and a "title"`);
    if (parent && !ids.has(parent))
      throw new ExportReadError(line, `section "${id}" sits under "${parent}", which is not in the file`);
    plan.sections.push({
      key: `section:${id}`,
      line,
      title: text(section['title']),
      summary: text(section['summary']) || undefined,
      intro: [],
      parent: parent ? `section:${parent}` : PAGE_KEY,
      groups: Array.isArray(section['groups']) ? section['groups'].map(text).filter(Boolean) : [],
    });
  });

  let refused = 0;
  (json['entries'] as unknown[]).forEach((item, index) => {
    const line = entryLines[index] ?? 1;
    if (!isObject(item)) throw new ExportReadError(line, `entry ${index + 1} is not an object`);
    const url = text(item['url']);
    if (!isHttpUrl(url)) {
      refused++;
      plan.notices.push({
        file,
        line,
        message: `left out "${oneLine(text(item['title']))}": ${JSON.stringify(url)} is not an http(s) link`,
      });
      return;
    }
    const own = { section: text(item['section']), kind: item['kind'] };
    const listings = Array.isArray(item['listings']) && item['listings'].length > 0 ? item['listings'].filter(isObject) : [own];
    for (const listing of listings) {
      if (!ids.has(text(listing['section'])))
        throw new ExportReadError(
          line,
          `entry "${text(item['title'])}" is listed in "${text(listing['section'])}", which is not in the file`,
        );
    }
    const notes = text(item['notes']);
    const entry: PlanEntry = {
      line,
      title: oneLine(text(item['title'])) || url,
      url,
      listings: listings.map((listing) => ({
        section: `section:${text(listing['section'])}`,
        kind: text(listing['kind']) || undefined,
        line,
      })),
      quotes: (Array.isArray(item['quotes']) ? item['quotes'] : []).map(text).filter((quote) => quote.trim()),
      tags: (Array.isArray(item['tags']) ? item['tags'] : [])
        .map((tag) => tagSlug(text(tag)))
        .filter((tag): tag is string => !!tag),
      notes: notes.trim() ? [textAsMarkdown(notes)] : [],
      repeat: false,
      ...(typeof item['added'] === 'string' ? { added: item['added'] } : {}),
    };
    plan.entries.push(entry);
  });
  if (refused > 0) plan.itemsLeftOut = { [LEFT_OUT.refused]: refused };
  return plan;
}
