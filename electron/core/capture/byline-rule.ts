/**
 * Readability's byline rule (its REGEXPS.byline and _isValidByline), shared by the steps that must
 * agree with it: the pre-parse pruning that spares a region holding a byline, the metadata's
 * author fallback, and the removal of a byline line Readability left in the article.
 */

/** Words a byline's class or id holds. */
export const BYLINE_WORDS = 'byline|author|dateline|writtenby|p-author';
const BYLINE_CLASS = new RegExp(BYLINE_WORDS, 'i');

/** rel=author, or an itemprop naming the author. */
export function isAuthorElement(element: Element): boolean {
  if (!element.hasAttributes()) return false;
  return element.getAttribute('rel') === 'author' || (element.getAttribute('itemprop') ?? '').includes('author');
}

/** An author element, or one whose class or id reads like a byline. */
export function looksLikeByline(element: Element): boolean {
  return (
    isAuthorElement(element) ||
    (element.hasAttributes() &&
      BYLINE_CLASS.test(`${element.getAttribute('class') ?? ''} ${element.getAttribute('id') ?? ''}`))
  );
}
