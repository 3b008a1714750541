/**
 * Words as the search index sees them: folded (case, and Latin/Greek/Cyrillic diacritics
 * removed), and CJK text — which has no spaces — cut into overlapping character pairs.
 */

const COMBINING_DIACRITICS = /[\u0300-\u036f]/g;
const WORD = /[\p{L}\p{N}]+/gu;
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
const CJK_RUNS =
  /([\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]+)|([^\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]+)/gu;
/** Longer "words" (hashes, base64) only bloat the index. */
const MAX_TOKEN = 40;

/**
 * Case- and diacritic-folding of a whole string. NFC afterwards puts Hangul and kana back
 * together, so only the accents of alphabetic scripts are dropped ("é" → "e", but "が" stays);
 * "ß" is matched by "ss", as German readers type it.
 */
export function fold(text: string): string {
  return text.normalize('NFKD').replace(COMBINING_DIACRITICS, '').normalize('NFC').toLowerCase().replace(/ß/g, 'ss');
}

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
