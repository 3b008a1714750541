/**
 * Words as the search index sees them: folded (case, and Latin/Greek/Cyrillic diacritics
 * removed), and CJK text — which has no spaces — cut into overlapping character pairs.
 */
import { fold } from '@shared/text/fold-text';

const WORD = /[\p{L}\p{N}]+/gu;
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
const CJK_RUNS =
  /([\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]+)|([^\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]+)/gu;
/** Longer "words" (hashes, base64) only bloat the index. */
const MAX_TOKEN = 40;

export const isCjk = (token: string): boolean => CJK.test(token);

/** Calls `emit` with each token of already folded text, in order. */
export function eachToken(folded: string, emit: (token: string) => void): void {
  for (const [word] of folded.matchAll(WORD)) {
    if (!CJK.test(word)) {
      if (word.length <= MAX_TOKEN) emit(word);
      continue;
    }
    for (const [, cjk, other] of word.matchAll(CJK_RUNS)) {
      if (other) {
        if (other.length <= MAX_TOKEN) emit(other);
        continue;
      }
      const chars = [...cjk];
      if (chars.length === 1) emit(chars[0]);
      for (let i = 0; i + 1 < chars.length; i++) emit(chars[i] + chars[i + 1]);
    }
  }
}

export function tokenize(text: string): string[] {
  const tokens: string[] = [];
  eachToken(fold(text), (t) => tokens.push(t));
  return tokens;
}
