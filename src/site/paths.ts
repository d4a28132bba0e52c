/** `base` + `path`, with exactly one slash between them and a trailing slash on pages. */
export function joinBase(base: string, path: string): string {
  const joined = `${base.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`;
  return joined;
}

/** Where a section's page lives, relative to the site's base: `data-platforms/`. */
export const sectionPath = (sectionId: string) => `${sectionId}/`;

/** Page `n` of a paginated listing under `path`: `path` itself for page 1, else `path` + `page/n/`. */
export const listingPagePath = (path: string, n: number) => (n <= 1 ? path : `${path}page/${n}/`);

/** Where an entry's permalink page lives: `data-platforms/dataops-principles/`. */
export const entryPath = (entryId: string) => `${entryId}/`;
