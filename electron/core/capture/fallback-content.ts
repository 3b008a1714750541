/** When Readability finds no article: the page's main region, without site furniture. */
import { isWhitespace } from '@shared/anchoring/normalize-text';
import { DROPPED_WITH_CONTENT } from './sanitize-article';

const SITE_FURNITURE =
  'nav,aside,footer,header,[role="navigation"],[role="banner"],[role="contentinfo"],[role="complementary"],[role="search"],#comments,.comments';

const fallbackRoot = (document: Document): Element | null =>
  document.querySelector('main,[role="main"]') ?? document.querySelector('article') ?? document.body;

/** Picks the page's main region and strips navigation, headers, footers and sidebars from it. Mutates the document. */
export function fallbackContent(document: Document): string {
  const root = fallbackRoot(document);
  if (!root) return '';
  for (const element of root.querySelectorAll(SITE_FURNITURE)) {
    // An article's own <header> (headline, byline) is part of it; the page's is not.
    if (element.tagName === 'HEADER' && element.closest('article')) continue;
    element.remove();
  }
  return root.innerHTML;
}

const DROPPED = new Set(DROPPED_WITH_CONTENT.map((tag) => tag.toUpperCase()));

function nonSpaceChars(node: Node): number {
  if (node.nodeType === 3) {
    const text = node.nodeValue ?? '';
    let n = 0;
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      if ((code > 0x20 && code < 0x7f) || !isWhitespace(code)) n++;
    }
    return n;
  }
  if (node.nodeType !== 1 || DROPPED.has((node as Element).tagName)) return 0;
  let n = 0;
  for (let child = node.firstChild; child; child = child.nextSibling) n += nonSpaceChars(child);
  return n;
}

/**
 * At most how many characters, white space aside, the sanitized fallbackContent of this document
 * holds: its root's text, less what the sanitizer drops with its content (furniture is not
 * even taken out). Read on the page as cleaned for extraction, before Readability changes it.
 */
export function fallbackCharsAtMost(document: Document): number {
  const root = fallbackRoot(document);
  return root ? nonSpaceChars(root) : 0;
}
