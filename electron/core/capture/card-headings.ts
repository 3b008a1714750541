/**
 * A page of cards names each item in a heading that links to the item's own page; a story's
 * headings name its sections and link nowhere, or to a place on the same page. When most of a
 * region's headings link away, the region is a listing, and a block Readability picked in it is
 * one card or one group of cards, not the page.
 */
import { squeezeSpace } from './squeeze-space';

const HEADING = /<h([1-6])\b[^>]*>([\s\S]*?)<\/h\1>/gi;
const LINK = /<a\b([^>]*)>([\s\S]*?)<\/a>/gi;
/** A card whose whole block is one link: the heading sits inside it. */
const HEADING_IN_LINK = /<a\b([^>]*)>\s*(?:<(?!\/?a\b)[^>]*>\s*)*<h[1-6]\b/gi;
const TAG = /<[^>]*>/g;
const HREF = /\bhref\s*=\s*["']?([^"'\s>]*)/i;

/** A link to a place on this same page (a section anchor) does not link away. */
function linksAway(attributes: string, pageUrl: string): boolean {
  const href = HREF.exec(attributes)?.[1] ?? '';
  if (!href || href.startsWith('#')) return false;
  const hash = href.indexOf('#');
  return hash < 0 || href.slice(0, hash) !== pageUrl.split('#')[0];
}

const textOf = (html: string) => squeezeSpace(html.replace(TAG, ''));

/** A heading is a card's title when links away hold most of its text. */
const LINKED_SHARE = 0.7;

export interface HeadingCount {
  headings: number;
  /** Of those, the titles of cards: linking to another page. */
  linked: number;
}

export function countCardHeadings(html: string, pageUrl: string): HeadingCount {
  let headings = 0;
  let linked = 0;
  for (const [, , inner] of html.matchAll(HEADING)) {
    const text = textOf(inner);
    if (!text) continue;
    headings++;
    let linkedChars = 0;
    for (const [, attributes, label] of inner.matchAll(LINK))
      if (linksAway(attributes, pageUrl)) linkedChars += textOf(label).length;
    if (linkedChars >= LINKED_SHARE * text.length) linked++;
  }
  for (const [, attributes] of html.matchAll(HEADING_IN_LINK)) if (linksAway(attributes, pageUrl)) linked++;
  return { headings, linked: Math.min(linked, headings) };
}

const MIN_CARD_HEADINGS = 8;
const CARD_HEADING_SHARE = 0.6;

/** Whether this markup is mostly cards: several headings, most of them links to other pages. */
export function isCardList(html: string, pageUrl: string): boolean {
  const { headings, linked } = countCardHeadings(html, pageUrl);
  return linked >= MIN_CARD_HEADINGS && linked >= CARD_HEADING_SHARE * headings;
}
