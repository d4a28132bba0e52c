import rss from '@astrojs/rss';
import type { APIRoute, GetStaticPaths } from 'astro';
import { feedItems } from '../../site/feeds.ts';
import { list, sectionFeedKey, sectionFeedRecords, sectionViews, type SectionView } from '../../site/site-data.ts';

export const getStaticPaths = (() =>
  sectionViews.map((view) => ({
    params: { section: view.section.id },
    props: { view },
    cacheKey: sectionFeedKey(view.section),
  }))) satisfies GetStaticPaths;

/**
 * One section's feed, newest added first: the entries it lists (its own and those cross-listed into
 * it) and those of every section below it, each once.
 */
export const GET: APIRoute = ({ props, site }) => {
  const { section } = (props as { view: SectionView }).view;
  const { title, summary } = section.data;
  return rss({
    title: `${list.title}: ${title}`,
    description: summary !== undefined ? `${title}: ${summary}` : `${title}: the links filed under it, newest first.`,
    site: site!,
    items: feedItems(sectionFeedRecords(section.id), site!, import.meta.env.BASE_URL),
    trailingSlash: true,
  });
};
