/**
 * Makes every URL in a parsed page absolute. linkedom has no real baseURI, so neither it
 * nor Readability can resolve relative URLs: we do it ourselves, honouring <base href>.
 */
import { parseSrcset, serializeSrcset } from './srcset';

const URL_ATTRIBUTES = ['href', 'src', 'poster', 'cite', 'data-src', 'data-original', 'data-lazy-src', 'data-url', 'data-hi-res-src'];
const SRCSET_ATTRIBUTES = ['srcset', 'data-srcset', 'data-lazy-srcset'];

/** The URL relative references resolve against: the first <base href> (if valid http/https), else the page. */
export function documentBaseUrl(document: Document, pageUrl: string): URL {
  const page = new URL(pageUrl);
  const href = document.querySelector('base[href]')?.getAttribute('href')?.trim();
  if (!href) return page;
  try {
    const base = new URL(href, page);
    return base.protocol === 'http:' || base.protocol === 'https:' ? base : page;
  } catch {
    return page;
  }
}

/** Resolves one reference; in-page fragments stay fragments, so that footnotes keep working offline. */
export function resolveReference(value: string, base: URL, page: URL): string | null {
  const trimmed = value.trim();
  if (trimmed.startsWith('#')) return trimmed;
  try {
    const url = new URL(trimmed, base);
    if (url.hash && url.origin === page.origin && url.pathname === page.pathname && url.search === page.search) {
      return url.hash;
    }
    return url.href;
  } catch {
    return null;
  }
}

export function resolveSrcset(srcset: string, base: URL, page: URL): string {
  return serializeSrcset(
    parseSrcset(srcset).flatMap((c) => {
      const url = resolveReference(c.url, base, page);
      return url ? [{ url, descriptor: c.descriptor }] : [];
    }),
  );
}

export function resolveDocumentUrls(document: Document, pageUrl: string): void {
  const page = new URL(pageUrl);
  const base = documentBaseUrl(document, pageUrl);
  // One universal walk with plain attribute reads: linkedom matches a twelve-part attribute selector far slower.
  for (const element of document.querySelectorAll('*')) {
    if (!element.hasAttributes()) continue;
    for (const name of URL_ATTRIBUTES) {
      const value = element.getAttribute(name);
      if (value === null) continue;
      const resolved = resolveReference(value, base, page);
      if (resolved === null) element.removeAttribute(name);
      else if (resolved !== value) element.setAttribute(name, resolved);
    }
    for (const name of SRCSET_ATTRIBUTES) {
      const value = element.getAttribute(name);
      if (value !== null) element.setAttribute(name, resolveSrcset(value, base, page));
    }
  }
}
