/**
 * What a manual's page generator writes around each page, inside the block Readability keeps:
 * the bar of links to the previous, next, parent and first pages (often a table that also names
 * them), the label of a toggle shown open ("Expand description"), and the lines of small print
 * under the page (its copyright, the licence of its text, when it was last updated, the address it
 * was retrieved from, its other versions). They go from a documentation page's article; the page's own text about
 * licences or updates is longer than such a line.
 */

import { isCallToAction } from './boilerplate';
import { squeezeSpace } from './squeeze-space';

/** The words of a page bar's links, alone, arrows and brackets aside. */
const PAGE_BAR_LINK =
  /^[\s«‹←<[(]*(prev|previous|next|up|home|top|contents|index|zurück|weiter|précédent|suivant|anterior|siguiente|precedente|successivo|vorige|volgende)[\s»›→>\])]*$/iu;
/** A page bar names its neighbours beside its links: a few short cells, not a table of content. */
const PAGE_BAR_CHARS = 300;
/** A bar the region has already thinned may keep only its "Home" link among its neighbours' names. */
const MIN_BAR_LINKS = 1;

const SMALL_PRINT = new RegExp(
  [
    // A copyright line: "© 2026 Site", "Copyright © 2010-2018 Name", "(c) 2024 Name".
    '^(copyright\\s*)?(©|\\(c\\))\\s*\\d{4}',
    '^copyright\\s+\\d{4}',
    '^[^.]{0,80}©\\s*\\d{4}',
    // The licence of the page's text.
    '^except as otherwise noted',
    'content of this (page|site|documentation) is licensed under',
    '^(this (page|work|documentation) is )?licensed under (a |the )?creative commons',
    // When it was last changed, and where it came from (wikis).
    '^(page )?last (updated|modified|edited)\\b',
    '^(updated|modified)( on)?\\s*:\\s*\\p{N}',
    '^retrieved from\\s',
    // A switch to the same page in the manual's other versions.
    '^(supported|unsupported|development|other|older|newer|previous) versions\\s*:',
    '^this (document|page|documentation) (describes|is for|documents) (the|an?) (current|latest|stable|old|older|unreleased|development|unsupported)( stable| development)? (version|release)',
    "^you(( a)?'?re| are) (reading|viewing|looking at) (the )?(documentation|docs) for (the|an?) (old|older|unreleased|development|unsupported|previous)",
  ].join('|'),
  'iu',
);
const SMALL_PRINT_CHARS = 300;
/** Blocks that hold one line of text. */
const LINE_TAGS = 'p,div,span,small,li,footer,section';

const squeezed = (element: Element) => (element.textContent ?? '').replace(/\s+/g, '');
const textOf = (element: Element) => squeezeSpace(element.textContent ?? '');

function isPageBar(element: Element): boolean {
  const links = element.getElementsByTagName('a');
  if (links.length < MIN_BAR_LINKS) return false;
  for (const link of links) if (!PAGE_BAR_LINK.test(link.textContent ?? '')) return false;
  return textOf(element).length <= PAGE_BAR_CHARS;
}

/**
 * The page's own table of contents: a block of links, nearly all to places on this page. A
 * generator writes it beside the text (a box, a table headed "Table of Contents"), and the reader
 * has its own.
 */
const TOC_SELECTOR = 'ul,ol,dl,table,nav,div';
const MIN_TOC_LINKS = 3;
const TOC_LINK_SHARE = 0.8;
const TOC_ANCHOR_SHARE = 0.8;
/** Its title ("Table of Contents", "On this page") is the text it may hold outside its links, however short the list. */
const TOC_TITLE_CHARS = 30;
/** A block holding more than this share of the article is the article, however it links. */
const TOC_ARTICLE_SHARE = 0.5;

function isOnPageContents(element: Element, articleChars: number): boolean {
  const links = element.getElementsByTagName('a');
  if (links.length < MIN_TOC_LINKS) return false;
  let anchors = 0;
  for (const link of links) if ((link.getAttribute('href') ?? '').startsWith('#')) anchors++;
  if (anchors < links.length * TOC_ANCHOR_SHARE) return false;
  const text = squeezed(element).length;
  if (!text || text > articleChars * TOC_ARTICLE_SHARE) return false;
  let linkChars = 0;
  for (const link of links) linkChars += squeezed(link).length;
  return text - linkChars <= TOC_TITLE_CHARS || linkChars >= text * TOC_LINK_SHARE;
}

/**
 * A link to the code an entry is generated from ("Source", "[source]"), beside the entry's
 * signature (a heading, a term) or with the version stamp it sits with; the word in a sentence stays.
 */
const SOURCE_LINK = /^\[?(source|src|view source)\]?$/i;
const VERSION_STAMP = /^v?\d+(\.\d+)+\b[^!?]{0,30}$/;
const SIGNATURE = 'h1,h2,h3,h4,h5,h6,dt';

function removeSourceLink(link: Element): void {
  const holder = link.parentElement;
  if (!holder) return;
  const linkText = textOf(link);
  const rest = textOf(holder).replace(linkText, '').trim();
  if (VERSION_STAMP.test(rest)) holder.remove();
  else if (!rest || link.closest(SIGNATURE)) link.remove();
}

const isSmallPrint = (element: Element, text: string) =>
  text.length <= SMALL_PRINT_CHARS &&
  SMALL_PRINT.test(text) &&
  !element.querySelector('pre,code,table,h1,h2,h3,h4,h5,h6,img');

/** Removes, in place, the page bars, the toggles' labels and the small print of a documentation page's article. */
export function removeDocumentationFurniture(article: Element): void {
  for (const table of [...article.getElementsByTagName('table')])
    if (article.contains(table) && isPageBar(table)) table.remove();
  const articleChars = squeezed(article).length;
  for (const element of [...article.querySelectorAll(TOC_SELECTOR)])
    if (article.contains(element) && isOnPageContents(element, articleChars)) element.remove();
  for (const link of [...article.getElementsByTagName('a')])
    if (article.contains(link) && SOURCE_LINK.test(textOf(link))) removeSourceLink(link);
  // A section shown open under a toggle labelled "Expand description": the label is the button's.
  for (const summary of [...article.getElementsByTagName('summary')])
    if (isCallToAction(textOf(summary))) summary.remove();
  for (const element of [...article.querySelectorAll(LINE_TAGS)]) {
    if (!article.contains(element)) continue;
    const text = textOf(element);
    // Only the outermost block of a line goes, and nothing that holds more than the line.
    if (isSmallPrint(element, text)) element.remove();
  }
}
