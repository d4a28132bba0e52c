import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { feedItems } from '../site/feeds.ts';
import { list, records } from '../site/site-data.ts';

/** The whole list's feed: every entry, newest added first; each item links to the entry's permalink. */
export const GET: APIRoute = ({ site }) =>
  rss({
    title: list.title,
    description: list.description ?? `${list.title}: a curated reading list.`,
    site: site!,
    items: feedItems(records, site!, import.meta.env.BASE_URL),
    trailingSlash: true,
  });
