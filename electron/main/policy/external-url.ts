import { OffprintError } from '@shared/ipc/envelope';

/** Schemes the system may open for us: a web page in the browser, or a new mail. */
const EXTERNAL_PROTOCOLS = new Set(['http:', 'https:', 'mailto:']);

/** A mail link names addresses only: parameters (attach=, body=, cc=, …) would let a page fill in the mail. */
function isPlainMailto(url: URL): boolean {
  if (url.search || url.hash) return false;
  try {
    return !/[?&#=]/.test(decodeURIComponent(url.pathname));
  } catch {
    return false;
  }
}

export function isAllowedExternalUrl(url: unknown): url is string {
  if (typeof url !== 'string' || url.length > 8_192 || /\p{Cc}/u.test(url)) return false;
  try {
    const parsed = new URL(url);
    if (!EXTERNAL_PROTOCOLS.has(parsed.protocol)) return false;
    return parsed.protocol !== 'mailto:' || isPlainMailto(parsed);
  } catch {
    return false;
  }
}

/**
 * The URL as the system should receive it, or an OffprintError: file:, javascript:,
 * custom app schemes and the like could run or open local things, so only web and mail links pass.
 */
export function checkExternalUrl(url: string): string {
  if (!isAllowedExternalUrl(url)) {
    throw new OffprintError(
      'refused-url',
      'Only web (http, https) and plain email (mailto, without parameters) links can be opened outside Offprint.',
    );
  }
  return new URL(url).href;
}
