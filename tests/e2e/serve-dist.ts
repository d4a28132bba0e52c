/**
 * Serves the built site (dist/, or COMMONPLACE_OUT_DIR) on 127.0.0.1 for the browser tests, like a
 * plain static host: `dir/` → `dir/index.html`, unknown paths → `404.html` with status 404.
 * (Astro 7's `astro preview` allows one server per project, which parallel runs cannot share.)
 */
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';
import { constants, createBrotliCompress, createGzip } from 'node:zlib';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
  '.pagefind': 'application/octet-stream',
  '.pf_fragment': 'application/octet-stream',
  '.pf_index': 'application/octet-stream',
  '.pf_meta': 'application/octet-stream',
  '.pf_filter': 'application/octet-stream',
};

/** Headers a `_headers` file gives every path (`/*`), as Netlify-style hosts apply them. */
export function headersFor(rootDir: string): Record<string, string> {
  const file = join(rootDir, '_headers');
  if (!existsSync(file)) return {};
  const headers: Record<string, string> = {};
  let applies = false;
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    if (!/^\s/.test(line)) applies = line.trim() === '/*';
    else if (applies) {
      const colon = line.indexOf(':');
      headers[line.slice(0, colon).trim()] = line.slice(colon + 1).trim();
    }
  }
  return headers;
}

/** Types a static host compresses on the fly (Pagefind's own files are compressed already). */
const COMPRESSIBLE = /^(text\/|application\/(json|xml)|image\/svg)/;

/**
 * `compress`: send text brotli- or gzip-encoded when the browser accepts it, as a real host does
 * (the benchmark's Lighthouse audits; the browser tests read the bytes as they are).
 */
export function serveDirectory(root: string, port: number, base = '/', options: { compress?: boolean } = {}) {
  const rootDir = resolve(root);
  const siteHeaders = headersFor(rootDir);
  return createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    let path = decodeURIComponent(url.pathname);
    if (!path.startsWith(base)) path = '/__outside_base__';
    path = `/${path.slice(base.length)}`;
    let file = normalize(join(rootDir, path));
    if (!file.startsWith(rootDir)) file = join(rootDir, '404.html');
    if (existsSync(file) && statSync(file).isDirectory()) {
      if (!url.pathname.endsWith('/')) {
        response.writeHead(301, { location: `${url.pathname}/${url.search}` }).end();
        return;
      }
      file = join(file, 'index.html');
    }
    let status = 200;
    if (!existsSync(file)) {
      status = 404;
      file = join(rootDir, '404.html');
      if (!existsSync(file)) {
        response.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
        return;
      }
    }
    const type = TYPES[extname(file)] ?? 'application/octet-stream';
    const accepted = String(request.headers['accept-encoding'] ?? '');
    const encoding =
      options.compress && COMPRESSIBLE.test(type)
        ? /\bbr\b/.test(accepted)
          ? 'br'
          : /\bgzip\b/.test(accepted)
            ? 'gzip'
            : ''
        : '';
    response.writeHead(status, {
      ...siteHeaders,
      'content-type': type,
      ...(encoding ? { 'content-encoding': encoding, vary: 'accept-encoding' } : {}),
    });
    const body = createReadStream(file);
    // Quality 5, as hosts compress on the fly (11, the default, is for files compressed ahead of time).
    if (encoding === 'br') body.pipe(createBrotliCompress({ params: { [constants.BROTLI_PARAM_QUALITY]: 5 } })).pipe(response);
    else if (encoding === 'gzip') body.pipe(createGzip()).pipe(response);
    else body.pipe(response);
  }).listen(port, '127.0.0.1');
}

if (import.meta.main) {
  const root = process.env.COMMONPLACE_OUT_DIR ?? 'dist';
  const port = Number(process.argv[2] ?? process.env.E2E_PORT ?? 4329);
  if (!existsSync(join(root, 'index.html'))) {
    console.error(`No built site in ${root}/: run \`npm run build\` first.`);
    process.exit(1);
  }
  serveDirectory(root, port, process.env.BASE_PATH ?? '/');
  console.log(`Serving ${root}/ at http://127.0.0.1:${port}/`);
}
