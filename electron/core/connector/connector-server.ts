/**
 * The browser connector's endpoint: a small JSON-over-HTTP server on 127.0.0.1 that only a
 * paired browser extension can use (docs/CONNECTOR.md). It sends no CORS headers at all: an
 * extension with host permission needs none, and a web page can then never read an answer.
 * Every refusal that a web page could cause is decided before the library is looked at.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { toErrorInfo } from '@shared/ipc/envelope';
import type { Highlight, SaveResult } from '@shared/model';
import { NeedsImagesError } from '../capture/capture-rendered';
import { DEFAULT_CONNECTOR_PORT } from './connector-port';
import { newToken, type Pairing } from './pairing';
import { RateLimiter, type RateLimitOptions } from './rate-limit';
import { renderedPageSchema, saveLinkSchema, type RenderedPage } from './rendered-page';
import { bearerToken, isExtensionOrigin, isLoopbackHost } from './request-guard';
import { highlightSelection, type HighlightingCore } from './selection-highlight';
import type { TokenStore } from './token-store';

export { DEFAULT_CONNECTOR_PORT };
export const MAX_BODY_BYTES = 50 * 1024 * 1024;
export const CONNECTOR_PROTOCOL_VERSION = 1;

export interface ConnectorCore extends HighlightingCore {
  saveRenderedPage(page: RenderedPage): Promise<SaveResult>;
  saveUrl(url: string): Promise<SaveResult>;
}

export interface ConnectorServerOptions {
  core: ConnectorCore;
  tokens: TokenStore;
  pairing: Pairing;
  /** 0 picks a free port. Default DEFAULT_CONNECTOR_PORT. */
  port?: number;
  maxBodyBytes?: number;
  rateLimit?: RateLimitOptions;
  /** Told of each article saved through the connector (the app refreshes its list). */
  onSaved?: (result: SaveResult) => void;
}

export interface ConnectorServer {
  readonly port: number;
  close(): Promise<void>;
}

/** What the extension is told about a save. */
export type SaveAnswer =
  | { status: 'saved' | 'already-saved'; id: string; title: string; highlighted: boolean }
  | { status: 'needs-images'; urls: string[] }
  | { status: 'failed'; reason: string };

class HttpRefusal extends Error {
  constructor(
    readonly status: number,
    readonly body: Record<string, unknown>,
  ) {
    super(String(body.reason ?? status));
  }
}

export async function startConnectorServer(options: ConnectorServerOptions): Promise<ConnectorServer> {
  const maxBody = options.maxBodyBytes ?? MAX_BODY_BYTES;
  const requests = new RateLimiter(options.rateLimit ?? { burst: 30, perMinute: 120 });
  const pairAttempts = new RateLimiter({ burst: 5, perMinute: 5 });
  let port = 0;

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const origin = req.headers.origin;
    // One answer, the same for a wrong Host, a web page's Origin, a missing Origin and any preflight.
    if (!isLoopbackHost(req.headers.host, port) || !isExtensionOrigin(origin) || req.method === 'OPTIONS') {
      req.resume();
      return send(res, 403, { status: 'refused' });
    }
    if (!requests.take(origin)) throw new HttpRefusal(429, { status: 'failed', reason: 'Too many requests.' });
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    const route = `${req.method} ${path}`;

    if (route === 'GET /v1/hello') return send(res, 200, { app: 'Offprint', protocol: CONNECTOR_PROTOCOL_VERSION });
    if (route === 'POST /v1/pair') {
      if (!pairAttempts.take('pair'))
        throw new HttpRefusal(429, { status: 'failed', reason: 'Too many pairing attempts; wait a minute.' });
      const body = (await readJson(req, 4096)) as { code?: unknown };
      if (typeof body.code !== 'string' || !options.pairing.redeem(body.code)) {
        throw new HttpRefusal(403, { status: 'failed', reason: 'That code is wrong or has expired.' });
      }
      const token = newToken();
      await options.tokens.add(token, origin);
      return send(res, 200, { token });
    }

    const token = bearerToken(req.headers.authorization);
    if (!token || !options.tokens.accepts(token, origin)) {
      req.resume();
      throw new HttpRefusal(401, { status: 'unpaired', reason: 'This browser is not paired with Offprint.' });
    }
    switch (route) {
      case 'GET /v1/status':
        return send(res, 200, { paired: true });
      case 'POST /v1/save': {
        const page = parse(renderedPageSchema, await readJson(req, maxBody));
        return send(res, 200, await answerSave(() => options.core.saveRenderedPage(page), page.selection));
      }
      case 'POST /v1/save-link': {
        const { url } = parse(saveLinkSchema, await readJson(req, 16_384));
        return send(res, 200, await answerSave(() => options.core.saveUrl(url)));
      }
      default:
        req.resume();
        throw new HttpRefusal(404, { status: 'failed', reason: `No such call: ${route}.` });
    }
  };

  const answerSave = async (
    save: () => Promise<SaveResult>,
    selection?: RenderedPage['selection'],
  ): Promise<SaveAnswer> => {
    let result: SaveResult;
    try {
      result = await save();
    } catch (error) {
      if (error instanceof NeedsImagesError) return { status: 'needs-images', urls: error.urls };
      return { status: 'failed', reason: toErrorInfo(error).message };
    }
    options.onSaved?.(result);
    let highlight: Highlight | null = null;
    if (selection) highlight = await highlightSelection(options.core, result.article.id, selection).catch(() => null);
    return {
      status: result.existed ? 'already-saved' : 'saved',
      id: result.article.id,
      title: result.article.title,
      highlighted: highlight !== null,
    };
  };

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (error instanceof HttpRefusal) return send(res, error.status, error.body);
      send(res, 500, { status: 'failed', reason: toErrorInfo(error).message });
    });
  });
  server.headersTimeout = 10_000;
  server.requestTimeout = 120_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? DEFAULT_CONNECTOR_PORT, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  port = (server.address() as AddressInfo).port;
  return {
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function send(res: ServerResponse, status: number, body: Record<string, unknown>): void {
  if (res.headersSent) return;
  const json = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(json),
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    // A refused request's body may still be on its way: never read it as the next request.
    ...(status >= 400 ? { connection: 'close' } : {}),
  });
  res.end(json);
}

/** The body as JSON, refused past `limit` bytes or when it is not declared as JSON (a form post cannot). */
async function readJson(req: IncomingMessage, limit: number): Promise<unknown> {
  if (!/^application\/json\b/i.test(req.headers['content-type'] ?? '')) {
    req.resume();
    throw new HttpRefusal(415, { status: 'failed', reason: 'The body must be application/json.' });
  }
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) {
    req.resume();
    throw new HttpRefusal(413, { status: 'failed', reason: 'The page is too large to send (50 MB at most).' });
  }
  const body = await new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        // Keep reading (and dropping) the rest, so that the refusal reaches the sender.
        chunks.length = 0;
        reject(new HttpRefusal(413, { status: 'failed', reason: 'The page is too large to send (50 MB at most).' }));
      } else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
  try {
    return JSON.parse(body.toString('utf8'));
  } catch {
    throw new HttpRefusal(400, { status: 'failed', reason: 'The body is not valid JSON.' });
  }
}

function parse<T>(
  schema: { safeParse(v: unknown): { success: true; data: T } | { success: false } },
  value: unknown,
): T {
  const result = schema.safeParse(value);
  if (!result.success) throw new HttpRefusal(400, { status: 'failed', reason: 'The request is malformed.' });
  return result.data;
}
