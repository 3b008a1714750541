/**
 * In a thread, a reply often quotes an earlier post in full. The earlier post is already in the
 * thread above it: the quote's copy is left out, and only its attribution ("Ann said:", "Bob
 * wrote:") stays, so the reply still says whom it answers. A quote of a post that is not on the
 * page (an earlier page of the thread) is kept whole.
 */

import { wordsOf } from './boilerplate';

/** Letters and digits only, lower case: the same text compares equal whatever its spacing and punctuation. */
const fold = (text: string) => text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');

/** A piece of a quote this short ("Wide stage") may well be anywhere; it is not looked for. */
const MIN_PIECE_CHARS = 20;
/** A quote is a copy when this share of its text is found earlier in the thread. */
const COPY_SHARE = 0.6;
/** The attribution kept of a copied quote is a short line. */
const MAX_ATTRIBUTION_CHARS = 80;

/** Words that end the class name boards give a quote of an earlier post that is not a <blockquote> ("bbcode_quote", "ipsQuote"). */
const QUOTE_WORDS = new Set(['quote', 'quoted', 'quotation']);

/** A class name that ends in a quote word names the quote; "quote_contents" or "quote-left" name a part of it or an icon, and "js-" names a script's hook. */
function namesQuote(token: string): boolean {
  if (token.startsWith('js-') || token.startsWith('js_')) return false;
  const words = wordsOf(token);
  return words.length > 0 && QUOTE_WORDS.has(words[words.length - 1]);
}

/** A quote of another post: a <blockquote>, or a block its class names as a quote. */
export function isQuote(element: Element): boolean {
  if (element.tagName === 'BLOCKQUOTE') return true;
  const name = element.getAttribute('class');
  return !!name && /quot/i.test(name) && name.split(/\s+/).some(namesQuote);
}

export class QuotedCopies {
  private readonly written: string[] = [];
  private joined = '';
  private stale = false;

  /** Notes text written out, in order. */
  wrote(text: string): void {
    const folded = fold(text);
    if (!folded) return;
    this.written.push(folded);
    this.stale = true;
  }

  private seen(folded: string): boolean {
    if (this.stale) {
      this.joined = this.written.join('');
      this.stale = false;
    }
    return this.joined.includes(folded);
  }

  /**
   * Whether most of a quote's text was already written out above it. A quote inside it is judged
   * on its own: a board may write a whole post as a <blockquote>, around a reply's quote and the
   * reply's own words.
   */
  isCopy(quote: Element): boolean {
    let total = 0;
    let found = 0;
    const visit = (parent: Node) => {
      for (let node = parent.firstChild; node; node = node.nextSibling) {
        if (node.nodeType === 1) {
          if (!isQuote(node as Element)) visit(node);
        } else if (node.nodeType === 3) {
          const folded = fold(node.nodeValue ?? '');
          total += folded.length;
          if (folded.length >= MIN_PIECE_CHARS && this.seen(folded)) found += folded.length;
        }
      }
    };
    visit(quote);
    return total > 0 && found >= COPY_SHARE * total;
  }

  /** Whether a part of a copied quote is its attribution: short, and not itself copied text. */
  isAttribution(part: Element | Text): boolean {
    const folded = fold(part.textContent ?? '');
    return folded.length > 0 && folded.length <= MAX_ATTRIBUTION_CHARS && !this.holdsCopiedText(part);
  }

  /** A line break, or the colon after a name. */
  isBlank(part: Element | Text): boolean {
    return !fold(part.textContent ?? '');
  }

  /** Whether a part of a copied quote holds text already written out. */
  holdsCopiedText(part: Element | Text): boolean {
    if (part.nodeType === 3) {
      const folded = fold(part.nodeValue ?? '');
      return folded.length >= MIN_PIECE_CHARS && this.seen(folded);
    }
    for (let node = part.firstChild; node; node = node.nextSibling)
      if ((node.nodeType === 1 || node.nodeType === 3) && this.holdsCopiedText(node as Element | Text)) return true;
    return false;
  }
}
