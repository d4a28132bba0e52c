/**
 * The Content-Security-Policy every page carries (as a `<meta>` tag) and that hosts reading a
 * `_headers` file also send. Only the site's own scripts and styles run; Pagefind needs to compile
 * its WebAssembly ('wasm-unsafe-eval'). Images in notes may come from any https host.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self' https: data:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join('; ');

/** `_headers` (Netlify, Cloudflare Pages and others): the policy plus what a `<meta>` cannot say. */
export function headersFile(): string {
  return [
    '/*',
    `  Content-Security-Policy: ${CONTENT_SECURITY_POLICY}; frame-ancestors 'none'`,
    '  X-Content-Type-Options: nosniff',
    '  Referrer-Policy: strict-origin-when-cross-origin',
    '',
  ].join('\n');
}
