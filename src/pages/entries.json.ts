import type { APIRoute } from 'astro';
import { entriesJson } from '../site/exports.ts';
import { absoluteUrl } from '../site/feeds.ts';
import { sectionPath } from '../site/paths.ts';
import { groups, list, records, sectionGroups, sections } from '../site/site-data.ts';

/** The whole list as JSON; the schema is documented in docs/exports.md. */
export const GET: APIRoute = ({ site }) => {
  const base = import.meta.env.BASE_URL;
  const json = entriesJson({
    title: list.title,
    description: list.description,
    home: absoluteUrl(site!, base, ''),
    groups,
    sections: sections.map((section) => ({
      id: section.id,
      title: section.data.title,
      summary: section.data.summary ?? null,
      parent: section.data.parent ?? null,
      groups: sectionGroups(section),
      page: absoluteUrl(site!, base, sectionPath(section.id)),
    })),
    entries: records,
    permalink: (entry) => absoluteUrl(site!, base, entry.path),
  });
  return new Response(`${JSON.stringify(json, null, 2)}\n`, { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
