import { foldText, foldWithOffsets } from '@shared/text/fold-text';
import type { TextSpan } from './text-offsets';

/**
 * Where `query` occurs in `text`, folded as library search folds (é finds e, "strasse" finds
 * "Straße"), as spans of the original text.
 */
export function findMatches(text: string, query: string, limit = 5000): TextSpan[] {
  const needle = foldText(query.trim());
  if (!needle) return [];
  const { folded, originalSpan } = foldWithOffsets(text);
  const spans: TextSpan[] = [];
  for (
    let at = folded.indexOf(needle);
    at !== -1 && spans.length < limit;
    at = folded.indexOf(needle, at + needle.length)
  ) {
    const span = originalSpan(at, at + needle.length);
    // Two matches inside one character's folding ("ss" twice in "ßß" is fine; "s" of "ß" then "s" is not) merge.
    const last = spans[spans.length - 1];
    if (last && span.start < last.end) last.end = Math.max(last.end, span.end);
    else spans.push(span);
  }
  return spans;
}
