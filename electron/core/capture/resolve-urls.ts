/**
 * Makes every URL in a parsed page absolute. linkedom has no real baseURI, so neither it
 * nor Readability can resolve relative URLs: we do it ourselves, honouring <base href>.
 */
import { parseSrcset, serializeSrcset } from './srcset';

const URL_ATTRIBUTES = new Set([
  'href',
  'src',
  'poster',
  'cite',
  'data-src',
  'data-original',
  'data-lazy-src',
  'data-url',
  'data-hi-res-src',
]);
const SRCSET_ATTRIBUTES = new Set(['srcset', 'data-srcset', 'data-lazy-srcset']);

/** The URL relative references resolve against: the first <base href> (if valid http/https), else the page. */
export function documentBaseUrl(document: Document, pageUrl: string): URL {
  // A plain tag query: linkedom would compile the attribute selector and match it against every element.
  return baseUrlOf(document.querySelectorAll('base'), new URL(pageUrl));
}

const isBaseWithHref = (element: Element) => element.localName.toLowerCase() === 'base' && element.hasAttribute('href');

function baseUrlOf(elements: Iterable<Element>, page: URL): URL {
  let base: Element | undefined;
  for (const element of elements)
    if (isBaseWithHref(element)) {
      base = element;
      break;
    }
  const href = base?.getAttribute('href')?.trim();
  if (!href) return page;
  try {
    const url = new URL(href, page);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url : page;
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
  // One universal walk reading each element's attribute names once: linkedom matches a
  // twelve-part attribute selector far slower, and every getAttribute walks the attribute list.
  // The <base> is found among the same elements, before any of them is changed.
  const elements = document.querySelectorAll('*');
  const base = baseUrlOf(elements, page);
  // A page repeats its references (the same image, the same link in the menu and the footer).
  const resolvedBefore = new Map<string, string | null>();
  const resolve = (value: string) => {
    let resolved = resolvedBefore.get(value);
    if (resolved === undefined) resolvedBefore.set(value, (resolved = resolveReference(value, base, page)));
    return resolved;
  };
  for (const element of elements) {
    if (!element.hasAttributes()) continue;
    for (const name of element.getAttributeNames()) {
      // linkedom keeps an attribute's name as written (SRC=), while the sanitizer lower-cases it.
      const key = name.toLowerCase();
      if (URL_ATTRIBUTES.has(key)) {
        const value = element.getAttribute(name) as string;
        const resolved = resolve(value);
        if (resolved === null) element.removeAttribute(name);
        else if (resolved !== value) element.setAttribute(name, resolved);
      } else if (SRCSET_ATTRIBUTES.has(key)) {
        element.setAttribute(name, resolveSrcset(element.getAttribute(name) as string, base, page));
      }
    }
  }
}
