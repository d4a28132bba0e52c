/**
 * The content contract: what a contributor may write in `content/`.
 *
 * This one module is the single source of truth. Astro's collections (src/content.config.ts), the
 * command-line tools (src/cli/) and the tests all validate with these schemas, so the site build and
 * `npm run validate` can never disagree about what a valid file is.
 */
import { z } from 'astro/zod';

/** A group of entries within a section, with the heading readers see above it. */
export interface GroupDeclaration {
  id: string;
  heading: string;
}

/**
 * The groups of a list that declares none in `content/list.md`: the shape of the first list, where
 * every section shows "Framing" before "Selected Approaches".
 */
export const DEFAULT_GROUPS: readonly GroupDeclaration[] = [
  { id: 'framing', heading: 'Framing' },
  { id: 'approach', heading: 'Selected Approaches' },
];

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

/** One group the list declares: entries name it as their `kind`. */
export const groupSchema = z.strictObject({
  /** What entries write as `kind`: a slug, like "peer-review". */
  id: slug('a group id'),
  /** The heading readers see above the group's entries, like "Peer Review". */
  heading: nonBlank('the group heading'),
});

/** `content/list.md`: the reading list as a whole. */
export const listSchema = z.strictObject({
  /** The list's title, shown on the home page and in every page title. */
  title: nonBlank('the list title'),
  /** One sentence about the list, for the home page and link previews. */
  description: z.string().optional(),
  /**
   * The groups entries are listed under within a section, in the order sections show them. Absent:
   * `framing` ("Framing") and `approach` ("Selected Approaches"), see DEFAULT_GROUPS.
   */
  groups: z
    .array(groupSchema, { error: 'must be a list of groups, each with an id and a heading' })
    .min(1, 'must declare at least one group, or be left out for the default groups')
    .optional(),
});

/** `content/sections/<section-id>.md`: one section of the list; its body is an optional intro. */
export const sectionSchema = z.strictObject({
  /** The section's heading, e.g. "Data Platforms". */
  title: nonBlank('the section title'),
  /** One line under the title, e.g. "Framing and Approaches"; many sections have none. */
  summary: nonBlank('a one-line summary').optional(),
  /**
   * Position among its sibling sections (on the home page, or under its parent); lower first.
   * Sections without one follow those with one, by title.
   */
  order: z.number({ error: 'must be a number, e.g. 1' }).finite().optional(),
  /** The id of the section this one sits under (sections nest to any depth); absent: top level. */
  parent: slug('a section id').optional(),
  /**
   * The ids of the list's groups this section shows, in this order. Absent: every group the list
   * declares, in its order. `[]`: no groups; the section lists its entries directly.
   */
  groups: z.array(slug('a group id'), { error: 'must be a list of group ids, like [culture, communication]' }).optional(),
});

/** One more section an entry is listed in, beside its own. */
export const crossListingSchema = z.strictObject({
  /** The id of the other section. */
  section: slug('a section id'),
  /** The group it is listed under there, when that section has groups. */
  kind: slug('a group id').optional(),
  /** Its position in that group there, as `order` is in its own section. */
  order: z.number({ error: 'must be a number, e.g. 10' }).finite().optional(),
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
  /**
   * The group it is listed under in its section: one of the groups that section shows (by default
   * `framing`, why and what, or `approach`, how someone did it). Left out in a section without groups.
   */
  kind: slug('a group id').optional(),
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
   * Other sections this entry is listed in too (one file, one permalink, shown in each section). Each
   * names the section, and the group there when that section has groups.
   */
  also_in: z.array(crossListingSchema, { error: 'must be a list of sections, each written "- section: <id>"' }).default([]),
  /**
   * Set by the link checker (`npm run check:links`) when the article is gone; the entry is kept and
   * the site shows its archived copy first. Absent means the link was fine when last looked at.
   */
  status: linkStatusSchema.optional(),
});

export type ListData = z.output<typeof listSchema>;
export type SectionData = z.output<typeof sectionSchema>;
export type EntryData = z.output<typeof entrySchema>;
/** An entry as written: fields with defaults (`quotes`, `tags`, `also_in`) may be left out. */
export type EntryInput = z.input<typeof entrySchema>;
export type LinkStatus = z.output<typeof linkStatusSchema>;
export type GroupData = z.output<typeof groupSchema>;
export type CrossListing = z.output<typeof crossListingSchema>;
/** The keys a contributor may write in an entry's frontmatter. */
export const ENTRY_KEYS = Object.keys(entrySchema.shape) as (keyof EntryData)[];
export const SECTION_KEYS = Object.keys(sectionSchema.shape) as (keyof SectionData)[];
export const LIST_KEYS = Object.keys(listSchema.shape) as (keyof ListData)[];
