import { normalizeUrl } from '../../capture/normalize-url';

/** The URL as written when it is an http(s) address with a host, else null. */
export function webUrl(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const text = value.trim();
  if (!/^https?:\/\//i.test(text)) return null;
  try {
    return new URL(text).hostname ? text : null;
  } catch {
    return null;
  }
}

/** Why `value` is not a URL an entry can have, for the skipped list. */
export function urlProblem(value: unknown): string {
  if (typeof value !== 'string' || !value.trim()) return 'no URL';
  const text = value.trim();
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(text)?.[1];
  if (scheme && !/^https?$/i.test(scheme)) return `not a web address (${scheme.toLowerCase()}: link)`;
  return `not a web address: ${text.length > 80 ? `${text.slice(0, 80)}…` : text}`;
}

/** The key two spellings of one page share (Offprint's URL normalisation), to pair items across files. */
export function urlKey(url: string): string {
  try {
    return normalizeUrl(url);
  } catch {
    return url.trim();
  }
}
