/**
 * A documentation page often opens its main landmark with a block holding the headline and the
 * introduction, named for the layout ("layout__header", "page-header"). Readability reads such a
 * name as a site header and drops the block before scoring, with the page's first paragraphs; and
 * when the block stays, it scores below the body beside it and is left out all the same.
 * Inside <main> or <article>, a block that holds the headline and prose is the content's opening,
 * whatever its name: its name is set aside before Readability reads the page, and what it did not
 * take of the block is put back at the top of its article.
 */
import { shelveId, UNLIKELY } from './heading-names';

/** A paragraph of prose holds at least this many characters. */
const PROSE_CHARS = 80;
/** An introduction is paragraphs: one line under the headline is a banner's tagline. */
const INTRODUCTION_PARAGRAPHS = 2;
const CONTENT_LANDMARK = 'main,article,[role="main"]';
/** Site furniture by its tag: its name is not what makes it furniture. */
const FURNITURE_TAGS = new Set(['HEADER', 'NAV', 'ASIDE', 'FOOTER']);
/** The opening is a part of the content: a block holding more of it is the content itself. */
const OPENING_SHARE = 0.5;
/** A list whose text is this much links is a previous/next bar or a menu, not the introduction. */
const LINK_LIST_SHARE = 0.65;

const textLength = (element: Element) => (element.textContent ?? '').replace(/\s+/g, '').length;

function firstProse(element: Element): Element | null {
  for (const p of element.getElementsByTagName('p')) if ((p.textContent ?? '').trim().length >= PROSE_CHARS) return p;
  return null;
}

function isIntroduction(element: Element): boolean {
  let n = 0;
  for (const p of element.getElementsByTagName('p'))
    if ((p.textContent ?? '').trim().length >= PROSE_CHARS && ++n >= INTRODUCTION_PARAGRAPHS) return true;
  return false;
}
const squeeze = (text: string | null) => (text ?? '').replace(/\s+/g, '');

const isNamedLikeFurniture = (element: Element) =>
  UNLIKELY.test(element.getAttribute('class') ?? '') || UNLIKELY.test(element.getAttribute('id') ?? '');

/**
 * Sets aside the furniture-like name of the block opening the content; returns a copy of the block,
 * if any (Readability may take the page apart or parse it again).
 */
export function shelterHeadlineBlock(body: Element): Element | null {
  const headline = body.querySelector('h1');
  const landmark = headline?.closest(CONTENT_LANDMARK);
  if (!headline || !landmark) return null;
  let block: Element | null = null;
  for (let element = headline.parentElement; element && element !== landmark; element = element.parentElement) {
    if (FURNITURE_TAGS.has(element.tagName)) return null;
    if (!isNamedLikeFurniture(element) || !isIntroduction(element)) continue;
    if (textLength(element) > textLength(landmark) * OPENING_SHARE) break;
    if (UNLIKELY.test(element.getAttribute('class') ?? '')) element.removeAttribute('class');
    shelveId(element);
    block = element;
  }
  return block && (block.cloneNode(true) as Element);
}

function isLinkList(element: Element): boolean {
  const text = textLength(element);
  let links = 0;
  for (const link of element.getElementsByTagName('a')) links += textLength(link);
  return text > 0 && links >= text * LINK_LIST_SHARE;
}

/** Puts the opening block back at the top of Readability's article when Readability left it out. */
export function restoreHeadlineBlock(article: Element, block: Element): void {
  const opening = firstProse(block);
  if (!opening || squeeze(article.textContent).includes(squeeze(opening.textContent))) return;
  const copy = block;
  // The headline is the article's title; the lists of links beside it are a previous/next bar.
  for (const element of [...copy.querySelectorAll('h1,ul,ol,script,style')])
    if (element.tagName === 'H1' || element.tagName === 'SCRIPT' || element.tagName === 'STYLE' || isLinkList(element))
      element.remove();
  article.insertBefore(copy, article.firstChild);
}
