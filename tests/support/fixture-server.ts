/** A real HTTP server on 127.0.0.1 for capture tests: each route is a handler. */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type RouteHandler = (req: IncomingMessage, res: ServerResponse) => void;

export interface FixtureServer {
  origin: string;
  port: number;
  url(path: string): string;
  /** Every request path the server has seen, in order. */
  requests: string[];
  route(path: string, handler: RouteHandler): void;
  close(): Promise<void>;
}

export async function startFixtureServer(routes: Record<string, RouteHandler> = {}): Promise<FixtureServer> {
  const table = new Map(Object.entries(routes));
  const requests: string[] = [];
  const server: Server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    requests.push(req.url ?? '/');
    const handler = table.get(path);
    if (handler) return handler(req, res);
    res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    port,
    url: (path) => `${origin}${path}`,
    requests,
    route: (path, handler) => void table.set(path, handler),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export const sendBody =
  (body: string | Buffer, contentType = 'text/html; charset=utf-8', status = 200): RouteHandler =>
  (_req, res) => {
    res.writeHead(status, { 'content-type': contentType }).end(body);
  };
