/**
 * A reference page lays a field's name and its type out side by side in one heading, as two
 * boxes with nothing between them (`<span>amount</span><span>integer</span>`): the page's style
 * sets them apart, and without it they read as one word, "amountinteger". Two such boxes that
 * meet letter to letter are given a space between them.
 */
const BOXES = 'span,div';
const WORD_END = /[\p{L}\p{N}]$/u;
const WORD_START = /^[\p{L}\p{N}]/u;
const BOX_TAGS = new Set(['SPAN', 'DIV']);

export function spaceHeadingBoxes(root: Element): void {
  for (const heading of root.querySelectorAll('h1,h2,h3,h4,h5,h6,dt')) {
    for (const box of heading.querySelectorAll(BOXES)) {
      const next = box.nextSibling;
      if (!next || next.nodeType !== 1 || !BOX_TAGS.has((next as Element).tagName)) continue;
      if (WORD_END.test(box.textContent ?? '') && WORD_START.test(next.textContent ?? ''))
        box.after(box.ownerDocument.createTextNode(' '));
    }
  }
}
