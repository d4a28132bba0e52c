/**
 * One entry with everything derived from it that pages, feeds and exports show: permalink, archive
 * copy, added date (own or from git), section title, notes. Built once per entry in site-data.ts.
 */
import type { EntryData, LinkStatus } from '../schemas/content.ts';
import { archiveUrl } from './archive.ts';
import { listingsOf } from '../content/list-shape.ts';
import { domainOf } from '../content/urls.ts';

export interface EntryRecord {
  /** `<section>/<slug>`. */
  id: string;
  title: string;
  url: string;
  domain: string;
  section: string;
  sectionTitle: string;
  kind: string | undefined;
  /** Every section it is listed in, with its group there: its own section first, then its cross-listings. */
  listings: { section: string; kind: string | undefined }[];
  quotes: string[];
  tags: string[];
  /** `YYYY-MM-DD`: written in the entry, or the day git first saw its file; undefined when unknown. */
  added: string | undefined;
  /** Where `added` came from. */
  addedFrom: 'entry' | 'git' | undefined;
  status: LinkStatus | undefined;
  archive: string | undefined;
  /** The permalink page, relative to the site's base: `data-platforms/slug/`. */
  path: string;
  /** Notes as plain text (empty when none). */
  notes: string;
  /** Notes as sanitised HTML (empty when none). */
  notesHtml: string;
}

export interface RecordInput {
  id: string;
  data: EntryData;
  sectionTitle: string;
  added: string | undefined;
  path: string;
  notes: string;
  notesHtml: string;
}

export function entryRecord({ id, data, sectionTitle, added, path, notes, notesHtml }: RecordInput): EntryRecord {
  return {
    id,
    title: data.title,
    url: data.url,
    domain: domainOf(data.url),
    section: data.section,
    sectionTitle,
    kind: data.kind,
    listings: listingsOf(data).map((listing) => ({ section: listing.section, kind: listing.kind })),
    quotes: data.quotes,
    tags: data.tags,
    added,
    addedFrom: data.added ? 'entry' : added ? 'git' : undefined,
    status: data.status,
    archive: archiveUrl(data.url),
    path,
    notes,
    notesHtml,
  };
}
