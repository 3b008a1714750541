import type { HighlightColor } from '@shared/model';
import { placeTextNodes, type TextSpan } from './text-offsets';

export interface PaintableHighlight {
  id: string;
  color: HighlightColor;
  span: TextSpan;
}

const MARK_SELECTOR = 'mark[data-highlight-id]';

interface Piece {
  node: Text;
  /** Offset of the node in the article text. */
  base: number;
  covering: PaintableHighlight[];
}

/**
 * Wraps each Text-node piece a highlight covers in its own <mark>, so a highlight can cross
 * paragraphs, list items, table cells and inline formatting without restructuring the
 * article. One sweep over the text nodes paints every highlight: a 20,000-word article
 * with 300 highlights takes a few milliseconds. Marks only add a background, never
 * padding or borders that take space, so painting never moves the text.
 * Older data may overlap (new highlights merge instead): overlapping parts nest.
 */
export function paintHighlights(root: HTMLElement, highlights: readonly PaintableHighlight[]): void {
  const next = new Map(highlights.map((h) => [h.id, h]));
  const before = paintedOn.get(root);
  if (!before || !repaintChanges(root, before, next)) {
    clearHighlights(root);
    paintAll(root, highlights);
  }
  paintedOn.set(root, next);
}

/** What each article body shows now, so a change repaints only what changed. */
const paintedOn = new WeakMap<HTMLElement, Map<string, PaintableHighlight>>();

/** The body's content was replaced: nothing painted on it can be trusted any more. */
export function forgetHighlights(root: HTMLElement): void {
  paintedOn.delete(root);
}

const sameSpan = (a: PaintableHighlight, b: PaintableHighlight) =>
  a.span.start === b.span.start && a.span.end === b.span.end;
const overlapping = (a: PaintableHighlight, b: PaintableHighlight) =>
  a.span.start < b.span.end && b.span.start < a.span.end;

/**
 * Applies a change in place: removed highlights are unwrapped, recoloured ones get a new
 * class, new ones are painted alone. False when that is not safe (overlaps), so the caller
 * repaints everything. Creating one highlight then costs a fraction of a frame.
 */
function repaintChanges(
  root: HTMLElement,
  before: Map<string, PaintableHighlight>,
  next: Map<string, PaintableHighlight>,
): boolean {
  const added: PaintableHighlight[] = [];
  for (const h of next.values()) {
    const old = before.get(h.id);
    if (!old) added.push(h);
    else if (!sameSpan(old, h)) return false;
  }
  const all = [...next.values()];
  if (added.some((a) => all.some((h) => h !== a && overlapping(a, h)))) return false;
  for (const [id, old] of before) {
    const now = next.get(id);
    if (!now) {
      for (const mark of marksOf(root, id)) {
        const parent = mark.parentNode!;
        mark.replaceWith(...mark.childNodes);
        parent.normalize();
      }
    } else if (now.color !== old.color) {
      for (const mark of marksOf(root, id))
        mark.className = mark.className.replace(/\bhl-(yellow|green|blue|pink|purple)\b/, `hl-${now.color}`);
    }
  }
  if (added.length) paintAll(root, added);
  return true;
}

function paintAll(root: HTMLElement, highlights: readonly PaintableHighlight[]): void {
  if (highlights.length === 0) return;
  const sorted = [...highlights].sort((a, b) => a.span.start - b.span.start);
  const doc = root.ownerDocument;
  const pieces: Piece[] = [];
  const active: PaintableHighlight[] = [];
  let next = 0;
  for (const placed of placeTextNodes(root)) {
    while (next < sorted.length && sorted[next].span.start < placed.end) active.push(sorted[next++]);
    for (let i = active.length - 1; i >= 0; i -= 1) if (active[i].span.end <= placed.start) active.splice(i, 1);
    if (active.length === 0 || placed.node.data.trim() === '') {
      // Whitespace between blocks is not visible text; wrapping it would put inline marks between paragraphs.
      if (active.length === 0 && next >= sorted.length) break;
      continue;
    }
    const covering = active.filter((h) => h.span.start < placed.end && h.span.end > placed.start);
    if (covering.length) pieces.push({ node: placed.node, base: placed.start, covering });
  }
  const painted = new Set<string>();
  for (const piece of pieces) paintPiece(doc, piece, painted);
}

function paintPiece(doc: Document, { node, base, covering }: Piece, painted: Set<string>): void {
  const length = node.length;
  const cuts = new Set<number>([0, length]);
  for (const h of covering) {
    cuts.add(Math.max(0, h.span.start - base));
    cuts.add(Math.min(length, h.span.end - base));
  }
  const points = [...cuts].sort((a, b) => a - b);
  // Split from the end so earlier offsets stay valid.
  const parts: { text: Text; from: number; to: number }[] = [];
  const rest = node;
  for (let i = points.length - 2; i >= 0; i -= 1) {
    const from = points[i];
    const to = points[i + 1];
    const part = from > 0 ? rest.splitText(from) : rest;
    parts.unshift({ text: part, from, to });
  }
  for (const { text, from, to } of parts) {
    const over = covering.filter((h) => h.span.start - base <= from && h.span.end - base >= to);
    let target: Node = text;
    // The highlight starting later is painted inside: it decides the colour and takes the click.
    for (let i = over.length - 1; i >= 0; i -= 1) {
      const h = over[i];
      const mark = doc.createElement('mark');
      mark.className = `hl hl-${h.color}${painted.has(h.id) ? '' : ' hl-first'}`;
      mark.dataset.highlightId = h.id;
      painted.add(h.id);
      target.parentNode!.replaceChild(mark, target);
      mark.append(target);
      target = mark;
    }
  }
}

export function clearHighlights(root: HTMLElement): void {
  paintedOn.delete(root);
  const marks = root.querySelectorAll(MARK_SELECTOR);
  if (marks.length === 0) return;
  marks.forEach((mark) => mark.replaceWith(...mark.childNodes));
  root.normalize();
}

export function marksOf(root: HTMLElement, id: string): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>(`mark[data-highlight-id="${CSS.escape(id)}"]`)];
}

export function flashHighlight(root: HTMLElement, id: string, behavior: ScrollBehavior = 'smooth'): void {
  const marks = marksOf(root, id);
  marks[0]?.scrollIntoView({ behavior, block: 'center' });
  for (const mark of marks) {
    mark.classList.remove('hl-flash');
    void mark.offsetWidth; // restart the animation
    mark.classList.add('hl-flash');
  }
  window.setTimeout(() => marks.forEach((m) => m.classList.remove('hl-flash')), 1600);
}
