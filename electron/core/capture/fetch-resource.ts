/**
 * Fetches one resource over node:http/https with full control over what a hostile or
 * broken server can do to us: redirect loops, slow or stalled bodies, huge bodies and
 * compression bombs all end in an OffprintError with a message fit for the user.
 */
import http, { type IncomingHttpHeaders, type IncomingMessage } from 'node:http';
import https from 'node:https';
import { STATUS_CODES } from 'node:http';
import zlib from 'node:zlib';
import type { Transform } from 'node:stream';
import { OffprintError } from '@shared/ipc/envelope';
import type { NetworkAccess, ResolvedAddress } from './network-access';

export interface FetchLimits {
  connectTimeoutMs: number;
  totalTimeoutMs: number;
  stallTimeoutMs: number;
  maxBytes: number;
  maxDecodedBytes: number;
  maxRedirects: number;
}

export const DEFAULT_FETCH_LIMITS: FetchLimits = {
  connectTimeoutMs: 15_000,
  totalTimeoutMs: 60_000,
  stallTimeoutMs: 20_000,
  maxBytes: 25 * 1024 * 1024,
  maxDecodedBytes: 60 * 1024 * 1024,
  maxRedirects: 10,
};

export const BROWSER_USER_AGENT =
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/134.0.0.0 Safari/537.36';

export interface ResponseHead {
  url: string;
  status: number;
  /** The media type, lower-cased, without parameters; '' when the server sent none. */
  mimeType: string;
  contentType: string | null;
  headers: IncomingHttpHeaders;
}

export interface FetchedResource extends ResponseHead {
  body: Buffer;
}

export interface FetchOptions {
  limits: FetchLimits;
  /** Checks each hop's host before connecting, and connects to the address it checked. */
  access: NetworkAccess;
  accept: string;
  referer?: string;
  signal?: AbortSignal;
  /** Called once the final response's headers arrive; throw to refuse the body without downloading it. */
  onResponse?: (head: ResponseHead) => void;
}

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

export const formatBytes = (n: number): string =>
  n >= 1024 * 1024 ? `${Math.round(n / (1024 * 1024))} MB` : `${Math.max(1, Math.round(n / 1024))} KB`;

export function mimeTypeOf(contentType: string | null | undefined): string {
  return (contentType ?? '').split(';')[0].trim().toLowerCase();
}

/** GET `url`, following redirects, within `limits`. */
export async function fetchResource(url: string, options: FetchOptions): Promise<FetchedResource> {
  const { limits } = options;
  const deadline = Date.now() + limits.totalTimeoutMs;
  const visited: string[] = [url];
  let current = url;
  for (;;) {
    const target = new URL(current);
    const vetted = await options.access.vet(target);
    const result = await fetchOnce(target, vetted, options, deadline);
    if (result.kind === 'done') return result.resource;
    const next = result.location;
    if (visited.includes(next)) {
      throw new OffprintError('redirects', `The page redirects in a loop (${hostPath(next)} leads back to itself).`);
    }
    if (visited.length > limits.maxRedirects) {
      throw new OffprintError(
        'redirects',
        `The page redirected more than ${limits.maxRedirects} times without arriving anywhere.`,
      );
    }
    visited.push(next);
    current = next;
  }
}

type HopResult = { kind: 'done'; resource: FetchedResource } | { kind: 'redirect'; location: string };

function hostPath(url: string): string {
  const u = new URL(url);
  return `${u.host}${u.pathname}`;
}

function fetchOnce(
  target: URL,
  vetted: ResolvedAddress[],
  options: FetchOptions,
  deadline: number,
): Promise<HopResult> {
  const { limits } = options;
  const secure = target.protocol === 'https:';
  const client = secure ? https : http;
  const port = Number(target.port) || (secure ? 443 : 80);
  return new Promise<HopResult>((resolve, reject) => {
    const timers = new Set<NodeJS.Timeout>();
    let settled = false;
    let stallTimer: NodeJS.Timeout | undefined;
    let decoder: Transform | undefined;

    const cleanup = () => {
      for (const t of timers) clearTimeout(t);
      if (stallTimer) clearTimeout(stallTimer);
      options.signal?.removeEventListener('abort', onAbort);
    };
    const fail = (error: unknown) => {
      if (settled) return;
      settled = true;
      cleanup();
      decoder?.destroy();
      req.destroy();
      reject(error instanceof OffprintError ? error : networkError(error, target));
    };
    const succeed = (value: HopResult) => {
      if (settled) return;
      settled = true;
      cleanup();
      resolve(value);
    };
    const after = (ms: number, error: () => OffprintError) => {
      const t = setTimeout(() => fail(error()), Math.max(0, ms));
      timers.add(t);
      return t;
    };
    const stalled = () =>
      new OffprintError(
        'timeout',
        `${target.host} stopped responding (nothing arrived for ${seconds(limits.stallTimeoutMs)}).`,
      );
    const touch = () => {
      if (stallTimer) clearTimeout(stallTimer);
      stallTimer = setTimeout(() => fail(stalled()), limits.stallTimeoutMs);
    };
    const onAbort = () => fail(new OffprintError('cancelled', 'The download was cancelled.'));

    const req = client.request(target, {
      method: 'GET',
      // No agent: every request opens its own socket, to the address that was vetted.
      createConnection: () =>
        options.access.connect({
          addresses: vetted,
          port,
          hostname: target.hostname.replace(/^\[|\]$/g, ''),
          tls: secure,
        }),
      headers: {
        'User-Agent': BROWSER_USER_AGENT,
        Accept: options.accept,
        'Accept-Language': 'en-GB,en;q=0.9,*;q=0.5',
        'Accept-Encoding': 'gzip, deflate, br',
        ...(options.referer ? { Referer: options.referer } : {}),
      },
    });
    if (options.signal?.aborted) return onAbort();
    options.signal?.addEventListener('abort', onAbort);

    after(
      deadline - Date.now(),
      () =>
        new OffprintError(
          'timeout',
          `${target.host} took longer than ${seconds(limits.totalTimeoutMs)} to send the page.`,
        ),
    );
    req.on('socket', (socket) => {
      if (!socket.connecting) return touch();
      const connectTimer = after(
        limits.connectTimeoutMs,
        () =>
          new OffprintError(
            'timeout',
            `Could not connect to ${target.host} within ${seconds(limits.connectTimeoutMs)}.`,
          ),
      );
      socket.once('connect', () => {
        clearTimeout(connectTimer);
        touch();
      });
    });
    req.on('error', fail);
    req.on('response', (res: IncomingMessage) => {
      touch();
      const status = res.statusCode ?? 0;
      if (REDIRECT_STATUSES.has(status)) {
        res.resume();
        const location = res.headers.location;
        if (!location)
          return fail(
            new OffprintError('http-error', `The site answered ${describeStatus(status)} but did not say where to.`),
          );
        let next: URL;
        try {
          next = new URL(location, target);
        } catch {
          return fail(new OffprintError('redirects', `The site redirected to an invalid address (“${location}”).`));
        }
        if (next.protocol !== 'http:' && next.protocol !== 'https:') {
          return fail(
            new OffprintError('redirects', `The site redirected to a ${next.protocol} address, which cannot be saved.`),
          );
        }
        next.hash = '';
        return succeed({ kind: 'redirect', location: next.href });
      }
      if (status < 200 || status >= 300) {
        res.resume();
        return fail(new OffprintError('http-error', `The site answered ${describeStatus(status)}.`, status));
      }
      const contentType = res.headers['content-type'] ?? null;
      const head: ResponseHead = {
        url: target.href,
        status,
        mimeType: mimeTypeOf(contentType),
        contentType,
        headers: res.headers,
      };
      try {
        options.onResponse?.(head);
      } catch (error) {
        return fail(error);
      }
      const declared = Number(res.headers['content-length']);
      if (Number.isFinite(declared) && declared > limits.maxBytes) return fail(tooLarge(limits.maxBytes));

      const chunks: Buffer[] = [];
      let wireBytes = 0;
      let decodedBytes = 0;
      const collect = (chunk: Buffer) => {
        decodedBytes += chunk.length;
        if (decodedBytes > limits.maxDecodedBytes) {
          return fail(
            new OffprintError(
              'too-large',
              `The page unpacks to more than ${formatBytes(limits.maxDecodedBytes)}, too large to save.`,
            ),
          );
        }
        chunks.push(chunk);
      };
      const finish = () => succeed({ kind: 'done', resource: { ...head, body: Buffer.concat(chunks) } });
      const encoding = res.headers['content-encoding'];
      const startDecoder = (first: Buffer): Transform | undefined => {
        const created = decompressorFor(encoding, first);
        created?.on('data', collect);
        created?.on('end', finish);
        created?.on('error', () =>
          fail(new OffprintError('corrupt-response', `${target.host} sent a damaged compressed response.`)),
        );
        return created;
      };
      let started = false;
      res.on('data', (chunk: Buffer) => {
        touch();
        wireBytes += chunk.length;
        if (wireBytes > limits.maxBytes) return fail(tooLarge(limits.maxBytes));
        if (!started) {
          started = true;
          decoder = startDecoder(chunk);
        }
        if (decoder) decoder.write(chunk);
        else collect(chunk);
      });
      res.on('end', () => (decoder ? decoder.end() : finish()));
      res.on('aborted', () =>
        fail(new OffprintError('unreachable', `The connection to ${target.host} broke off mid-download.`)),
      );
      res.on('error', fail);
    });
    req.end();
  });
}

function decompressorFor(encoding: string | undefined, first: Buffer): Transform | undefined {
  switch ((encoding ?? '').trim().toLowerCase()) {
    case 'gzip':
    case 'x-gzip':
      return zlib.createGunzip();
    case 'deflate':
      // Servers disagree on what "deflate" means: zlib-wrapped (RFC 1950) or raw (RFC 1951).
      return isZlibHeader(first) ? zlib.createInflate() : zlib.createInflateRaw();
    case 'br':
      return zlib.createBrotliDecompress();
    default:
      return undefined;
  }
}

function isZlibHeader(bytes: Buffer): boolean {
  return bytes.length >= 2 && (bytes[0] & 0x0f) === 8 && ((bytes[0] << 8) | bytes[1]) % 31 === 0;
}

function tooLarge(max: number): OffprintError {
  return new OffprintError('too-large', `The page is larger than ${formatBytes(max)}, too large to save.`);
}

function seconds(ms: number): string {
  return ms < 1000 ? `${ms} ms` : `${Math.round(ms / 100) / 10} s`;
}

export function describeStatus(status: number): string {
  const text = STATUS_CODES[status];
  return text ? `${status} ${text}` : `${status}`;
}

function networkError(error: unknown, target: URL): OffprintError {
  const code = (error as NodeJS.ErrnoException)?.code ?? '';
  const host = target.hostname;
  switch (code) {
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
    case 'EAI_NODATA':
    case 'EAI_NONAME':
      return new OffprintError(
        'unreachable',
        `The host name “${host}” could not be found. Check the address or your connection.`,
      );
    case 'ECONNREFUSED':
      return new OffprintError('unreachable', `${target.host} refused the connection.`);
    case 'ECONNRESET':
    case 'EPIPE':
      return new OffprintError('unreachable', `The connection to ${target.host} was closed unexpectedly.`);
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return new OffprintError('unreachable', `${target.host} cannot be reached from this network.`);
    case 'ETIMEDOUT':
      return new OffprintError('timeout', `Could not connect to ${target.host} in time.`);
    case 'HPE_HEADER_OVERFLOW':
    case 'HPE_INVALID_CONSTANT':
    case 'HPE_INVALID_HEADER_TOKEN':
      return new OffprintError('corrupt-response', `${target.host} sent a malformed HTTP response.`);
    default:
      if (/CERT|SSL|TLS/i.test(code)) {
        return new OffprintError('unreachable', `The secure connection to ${host} failed (${code}).`);
      }
      return new OffprintError(
        'unreachable',
        `Could not download from ${target.host}: ${(error as Error)?.message ?? String(error)}.`,
      );
  }
}
