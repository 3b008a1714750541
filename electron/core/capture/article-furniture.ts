/**
 * Readability keeps, inside the story's block, the furniture that sits in it: a "Related articles"
 * heading and its list, a "Sign up for our newsletter" line, a "Read more" link on its own, a
 * consent notice. This takes them out of its article, and nothing that reads as the story's text.
 */
import {
  buttonNameWords,
  CALL_TO_ACTION_CHARS,
  HEADING_MAX_CHARS,
  isCallToAction,
  isFurnitureHeading,
  isFurnitureLine as isFurnitureText,
  isScreenReaderOnly,
  namedWith,
} from './boilerplate';
import { collapsedTextLongerThan } from './linkedom-fast-paths';
import { isPromoBox, promoNameWords } from './promo-boxes';
import { authorBoxNameWords, isAuthorBox, isStoryAside, STORY_ASIDE_MAX_CHARS } from './story-asides';
import { squeezeSpace } from './squeeze-space';

const HEADINGS = new Set(['H2', 'H3', 'H4', 'H5', 'H6']);
/** Blocks that are removed whole when all their text is a call to share, subscribe or read elsewhere. */
const LINE_BLOCKS = new Set([
  'P',
  'DIV',
  'LI',
  'SECTION',
  'ASIDE',
  'UL',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'SPAN',
  'A',
  'FIGCAPTION',
  'SMALL',
  'EM',
]);
const LINE_SELECTOR = 'p,div,li,section,aside,ul,h2,h3,h4,h5,h6,a';
/** A credit or a disclosure may stand in a caption or in text-level markup of its own. */
const ASIDE_SELECTOR = 'figcaption,small,em';
/** Text-level elements: only the site's words beside the story make them go, not a call to action. */
const INLINE = new Set(['SPAN', 'A', 'SMALL', 'EM']);
/** A furniture phrase inside longer text is part of a sentence: only lines this short go. */
const FURNITURE_LINE_CHARS = 80;
/** No text longer than this is a line of furniture to any of the tests below: a longer block's text is not even built. */
const LONGEST_LINE_CHARS = Math.max(
  FURNITURE_LINE_CHARS,
  CALL_TO_ACTION_CHARS,
  HEADING_MAX_CHARS,
  STORY_ASIDE_MAX_CHARS,
);
/** The story's last lines are where the furniture is; a heading this far from the end starts a section of it. */
const TAIL_SHARE = 0.5;

const textOf = (element: Element) => squeezeSpace(element.textContent ?? '');

const LINK_SHARE = 0.5;

function isMostlyLinks(element: Element): boolean {
  const text = textOf(element).length;
  if (!text) return true;
  let links = 0;
  for (const link of element.querySelectorAll('a')) links += textOf(link).length;
  return links >= text * LINK_SHARE;
}

const isInPageLink = (element: Element) => (element.getAttribute('href') ?? '').includes('#');

function isFurnitureLine(element: Element, asides: boolean): boolean {
  if (!LINE_BLOCKS.has(element.tagName) || collapsedTextLongerThan(element, LONGEST_LINE_CHARS)) return false;
  if (element.querySelector('img,picture,video,pre,table')) return false;
  const text = textOf(element);
  if (!text) return false;
  // A link alone goes only for a furniture phrase ("Learn how to contribute"): "Learn more" may be the content's own.
  // A jump within the page ("Jump to the list ⤵") is a button's words even at the head of a paragraph.
  if (element.tagName === 'A')
    return (
      isFurnitureText(text, FURNITURE_LINE_CHARS) ||
      (asides && isStoryAside(text)) ||
      (isInPageLink(element) && isCallToAction(text))
    );
  if (INLINE.has(element.tagName)) return asides && isStoryAside(text);
  return (
    isCallToAction(text) ||
    isFurnitureHeading(text) ||
    isFurnitureText(text, FURNITURE_LINE_CHARS) ||
    (asides && isStoryAside(text))
  );
}

/** An author's box is this small a share of the story at most. */
const AUTHOR_BOX_SHARE = 0.25;

/** A link styled as a button ("Buy poster", "Find your school") is the site's, not a link in the story's sentences. */
const BUTTON_LINK_CHARS = 40;

function isButtonLink(element: Element): boolean {
  return (
    element.tagName === 'A' &&
    buttonNameWords(element) &&
    !collapsedTextLongerThan(element, BUTTON_LINK_CHARS) &&
    !element.querySelector('img,picture,video')
  );
}

/** Lists named as a site's menu, which Readability keeps when their id also says "main". */
const MENU_WORDS = new Set(['menu', 'nav', 'navigation', 'navbar', 'breadcrumb', 'breadcrumbs']);
const MAYBE_MENU = /menu|nav|breadcrumb/i;
const MENU_SHARE = 0.25;

/** Roles of the site's menus, whatever the element. A tab bar names the page's own panels: it stays. */
const MENU_ROLES = new Set(['navigation', 'menu', 'menubar']);

function isMenuList(element: Element, total: number): boolean {
  const role = element.getAttribute('role');
  if (!role || !MENU_ROLES.has(role)) {
    if (element.tagName !== 'UL' && element.tagName !== 'OL' && element.tagName !== 'NAV') return false;
    if (!namedWith(element, MENU_WORDS, MAYBE_MENU)) return false;
  }
  return !collapsedTextLongerThan(element, total * MENU_SHARE) && isMostlyLinks(element);
}

/** The author's box and, on a story, the site's pitches and buttons (see promo-boxes.ts), found by their names. */
function removeNamedBoxesIn(article: Element, total: number, story: boolean, screenReaderText: boolean): void {
  // '*' is a fast path on linkedom (see linkedom-fast-paths.ts); an attribute selector is not.
  for (const element of [...article.querySelectorAll('*')]) {
    if (!element.hasAttributes() || !article.contains(element)) continue;
    if (
      // Written for screen readers only, clipped out of sight: "Site home", "Opens in a new window".
      (screenReaderText && isScreenReaderOnly(element)) ||
      (authorBoxNameWords(element) && isAuthorBox(element) && textOf(element).length <= total * AUTHOR_BOX_SHARE) ||
      (story && promoNameWords(element) && isPromoBox(element, total)) ||
      (story && isButtonLink(element)) ||
      isMenuList(element, total)
    )
      element.remove();
  }
}

/** Whether anything follows the element in the article: text, a picture, a table. */
function anythingAfter(element: Element, article: Element): boolean {
  for (let node: Element | null = element; node && node !== article; node = node.parentElement)
    for (let next = node.nextSibling; next; next = next.nextSibling) {
      if ((next.textContent ?? '').trim()) return true;
      if (next.nodeType === 1 && (next as Element).querySelector('img,picture,video,table,pre')) return true;
    }
  return false;
}

/**
 * A heading with nothing after it headed what was taken out (a product box, related links, a
 * form): it goes too. Never the only heading of a short article.
 */
const ORPHANS_AT_MOST = 3;

function removeOrphanHeadings(article: Element): void {
  for (let i = 0; i < ORPHANS_AT_MOST; i++) {
    const headings = article.querySelectorAll('h2,h3,h4,h5,h6');
    const last = headings[headings.length - 1];
    // A list of headings (a list item each) is a list, not a section's heading.
    if (!last || last.closest('li,td') || anythingAfter(last, article)) return;
    last.remove();
  }
}

/**
 * Removes, in place, the headed furniture sections and furniture lines of Readability's article;
 * with asides, a story's too: the author's box, credits and disclosures (see story-asides.ts); on a
 * story page, the site's pitches and buttons (see promo-boxes.ts).
 */
export function removeArticleFurniture(
  article: Element,
  asides = false,
  story = false,
  screenReaderText = false,
): void {
  const total = textOf(article).length;
  if (!total) return;
  // Headed sections: the heading and the lists of links after it, when they are not half the article.
  for (const heading of [...article.querySelectorAll('h2,h3,h4,h5,h6')]) {
    if (!article.contains(heading) || !HEADINGS.has(heading.tagName) || !isFurnitureHeading(textOf(heading))) continue;
    const after: Element[] = [];
    // Only the links that follow it: the story may go on after a list of related links.
    for (
      let next = heading.nextElementSibling;
      next && !HEADINGS.has(next.tagName) && isMostlyLinks(next);
      next = next.nextElementSibling
    )
      after.push(next);
    const chars = after.reduce((n, element) => n + textOf(element).length, textOf(heading).length);
    if (chars > total * TAIL_SHARE) continue;
    for (const element of after) element.remove();
    heading.remove();
  }
  if (asides) removeNamedBoxesIn(article, total, story, screenReaderText);
  const lines = asides ? `${LINE_SELECTOR},${ASIDE_SELECTOR}` : LINE_SELECTOR;
  for (const element of [...article.querySelectorAll(lines)])
    if (article.contains(element) && isFurnitureLine(element, asides)) element.remove();
  if (asides) removeOrphanHeadings(article);
}
