import type { APIRoute } from 'astro';
import { bookmarksHtml, type BookmarkFolder } from '../site/exports.ts';
import { list, sectionListingRecords, tree, type Section } from '../site/site-data.ts';

/** A section's folder: the entries it lists, then its sub-sections' folders. */
const folderOf = (section: Section): BookmarkFolder => ({
  title: section.data.title,
  entries: sectionListingRecords(section.id),
  folders: tree.childrenOf(section.id).map(folderOf),
});

/** The whole list as a Netscape bookmark file (import it in a browser, linkding, Pinboard…). */
export const GET: APIRoute = () =>
  new Response(bookmarksHtml(list.title, tree.roots.map(folderOf)), {
    headers: { 'Content-Type': 'text/html; charset=utf-8' },
  });
