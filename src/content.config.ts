import { defineCollection } from 'astro:content';
import { readingListLoader } from './content/content-loader.ts';
import { entrySchema, listSchema, sectionSchema } from './schemas/content.ts';

export const collections = {
  list: defineCollection({ loader: readingListLoader('list'), schema: listSchema }),
  sections: defineCollection({ loader: readingListLoader('sections'), schema: sectionSchema }),
  entries: defineCollection({ loader: readingListLoader('entries'), schema: entrySchema }),
};
