import { rangeToSpan, trimSpan, type TextSpan } from './text-offsets';

/** The selection's first range, or null; the same Range object for as long as the selection stands. */
export function currentRange(): Range | null {
  const selection = window.getSelection();
  return selection && selection.rangeCount ? selection.getRangeAt(0) : null;
}

/** The user's selection inside the article body as a trimmed span of the article text. */
export function selectedSpan(root: HTMLElement | null, text: string): TextSpan | null {
  const selection = window.getSelection();
  if (!root || !selection || selection.isCollapsed || selection.rangeCount === 0) return null;
  const span = rangeToSpan(root, selection.getRangeAt(0));
  return span && trimSpan(text, span);
}

/** The selection's on-screen box when it lies in the article, for placing the highlight toolbar. */
export function selectionRect(root: HTMLElement | null): DOMRect | null {
  const selection = window.getSelection();
  if (!root || !selection || selection.isCollapsed || selection.rangeCount === 0) return null;
  const range = selection.getRangeAt(0);
  if (!range.intersectsNode(root)) return null;
  const rect = range.getBoundingClientRect();
  return rect.width || rect.height ? rect : null;
}
