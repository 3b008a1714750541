/**
 * The one text folding of Offprint: library search and find-in-article both match through it, so a
 * word found by one is found by the other. Case and diacritics are dropped ("é" → "e"), compatibility
 * forms are unfolded ("ﬁ" → "fi") and "ß" is matched by "ss", as German readers type it.
 */

const COMBINING_DIACRITICS = /[\u0300-\u036f]/g;

/**
 * Folding of a whole string. NFC afterwards puts Hangul and kana back together, so only the accents
 * of alphabetic scripts are dropped ("é" → "e", but "が" stays).
 */
export function fold(text: string): string {
  return text.normalize('NFKD').replace(COMBINING_DIACRITICS, '').normalize('NFC').toLowerCase().replace(/ß/g, 'ss');
}

const folds = new Map<string, string>();

/** One character (code point) folded on its own. */
export function foldChar(char: string): string {
  if (char.length === 1 && char.charCodeAt(0) < 128) return char.toLowerCase();
  let folded = folds.get(char);
  if (folded === undefined) {
    folded = fold(char);
    folds.set(char, folded);
  }
  return folded;
}

/**
 * `fold`, but character by character, so that a position in the folded text can be walked back to
 * the character of the original text that produced it (see `originalIndex` and `foldWithOffsets`).
 */
export function foldText(text: string): string {
  // Most text folds character for character; then whole-string folding (fast, native) is the same.
  const whole = fold(text);
  if (isOneToOne(text, whole)) return whole;
  let out = '';
  for (let i = 0; i < text.length;) {
    // A run of ASCII folds as it lower-cases, whole (the same as one character at a time, and faster).
    const end = asciiRunEnd(text, i);
    if (end > i) {
      out += text.slice(i, end).toLowerCase();
      i = end;
    } else {
      const char = String.fromCodePoint(text.codePointAt(i)!);
      out += foldChar(char);
      i += char.length;
    }
  }
  return out;
}

/** Where the run of ASCII characters starting at `from` ends. */
function asciiRunEnd(text: string, from: number): number {
  let end = from;
  while (end < text.length && text.charCodeAt(end) < 128) end += 1;
  return end;
}

/** Without combining marks or jamo nothing composes across characters, so equal lengths mean a 1:1 fold. */
const isOneToOne = (text: string, folded: string): boolean =>
  folded.length === text.length && !/[\p{M}\u1100-\u11ff]/u.test(text);

/** The words of a query, folded, without repeats. */
export function queryWords(query: string): string[] {
  return [
    ...new Set(
      foldText(query)
        .split(/[^\p{L}\p{N}]+/u)
        .filter(Boolean),
    ),
  ];
}

/** The index in `text` of the character that produced position `foldedIndex` of foldText(text). */
export function originalIndex(text: string, foldedIndex: number): number {
  let folded = 0;
  let index = 0;
  while (index < text.length) {
    // Each ASCII character folds to one.
    const end = asciiRunEnd(text, index);
    if (end > index) {
      if (folded + (end - index) > foldedIndex) return index + (foldedIndex - folded);
      folded += end - index;
      index = end;
      continue;
    }
    const char = String.fromCodePoint(text.codePointAt(index)!);
    const next = folded + foldChar(char).length;
    if (next > foldedIndex) return index;
    folded = next;
    index += char.length;
  }
  return text.length;
}

export interface FoldedText {
  folded: string;
  /**
   * Where a span of the folded text came from in the original: `start` is the first character that
   * produced folded[start], `end` the end of the character that produced folded[end - 1]. A span that
   * covers part of one character's folding ("s" of "ß" → "ss") widens to the whole character.
   */
  originalSpan(start: number, end: number): { start: number; end: number };
}

/** foldText(text) with a map back to the original, built once for many lookups (find-in-article). */
export function foldWithOffsets(text: string): FoldedText {
  const whole = fold(text);
  if (isOneToOne(text, whole)) return { folded: whole, originalSpan: (start, end) => ({ start, end }) };
  let folded = '';
  // starts[i]/ends[i]: the original character that produced folded[i].
  const starts: number[] = [];
  const ends: number[] = [];
  let index = 0;
  for (const char of text) {
    const part = foldChar(char);
    for (let k = 0; k < part.length; k += 1) {
      starts.push(index);
      ends.push(index + char.length);
    }
    folded += part;
    index += char.length;
  }
  return {
    folded,
    originalSpan: (start, end) => ({
      start: start < starts.length ? starts[start] : text.length,
      end: end > 0 ? ends[end - 1] : 0,
    }),
  };
}
