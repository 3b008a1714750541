/** When Readability finds no article: the page's main region, without site furniture. */

const SITE_FURNITURE =
  'nav,aside,footer,header,[role="navigation"],[role="banner"],[role="contentinfo"],[role="complementary"],[role="search"],#comments,.comments';

/** Picks the page's main region and strips navigation, headers, footers and sidebars from it. Mutates the document. */
export function fallbackContent(document: Document): string {
  const root = document.querySelector('main,[role="main"]') ?? document.querySelector('article') ?? document.body;
  if (!root) return '';
  for (const element of root.querySelectorAll(SITE_FURNITURE)) {
    // An article's own <header> (headline, byline) is part of it; the page's is not.
    if (element.tagName === 'HEADER' && element.closest('article')) continue;
    element.remove();
  }
  return root.innerHTML;
}
