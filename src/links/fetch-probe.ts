/**
 * The real transport: one fetch with manual redirects and a timeout that covers connecting and
 * receiving headers. By default the body is cancelled as soon as headers arrive, so a huge or
 * dribbling page costs nothing; a request with `body` limits (the quote checker's) reads a 2xx body of
 * the media types it names, decompressed by fetch (gzip, deflate, brotli), up to a byte cap and
 * within a time limit of its own.
 */
import type { BodyLimits, BodyOutcome, ProbeOutcome, ProbeRequest } from './types.ts';

/** The low-level cause undici hides inside "fetch failed" (ECONNREFUSED, ENOTFOUND, …). */
function networkCode(error: unknown): { code: string; message: string } {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current instanceof Error; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string') return { code, message: current.message };
    current = (current as { cause?: unknown }).cause;
  }
  return { code: 'EUNKNOWN', message: error instanceof Error ? error.message : String(error) };
}

/** `text/html` from `Text/HTML; charset=utf-8`; `''` when the header is missing. */
export function mediaTypeOf(contentType: string | null): string {
  return (contentType ?? '').split(';')[0]!.trim().toLowerCase();
}

/** Reads at most `limits.maxBytes`, aborting the whole exchange when `limits.timeoutMs` runs out. */
async function readBody(response: Response, limits: BodyLimits, controller: AbortController): Promise<BodyOutcome> {
  if (!limits.mediaTypes.includes(mediaTypeOf(response.headers.get('content-type')))) {
    response.body?.cancel().catch(() => {});
    return { kind: 'skipped' };
  }
  if (!response.body) return { kind: 'read', bytes: new Uint8Array(0), truncated: false };
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  let truncated = false;
  const timer = setTimeout(() => controller.abort(), limits.timeoutMs);
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      const room = limits.maxBytes - size;
      if (value.byteLength > room) {
        chunks.push(value.subarray(0, room));
        size += room;
        truncated = true;
        // Closes the connection: the rest of a 10 MB page (or a decompression bomb) is never fetched.
        reader.cancel().catch(() => {});
        break;
      }
      chunks.push(value);
      size += value.byteLength;
    }
  } catch (error) {
    if (controller.signal.aborted) return { kind: 'timeout', bytesRead: size };
    return { kind: 'failed', message: networkCode(error).message };
  } finally {
    clearTimeout(timer);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return { kind: 'read', bytes, truncated };
}

export async function fetchProbe(request: ProbeRequest): Promise<ProbeOutcome> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), request.timeoutMs);
  let response: Response;
  try {
    response = await fetch(request.url, {
      method: request.method,
      headers: request.headers,
      redirect: 'manual',
      signal: controller.signal,
    });
  } catch (error) {
    if (controller.signal.aborted) return { kind: 'timeout', elapsedMs: elapsed() };
    return { kind: 'network', ...networkCode(error), elapsedMs: elapsed() };
  } finally {
    clearTimeout(timer);
  }
  const elapsedMs = elapsed();
  const answer = {
    kind: 'response',
    status: response.status,
    statusText: response.statusText,
    headers: response.headers,
    elapsedMs,
  } as const;
  if (request.body && response.status >= 200 && response.status < 300) {
    return { ...answer, body: await readBody(response, request.body, controller) };
  }
  // Never read the body: cancel it (closing the connection) and keep only status and headers.
  response.body?.cancel().catch(() => {});
  return answer;
}
