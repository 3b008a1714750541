import { OffprintError } from '@shared/ipc/envelope';

/** Query parameters that identify a campaign or a click, never the page. */
const TRACKING_PARAM =
  /^(utm_\w+|fbclid|gclid|dclid|msclkid|mc_cid|mc_eid|igshid|yclid|_hsenc|_hsmi|ref|ref_src|ref_url|cmpid|s_cid|wt_mc)$/i;

/** Parses what a user typed or pasted; a bare host like "example.com/a" becomes https. */
export function parseHttpUrl(input: string): URL {
  const trimmed = input.trim();
  const withScheme = /^[a-z][a-z0-9+.-]*:/i.test(trimmed) ? trimmed : `https://${trimmed}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    throw new OffprintError('invalid-url', `“${input}” is not a web address.`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new OffprintError('invalid-url', `Only http and https pages can be saved, not ${url.protocol} links.`);
  }
  if (!url.hostname) throw new OffprintError('invalid-url', `“${input}” has no host name.`);
  return url;
}

/**
 * The form under which a page is stored and compared, so that the same article
 * reached through a campaign link or an anchor is recognised as already saved.
 */
export function normalizeUrl(input: string | URL): string {
  const url = new URL(typeof input === 'string' ? parseHttpUrl(input).href : input.href);
  url.hash = '';
  url.hostname = url.hostname.toLowerCase();
  if ((url.protocol === 'http:' && url.port === '80') || (url.protocol === 'https:' && url.port === '443')) {
    url.port = '';
  }
  const kept = [...url.searchParams].filter(([key]) => !TRACKING_PARAM.test(key));
  url.search = '';
  for (const [key, value] of kept) url.searchParams.append(key, value);
  return url.href;
}
