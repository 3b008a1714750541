import { parseHTML } from 'linkedom';

/**
 * A bookmark file's DOM. The file is a fragment (no <html>, a NETSCAPE doctype) and its `<p>`
 * tags are never closed, which would nest every following item inside them; both are dropped so
 * the DL/DT tree holds what the file means.
 */
export function bookmarkDocument(html: string): Document {
  const body = html.replace(/<!DOCTYPE[^>]*>/gi, '').replace(/<\/?p\s*>/gi, '');
  return parseHTML(`<!doctype html><html><head></head><body>${body}</body></html>`).document as unknown as Document;
}

export function attribute(element: Element, name: string): string {
  return (element.getAttribute(name) ?? element.getAttribute(name.toUpperCase()) ?? '').trim();
}
