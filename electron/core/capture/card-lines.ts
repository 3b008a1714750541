/**
 * A listing's cards may each hold a line of links: a paper's authors, its number with its formats
 * ("[1] Paper 2611.00001 [pdf, html]"), a post's writers. Alone
 * such a line looks like a menu; inside one of several like cards (siblings of one tag and
 * class) whose own text is mostly not links, it is part of the card and stays.
 */

interface Sized {
  chars: number;
  linkChars: number;
}

/** A group of cards: at least this many siblings of the same tag and class, with text. */
const MIN_CARDS = 3;
/** How far above the line its card may sit. */
const MAX_DEPTH = 2;
/**
 * The card's text is mostly its own words (a title, an excerpt, subjects), not links: a column of
 * a menu, a heading over its links, is no card.
 */
const CARD_LINK_SHARE = 0.5;

const signature = (element: Element) => `${element.tagName} ${element.getAttribute('class') ?? ''}`;

function repeatedSiblings(card: Element, size: (element: Element) => Sized): boolean {
  const parent = card.parentElement;
  if (!parent || parent.children.length < MIN_CARDS) return false;
  const own = signature(card);
  let same = 0;
  for (const sibling of parent.children)
    if (signature(sibling) === own && size(sibling).chars > 0 && ++same >= MIN_CARDS) return true;
  return false;
}

/** Whether this block of links is a line of one card (itself no more than two levels up) among like cards. */
export function isCardLine(element: Element, size: (element: Element) => Sized): boolean {
  let card: Element | null = element;
  for (let depth = 0; card && depth <= MAX_DEPTH; depth++, card = card.parentElement) {
    if (!repeatedSiblings(card, size)) continue;
    const own = { ...size(card) };
    // A term and its description are one card: "[1] Paper 2611.00001 [pdf, html]" over the paper's title.
    const description = card.tagName === 'DT' ? card.nextElementSibling : null;
    if (description?.tagName === 'DD') {
      own.chars += size(description).chars;
      own.linkChars += size(description).linkChars;
    }
    return own.linkChars < CARD_LINK_SHARE * own.chars;
  }
  return false;
}
