import type { APIRoute } from 'astro';
import { absoluteUrl } from '../site/feeds.ts';

/** Everything may be crawled; the sitemap (from @astrojs/sitemap) lists every page. */
export const GET: APIRoute = ({ site }) =>
  new Response(`User-agent: *\nAllow: /\n\nSitemap: ${absoluteUrl(site!, import.meta.env.BASE_URL, 'sitemap-index.xml')}\n`, {
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });
