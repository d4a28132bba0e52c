import rss from '@astrojs/rss';
import type { APIRoute, GetStaticPaths } from 'astro';
import { feedItems } from '../../site/feeds.ts';
import { list, sectionRecords, sectionViews } from '../../site/site-data.ts';

export const getStaticPaths = (() =>
  sectionViews.map((view) => ({ params: { section: view.section.id } }))) satisfies GetStaticPaths;

/** One section's feed: its entries, newest added first. */
export const GET: APIRoute = ({ params, site }) => {
  const view = sectionViews.find((candidate) => candidate.section.id === params['section'])!;
  return rss({
    title: `${list.title}: ${view.section.data.title}`,
    description: `${view.section.data.title}: ${view.section.data.summary}`,
    site: site!,
    items: feedItems(sectionRecords.get(view.section.id) ?? [], site!, import.meta.env.BASE_URL),
    trailingSlash: true,
  });
};
