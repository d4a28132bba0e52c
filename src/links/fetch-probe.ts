/**
 * The real transport: one fetch with manual redirects and a timeout that covers connecting and
 * receiving headers. The body is cancelled as soon as headers arrive, so a huge or dribbling page
 * costs nothing.
 */
import type { ProbeOutcome, ProbeRequest } from './types.ts';

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

export async function fetchProbe(request: ProbeRequest): Promise<ProbeOutcome> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), request.timeoutMs);
  try {
    const response = await fetch(request.url, {
      method: request.method,
      headers: request.headers,
      redirect: 'manual',
      signal: controller.signal,
    });
    const elapsedMs = elapsed();
    // Never read the body: cancel it (closing the connection) and keep only status and headers.
    response.body?.cancel().catch(() => {});
    return { kind: 'response', status: response.status, statusText: response.statusText, headers: response.headers, elapsedMs };
  } catch (error) {
    if (controller.signal.aborted) return { kind: 'timeout', elapsedMs: elapsed() };
    return { kind: 'network', ...networkCode(error), elapsedMs: elapsed() };
  } finally {
    clearTimeout(timer);
  }
}
