/**
 * Readability drops, before it scores anything, every element whose class or id reads like furniture
 * ("header", "comment", "related", "social"…), headings included: a reference page's
 * `<h4 class="code-header">` with a method's signature, or a section `id="respond-to-review-comments"`
 * anchored on its own heading, goes with everything in it. A heading is content whatever its class,
 * and an id spelt from a heading's own words names that heading, not a comment box: before
 * Readability such names are set aside, and the ids are given back to what it keeps.
 */
import { isFurnitureHeading, isFurnitureNameWord } from './boilerplate';

/** Readability's unlikelyCandidates and negative class words, the ones that remove or sink a block. */
export const UNLIKELY =
  /-ad-|ai2html|banner|breadcrumbs|combx|comment|community|cover-wrap|disqus|extra|footer|gdpr|header|legends|menu|related|remark|replies|rss|shoutbox|sidebar|skyscraper|social|sponsor|supplemental|ad-break|agegate|pagination|pager|popup|yom-remote|hidden|masthead|media|meta|outbrain|promo|scroll|share|shopping|tags|widget/i;
/** Where an anchor id is kept while Readability reads the page. */
const SHELVED_ID = 'data-op-anchor';
/** A short heading of comment words ("Reader comments") still opens the comments. */
const COMMENT_WORD = /^(comment|comments|replies|reply|responses|discussion)$/;
const MIN_WORDS_WITH_COMMENT_WORD = 4;

const wordsOf = (text: string) => text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];

/** Whether an id is the heading's text made into an anchor: "Respond to review comments" → respond-to-review-comments(-2). */
function isSlugOf(id: string, words: string[]): boolean {
  const squeezed = id
    .toLowerCase()
    .replace(/[-_]\d+$/, '')
    .replace(/[^\p{L}\p{N}]+/gu, '');
  return squeezed.length > 0 && squeezed === words.join('');
}

/** A heading whose own words are content, not the name of a comment box or a related-links block. */
function isContentHeading(text: string, words: string[]): boolean {
  if (!words.length || isFurnitureHeading(text)) return false;
  const own = words.filter((word) => !/^\d+$/.test(word) && !isFurnitureNameWord(word));
  if (!own.length) return false;
  return !words.some((word) => COMMENT_WORD.test(word)) || words.length >= MIN_WORDS_WITH_COMMENT_WORD;
}

export function shelveId(element: Element): void {
  const id = element.getAttribute('id');
  if (!id || !UNLIKELY.test(id)) return;
  element.setAttribute(SHELVED_ID, id);
  element.removeAttribute('id');
}

/** A code block's wrapper holds little besides the code: its language, a copy button. */
const CODE_WRAPPER_EXTRA_CHARS = 80;

const textLength = (element: Element) => (element.textContent ?? '').replace(/\s+/g, '').length;

/**
 * A code block is content whatever its wrappers are called: utility classes such as
 * "scroll-mt-2" or "overflow-hidden" read to Readability like furniture and sink it.
 */
function shelterCodeBlocks(root: ParentNode & Element): void {
  for (const pre of root.getElementsByTagName('pre')) {
    const code = textLength(pre);
    if (!code) continue;
    for (
      let element: Element | null = pre;
      element && element !== root && textLength(element) <= code + CODE_WRAPPER_EXTRA_CHARS;
      element = element.parentElement
    ) {
      if (UNLIKELY.test(element.getAttribute('class') ?? '')) element.removeAttribute('class');
      shelveId(element);
    }
  }
}

/**
 * Sets aside the furniture-like class of each content heading and of each code block's wrappers,
 * and the anchor ids spelt from a heading's words.
 */
export function shelterHeadings(root: ParentNode & Element): void {
  shelterCodeBlocks(root);
  for (const heading of root.querySelectorAll('h1,h2,h3,h4,h5,h6')) {
    const text = heading.textContent ?? '';
    const words = wordsOf(text);
    if (!isContentHeading(text, words)) continue;
    if (UNLIKELY.test(heading.getAttribute('class') ?? '')) heading.removeAttribute('class');
    if (isSlugOf(heading.getAttribute('id') ?? '', words)) shelveId(heading);
    const section = heading.parentElement;
    if (section && section.firstElementChild === heading && isSlugOf(section.getAttribute('id') ?? '', words))
      shelveId(section);
  }
}

/** Gives the anchors set aside back their ids, in what Readability kept. */
export function restoreAnchors(root: Element): void {
  for (const element of root.querySelectorAll(`[${SHELVED_ID}]`)) {
    element.setAttribute('id', element.getAttribute(SHELVED_ID) ?? '');
    element.removeAttribute(SHELVED_ID);
  }
}

/** The same in serialized HTML (the main region's), before the sanitizer drops data attributes. */
export const restoreAnchorsInHtml = (html: string) => html.replaceAll(` ${SHELVED_ID}="`, ' id="');
