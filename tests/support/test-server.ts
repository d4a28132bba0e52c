/**
 * A local HTTP server for tests that must not touch the internet: 127.0.0.1, a free port, one
 * handler per path, and counters (requests seen, requests and connections open at once) to assert on.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SeenRequest {
  method: string;
  path: string;
  headers: IncomingMessage['headers'];
}

/** `hits` counts earlier requests to the same path, so a route can answer differently each time. */
export type Route = (request: IncomingMessage, response: ServerResponse, hits: number) => void;

export interface TestServer {
  origin: string;
  port: number;
  url(path: string): string;
  requests: SeenRequest[];
  /** Requests to `path` (any method, or just `method`). */
  hitsOn(path: string, method?: string): number;
  /** Most requests being answered at the same moment. */
  maxInFlight: number;
  /** Most TCP connections open at the same moment. */
  maxConnections: number;
  close(): Promise<void>;
}

export async function startTestServer(routes: Record<string, Route>): Promise<TestServer> {
  let inFlight = 0;
  let connections = 0;
  const hits = new Map<string, number>();
  const state: Omit<TestServer, 'origin' | 'port' | 'url' | 'close'> = {
    requests: [],
    maxInFlight: 0,
    maxConnections: 0,
    hitsOn: (path, method) => state.requests.filter((seen) => seen.path === path && (!method || seen.method === method)).length,
  };
  const server: Server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://x').pathname;
    state.requests.push({ method: request.method ?? 'GET', path, headers: request.headers });
    inFlight++;
    state.maxInFlight = Math.max(state.maxInFlight, inFlight);
    response.on('close', () => inFlight--);
    const seen = hits.get(path) ?? 0;
    hits.set(path, seen + 1);
    const route = routes[path];
    if (!route) {
      response.writeHead(404).end();
      return;
    }
    route(request, response, seen);
  });
  server.on('connection', (socket) => {
    connections++;
    state.maxConnections = Math.max(state.maxConnections, connections);
    socket.on('close', () => connections--);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return Object.assign(state, {
    origin,
    port,
    url: (path: string) => `${origin}${path}`,
    close: () =>
      new Promise<void>((resolve) => {
        // Hanging and dribbling routes keep sockets open: cut them so close() returns now.
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  });
}

/** A port that was just listening and now refuses connections. */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** Common routes. */
export const answer =
  (status: number, headers: Record<string, string> = {}): Route =>
  (_request, response) =>
    response.writeHead(status, headers).end();

export const redirect = (status: number, location: string): Route => answer(status, { location });
