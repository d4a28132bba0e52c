import type { APIRoute } from 'astro';
import { bookmarksHtml } from '../site/exports.ts';
import { list, records, sectionViews } from '../site/site-data.ts';

/** The whole list as a Netscape bookmark file (import it in a browser, linkding, Pinboard…). */
export const GET: APIRoute = () =>
  new Response(
    bookmarksHtml(
      list.title,
      sectionViews.map(({ section }) => ({ id: section.id, title: section.data.title })),
      records,
    ),
    { headers: { 'Content-Type': 'text/html; charset=utf-8' } },
  );
