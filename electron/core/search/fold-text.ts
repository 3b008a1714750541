/**
 * Case- and diacritic-insensitive matching: each character is folded on its own (as `fold`
 * in tokenize.ts does: accents dropped, lower-cased), so a position in folded text can be walked back
 * to the same place in the original text for the snippet.
 */
import { fold } from './tokenize';

const folds = new Map<string, string>();

export function foldChar(char: string): string {
  if (char.length === 1 && char.charCodeAt(0) < 128) return char.toLowerCase();
  let folded = folds.get(char);
  if (folded === undefined) {
    folded = fold(char);
    folds.set(char, folded);
  }
  return folded;
}

export function foldText(text: string): string {
  // Most text folds character for character; then whole-string folding (fast, native) is the same.
  const whole = fold(text);
  // Without combining marks or jamo nothing composes across characters, so equal lengths mean a 1:1 fold.
  if (whole.length === text.length && !/[\p{M}\u1100-\u11ff]/u.test(text)) return whole;
  let out = '';
  for (const char of text) out += foldChar(char);
  return out;
}

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
  for (const char of text) {
    const next = folded + foldChar(char).length;
    if (next > foldedIndex) return index;
    folded = next;
    index += char.length;
  }
  return text.length;
}
