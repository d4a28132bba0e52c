/** The host a reader sees beside a link: `medium.com`, without `www.`. */
export function domainOf(url: string): string {
  return new URL(url).hostname.replace(/^www\./, '');
}

/**
 * The form two URLs share when they name the same article: scheme, `www.`, host case, a trailing
 * slash, `utm_*` parameters and an empty fragment do not make a link new.
 */
export function normaliseUrl(url: string): string {
  const parsed = new URL(url);
  const host = parsed.hostname.toLowerCase().replace(/^www\./, '');
  const port = parsed.port ? `:${parsed.port}` : '';
  const params = [...parsed.searchParams].filter(([name]) => !/^utm_/i.test(name));
  const query = params.length ? `?${new URLSearchParams(params).toString()}` : '';
  const path = parsed.pathname.replace(/\/+$/, '');
  return `${host}${port}${path}${query}${parsed.hash.length > 1 ? parsed.hash : ''}`;
}
