/**
 * Where every link of a page went: each distinct http(s) address on it is an entry, or stays in the
 * text of an entry, section or list (a link in a description, a "Demo" link after the main one), or
 * is in a part left out as a whole (a table of contents, Contributing, badges, an HTML block), which
 * is named. What is none of these is a link the import lost, and the report says so.
 */
import type { ImportPlan } from './plan.ts';

export interface LinkCounts {
  /** Distinct http(s) addresses on the page. */
  onPage: number;
  entries: number;
  /** In the text the import keeps: notes, introductions, the list's description. */
  inText: number;
  /** Left out with a part of the page, by what that part is (each address counted once, first part first). */
  leftOut: { what: string; links: number; lines: number[] }[];
  /** Addresses that are none of the above. */
  unaccounted: string[];
}

/**
 * The addresses in Markdown text, as its links hold them: escapes (`\\(`, `\\&`) and `&amp;` read, and
 * every way the address may end in the text tried (before a `)` or `]`, without trailing punctuation),
 * so `[a](https://x.org/a_(b))` and `[a](https://x.org/)/[b](…)` both give their address.
 */
function addressesIn(markdown: string, into: Set<string>): void {
  const text = markdown.replace(/\\([!-/:-@[-`{-~])/g, '$1').replace(/&amp;/g, '&');
  for (const match of text.matchAll(/https?:\/\/[^\s<>"'`[\]]+/g)) {
    const token = match[0];
    into.add(token);
    for (let index = token.indexOf(')'); index > 0; index = token.indexOf(')', index + 1)) into.add(token.slice(0, index));
    let url = token;
    while (/[)\].,;:!?*_]$/.test(url)) {
      url = url.slice(0, -1);
      into.add(url);
    }
  }
}

export function countLinks(plan: ImportPlan): LinkCounts {
  const entries = new Set(plan.entries.map((entry) => entry.url));
  const texts = new Set<string>();
  for (const entry of plan.entries) for (const note of entry.notes) addressesIn(note, texts);
  for (const section of plan.sections) for (const block of section.intro) addressesIn(block, texts);
  if (plan.description) addressesIn(plan.description, texts);
  const counted = new Set<string>();
  let inText = 0;
  let entryCount = 0;
  const byWhat = new Map<string, { what: string; links: number; lines: number[] }>();
  const partOf = new Map<string, { what: string; line: number }>();
  for (const part of plan.leftOut) for (const url of part.urls) if (!partOf.has(url)) partOf.set(url, part);
  const unaccounted: string[] = [];
  for (const url of plan.links) {
    if (counted.has(url)) continue;
    counted.add(url);
    if (entries.has(url)) entryCount++;
    else if (texts.has(url) || texts.has(encodeURI(url))) inText++;
    else if (partOf.has(url)) {
      const part = partOf.get(url)!;
      const tally = byWhat.get(part.what) ?? { what: part.what, links: 0, lines: [] };
      tally.links++;
      if (!tally.lines.includes(part.line)) tally.lines.push(part.line);
      byWhat.set(part.what, tally);
    } else unaccounted.push(url);
  }
  return { onPage: counted.size, entries: entryCount, inText, leftOut: [...byWhat.values()], unaccounted };
}

/** The report's closing lines for one page. */
export function linkReport(file: string, counts: LinkCounts): string[] {
  const leftOut = counts.leftOut.reduce((sum, part) => sum + part.links, 0);
  const lines = [
    `${file}: ${counts.onPage} links on the page: ${counts.entries} entries, ${counts.inText} kept in the text of entries and sections, ${leftOut} left out with parts of the page${counts.unaccounted.length > 0 ? `, ${counts.unaccounted.length} NOT ACCOUNTED FOR` : ''}`,
  ];
  for (const part of counts.leftOut) {
    const where = part.lines.slice(0, 5).join(', ') + (part.lines.length > 5 ? ', …' : '');
    lines.push(`  left out: ${part.links} in ${part.what} (line${part.lines.length > 1 ? 's' : ''} ${where})`);
  }
  for (const url of counts.unaccounted.slice(0, 10)) lines.push(`  not accounted for: ${url}`);
  return lines;
}
