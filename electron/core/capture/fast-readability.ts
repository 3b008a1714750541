/**
 * Readability with three of its per-node checks answered more cheaply on linkedom, with the same
 * answers. It runs them on every element of the page, and each reads the element's whole text
 * or style even when the answer is settled without it:
 * - `_isValidByline` measures the text before looking at the names that decide most nodes;
 * - `_isElementWithoutContent` builds the whole text to see whether any of it is not blank;
 * - `_isProbablyVisible` makes a style object for every element, style attribute or none.
 * Each override is only used while Readability's own method is the one it was written against
 * (its source's hash); after an upgrade, Readability's methods run as they are.
 */
import { createHash } from 'node:crypto';
import { Readability } from '@mozilla/readability';
import { holdsNonSpaceText } from './linkedom-fast-paths';

interface ReadabilityInternals {
  REGEXPS: { byline: RegExp };
  ELEMENT_NODE: number;
  _isValidByline(node: Element, matchString: string): boolean;
  _isElementWithoutContent(node: Element): boolean;
  _isProbablyVisible(node: Element): boolean;
}

type Method = keyof Omit<ReadabilityInternals, 'REGEXPS' | 'ELEMENT_NODE'>;

/** sha256 of each method's source in @mozilla/readability 0.6.0, first 16 hex digits. */
const WRITTEN_AGAINST: Record<Method, string> = {
  _isValidByline: '9cf9dbce082290f6',
  _isElementWithoutContent: 'fd87e9b386b6e7ad',
  _isProbablyVisible: 'e9daf2ed0ba6a1c5',
};

const readabilityPrototype = Readability.prototype as unknown as ReadabilityInternals;
const unchanged = (method: Method) =>
  createHash('sha256').update(String(readabilityPrototype[method])).digest('hex').slice(0, 16) ===
  WRITTEN_AGAINST[method];

const overrides: Partial<ReadabilityInternals> = {
  _isValidByline(this: ReadabilityInternals, node: Element, matchString: string): boolean {
    const itemprop = node.getAttribute('itemprop');
    if (!(
      node.getAttribute('rel') === 'author' ||
      itemprop?.includes('author') ||
      this.REGEXPS.byline.test(matchString)
    ))
      return false;
    const bylineLength = (node.textContent as string).trim().length;
    return !!bylineLength && bylineLength < 100;
  },

  _isElementWithoutContent(this: ReadabilityInternals, node: Element): boolean {
    return (
      node.nodeType === this.ELEMENT_NODE &&
      !holdsNonSpaceText(node) &&
      (!node.children.length ||
        node.children.length === node.getElementsByTagName('br').length + node.getElementsByTagName('hr').length)
    );
  },

  // Without a style attribute, linkedom's style object reads '' for display and visibility.
  _isProbablyVisible(this: ReadabilityInternals, node: Element): boolean {
    if (node.hasAttribute('style')) return readabilityPrototype._isProbablyVisible.call(this, node);
    return (
      !node.hasAttribute('hidden') &&
      (!node.hasAttribute('aria-hidden') ||
        node.getAttribute('aria-hidden') !== 'true' ||
        !!node.className?.includes?.('fallback-image'))
    );
  },
};

class FastReadability<T> extends Readability<T> {}
for (const method of Object.keys(overrides) as Method[])
  if (unchanged(method)) Object.defineProperty(FastReadability.prototype, method, { value: overrides[method] });

export { FastReadability };
