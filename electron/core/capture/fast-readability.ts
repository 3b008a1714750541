/**
 * Readability with some of its per-node checks answered more cheaply on linkedom, with the same
 * answers. It runs them on every element of the page, and each reads the element's whole text
 * or style even when the answer is settled without it:
 * - `_isValidByline` measures the text before looking at the names that decide most nodes;
 * - `_isElementWithoutContent` builds the whole text to see whether any of it is not blank;
 * - `_isProbablyVisible` makes a style object (a Proxy over a Map) for every element, where
 *   two properties of the style attribute are read here as linkedom parses them;
 * - `_getLinkDensity` and `_getTextDensity` build whole texts (the element's, each link's) for
 *   their lengths only, which are counted here over the text nodes.
 * Each override is only used while Readability's own method is the one it was written against
 * (its source's hash); after an upgrade, Readability's methods run as they are. The hash is taken
 * over the source as a bundler reprints it too (see sourceFingerprint), or the built CLI would
 * run Readability's slow methods.
 */
import { createHash } from 'node:crypto';
import { Readability } from '@mozilla/readability';
import { collapsedTextLength, holdsNonSpaceText, linkDensity } from './linkedom-fast-paths';

interface ReadabilityInternals {
  REGEXPS: { byline: RegExp; hashUrl: RegExp };
  ELEMENT_NODE: number;
  _getAllNodesWithTag(node: Element, tagNames: string[]): ArrayLike<Element>;
  _isValidByline(node: Element, matchString: string): boolean;
  _isElementWithoutContent(node: Element): boolean;
  _isProbablyVisible(node: Element): boolean;
  _getLinkDensity(element: Element): number;
  _getTextDensity(element: Element, tags: string[]): number;
}

type Method = keyof Omit<ReadabilityInternals, 'REGEXPS' | 'ELEMENT_NODE' | '_getAllNodesWithTag'>;

/** sourceFingerprint of each method in @mozilla/readability 0.6.0. */
const WRITTEN_AGAINST: Record<Method, string> = {
  _isValidByline: '74d9801ab8eaf57d',
  _isElementWithoutContent: '1819f08e45bee3e3',
  _isProbablyVisible: 'd9625e05c1753717',
  _getLinkDensity: '001c6e786439f365',
  _getTextDensity: '7e4821c115338e43',
};

const readabilityPrototype = Readability.prototype as unknown as ReadabilityInternals;

/**
 * sha256 (first 16 hex digits) of a function's source without what esbuild changes when it bundles
 * it: comments, spacing, parentheses, quote marks, and the digits it appends to local names that
 * collide with others in the bundle (textLength → textLength4).
 */
export function sourceFingerprint(fn: unknown): string {
  const tokens = String(fn)
    .replace(/\/\/[^\n]*|\/\*[\s\S]*?\*\//g, '')
    .replace(/'/g, '"')
    .replace(/[\s()]+/g, '')
    .replace(/([A-Za-z_$][\w$]*?)\d+\b/g, '$1');
  return createHash('sha256').update(tokens).digest('hex').slice(0, 16);
}

const unchanged = (method: Method) => sourceFingerprint(readabilityPrototype[method]) === WRITTEN_AGAINST[method];

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

  _isProbablyVisible(this: ReadabilityInternals, node: Element): boolean {
    const style = node.getAttribute('style');
    if (style !== null) {
      const { display, visibility } = displayAndVisibility(style);
      if (display === 'none' || visibility === 'hidden') return false;
    }
    return (
      !node.hasAttribute('hidden') &&
      (!node.hasAttribute('aria-hidden') ||
        node.getAttribute('aria-hidden') !== 'true' ||
        !!node.className?.includes?.('fallback-image'))
    );
  },

  _getLinkDensity(this: ReadabilityInternals, element: Element): number {
    return linkDensity(element, (link) => {
      const href = link.getAttribute('href');
      return href && this.REGEXPS.hashUrl.test(href) ? 0.3 : 1;
    });
  },

  _getTextDensity(this: ReadabilityInternals, element: Element, tags: string[]): number {
    const textLength = collapsedTextLength(element);
    if (textLength === 0) return 0;
    let childrenLength = 0;
    const children = this._getAllNodesWithTag(element, tags);
    for (let i = 0; i < children.length; i++) childrenLength += collapsedTextLength(children[i]);
    return childrenLength / textLength;
  },
};

/**
 * The display and visibility that linkedom's style object reads from a style attribute: rules
 * split at semicolons, each name and value trimmed, names compared as written, the last rule
 * with a value winning; '' when there is none.
 */
function displayAndVisibility(style: string): { display: string; visibility: string } {
  let display = '';
  let visibility = '';
  for (const rule of style.split(/\s*;\s*/)) {
    const [key, ...rest] = rule.split(':');
    if (rest.length === 0) continue;
    const name = key.trim();
    const value = rest.join(':').trim();
    if (!value) continue;
    if (name === 'display') display = value;
    else if (name === 'visibility') visibility = value;
  }
  return { display, visibility };
}

class FastReadability<T> extends Readability<T> {}
for (const method of Object.keys(overrides) as Method[])
  if (unchanged(method)) Object.defineProperty(FastReadability.prototype, method, { value: overrides[method] });

export { FastReadability };
