/** Longest slug derived from a title; long titles are cut at a word boundary. */
const MAX_SLUG_LENGTH = 60;

/** A file-name slug from any text: `"Data-Informed Product Building"` → `data-informed-product-building`. */
/** Letters that carry no separable accent, written as ASCII the usual way. */
const TRANSLITERATIONS: Record<string, string> = { ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', đ: 'd', ð: 'd', ł: 'l', þ: 'th', ı: 'i' };

export function slugify(text: string): string {
  const slug = text
    .toLowerCase()
    .replace(/[ßæœøđðłþı]/g, (letter) => TRANSLITERATIONS[letter] ?? letter)
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[’'‘]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (slug.length <= MAX_SLUG_LENGTH) return slug || 'entry';
  const cut = slug.slice(0, MAX_SLUG_LENGTH + 1);
  const atWord = cut.lastIndexOf('-');
  const shortened = atWord > 20 ? cut.slice(0, atWord) : cut.slice(0, MAX_SLUG_LENGTH);
  // A cut title should not end on a dangling little word ("…-easier-to").
  return shortened.replace(/(-(a|an|and|at|by|for|in|of|on|or|the|to|with))+$/, '').replace(/-+$/, '');
}

/** `slug`, or `slug-2`, `slug-3`… — the first that `taken` does not hold. */
export function uniqueSlug(slug: string, taken: (candidate: string) => boolean): string {
  if (!taken(slug)) return slug;
  for (let n = 2; ; n++) if (!taken(`${slug}-${n}`)) return `${slug}-${n}`;
}
