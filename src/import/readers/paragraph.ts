/**
 * The paragraph and blockquote readers, at the top level of a section: an entry written as a paragraph
 * (legacy pages: `[**Title**](url): description`), a bold label over a run of entries, a line of
 * badges (left out), the section's one-line summary, a quote of the entry above; any other text is
 * kept — in the open entry's notes, else in the section's introduction, said so.
 */
import type { Blockquote, Paragraph } from 'mdast';
import { clip, type BodyState } from '../body-state.ts';
import { labelText } from '../conventions.ts';
import { lineOf, readerText } from '../markdown.ts';
import { readEntryLine } from './entry-line.ts';
import { isLabel, isPicturesOnly } from './prose.ts';

export function readParagraph(state: BodyState, node: Paragraph): void {
  const current = state.top();
  const entryLine = state.webEntryLine(node);
  if (entryLine) {
    const entry = state.addEntries(node, entryLine, state.underLabel(), state.listingHere(lineOf(node)));
    current.blocks++;
    state.openEntry = state.lastEntry = entry;
    return;
  }
  const notWeb = readEntryLine(node, state.urlOf);
  if (notWeb) {
    state.closeEntries(); // nothing below belongs to the entry above any more
    if (notWeb.links.every((link) => link.url.startsWith('#'))) {
      state.notice(node, `a link within the page ("${notWeb.links[0]!.title}") is not an entry: left out`);
      return;
    }
    state.notice(
      node,
      `"${clip(readerText(node))}" links to ${notWeb.links[0]!.url}, not a web address: kept as text, not an entry`,
    );
  }
  if (isLabel(node)) {
    state.endLabel();
    state.closeEntries();
    state.label = { text: labelText(readerText(node)), line: lineOf(node), used: false, node };
    current.blocks++;
    return;
  }
  if (isPicturesOnly(node)) {
    state.leaveOut(node, 'badges and images', 'badges and images are left out');
    return;
  }
  state.endLabel(); // text after a label with no entries yet: the label was text too, kept in its place
  if (!state.openEntry) {
    const summary = state.summaryOf(node);
    if (summary !== undefined) {
      current.section.summary = summary;
      current.blocks++;
      return;
    }
  }
  state.keepText(node, 'a paragraph between entries');
}

/** A blockquote after an entry is its quote; before any, the section's summary or introduction. */
export function readBlockquote(state: BodyState, node: Blockquote): void {
  const owner = state.openEntry ?? state.lastEntry;
  if (owner) {
    state.addQuote(owner, node);
    return;
  }
  const summary = state.summaryOf(node);
  if (summary !== undefined) {
    state.top().section.summary = summary;
    state.top().blocks++;
  } else state.keepText(node, 'a quote that follows no entry');
}
