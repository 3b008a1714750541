/**
 * A site's pitch set inside or under a story: a call-to-action box ("Want to win more jobs?" over a
 * trial button), a promotion, a plea for donations, a paywall's "Subscribe to read on". Themes name
 * these blocks with the same few words whatever the site: `post-cta`, `promo-banner`, `donate-box`,
 * `paywall`. On a story such a block is the site speaking, not the story.
 */
import { namedWith } from './boilerplate';
import { collapsedTextLongerThan } from './linkedom-fast-paths';

/** Class and id words of a story's promotional blocks (matched as whole words: "promotion" is one, "promote-x" not). */
const PROMO_WORDS = new Set([
  'cta',
  'ctas',
  'calltoaction',
  'promo',
  'promos',
  'promotion',
  'promotional',
  'donate',
  'donation',
  'donations',
  'paywall',
  'upsell',
  'optin',
]);
const MAYBE_PROMO = /cta|call|promo|donat|paywall|upsell|optin/i;

export const promoNameWords = (element: Element) => namedWith(element, PROMO_WORDS, MAYBE_PROMO);

/** A pitch is short: a block so named with more text holds the story (a theme's "cta-enabled" wrapper). */
const PROMO_BOX_CHARS = 500;
/** Nor is it a big share of the story it sits in. */
const PROMO_SHARE = 0.25;

const SECTION_HEADINGS = 2;

/** Whether an element so named, in a story of `total` characters, is a pitch to leave out. */
export function isPromoBox(element: Element, total: number): boolean {
  const tag = element.tagName;
  if (tag === 'ARTICLE' || tag === 'MAIN' || tag === 'BODY' || tag === 'HTML') return false;
  if (collapsedTextLongerThan(element, Math.min(PROMO_BOX_CHARS, total * PROMO_SHARE))) return false;
  if (element.querySelector('h1,article,main,pre,table')) return false;
  // A block of several headed parts is a section of the page ("Courses", "Learn"), whatever its name.
  return element.querySelectorAll('h2,h3,h4,h5,h6').length < SECTION_HEADINGS;
}
