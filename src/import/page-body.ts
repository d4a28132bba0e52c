/**
 * Reads the body of a page — headings, entries, quotes, notes — into an ImportPlan. Both formats
 * share it; a format only says what each heading is (a section, a group, something to skip) and
 * reads its own page head (frontmatter, or an awesome list's title and tagline).
 *
 * The walk is short: what it keeps (the open section and entry, a label) is src/import/body-state.ts,
 * and it hands each kind of node to its reader in src/import/readers/ —
 * - heading.ts: a section, a group, or a part left out (its links counted with it);
 * - paragraph.ts: an entry paragraph, a label, a badge line, a summary, a quote, or text kept;
 * - list.ts: bulleted entries, their quotes and notes, labels, and bullets that are text;
 * - table.ts: a table whose rows hold links, a row an entry;
 * and those share entry-line.ts (a paragraph or bullet whose first link is the item, after emoji,
 * images, badges, a bold word or a strike-through; the exporter keeps to the same rule), quote.ts
 * (one blockquote, one passage) and prose.ts (labels, badge lines, tables of contents, links in text).
 * An entry's notes are the bullets and paragraphs indented under it (the description first), and
 * links bulleted under it are entries of their own, right after it, noting what they were listed
 * under. A section's first plain paragraph (or blockquote) is its summary; any other text that is
 * not an entry — prose between entries, a legend bullet, a table row without a link — is kept in
 * the section's introduction, said out loud. Badges, HTML blocks, comments, tables of contents and
 * "back to top" links are left out, each with a line saying so and its links counted (plan.leftOut).
 * Nothing changes kind silently, and nothing is refused but a heading a format cannot place.
 */
import type { Nodes, PhrasingContent, RootContent } from 'mdast';
import { BodyState, isFreshSection, type BodyRules } from './body-state.ts';
import { NO_SUMMARY_MARK, readIdMark } from './conventions.ts';
import { endLineOf, isComment, lineCount, lineOf, readerText } from './markdown.ts';
import type { ImportPlan } from './plan.ts';
import type { UrlOf } from './readers/entry-line.ts';
import { readHeading } from './readers/heading.ts';
import { readList, startsWithEntry } from './readers/list.ts';
import { readBlockquote, readParagraph } from './readers/paragraph.ts';
import { linksIn } from './readers/prose.ts';
import { placeTable } from './readers/table.ts';

export type { BodyRules, HeadingRole } from './body-state.ts';

/** Reads `nodes` (the page after its head) into `plan`, under the page itself. */
export function readBody(plan: ImportPlan, file: string, nodes: readonly RootContent[], rules: BodyRules, urlOf: UrlOf): void {
  const footnotes = inlineFootnotes(nodes);
  const state = new BodyState(plan, file, rules, urlOf);
  for (const node of nodes) {
    const { skipping } = state;
    if (skipping) {
      if (node.type === 'heading' && node.depth <= skipping.level) {
        state.skipping = undefined;
      } else {
        if (skipping.problem) skipping.problem.lines += lineCount(node);
        // What is under a skipped heading is left out with it, its links counted there.
        for (const url of linksIn(node, urlOf)) {
          if (!skipping.seen.has(url)) skipping.urls.push(url);
          skipping.seen.add(url);
        }
        continue;
      }
    }
    switch (node.type) {
      case 'heading':
        readHeading(state, node);
        break;
      case 'thematicBreak':
        state.endLabel();
        state.closeEntries();
        break;
      case 'definition':
        break; // read with the links that use it
      case 'html':
        // An export's mark that the section has no summary: the text below it is its introduction.
        if (node.value.trim() === NO_SUMMARY_MARK) state.top().blocks++;
        // An export's id of the section whose heading it follows (src/import/conventions.ts).
        else if (readIdMark(node.value) !== undefined && isFreshSection(state.top()))
          state.top().section.id = readIdMark(node.value);
        else if (isComment(node.value)) state.notice(node, 'an HTML comment is left out');
        else state.leaveOut(node, 'HTML blocks', `an HTML block is left out (lines ${lineOf(node)}–${endLineOf(node)})`);
        break;
      case 'footnoteDefinition':
        if (!footnotes.has(node.identifier))
          state.leaveOut(
            node,
            'footnotes referred to nowhere',
            `the footnote [^${node.label ?? node.identifier}] is referred to nowhere: left out`,
          );
        break;
      case 'paragraph':
        readParagraph(state, node);
        break;
      case 'blockquote':
        readBlockquote(state, node);
        break;
      case 'list': {
        // Bullets under an entry paragraph are listed under it; otherwise under the label, if any.
        const { openEntry } = state;
        // A bold line above bullets none of which is an entry was text, not a label: kept before them.
        if (!openEntry && !node.children.some((item) => startsWithEntry(item))) state.endLabel();
        const last = readList(state, node, openEntry, openEntry ? undefined : state.underLabel());
        if (!openEntry) state.lastEntry = last;
        state.top().blocks++;
        break;
      }
      case 'table':
        placeTable(state, node);
        break;
      default:
        // Code and anything else that is not an entry: part of the open entry's notes, else the section's intro.
        state.keepText(node, `a ${node.type} block between entries`);
    }
  }
  state.endLabel();
  refuseUngroupedEntries(plan, file);
}

/**
 * Footnotes become part of the text that refers to them — `slides.[^1]` reads `slides. (Slides are
 * linked from the talk page.)` — so a description keeps its footnote wherever the entry goes.
 * Returns the identifiers of the footnotes used.
 */
function inlineFootnotes(nodes: readonly RootContent[]): Set<string> {
  const definitions = new Map<string, PhrasingContent[]>();
  for (const node of nodes) {
    if (node.type !== 'footnoteDefinition') continue;
    const parts = node.children.flatMap((child, index): PhrasingContent[] =>
      child.type === 'paragraph'
        ? [...(index > 0 ? [{ type: 'text', value: ' ' } as const] : []), ...child.children]
        : [{ type: 'text', value: readerText(child) }],
    );
    definitions.set(node.identifier, parts);
  }
  const used = new Set<string>();
  const visit = (node: Nodes) => {
    if (!('children' in node) || node.type === 'footnoteDefinition') return;
    const children = node.children as Nodes[];
    for (let index = 0; index < children.length; index++) {
      const child = children[index]!;
      if (child.type === 'footnoteReference' && definitions.has(child.identifier)) {
        used.add(child.identifier);
        children.splice(index, 1, { type: 'text', value: ' (' }, ...definitions.get(child.identifier)!, {
          type: 'text',
          value: ')',
        });
        index += definitions.get(child.identifier)!.length + 1;
      } else {
        visit(child);
      }
    }
  };
  nodes.forEach(visit);
  return used;
}

/** In a section with groups, an entry above its first group heading has no group to be listed in. */
function refuseUngroupedEntries(plan: ImportPlan, file: string): void {
  const grouped = new Set(plan.sections.filter((section) => section.groups.length > 0).map((section) => section.key));
  const titles = new Map(plan.sections.map((section) => [section.key, section.title]));
  plan.entries = plan.entries.filter((entry) => {
    const listing = entry.listings[0]!;
    if (listing.kind !== undefined || !grouped.has(listing.section)) return true;
    plan.leftOut.push({ line: entry.line, what: 'parts refused (see the problems)', urls: [entry.url] });
    plan.problems.push({
      file,
      line: entry.line,
      field: 'kind',
      message: `"${entry.title}" is above the first group heading of "${titles.get(listing.section)}", which lists its entries under groups: add a group heading above it`,
      lines: 1,
    });
    return false;
  });
}
