import type { TextSpan } from './text-offsets';

/**
 * Where `query` occurs in `text`, ignoring case and accents (é finds e). Each character is
 * folded on its own, so an offset in the folded text is an offset in the original.
 */
export function findMatches(text: string, query: string, limit = 5000): TextSpan[] {
  const needle = fold(query.trim());
  if (!needle) return [];
  const haystack = fold(text);
  const spans: TextSpan[] = [];
  for (
    let at = haystack.indexOf(needle);
    at !== -1 && spans.length < limit;
    at = haystack.indexOf(needle, at + needle.length)
  ) {
    spans.push({ start: at, end: at + needle.length });
  }
  return spans;
}

/** Same length as the input: one UTF-16 unit out per unit in. */
function fold(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i += 1) {
    const ch = text[i];
    const code = ch.charCodeAt(0);
    if (code < 128) {
      out += ch.toLowerCase();
      continue;
    }
    const folded = ch.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
    out += folded.length === 1 ? folded : ch;
  }
  return out;
}
