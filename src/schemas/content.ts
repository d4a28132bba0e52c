/**
 * The content contract: what a contributor may write in `content/`.
 *
 * This one module is the single source of truth. Astro's collections (src/content.config.ts), the
 * command-line tools (src/cli/) and the tests all validate with these schemas, so the site build and
 * `npm run validate` can never disagree about what a valid file is.
 */
import { z } from 'astro/zod';

/** The two kinds of entry; a section page shows "Framing" before "Selected Approaches". */
export const ENTRY_KINDS = ['framing', 'approach'] as const;
export type EntryKind = (typeof ENTRY_KINDS)[number];

/** Headings used for each kind on section pages, in the order the groups are shown. */
export const KIND_HEADINGS: Record<EntryKind, string> = {
  framing: 'Framing',
  approach: 'Selected Approaches',
};

/** Section ids the site's own pages already use as paths (`/tags/`, `/search/`, …). */
export const RESERVED_SECTION_IDS = ['about', 'recent', 'search', 'tags', 'pagefind', '404'] as const;

/** A lowercase slug: letters, digits and single hyphens (`data-platforms`). */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

const nonBlank = (what: string) =>
  z.string({ error: `must be ${what} (text)` }).refine((text) => text.trim().length > 0, {
    message: `must not be empty`,
  });

const slug = (what: string) =>
  z
    .string({ error: `must be ${what}` })
    .regex(SLUG_PATTERN, `must be ${what}: lowercase letters, digits and hyphens, like "data-platforms"`);

/** True when `text` is `YYYY-MM-DD` and names a day that exists (no 2024-02-30). */
export function isCalendarDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** True for an absolute URL whose scheme is http or https (nothing else may reach a link). */
export function isHttpUrl(text: string): boolean {
  if (!/^https?:\/\/[^/]/i.test(text)) return false;
  try {
    const url = new URL(text);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname.length > 0;
  } catch {
    return false;
  }
}

const calendarDate = (what: string) =>
  z
    .string({ error: `must be ${what} written YYYY-MM-DD` })
    .refine(isCalendarDate, { message: `must be a real date written YYYY-MM-DD, like "2024-05-31"` });

/** What the link checker last found wrong with an entry's URL. */
export const linkStatusSchema = z.strictObject({
  /** `dead`: the article is gone (404, 410, no such host); readers are sent to an archived copy. */
  state: z.enum(['dead'], { error: 'must be "dead"' }),
  /** The day the link was found dead, `YYYY-MM-DD`. */
  checked: calendarDate('the day the link was checked'),
});

/** `content/list.md`: the reading list as a whole. */
export const listSchema = z.strictObject({
  /** The list's title, shown on the home page and in every page title. */
  title: nonBlank('the list title'),
  /** One sentence about the list, for the home page and link previews. */
  description: z.string().optional(),
});

/** `content/sections/<section-id>.md`: one section of the list; its body is an optional intro. */
export const sectionSchema = z.strictObject({
  /** The section's heading, e.g. "Data Platforms". */
  title: nonBlank('the section title'),
  /** One line under the title, e.g. "Framing and Approaches". */
  summary: nonBlank('a one-line summary'),
  /** Position of the section on the home page; lower numbers come first. */
  order: z.number({ error: 'must be a number, e.g. 1' }).finite(),
});

/** `content/entries/<section-id>/<slug>.md`: one link; its body holds notes in GitHub-flavoured Markdown. */
export const entrySchema = z.strictObject({
  /** The article's title, shown as the link text. */
  title: nonBlank('the article title'),
  /** The article's address: an absolute http:// or https:// URL, unique across the list. */
  url: z
    .string({ error: 'must be the article URL (text)' })
    .refine(isHttpUrl, { message: 'must be an absolute http:// or https:// URL, like "https://example.com/post"' }),
  /** The id of the section it belongs to; must equal the folder the file is in. */
  section: slug('a section id'),
  /** `framing` (why and what) or `approach` (how someone did it). */
  kind: z.enum(ENTRY_KINDS, { error: 'must be "framing" or "approach"' }),
  /** Passages copied word for word from the article, one string each. */
  quotes: z.array(nonBlank('a quote'), { error: 'must be a list of quotes' }).default([]),
  /** Topics, as lowercase slugs (`data-engineering`). */
  tags: z.array(slug('a tag'), { error: 'must be a list of tags' }).default([]),
  /** The day the entry was added to the list, `YYYY-MM-DD`. */
  added: calendarDate('the day it was added,').optional(),
  /**
   * Position within its group (section and kind); lower first. Entries without one follow those with
   * one, oldest `added` first, then by title — so a new entry needs no other file edited.
   */
  order: z.number({ error: 'must be a number, e.g. 10' }).finite().optional(),
  /**
   * Set by the link checker (`npm run check:links`) when the article is gone; the entry is kept and
   * the site shows its archived copy first. Absent means the link was fine when last looked at.
   */
  status: linkStatusSchema.optional(),
});

export type ListData = z.output<typeof listSchema>;
export type SectionData = z.output<typeof sectionSchema>;
export type EntryData = z.output<typeof entrySchema>;
export type LinkStatus = z.output<typeof linkStatusSchema>;
/** The keys a contributor may write in an entry's frontmatter. */
export const ENTRY_KEYS = Object.keys(entrySchema.shape) as (keyof EntryData)[];
export const SECTION_KEYS = Object.keys(sectionSchema.shape) as (keyof SectionData)[];
