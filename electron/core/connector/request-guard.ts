/**
 * The checks every connector request passes before anything else runs. They never look at
 * the library, so a refused request costs the same whatever the library holds.
 */

/** Browser-extension origins: Chromium's and Firefox's. A web page can never have one. */
const EXTENSION_ORIGIN = /^(chrome-extension|moz-extension):\/\/[a-z0-9-]{1,64}$/i;

export function isExtensionOrigin(origin: string | undefined): origin is string {
  return typeof origin === 'string' && EXTENSION_ORIGIN.test(origin);
}

/**
 * The Host header must name the loopback address the endpoint listens on: a page on a
 * rebinding domain (evil.example resolving to 127.0.0.1) sends its own name and is refused.
 */
export function isLoopbackHost(host: string | undefined, port: number): boolean {
  return host === `127.0.0.1:${port}` || host === `localhost:${port}`;
}

/** The token of an `Authorization: Bearer <token>` header, or null. */
export function bearerToken(header: string | undefined): string | null {
  const match = /^Bearer ([A-Za-z0-9_-]{16,128})$/.exec(header ?? '');
  return match ? match[1] : null;
}
