import { OffprintError } from '@shared/ipc/envelope';

/** Schemes the system may open for us: a web page in the browser, or a new mail. */
const EXTERNAL_PROTOCOLS = new Set(['http:', 'https:', 'mailto:']);

export function isAllowedExternalUrl(url: unknown): url is string {
  if (typeof url !== 'string' || url.length > 8_192) return false;
  try {
    return EXTERNAL_PROTOCOLS.has(new URL(url).protocol);
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
      'Only web (http, https) and email (mailto) links can be opened outside Offprint.',
    );
  }
  return new URL(url).href;
}
