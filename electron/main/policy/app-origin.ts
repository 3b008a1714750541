/**
 * Where the app's own pages come from. The built renderer is served from a privileged
 * `offprint://app/` origin (not file://, which would give every local file the same origin);
 * in development it comes from the electron-vite dev server instead.
 */
export const APP_SCHEME = 'offprint';
export const APP_HOST = 'app';
export const APP_ENTRY_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

function parse(url: string | undefined | null): URL | null {
  if (!url) return null;
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/** True for a URL of the app itself: offprint://app/…, or the dev server's origin when one is in use. */
export function isAppUrl(url: string | undefined | null, devServerUrl?: string): boolean {
  const parsed = parse(url);
  if (!parsed) return false;
  // Node's URL reports origin "null" for custom schemes, so compare scheme and host.
  if (parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST && !parsed.username && !parsed.password) {
    return true;
  }
  const dev = parse(devServerUrl);
  return dev !== null && (dev.protocol === 'http:' || dev.protocol === 'https:') && parsed.origin === dev.origin;
}

export interface SenderFrame {
  url: string;
  /** Whether the frame is the window's top frame (not an iframe inside the page). */
  isMainFrame: boolean;
}

/** Only the app's own top frame may call into the main process. */
export function isTrustedSender(frame: SenderFrame | null | undefined, devServerUrl?: string): boolean {
  return !!frame && frame.isMainFrame && isAppUrl(frame.url, devServerUrl);
}

/**
 * Whether the renderer may make a network request: never to the web (the reader is
 * offline by design and article images are stored locally); in development only to the
 * dev server, including its hot-reload socket.
 */
export function isAllowedRendererRequest(url: string, devServerUrl?: string): boolean {
  const parsed = parse(url);
  const dev = parse(devServerUrl);
  if (!parsed || !dev) return false;
  const devHost = dev.host;
  if (parsed.host !== devHost) return false;
  const webProtocol = dev.protocol === 'https:' ? ['https:', 'wss:'] : ['http:', 'ws:'];
  return webProtocol.includes(parsed.protocol);
}
