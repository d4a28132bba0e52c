/** Checks many links under the concurrency bounds, reporting each result as it lands. */
import { checkUrl } from './check-url.ts';
import { createLimiter, hostKey } from './limiter.ts';
import type { CheckOptions, LinkResult } from './types.ts';

export interface CheckAllOptions extends Partial<CheckOptions> {
  /** Links in flight at once, across all hosts. */
  concurrency?: number;
  /** Links in flight at once against one host. */
  perHost?: number;
  onResult?: (result: LinkResult, done: number, total: number) => void;
}

export const DEFAULT_CONCURRENCY = 8;
export const DEFAULT_PER_HOST = 2;

/** Results come back in the order of `urls`, whatever order they finish in. */
export async function checkAll(urls: readonly string[], options: CheckAllOptions = {}): Promise<LinkResult[]> {
  const { concurrency = DEFAULT_CONCURRENCY, perHost = DEFAULT_PER_HOST, onResult, ...checkOptions } = options;
  const limiter = createLimiter(concurrency, perHost);
  let done = 0;
  return Promise.all(
    urls.map((url) =>
      limiter.run(hostKey(url), async () => {
        const result = await checkUrl(url, checkOptions);
        onResult?.(result, ++done, urls.length);
        return result;
      }),
    ),
  );
}
