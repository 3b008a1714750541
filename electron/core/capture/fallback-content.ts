/** When Readability finds no article: the page's main region, without site furniture. */
import { isWhitespace } from '@shared/anchoring/normalize-text';
import { classAndId, isCallToAction, wordsOf } from './boilerplate';
import { DROPPED_WITH_CONTENT } from './sanitize-article';
import { holdsContent } from './strip-clutter';

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
  removeHidden(root);
  removeNamedFurniture(root);
  return root.innerHTML;
}

/**
 * A few words the page keeps out of sight for good (display:none, the hidden attribute) are no
 * more its content here than in Readability's article: a skip link, a heading for crawlers on a
 * page whose script never ran. More is often the content itself, hidden until a script shows it.
 */
const HIDDEN_FURNITURE_CHARS = 200;

function removeHidden(root: Element): void {
  for (const element of [...root.querySelectorAll('[hidden],[style]')]) {
    if (!element.isConnected) continue;
    if (!element.hasAttribute('hidden') && !/display\s*:\s*none/i.test(element.getAttribute('style') ?? '')) continue;
    if ((element.textContent ?? '').trim().length < HIDDEN_FURNITURE_CHARS) element.remove();
  }
}

/** A block named as furniture holds at most this share of the page's text: more, it wraps the content ("has-sidebar"). */
const NAMED_FURNITURE_SHARE = 0.4;

/**
 * Class and id words of the site's blocks around the content. Fewer than the region's: "search"
 * names a page of search results, "toc" a manual's chapter list, and a whole-page fallback has no
 * posts with votes and badges.
 */
const SITE_FURNITURE_WORDS = new Set([
  'footer',
  'cookie',
  'cookies',
  'consent',
  'gdpr',
  'newsletter',
  'subscribe',
  'signup',
  'sidebar',
  'breadcrumb',
  'breadcrumbs',
  'navbar',
  'nav',
  'navigation',
  'share',
  'sharing',
  'social',
  'related',
  'promo',
  'advert',
  'advertisement',
  'ads',
  'popup',
  'modal',
  'masthead',
  'topbar',
  'login',
  'signin',
  'offcanvas',
  'drawer',
  'pagination',
  'skip',
  'comments',
]);
/** A footer of one card or post (its author and date) belongs to it, not to the site. */
const ITEM_WORDS = new Set(['card', 'item', 'post', 'entry', 'article', 'story', 'tile', 'teaser', 'product']);
const MAYBE_SITE_FURNITURE =
  /foot|cook|consent|gdpr|news|subscri|sign|side|crumb|nav|shar|social|relat|promo|advert|ads|pop|modal|mast|top|log|canvas|drawer|pagin|skip|comment/i;

function siteFurnitureName(element: Element): boolean {
  const name = classAndId(element);
  if (!MAYBE_SITE_FURNITURE.test(name)) return false;
  const words = wordsOf(name);
  let previous = '';
  let found = '';
  for (const word of words) {
    if (SITE_FURNITURE_WORDS.has(word)) found = word;
    else if (SITE_FURNITURE_WORDS.has(previous + word)) found = previous + word;
    previous = word;
  }
  if (!found) return false;
  return found !== 'footer' || !words.some((word) => ITEM_WORDS.has(word));
}

/** A line of its own that is a button's words ("Back to top", "Loading…"), without a picture. */
function isButtonLine(element: Element): boolean {
  const text = element.textContent ?? '';
  return !!text.trim() && isCallToAction(text) && !element.querySelector('img,picture,video');
}

/**
 * Blocks whose class or id names them the site's (a footer's legal links, a newsletter box, a
 * cookie banner) go too, unless they hold the content. A page with nothing else keeps them: it is
 * saved with its title and date rather than refused as empty.
 */
function removeNamedFurniture(root: Element): void {
  const total = (root.textContent ?? '').length;
  const removed: { element: Element; parent: Node; next: Node | null }[] = [];
  const take = (element: Element) => {
    if (element.parentNode) removed.push({ element, parent: element.parentNode, next: element.nextSibling });
    element.remove();
  };
  for (const element of [...root.querySelectorAll('*')]) {
    if (!element.isConnected) continue;
    if (isButtonLine(element)) {
      take(element);
      continue;
    }
    if (!element.hasAttributes() || !siteFurnitureName(element)) continue;
    if ((element.textContent ?? '').length > total * NAMED_FURNITURE_SHARE || holdsContent(element)) continue;
    take(element);
  }
  if ((root.textContent ?? '').trim()) return;
  for (const { element, parent, next } of removed.reverse()) parent.insertBefore(element, next);
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
