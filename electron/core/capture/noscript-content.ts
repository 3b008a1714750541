/**
 * Some sites send their whole page inside <noscript> for browsers without JavaScript (a forum's
 * crawler view, a single-page app's server rendering) and leave the rest of the body empty: what
 * such a browser would show is what the reader should keep.
 */

/** Less visible text than this outside <noscript>, and a <noscript> holding this much more, and it is unwrapped. */
const EMPTY_BODY_CHARS = 400;
const NOSCRIPT_CHARS = 600;

const textLength = (node: Node) => (node.textContent ?? '').replace(/\s+/g, '').length;

export function unwrapNoscriptPage(document: Document): void {
  const body = document.body;
  if (!body) return;
  const noscripts = [...body.querySelectorAll('noscript')];
  if (!noscripts.length) return;
  const inside = noscripts.reduce((sum, n) => sum + (n.parentElement?.closest('noscript') ? 0 : textLength(n)), 0);
  const outside = textLength(body) - inside;
  if (outside >= EMPTY_BODY_CHARS) return;
  for (const noscript of noscripts) {
    if (noscript.isConnected && textLength(noscript) >= NOSCRIPT_CHARS) noscript.replaceWith(...noscript.childNodes);
  }
}
