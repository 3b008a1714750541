import { originalIndex } from '@shared/text/fold-text';

export const SNIPPET_LENGTH = 160;
const LEAD = 60;

/**
 * About SNIPPET_LENGTH characters of `text` around the match at folded positions
 * [foldedStart, foldedEnd), cut at word boundaries; the opening of the text when there is no match.
 */
export function makeSnippet(text: string, match: { foldedStart: number; foldedEnd: number } | null): string {
  if (!match) return clip(text, 0, SNIPPET_LENGTH);
  const start = originalIndex(text, match.foldedStart);
  const end = Math.max(originalIndex(text, match.foldedEnd), start + 1);
  let from = Math.max(0, start - LEAD);
  const to = Math.min(text.length, Math.max(from + SNIPPET_LENGTH, end));
  from = Math.max(0, Math.min(from, to - SNIPPET_LENGTH));
  return clip(text, from, to);
}

function clip(text: string, from: number, to: number): string {
  let start = from;
  let end = Math.min(to, text.length);
  if (start > 0) {
    const space = text.slice(start, start + 30).search(/\s/);
    if (space >= 0) start += space + 1;
  }
  if (end < text.length) {
    const tail = text.slice(Math.max(start, end - 30), end);
    const space = tail.search(/\s\S*$/);
    if (space >= 0) end = Math.max(start, end - 30) + space;
  }
  const body = text.slice(start, end).replace(/\s+/g, ' ').trim();
  return `${start > 0 ? '…' : ''}${body}${end < text.length ? '…' : ''}`;
}
