/**
 * In a thread, a reply often quotes an earlier post in full. The earlier post is already in the
 * thread above it: the quote's copy is left out, and only its attribution ("Ann said:", "Bob
 * wrote:") stays, so the reply still says whom it answers. A quote of a post that is not on the
 * page (an earlier page of the thread) is kept whole.
 */

/** Letters and digits only, lower case: the same text compares equal whatever its spacing and punctuation. */
const fold = (text: string) => text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');

/** A piece of a quote this short ("Wide stage") may well be anywhere; it is not looked for. */
const MIN_PIECE_CHARS = 20;
/** A quote is a copy when this share of its text is found earlier in the thread. */
const COPY_SHARE = 0.6;
/** The attribution kept of a copied quote is a short line. */
const MAX_ATTRIBUTION_CHARS = 80;

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

  /** Whether most of a quote's text was already written out above it. */
  isCopy(quote: Element): boolean {
    let total = 0;
    let found = 0;
    const visit = (parent: Node) => {
      for (let node = parent.firstChild; node; node = node.nextSibling) {
        if (node.nodeType === 1) visit(node);
        else if (node.nodeType === 3) {
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
