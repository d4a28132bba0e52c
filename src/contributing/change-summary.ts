/**
 * The Markdown a pull request's summary comment shows: what the change does to the list, as
 * readers will see it, and whether the list still validates. Every piece of content text goes
 * through markdown.ts, so nothing a contributor writes becomes markup, a mention or a link.
 */
import type { EntryFile } from '../content/content-files.ts';
import { declaredGroups, type Listing } from '../content/list-shape.ts';
import { formatProblem, sortProblems } from '../content/problems.ts';
import { domainOf } from '../content/urls.ts';
import { entryPath, joinBase, sectionPath } from '../site/paths.ts';
import { isEmpty, type EntryChange, type ListChanges, type ListRevision, type SectionChange } from './list-changes.ts';
import { blockquote, codeBlock, inlineCode, inlineText, link } from './markdown.ts';

/**
 * A GitHub comment holds at most 65,536 characters; the summary stays within 60,000 bytes of UTF-8
 * (what the commenting job accepts), which leaves room for its footer.
 */
export const SUMMARY_LIMIT = 60_000;

const size = (text: string) => Buffer.byteLength(text, 'utf8');

export interface SummaryInput {
  base: ListRevision;
  head: ListRevision;
  changes: ListChanges;
  /** The address the built site is (or will be) served at; pages are linked under it. */
  site?: string | undefined;
}

interface RenderOptions {
  /** Quotes, notes and field values in full, or one line per entry. */
  detail: boolean;
  /** At most this many items per list; the rest are counted. */
  maxItems: number;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** "Data Platforms › Selected Approaches": a listing named as readers see it in that revision. */
function placeName(listing: Listing, revision: ListRevision): string {
  const section = revision.sections.find((each) => each.id === listing.section);
  const heading = declaredGroups(revision.list?.data).find((group) => group.id === listing.kind)?.heading;
  const title = section?.data.title ?? listing.section;
  return `**${inlineText(title)}**${listing.kind ? ` › ${inlineText(heading ?? listing.kind)}` : ''}`;
}

function pageLink(path: string, site: string | undefined, label = 'page'): string {
  return site ? link(label, joinBase(site, path)) : inlineCode(`/${path}`);
}

const entryTitle = (entry: EntryFile) => `${link(entry.data.title, entry.data.url)} · ${inlineCode(domainOf(entry.data.url))}`;

/** At most `max` of `items`, then a line counting the rest. */
function capped<T>(items: readonly T[], max: number, render: (item: T) => string[]): string[] {
  const shown = items.slice(0, max).flatMap(render);
  return items.length > max ? [...shown, `…and ${items.length - max} more (too many to show in one comment).`, ''] : shown;
}

/** Notes as written: Markdown the site renders through its own sanitiser, shown here as code. */
function notesLines(markdown: string): string[] {
  return markdown.trim() ? ['Notes:', '', codeBlock(markdown.trim(), 'markdown'), ''] : [];
}

function quoteLines(quotes: readonly string[], struck = false): string[] {
  return quotes.flatMap((quote) => [struck ? `> ~~${inlineText(quote)}~~` : blockquote(quote), '']);
}

function addedEntry(entry: EntryFile, input: SummaryInput, options: RenderOptions): string[] {
  const { head, site } = input;
  const [own, ...also] = [{ section: entry.data.section, kind: entry.data.kind }, ...entry.data.also_in];
  const where = [
    `In ${placeName(own!, head)}`,
    ...(also.length ? [`also in ${also.map((listing) => placeName(listing, head)).join(', ')}`] : []),
  ];
  const facts = [
    where.join(', '),
    ...(entry.data.tags.length ? [`tags: ${entry.data.tags.map(inlineCode).join(' ')}`] : []),
    ...(entry.data.added ? [`added ${inlineCode(entry.data.added)}`] : []),
    pageLink(entryPath(entry.id), site),
  ];
  if (!options.detail) return [`- ${entryTitle(entry)}: ${facts.join(' · ')}`];
  return [`#### ${entryTitle(entry)}`, '', facts.join(' · '), '', ...quoteLines(entry.data.quotes), ...notesLines(entry.body)];
}

/** A tiny line diff (longest common subsequence) for notes and intros: `-` before, `+` after. */
export function lineDiff(before: string, after: string): string {
  const a = before.trim() ? before.trim().split('\n') : [];
  const b = after.trim() ? after.trim().split('\n') : [];
  const common: number[][] = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      common[i]![j] = a[i] === b[j] ? common[i + 1]![j + 1]! + 1 : Math.max(common[i + 1]![j]!, common[i]![j + 1]!);
    }
  }
  const out: string[] = [];
  let [i, j] = [0, 0];
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      out.push(`  ${a[i]}`);
      i++;
      j++;
    } else if (j < b.length && (i === a.length || common[i]![j + 1]! >= common[i + 1]![j]!)) out.push(`+ ${b[j++]}`);
    else out.push(`- ${a[i++]}`);
  }
  return out.join('\n');
}

const valueText = (value: unknown) =>
  value === undefined ? 'none' : inlineCode(typeof value === 'string' ? value : JSON.stringify(value));

function changedEntry(change: EntryChange, input: SummaryInput, options: RenderOptions): string[] {
  const { before, after } = change;
  const lines: string[] = [];
  // A move changes the file and usually the group: the move says so, once.
  const fields = change.fields.filter((field) => !change.moved || (field !== 'file' && field !== 'kind'));
  for (const field of fields) {
    if (field === 'title') lines.push(`- title: ~~${inlineText(before.data.title)}~~ → ${inlineText(after.data.title)}`);
    else if (field === 'url') lines.push(`- link: ${inlineCode(before.data.url)} → ${inlineCode(after.data.url)}`);
    else if (field === 'kind') {
      lines.push(
        `- group: ${placeName({ section: after.data.section, kind: before.data.kind }, input.base)} → ${placeName(after.data, input.head)}`,
      );
    } else if (field === 'tags') {
      const { added, removed } = change.tags;
      const parts = [
        ...(added.length ? [`added ${added.map(inlineCode).join(' ')}`] : []),
        ...(removed.length ? [`removed ${removed.map(inlineCode).join(' ')}`] : []),
      ];
      lines.push(`- tags: ${parts.join('; ') || 'reordered'}`);
    } else if (field === 'quotes') {
      const { added, removed, reordered } = change.quotes;
      const parts = [
        ...(added.length ? [`${plural(added.length, 'quote')} added`] : []),
        ...(removed.length ? [`${plural(removed.length, 'quote')} removed`] : []),
      ];
      lines.push(`- quotes: ${reordered ? 'reordered' : parts.join(', ')}`);
    } else if (field === 'notes')
      lines.push(`- notes: ${before.body.trim() ? (after.body.trim() ? 'changed' : 'removed') : 'added'}`);
    else if (field === 'file') lines.push(`- file: ${inlineCode(before.file)} → ${inlineCode(after.file)}`);
    else lines.push(`- ${field}: ${valueText(before.data[field])} → ${valueText(after.data[field])}`);
  }
  if (lines.length === 0) return [];
  const heading = `${entryTitle(after)} · ${pageLink(entryPath(after.id), input.site)}`;
  if (!options.detail) return [`- ${heading}: ${fields.join(', ')}`];
  const details: string[] = [];
  if (change.quotes.added.length) details.push('Quotes added:', '', ...quoteLines(change.quotes.added));
  if (change.quotes.removed.length) details.push('Quotes removed:', '', ...quoteLines(change.quotes.removed, true));
  if (change.fields.includes('notes'))
    details.push('Notes, as written:', '', codeBlock(lineDiff(before.body, after.body), 'diff'), '');
  return [`#### ${heading}`, '', ...lines, '', ...details];
}

function movedEntry(change: EntryChange, input: SummaryInput): string[] {
  const { moved, after } = change;
  if (!moved) return [];
  return [
    `- ${entryTitle(after)}: ${placeName(moved.from, input.base)} → ${placeName(moved.to, input.head)} · ${pageLink(entryPath(after.id), input.site)}`,
  ];
}

function crossListedEntry(change: EntryChange, input: SummaryInput): string[] {
  const { added, removed, changed } = change.crossListings;
  const parts = [
    ...(added.length ? [`now also in ${added.map((listing) => placeName(listing, input.head)).join(', ')}`] : []),
    ...(removed.length ? [`no longer in ${removed.map((listing) => placeName(listing, input.base)).join(', ')}`] : []),
    ...changed.map(
      ({ before, after }) =>
        `in ${placeName(before, input.base)} now listed as ${placeName(after, input.head)}${after.order !== before.order ? ` (order ${valueText(before.order)} → ${valueText(after.order)})` : ''}`,
    ),
  ];
  return parts.length ? [`- ${entryTitle(change.after)}: ${parts.join('; ')}`] : [];
}

function sectionLines(input: SummaryInput): string[] {
  const { added, removed, changed } = input.changes.sections;
  const name = (title: string, id: string) => `**${inlineText(title)}** (${inlineCode(id)})`;
  const describe = (change: SectionChange) =>
    change.fields.map((field) => {
      if (field === 'intro') return 'intro changed';
      const [was, now] = [change.before.data[field], change.after.data[field]];
      return `${field}: ${valueText(was)} → ${valueText(now)}`;
    });
  return [
    ...added.map((section) => {
      const parent = section.data.parent ? `, under ${inlineCode(section.data.parent)}` : '';
      return `- Added: ${name(section.data.title, section.id)}${parent} · ${pageLink(sectionPath(section.id), input.site)}`;
    }),
    ...changed.map(
      (change) =>
        `- Changed: ${name(change.after.data.title, change.after.id)}: ${describe(change).join('; ')} · ${pageLink(sectionPath(change.after.id), input.site)}`,
    ),
    ...removed.map((section) => `- Removed: ${name(section.data.title, section.id)}`),
  ];
}

function listLines(input: SummaryInput): string[] {
  const { base, head } = input;
  return input.changes.list.map((field) => {
    if (field === 'groups') {
      const groups = (revision: ListRevision) =>
        declaredGroups(revision.list?.data)
          .map((group) => `${inlineCode(group.id)} ${inlineText(group.heading)}`)
          .join(', ');
      return `- groups: ${groups(base)} → ${groups(head)}`;
    }
    return `- ${field}: ${valueText(base.list?.data[field])} → ${valueText(head.list?.data[field])}`;
  });
}

function validationLines(head: ListRevision, maxProblems: number): string[] {
  if (head.problems.length === 0) {
    return [
      `✓ \`npm run validate\` passes: ${plural(head.entries.length, 'entry', 'entries')} in ${plural(head.sections.length, 'section')}.`,
    ];
  }
  const files = new Set(head.problems.map((problem) => problem.file)).size;
  const shown = sortProblems(head.problems).slice(0, maxProblems);
  return [
    `✗ \`npm run validate\` finds ${plural(head.problems.length, 'problem')} in ${plural(files, 'file')}; the site cannot be built until they are fixed:`,
    '',
    ...(shown.length ? [codeBlock(shown.map(formatProblem).join('\n'), 'text')] : []),
    ...(head.problems.length > maxProblems
      ? ['', `…and ${plural(head.problems.length - maxProblems, 'more problem')}: run \`npm run validate\` for all of them.`]
      : []),
  ];
}

function render(input: SummaryInput, options: RenderOptions): string {
  const { changes } = input;
  const moved = changes.changed.filter((change) => change.moved);
  const crossListed = changes.changed.filter((change) => crossListedEntry(change, input).length > 0);
  const edited = changes.changed.filter((change) => changedEntry(change, input, options).length > 0);
  const counts = [
    [changes.added.length, 'added'],
    [edited.length, 'changed'],
    [moved.length, 'moved'],
    [crossListed.length, 'cross-listed'],
    [changes.removed.length, 'removed'],
    [changes.unreadable.length, 'unreadable'],
  ] as const;
  const sectionCount = changes.sections.added.length + changes.sections.changed.length + changes.sections.removed.length;
  const tally = counts.filter(([n]) => n > 0).map(([n, what]) => `${n} ${what}`);
  const out: string[] = ['## What this pull request changes in the list', ''];
  if (isEmpty(changes)) out.push('Nothing in the list changes: no entry, section or list field differs.', '');
  else {
    const summary = [
      ...(tally.length ? [`Entries: ${tally.join(' · ')}`] : []),
      ...(sectionCount ? [`Sections: ${plural(sectionCount, 'change')}`] : []),
      ...(changes.list.length ? ['The list: changed'] : []),
    ];
    out.push(`**${summary.join(' — ')}**`, '');
  }
  out.push(...validationLines(input.head, options.detail ? 200 : options.maxItems), '');
  const block = (title: string, items: string[]) => (items.length ? [`### ${title}`, '', ...items, ''] : []);
  const list = <T>(items: readonly T[], each: (item: T) => string[]) => capped(items, options.maxItems, each);
  out.push(
    ...block(
      `Added (${changes.added.length})`,
      list(changes.added, (entry) => addedEntry(entry, input, options)),
    ),
    ...block(
      `Changed (${edited.length})`,
      list(edited, (change) => changedEntry(change, input, options)),
    ),
    ...block(
      `Moved between sections (${moved.length})`,
      list(moved, (change) => movedEntry(change, input)),
    ),
    ...block(
      `Cross-listed (${crossListed.length})`,
      list(crossListed, (change) => crossListedEntry(change, input)),
    ),
    ...block(
      `Removed (${changes.removed.length})`,
      list(changes.removed, (entry) => [`- ${inlineText(entry.data.title)} (${inlineCode(entry.file)})`]),
    ),
    ...block(
      `Cannot be read now (${changes.unreadable.length})`,
      list(changes.unreadable, ({ before, file }) => [
        `- ${inlineText(before.data.title)}: ${inlineCode(file)} has problems (see above)`,
      ]),
    ),
    ...block(
      'Sections',
      list(sectionLines(input), (line) => [line]),
    ),
    ...block('The list', listLines(input)),
  );
  if (input.site) out.push(`Page links point to ${inlineCode(input.site)}.`, '');
  return `${out
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim()}\n`;
}

/**
 * The summary in Markdown: in full when it fits in a comment, else one line per entry, else with
 * each list cut short — never more than `limit` bytes.
 */
export function renderSummary(input: SummaryInput, limit = SUMMARY_LIMIT): string {
  const attempts: RenderOptions[] = [
    { detail: true, maxItems: Infinity },
    { detail: false, maxItems: Infinity },
    { detail: false, maxItems: 100 },
    { detail: false, maxItems: 20 },
  ];
  for (const options of attempts) {
    const text = render(input, options);
    if (size(text) <= limit) return text;
  }
  const short = render(input, { detail: false, maxItems: 0 });
  if (size(short) <= limit) return short;
  // Only a list with thousands of changed sections or groups gets here: keep whole lines that fit.
  const lines: string[] = [];
  let used = 0;
  for (const line of short.split('\n')) {
    used += size(line) + 1;
    if (used > limit - 100) break;
    lines.push(line);
  }
  return `${lines.join('\n')}\n\n…cut short: the change is too large to summarise in one comment.\n`;
}
