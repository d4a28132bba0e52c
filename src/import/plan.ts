/**
 * The one plan every page format is read into (src/import/legacy-format.ts, awesome-format.ts) and
 * that src/import/place.ts turns into content files. It says what a page holds — its sections with
 * their parents, the groups it declares, its entries with the places they are listed, and every
 * line it could not read — and nothing about where in `content/` it will land.
 */
import type { Problem } from '../content/problems.ts';

/** The page formats the importer reads and the exporter writes. */
export const PAGE_FORMATS = ['legacy', 'awesome'] as const;
export type PageFormat = (typeof PAGE_FORMATS)[number];

/** Bookmark and highlight exports the importer reads too (src/import/bookmarks/); never written back. */
export const BOOKMARK_FORMATS = ['netscape', 'pinboard', 'raindrop', 'hypothesis', 'entries-json'] as const;
export type BookmarkFormat = (typeof BOOKMARK_FORMATS)[number];
/** Every format `npm run import` reads. */
export const IMPORT_FORMATS = [...PAGE_FORMATS, ...BOOKMARK_FORMATS] as const;
export type ImportFormat = PageFormat | BookmarkFormat;

/** Something on the page that is left out on purpose (a table of contents, a badge), said out loud. */
export interface Notice {
  file: string;
  line: number;
  message: string;
}

/** A part of the page left out as a whole (a table of contents, Contributing, badges), with the links in it. */
export interface LeftOutPart {
  line: number;
  /** What the part is, as the report names it: "a table of contents", "badges and images" … */
  what: string;
  /** The distinct http(s) addresses in it. */
  urls: string[];
}

/** A group the page uses: entries name it as their `kind`. */
export interface PlanGroup {
  id: string;
  heading: string;
}

/** The key of the page itself among its sections: the page's own entries and groups belong to it. */
export const PAGE_KEY = 'page';

export interface PlanSection {
  /** Unique within the plan; PAGE_KEY for the page itself. */
  key: string;
  /** Line of the heading (1 for the page itself). */
  line: number;
  title: string;
  /** The one line under the heading, as reader text. */
  summary?: string | undefined;
  /** Markdown kept with the section: paragraphs before (or between) its entries that are not entries. */
  intro: string[];
  /** Key of the section it sits under; undefined only for the page itself. */
  parent: string | undefined;
  /** Ids of the groups it shows, in page order; empty: it lists its entries directly. */
  groups: string[];
  /** The id the page gives it (an export's `<!-- id: … -->` under its heading), used when free. */
  id?: string | undefined;
}

/** One place an entry is listed: a section of the plan, and the group there. */
export interface PlanListing {
  section: string;
  kind?: string | undefined;
  /** Page line of this listing. */
  line: number;
}

/** How an entry relates to what is above it on the page (see src/import/conventions.ts). */
export type ListedUnder = { entry: { title: string; url: string } } | { label: string };

export interface PlanEntry {
  /** Page line of its link. */
  line: number;
  /** Reader text of the link, as a reader sees it (emphasis, escapes and entities resolved). */
  title: string;
  url: string;
  /** Where it is listed: the first is where it stands on the page; more when the link is on the page twice. */
  listings: PlanListing[];
  quotes: string[];
  tags: string[];
  /** Markdown blocks of its notes: the description first, when it has one. */
  notes: string[];
  /** The entry it was listed under (a favourite post of a blog) or the bold label above its run. */
  under?: ListedUnder | undefined;
  /** Written as a repeat of a link listed in full elsewhere on the page (exports mark these). */
  repeat: boolean;
  /** The day it was saved, `YYYY-MM-DD`, when the export says (a bookmark's ADD_DATE). */
  added?: string | undefined;
  /** The slug the page gives its file (an export's `<!-- id: … -->` on its line), used when free. */
  slug?: string | undefined;
}

export interface ImportPlan {
  /** The page, as problems and notices name it. */
  file: string;
  format: ImportFormat;
  /** The page's title (frontmatter `title`, or an awesome list's `# Title`). */
  title?: { text: string; line: number } | undefined;
  /** The page's subtitle (frontmatter `subtitle`/`description`, or an awesome list's tagline). */
  description?: string | undefined;
  /** The groups the page uses, in the order first met. */
  groups: PlanGroup[];
  /** True when the page declares its groups (an exported page), so they are kept even when unused. */
  groupsDeclared: boolean;
  /** The page itself (PAGE_KEY) first, then its sections in page order. */
  sections: PlanSection[];
  /** In page order. */
  entries: PlanEntry[];
  /** Lines that could not be read, each with its page line; nothing is imported from them. */
  problems: (Problem & { lines: number })[];
  notices: Notice[];
  /** Every distinct http(s) address a reader can follow on the page, in page order (see src/import/link-accounting.ts). */
  links: string[];
  /** The parts of the page left out as a whole, with their links. */
  leftOut: LeftOutPart[];
  /** Items an export holds that are left out on purpose, by reason (private, unread, refused link…), counted. */
  itemsLeftOut?: Record<string, number> | undefined;
}

/** An empty plan for `file`, holding only the page itself. */
export function emptyPlan(file: string, format: ImportFormat, title: string): ImportPlan {
  return {
    file,
    format,
    groups: [],
    groupsDeclared: false,
    sections: [{ key: PAGE_KEY, line: 1, title, intro: [], parent: undefined, groups: [] }],
    entries: [],
    problems: [],
    notices: [],
    links: [],
    leftOut: [],
  };
}
