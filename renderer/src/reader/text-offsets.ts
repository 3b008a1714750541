/**
 * Maps between DOM Ranges and character offsets over "the article text": the
 * concatenation of every Text node under the article body, i.e. its textContent.
 * Painted <mark> elements only wrap Text nodes, so they never change the offsets.
 */
export interface TextSpan {
  start: number;
  end: number;
}

export interface PlacedText {
  node: Text;
  start: number;
  end: number;
}

/** Every Text node under root in document order, with its span in the article text. */
export function placeTextNodes(root: Node): PlacedText[] {
  const walker = root.ownerDocument!.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const placed: PlacedText[] = [];
  let offset = 0;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node as Text;
    placed.push({ node: text, start: offset, end: offset + text.length });
    offset += text.length;
  }
  return placed;
}

/** The offset in the article text of a DOM boundary point (container, offset) inside root. */
export function boundaryToOffset(root: Node, container: Node, offset: number): number {
  const point = root.ownerDocument!.createRange();
  point.setStart(container, offset);
  let total = 0;
  for (const { node, start, end } of placeTextNodes(root)) {
    if (node === container) return start + offset;
    // (node, 0) after or at the point: the point sits just before this node.
    if (point.comparePoint(node, 0) >= 0) return start;
    total = end;
  }
  return total;
}

/** The part of a Range that lies inside root, as offsets; null if they do not meet or it is empty. */
export function rangeToSpan(root: Node, range: Range): TextSpan | null {
  if (!range.intersectsNode(root)) return null;
  const whole = root.ownerDocument!.createRange();
  whole.selectNodeContents(root);
  const clamped = range.cloneRange();
  if (clamped.compareBoundaryPoints(Range.START_TO_START, whole) < 0) clamped.setStart(root, 0);
  if (clamped.compareBoundaryPoints(Range.END_TO_END, whole) > 0) clamped.setEnd(root, root.childNodes.length);
  const start = boundaryToOffset(root, clamped.startContainer, clamped.startOffset);
  const end = boundaryToOffset(root, clamped.endContainer, clamped.endOffset);
  return end > start ? { start, end } : null;
}

/** Narrows a span so it neither starts nor ends on whitespace (double-click selections often do). */
export function trimSpan(text: string, span: TextSpan): TextSpan | null {
  let { start, end } = span;
  while (start < end && /\s/.test(text[start])) start++;
  while (end > start && /\s/.test(text[end - 1])) end--;
  return end > start ? { start, end } : null;
}

const BLOCKS = 'p,li,h1,h2,h3,h4,h5,h6,blockquote,pre,figcaption,td,th,dt,dd,caption,div,section,article,figure';

/**
 * The text of a span as a reader sees it: the article text has nothing between two
 * paragraphs ("…Tuesday.US forces…"), so a line break is put wherever the span crosses
 * from one block into another.
 */
export function readableText(root: HTMLElement, span: TextSpan): string {
  let out = '';
  let lastBlock: Element | null | undefined;
  for (const { node, start, end } of placeTextNodes(root)) {
    if (end <= span.start || start >= span.end) continue;
    const piece = node.data.slice(Math.max(span.start - start, 0), Math.min(span.end, end) - start);
    const block = node.parentElement?.closest(BLOCKS) ?? null;
    const newBlock = lastBlock !== undefined && block !== lastBlock;
    if (newBlock && !piece.trim()) continue;
    if (newBlock) out = `${out.trimEnd()}\n`;
    out += piece;
    lastBlock = block;
  }
  return out
    .replace(/[^\S\n]+/g, ' ')
    .replace(/ ?\n ?/g, '\n')
    .trim();
}

/** DOM Ranges for many spans at once (one walk of the text, spans in any order); null for a span out of bounds. */
export function spansToRanges(root: Node, spans: readonly TextSpan[]): (Range | null)[] {
  const placed = placeTextNodes(root);
  const locate = (offset: number, isEnd: boolean): PlacedText | undefined => {
    let low = 0;
    let high = placed.length - 1;
    while (low <= high) {
      const mid = (low + high) >> 1;
      const p = placed[mid];
      if (isEnd ? offset <= p.start : offset < p.start) high = mid - 1;
      else if (isEnd ? offset > p.end : offset >= p.end) low = mid + 1;
      else return p;
    }
    return undefined;
  };
  return spans.map((span) => {
    const first = locate(span.start, false);
    const last = locate(span.end, true);
    if (!first || !last || span.end <= span.start) return null;
    const range = root.ownerDocument!.createRange();
    range.setStart(first.node, span.start - first.start);
    range.setEnd(last.node, span.end - last.start);
    return range;
  });
}
