/**
 * A heading's text as a reader sees it: a line break or a block inside it separates words
 * ("News Product<br>Management" is three words, not "ProductManagement"), buttons, dates and the
 * permalink mark documentation generators append (¶, #) are not part of it.
 */
const BLOCK =
  /^(BR|DIV|P|LI|UL|OL|DL|DT|DD|SECTION|HEADER|FOOTER|ARTICLE|TABLE|TR|TD|TH|BLOCKQUOTE|FIGURE|FIGCAPTION|H[1-6])$/;
const SKIPPED = /^(BUTTON|TIME|SCRIPT|STYLE|TEMPLATE|NOSCRIPT|SVG|svg)$/;
const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

function appendText(node: Node, out: string[]): void {
  for (const child of node.childNodes) {
    if (child.nodeType === TEXT_NODE) out.push(child.nodeValue ?? '');
    else if (child.nodeType === ELEMENT_NODE) {
      const tag = (child as Element).tagName;
      if (SKIPPED.test(tag)) continue;
      const block = BLOCK.test(tag);
      if (block) out.push(' ');
      appendText(child, out);
      if (block) out.push(' ');
    }
  }
}

export function headingText(element: Element): string {
  const out: string[] = [];
  appendText(element, out);
  return out
    .join('')
    .replace(/[\s¶#]+$/, '')
    .replace(/\s+/g, ' ')
    .trim();
}
