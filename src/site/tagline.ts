/** The home page's tagline, when the list has no description of its own: true for the list it describes. */
import { formatNumber, linkCount } from './section-views.ts';

/**
 * "A reading list of 3,033 links." and, only when the list has some, how many passages are copied
 * from them: a list imported from a README has links and no quotes.
 */
export function listTagline({ links, passages }: { links: number; passages: number }): string {
  const base = `A reading list of ${linkCount(links)}`;
  if (passages === 0) return `${base}.`;
  return `${base}, with ${formatNumber(passages)} passage${passages === 1 ? '' : 's'} copied from them.`;
}
