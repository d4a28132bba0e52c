/**
 * Reads a legacy hand-written reading-list page into a plan of content files, without touching the
 * file system (src/cli/import.ts writes the plan). The page format:
 *
 *   ---                                  frontmatter: `title` → content/list.md (`description` too)
 *   title: Platforms and Products
 *   ---
 *   # Data Platforms                     a section; id = slugify(title), order 1..n in page order
 *   Framing and Approaches               the next line: the section's one-line summary
 *   ## Framing                           a group: Framing → kind framing;
 *   ## Selected Approaches               Approaches / Selected Approaches → kind approach
 *   [Title](https://…): description      an entry ([**Title**](…) too); the description becomes the
 *                                        first paragraph of the entry's notes
 *   - > quoted text                      a quote; `> text` too. Consecutive `>` lines join into one
 *   > more of the same quote             quote (with a space); a blank line, or a bare `>`, ends it;
 *                                        each `- >` line starts a new one
 *   - a note                             a note: one `- ` bullet in the entry's notes, as written
 *   ---                                  a rule between parts; ends the current entry
 *
 * Text is kept verbatim (only surrounding whitespace is trimmed). Anything else is reported with its
 * page line number, and the part it belongs to is left out of the plan.
 */
import { parseDocument } from 'yaml';
import type { EntryData, ListData, SectionData } from '../schemas/content.ts';

type EntryKind = string;
import { isHttpUrl } from '../schemas/content.ts';
import type { Problem } from '../content/problems.ts';
import { slugify, uniqueSlug } from '../content/slugs.ts';
import { normaliseUrl } from '../content/urls.ts';

export interface PlannedList {
  line: number;
  data: ListData;
}
export interface PlannedSection {
  id: string;
  line: number;
  data: SectionData;
}
export interface PlannedEntry {
  /** Page line of the `[Title](url)` line. */
  line: number;
  /** slugify(title), made unique within the page; the importer may still move it past existing files. */
  slug: string;
  data: EntryData;
  /** Markdown body: the description paragraph, then one `- ` bullet per note. */
  notes: string;
}
export interface LegacyPlan {
  list: PlannedList | undefined;
  sections: PlannedSection[];
  entries: PlannedEntry[];
  /** Everything the page holds that could not be mapped, with the page's line numbers. */
  problems: Problem[];
}

/** Group headings and the kind each stands for (compared case-insensitively). */
const GROUP_KINDS: Record<string, EntryKind> = {
  framing: 'framing',
  approaches: 'approach',
  'selected approaches': 'approach',
};

interface DraftEntry {
  line: number;
  data: EntryData;
  description: string | undefined;
  notes: string[];
  /** Set when the entry cannot be imported; its quotes and notes are then dropped with it. */
  skipped: boolean;
}

interface DraftSection {
  section: PlannedSection;
  /** True until the line after the heading has been seen. */
  awaitingSummary: boolean;
  /** A repeated section heading: reported once, and nothing under it is imported. */
  skipped?: boolean;
}

/** Parses `source` (the page's text); `file` names the page in problems. */
export function parseLegacyPage(source: string, file: string): LegacyPlan {
  const lines = source
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .split('\n');
  const problems: Problem[] = [];
  const report = (line: number, field: string, message: string) => problems.push({ file, line, field, message });

  const { list, bodyStart } = readPageFrontmatter(lines, report);
  const sections: PlannedSection[] = [];
  const entries: PlannedEntry[] = [];
  const urlLines = new Map<string, number>();
  const orders = new Map<string, number>();
  const slugs = new Set<string>();

  let current: DraftSection | undefined;
  // undefined: no group heading yet; null: an unknown group, whose entries are skipped.
  let kind: EntryKind | null | undefined;
  let entry: DraftEntry | undefined;
  let quoteOpen = false;

  const finishEntry = () => {
    if (entry && !entry.skipped) {
      const slug = uniqueSlug(slugify(entry.data.title), (candidate) => slugs.has(candidate));
      slugs.add(slug);
      // The description is the notes' first paragraph; the bullets follow after a blank line.
      const notes = [entry.description, entry.notes.join('\n')].filter(Boolean).join('\n\n');
      entries.push({ line: entry.line, slug, data: entry.data, notes });
    }
    entry = undefined;
    quoteOpen = false;
  };
  const finishSection = () => {
    finishEntry();
    if (current?.awaitingSummary) reportMissingSummary(current.section, report);
    current = undefined;
  };

  for (let index = bodyStart; index < lines.length; index++) {
    const lineNo = index + 1;
    const raw = lines[index] ?? '';
    const text = raw.trim();
    if (text === '') {
      quoteOpen = false;
      continue;
    }
    if (current?.awaitingSummary) {
      // The line after a section heading is its summary, unless it is already something else.
      current.awaitingSummary = false;
      if (isPlainText(text)) {
        current.section.data.summary = text;
        continue;
      }
      reportMissingSummary(current.section, report);
    }
    if (/^(-{3,}|\*{3,}|_{3,})$/.test(text)) {
      finishEntry();
      continue;
    }
    const heading = /^(#{1,6})\s+(.*?)(?:\s+#+)?$/.exec(text);
    if (heading) {
      const [, hashes = '', title = ''] = heading;
      if (hashes.length === 1) {
        finishSection();
        const id = slugify(title);
        if (sections.some((section) => section.id === id)) {
          report(lineNo, 'section', `the section "${title}" (id "${id}") is already on this page (its entries are not imported)`);
          const duplicate: PlannedSection = { id, line: lineNo, data: { title, summary: '', order: 0 } };
          current = { section: duplicate, awaitingSummary: true, skipped: true };
          kind = null;
          continue;
        }
        const section: PlannedSection = { id, line: lineNo, data: { title, summary: '', order: sections.length + 1 } };
        sections.push(section);
        current = { section, awaitingSummary: true };
        kind = undefined;
      } else if (hashes.length === 2) {
        finishEntry();
        kind = GROUP_KINDS[title.toLowerCase()] ?? null;
        if (current?.skipped) {
          kind = null;
        } else if (kind === null) {
          report(
            lineNo,
            'group',
            `unknown group heading "## ${title}": use "## Framing" or "## Selected Approaches" (its entries are not imported)`,
          );
        } else if (!current) {
          report(lineNo, 'group', `"## ${title}" is not under a "# Section" heading`);
        }
      } else {
        finishEntry();
        report(
          lineNo,
          'heading',
          `"${hashes} ${title}": only "# Section" and "## Framing" / "## Selected Approaches" headings are understood`,
        );
      }
      continue;
    }
    if (text.startsWith('[')) {
      finishEntry();
      entry = readEntryLine(text, lineNo, { section: current?.section, kind, urlLines, orders, report });
      continue;
    }
    const quoteStart = /^-\s+>(.*)$/.exec(text);
    const quoteLine = quoteStart ? undefined : /^>(.*)$/.exec(text);
    if (quoteStart || quoteLine) {
      const quote = (quoteStart?.[1] ?? quoteLine?.[1] ?? '').trim();
      if (!entry) {
        report(lineNo, 'quote', 'a quote must follow the entry it is from ("[Title](https://…)")');
        continue;
      }
      if (quote === '') {
        quoteOpen = false;
        continue;
      }
      const quotes = entry.data.quotes;
      if (quoteLine && quoteOpen && quotes.length > 0) quotes[quotes.length - 1] = `${quotes[quotes.length - 1]} ${quote}`;
      else quotes.push(quote);
      quoteOpen = true;
      continue;
    }
    const note = /^(\s*)-\s+(.*)$/.exec(raw.trimEnd());
    if (note) {
      quoteOpen = false;
      if (!entry) {
        report(lineNo, 'note', 'a note must follow the entry it is about ("[Title](https://…)")');
        continue;
      }
      entry.notes.push(`${note[1]}- ${note[2]}`);
      continue;
    }
    report(
      lineNo,
      'line',
      `not understood: "${text}" (expected an entry "[Title](https://…)", a quote "> …", a note "- …" or a heading)`,
    );
  }
  finishSection();
  return { list, sections, entries, problems };
}

type Report = (line: number, field: string, message: string) => void;

/** A line that is none of the page's structures: a heading, a rule, an entry, a quote or a note. */
function isPlainText(text: string): boolean {
  return !/^(#|\[|>|-\s|-{3,}$|\*{3,}$|_{3,}$)/.test(text);
}

function reportMissingSummary(section: PlannedSection, report: Report): void {
  report(section.line, 'summary', `section "${section.data.title}" needs a one-line description on the line after its heading`);
}

/** The page's YAML frontmatter: its `title` (and `description`) become content/list.md. */
function readPageFrontmatter(lines: string[], report: Report): { list: PlannedList | undefined; bodyStart: number } {
  if (lines[0]?.trim() !== '---') {
    report(1, 'frontmatter', 'the page must start with YAML frontmatter ("---", "title: …", "---")');
    return { list: undefined, bodyStart: 0 };
  }
  const close = lines.findIndex((line, index) => index > 0 && line.trim() === '---');
  if (close < 0) {
    report(1, 'frontmatter', 'the frontmatter is not closed: add a line "---" after it');
    return { list: undefined, bodyStart: lines.length };
  }
  const doc = parseDocument(lines.slice(1, close).join('\n'));
  const data = doc.errors.length === 0 ? (doc.toJS() as unknown) : undefined;
  const fields = data && typeof data === 'object' ? (data as Record<string, unknown>) : {};
  const title = typeof fields.title === 'string' ? fields.title.trim() : '';
  if (!title) {
    report(1, 'title', 'the frontmatter needs "title: …" (the list title)');
    return { list: undefined, bodyStart: close + 1 };
  }
  const description = typeof fields.description === 'string' ? fields.description.trim() : undefined;
  const titleLine = lines.findIndex((line) => /^title\s*:/.test(line)) + 1 || 1;
  return { list: { line: titleLine, data: { title, ...(description ? { description } : {}) } }, bodyStart: close + 1 };
}

interface EntryContext {
  section: PlannedSection | undefined;
  kind: EntryKind | null | undefined;
  urlLines: Map<string, number>;
  orders: Map<string, number>;
  report: Report;
}

/** An entry line: `[Title](url)`, `[**Title**](url)`, optionally `: description`. */
function readEntryLine(text: string, lineNo: number, context: EntryContext): DraftEntry {
  const { section, kind, urlLines, orders, report } = context;
  const link = splitLink(text);
  const skipped = (data: Partial<EntryData> = {}): DraftEntry => ({
    line: lineNo,
    data: { title: '', url: '', section: '', kind: 'framing', quotes: [], tags: [], also_in: [], ...data },
    description: undefined,
    notes: [],
    skipped: true,
  });
  if (!link) {
    report(lineNo, 'line', `not understood: "${text}" (expected an entry "[Title](https://…)")`);
    return skipped();
  }
  const description = /^\s*:\s*(.*)$/.exec(link.rest);
  if (link.rest.trim() !== '' && !description) {
    report(lineNo, 'line', `not understood after the link: "${link.rest.trim()}" (write "[Title](https://…): description")`);
    return skipped();
  }
  const title = (/^\*\*(.+)\*\*$/.exec(link.title) ?? /^__(.+)__$/.exec(link.title))?.[1]?.trim() ?? link.title.trim();
  if (kind === null) return skipped(); // under an unknown group heading, already reported
  if (!section) {
    report(lineNo, 'section', `the entry "${title}" is not under a "# Section" heading`);
    return skipped();
  }
  if (kind === undefined) {
    report(lineNo, 'kind', `the entry "${title}" is not under "## Framing" or "## Selected Approaches"`);
    return skipped();
  }
  if (title === '') {
    report(lineNo, 'title', 'the entry has no title: write "[Title](https://…)"');
    return skipped();
  }
  if (!isHttpUrl(link.url)) {
    report(lineNo, 'url', `"${link.url}" must be an absolute http:// or https:// URL`);
    return skipped();
  }
  const urlKey = normaliseUrl(link.url);
  const firstLine = urlLines.get(urlKey);
  if (firstLine !== undefined) {
    report(lineNo, 'url', `the same link is already on this page, at line ${firstLine}`);
    return skipped();
  }
  urlLines.set(urlKey, lineNo);
  const group = `${section.id}\n${kind}`;
  const order = (orders.get(group) ?? 0) + 1;
  orders.set(group, order);
  return {
    line: lineNo,
    data: { title, url: link.url, section: section.id, kind, order, quotes: [], tags: [], also_in: [] },
    description: description?.[1]?.trim() || undefined,
    notes: [],
    skipped: false,
  };
}

/**
 * Splits `[title](url)rest`, balancing brackets in the title and parentheses in the URL, so
 * `https://en.wikipedia.org/wiki/Bias_(statistics)` survives whole.
 */
export function splitLink(text: string): { title: string; url: string; rest: string } | undefined {
  if (!text.startsWith('[')) return undefined;
  let depth = 0;
  let close = -1;
  for (let index = 0; index < text.length; index++) {
    const char = text[index];
    if (char === '\\') index++;
    else if (char === '[') depth++;
    else if (char === ']' && --depth === 0) {
      close = index;
      break;
    }
  }
  if (close < 0 || text[close + 1] !== '(') return undefined;
  depth = 0;
  for (let index = close + 1; index < text.length; index++) {
    const char = text[index];
    if (char === '(') depth++;
    else if (char === ')' && --depth === 0) {
      const url = text.slice(close + 2, index);
      if (url === '' || /\s/.test(url)) return undefined;
      return { title: text.slice(1, close), url, rest: text.slice(index + 1) };
    }
  }
  return undefined;
}
