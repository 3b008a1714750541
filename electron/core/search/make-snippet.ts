import { foldText, originalIndex } from '@shared/text/fold-text';
import { isCjk } from './tokenize';

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

/** Folding goes char by char where accents are about, so a long text's opening is looked at first. */
const OPENING = 2_000;
/** A match this near the opening's end might read otherwise in the whole text (a mark or jamo cut off). */
const OPENING_MARGIN = 16;

/** About SNIPPET_LENGTH characters around the first place one of `tokens` starts a word. */
export function snippetFor(text: string, tokens: readonly string[]): string {
  if (!text) return '';
  if (tokens.length === 0) return makeSnippet(text, null);
  if (text.length > OPENING + OPENING / 2) {
    const opening = foldText(text.slice(0, OPENING));
    // Any token that starts before a match found clear of the opening's end lies whole in the opening:
    // the first match there is the first in the whole text.
    const found = firstMatch(opening, tokens);
    const longest = Math.max(...tokens.map((t) => t.length));
    if (found && found.foldedStart + longest + OPENING_MARGIN <= opening.length) return makeSnippet(text, found);
  }
  return makeSnippet(text, firstMatch(foldText(text), tokens));
}

function firstMatch(folded: string, tokens: readonly string[]): { foldedStart: number; foldedEnd: number } | null {
  let best: { foldedStart: number; foldedEnd: number } | null = null;
  for (const token of tokens) {
    const at = firstWordMatch(folded, token);
    if (at >= 0 && (!best || at < best.foldedStart)) best = { foldedStart: at, foldedEnd: at + token.length };
  }
  return best;
}

function firstWordMatch(folded: string, token: string): number {
  const cjk = isCjk(token);
  for (let at = folded.indexOf(token); at >= 0; at = folded.indexOf(token, at + 1)) {
    if (cjk || at === 0 || !/[\p{L}\p{N}]/u.test(folded[at - 1])) return at;
  }
  return -1;
}
