/**
 * Readability takes the byline line out of the article only when the page does not declare its
 * author: with <meta name="author"> or a JSON-LD author it skips its byline search, and the reader
 * would show the author twice, in its header and again as the article's first line. This removes,
 * from Readability's article, the element its own byline rule would have taken, when it names the author.
 */
import { looksLikeByline } from './byline-rule';
import { collapse } from './page-metadata';

const MAX_BYLINE_CHARS = 100;
/** A byline that repeats the header sits at the top (this many letters in); further down, a name starts a bio, which stays. */
const TOP_CHARS = 300;
/** Words that may stand beside the name in a byline line without being part of the story. */
const BYLINE_FILLER = /^(?:by|written by|words by|von|par|por|di|door|and|&|[\s,.:|·–—-])*$/i;
const INLINE = new Set(['A', 'SPAN', 'STRONG', 'EM', 'B', 'I', 'CITE', 'SMALL', 'ABBR', 'TIME']);

const folded = (text: string | null | undefined) => (collapse(text) ?? '').toLowerCase();

/** Widens a byline element to the line that holds it, when the rest of that line is only "By" and punctuation. */
function wholeLine(element: Element, article: Element): Element {
  let line = element;
  while (line.parentElement && line.parentElement !== article) {
    const parent = line.parentElement;
    const rest = folded(parent.textContent).replace(folded(line.textContent), '');
    if (!BYLINE_FILLER.test(rest)) break;
    line = parent;
  }
  return line;
}

export function removeRepeatedByline(article: Element, byline: string): void {
  const name = folded(byline);
  if (!name) return;
  const line = bylineNearTop(article, name);
  // Still inline after widening: the name sits in a sentence, and taking it out would leave "Posted by on Monday".
  if (line && !INLINE.has(line.tagName)) line.remove();
}

/** The first byline line naming the author, looking no further than the top of the article. */
function bylineNearTop(article: Element, name: string): Element | null {
  let textBefore = 0;
  const visit = (parent: Node): Element | null => {
    for (let node = parent.firstChild; node && textBefore <= TOP_CHARS; node = node.nextSibling) {
      if (node.nodeType === 3) {
        textBefore += (node.nodeValue ?? '').replace(/\s+/g, '').length;
      } else if (node.nodeType === 1) {
        const element = node as Element;
        const text = looksLikeByline(element) ? folded(element.textContent) : '';
        if (text && text.length < MAX_BYLINE_CHARS && text.includes(name)) return wholeLine(element, article);
        const found = visit(element);
        if (found) return found;
      }
    }
    return null;
  };
  return visit(article);
}
