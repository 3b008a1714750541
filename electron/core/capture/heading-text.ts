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

/**
 * The heading without the element that ends it, when text comes before that element: the name
 * in "Black Edition<span>Complete protein meal</span>" or "<span>Title</span><span>Hardcover</span>",
 * which a page sets apart as the tagline or format after its name.
 */
export function headingLead(element: Element): string | undefined {
  const last = element.lastElementChild;
  if (!last || SKIPPED.test(last.tagName) || !(last.textContent ?? '').trim()) return undefined;
  const out: string[] = [];
  for (const child of element.childNodes) {
    if (child === last) break;
    if (child.nodeType === TEXT_NODE) out.push(child.nodeValue ?? '');
    else if (child.nodeType === ELEMENT_NODE && !SKIPPED.test((child as Element).tagName)) appendText(child, out);
  }
  const lead = out.join('').replace(/\s+/g, ' ').trim();
  return lead || undefined;
}
