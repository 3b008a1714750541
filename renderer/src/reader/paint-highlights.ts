import type { HighlightColor } from '@shared/model';
import { placeTextNodes, type TextSpan } from './text-offsets';

export interface PaintableHighlight {
  id: string;
  color: HighlightColor;
  span: TextSpan;
}

const MARK_SELECTOR = 'mark[data-highlight-id]';

/**
 * Wraps each Text-node piece a highlight covers in its own <mark>, so a highlight can
 * cross paragraphs and inline formatting without restructuring the article.
 */
function paintOne(root: HTMLElement, highlight: PaintableHighlight): void {
  const { start, end } = highlight.span;
  const doc = root.ownerDocument;
  let first = true;
  for (const placed of placeTextNodes(root)) {
    if (placed.end <= start || placed.start >= end) continue;
    // Whitespace between blocks is not visible text; wrapping it would put inline marks between paragraphs.
    if (placed.node.data.trim() === '') continue;
    let node = placed.node;
    const localEnd = Math.min(end, placed.end) - placed.start;
    const localStart = Math.max(start, placed.start) - placed.start;
    if (localEnd < node.length) node.splitText(localEnd);
    if (localStart > 0) node = node.splitText(localStart);
    const mark = doc.createElement('mark');
    mark.className = `hl hl-${highlight.color}${first ? ' hl-first' : ''}`;
    mark.dataset.highlightId = highlight.id;
    node.replaceWith(mark);
    mark.append(node);
    first = false;
  }
}

export function clearHighlights(root: HTMLElement): void {
  root.querySelectorAll(MARK_SELECTOR).forEach((mark) => mark.replaceWith(...mark.childNodes));
  root.normalize();
}

export function paintHighlights(root: HTMLElement, highlights: PaintableHighlight[]): void {
  clearHighlights(root);
  for (const highlight of highlights) paintOne(root, highlight);
}

export function marksOf(root: HTMLElement, id: string): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>(`mark[data-highlight-id="${CSS.escape(id)}"]`)];
}

export function flashHighlight(root: HTMLElement, id: string): void {
  const marks = marksOf(root, id);
  marks[0]?.scrollIntoView({ behavior: 'smooth', block: 'center' });
  for (const mark of marks) {
    mark.classList.remove('hl-flash');
    void mark.offsetWidth; // restart the animation
    mark.classList.add('hl-flash');
  }
  window.setTimeout(() => marks.forEach((m) => m.classList.remove('hl-flash')), 1600);
}
