/**
 * The Astro content loader for `content/`. It reads files through the same code as `npm run validate`
 * (src/content/content-files.ts) and fails the build with every problem listed, rather than logging and
 * building a site with entries missing. Notes are rendered here, once, by src/content/notes.ts, to
 * HTML for the pages and to text for feeds and exports; an unchanged file keeps both from the last build.
 */
import { fileURLToPath } from 'node:url';
import type { Loader } from 'astro/loaders';
import { readReadingList, type ContentFile } from './content-files.ts';
import { NOTES_HTML_VERSION, notesText, renderNotes } from './notes.ts';
import { ContentError } from './problems.ts';

export type ContentPart = 'list' | 'sections' | 'entries';

/** `content/`, or COMMONPLACE_CONTENT_DIR (absolute, or relative to the project) for generated lists. */
export function contentDirectory(projectRoot: URL): string {
  const dir = process.env.COMMONPLACE_CONTENT_DIR ?? './content/';
  return fileURLToPath(new URL(dir.replace(/\/?$/, '/'), projectRoot));
}

/**
 * What the store keeps for each file besides its data; part of the digest, so a store of another shape is
 * refreshed. Not the Markdown body (as `retainBody: false` does for Astro's own loaders): pages show the
 * notes' HTML and text rendered here, and the body only made the store, and every copy of it, larger.
 */
const STORED = { notesHtml: NOTES_HTML_VERSION, notesText: 1, body: false };

interface StoredRendering {
  body?: string;
  rendered?: { metadata?: Record<string, unknown> };
}

/** An entry's notes as plain text, as the loader stored them (worked out again if the store lacks them). */
export function storedNotesText(entry: StoredRendering): string {
  const stored = entry.rendered?.metadata?.['notesText'];
  if (typeof stored === 'string') return stored;
  return entry.body ? notesText(entry.body) : '';
}

export function readingListLoader(part: ContentPart): Loader {
  return {
    name: `commonplace:${part}`,
    async load({ store, parseData, generateDigest, config }) {
      const files = readReadingList(contentDirectory(config.root), fileURLToPath(config.root), { entries: part === 'entries' });
      if (files.problems.length > 0) throw new ContentError(files.problems);
      const items: ContentFile<Record<string, unknown>>[] =
        part === 'list' ? (files.list ? [files.list] : []) : part === 'sections' ? files.sections : files.entries;

      const seen = new Set<string>();
      for (const item of items) {
        seen.add(item.id);
        // The renderers' versions are part of the digest, so a cached build renders notes again when their output changes.
        const digest = generateDigest({ data: item.data, body: item.body, stored: STORED });
        // Unchanged since the last build (Astro keeps the store between builds): skip the work.
        if (store.get(item.id)?.digest === digest) continue;
        const data = await parseData({ id: item.id, data: item.data, filePath: item.file });
        store.set({
          id: item.id,
          data,
          filePath: item.file,
          digest,
          rendered: {
            html: renderNotes(item.body, item.id),
            metadata: { notesText: item.body.trim() ? notesText(item.body) : '' },
          },
        });
      }
      for (const id of store.keys()) if (!seen.has(id)) store.delete(id);
    },
  };
}
