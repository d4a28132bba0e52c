/**
 * The list reader: bulleted entries, and what each bullet is when it is not one — a quote of the entry
 * above (`- > …`), a note of the entry the list is indented under, a label over the links bulleted
 * under it (`- Python` / `  - [lib](…)`), or text kept in the section's introduction (a legend, a
 * licence name), said so. A bullet is never a note of the entry bulleted above it, and a bullet that
 * is not an entry closes that entry, so nothing below it attaches to the wrong one.
 */
import type { List, ListItem, RootContent } from 'mdast';
import { clip, type BodyState } from '../body-state.ts';
import { labelText } from '../conventions.ts';
import { endLineOf, isComment, lineOf, markdownOf, readerText } from '../markdown.ts';
import type { ListedUnder, PlanEntry } from '../plan.ts';
import { readEntryLine } from './entry-line.ts';
import { isNavigation, linksIn } from './prose.ts';

/**
 * Reads a list: bulleted entries, and the quotes and notes of the entry each bullet is under —
 * `parent` for the whole list (its notes), else the entry bulleted above it (its `- > quotes`).
 * Returns the last entry it made, if it is still open.
 */
export function readList(
  state: BodyState,
  list: List,
  parent: PlanEntry | undefined,
  under: ListedUnder | undefined,
): PlanEntry | undefined {
  if (isNavigation(list)) {
    state.leaveOut(
      list,
      'tables of contents',
      `a list of links within the page (a table of contents) is left out (lines ${lineOf(list)}–${endLineOf(list)})`,
    );
    return undefined;
  }
  const notes = new Map<PlanEntry, ListItem[]>();
  const intro: ListItem[] = [];
  let last: PlanEntry | undefined;
  for (const item of list.children) {
    const made = readItem(state, item, { parent, owner: parent ?? last, under }, notes, intro);
    if (made) last = made;
    else if (made === null) last = undefined;
  }
  // One list of notes per entry, in the order written, so the bullets stay one list.
  for (const [owner, items] of notes) owner.notes.push(markdownOf([{ ...list, children: items }]));
  if (intro.length > 0) state.top().section.intro.push(markdownOf([{ ...list, children: intro }]));
  return last;
}

/**
 * Reads one bullet. Returns the entry it made, null when it closes the entry above (so nothing
 * below attaches to the wrong entry), undefined when it belongs to the entry above.
 */
function readItem(
  state: BodyState,
  item: ListItem,
  context: { parent: PlanEntry | undefined; owner: PlanEntry | undefined; under: ListedUnder | undefined },
  notes: Map<PlanEntry, ListItem[]>,
  intro: ListItem[],
): PlanEntry | null | undefined {
  const { parent, owner, under } = context;
  const [first, ...rest] = item.children;
  // `* * [Name](…)`: an empty bullet holding a list is that list.
  if (first?.type === 'list' && rest.length === 0) return readList(state, first, parent, under) ?? null;
  const entryLine = first?.type === 'paragraph' ? state.webEntryLine(first) : undefined;
  if (first?.type === 'paragraph' && entryLine) {
    const listedUnder = under ?? (parent ? { entry: { title: parent.title, url: parent.url } } : undefined);
    const entry = state.addEntries(first, entryLine, listedUnder, state.listingHere(lineOf(first)));
    readUnder(state, entry, rest);
    return entry;
  }
  if (first?.type === 'blockquote' && owner) {
    for (const child of item.children) {
      if (child.type === 'blockquote') state.addQuote(owner, child);
      else owner.notes.push(markdownOf([child]));
    }
    return undefined;
  }
  // A bullet of plain text with links bulleted under it labels them (`- Python` / `  - [lib](…)`).
  const nested = rest.filter((child): child is List => child.type === 'list');
  if (first?.type === 'paragraph' && nested.some((list) => list.children.some(startsWithEntry))) {
    const text = labelText(readerText(first));
    const kept = [first, ...rest.filter((child) => child.type !== 'list')];
    if (kept.length > 1 || linksIn(first, state.urlOf).size > 0) {
      state.top().section.intro.push(markdownOf(kept));
      state.notice(item, `the text of the label "${text}" is kept in the introduction of "${state.top().section.title}"`);
    }
    for (const child of nested) readList(state, child, undefined, { label: text });
    return null;
  }
  if (parent) {
    const list = notes.get(parent);
    if (list) list.push(item);
    else notes.set(parent, [item]);
    return undefined;
  }
  const notWeb = first?.type === 'paragraph' ? readEntryLine(first, state.urlOf) : undefined;
  if (notWeb && rest.length === 0 && notWeb.links.every((link) => link.url.startsWith('#'))) {
    state.notice(item, `a link within the page ("${notWeb.links[0]!.title}") is not an entry: left out`);
    return null;
  }
  // Not an entry and not under one (a legend, a licence name, a line about the list): kept as text.
  intro.push(item);
  state.notice(
    item,
    `a bullet that is not an entry ("${clip(readerText(item))}"): kept in the introduction of "${state.top().section.title}"`,
  );
  return notWeb ? null : undefined;
}

/** What is indented under an entry's bullet: quotes, notes and the links listed under it. */
export function readUnder(state: BodyState, entry: PlanEntry, blocks: readonly RootContent[]): void {
  for (const block of blocks) {
    if (block.type === 'blockquote') state.addQuote(entry, block);
    else if (block.type === 'list') readList(state, block, entry, undefined);
    else if (block.type === 'html' && isComment(block.value)) state.notice(block, 'an HTML comment is left out');
    else entry.notes.push(markdownOf([block]));
  }
}

/** A bullet whose text is an entry line. */
export function startsWithEntry(item: ListItem): boolean {
  const first = item.children[0];
  return first?.type === 'paragraph' && readEntryLine(first) !== undefined;
}
