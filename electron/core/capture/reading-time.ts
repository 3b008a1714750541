/** Word counts and reading time; Chinese and Japanese have no spaces, so their characters are counted. */

export const WORDS_PER_MINUTE = 230;
/** Typical silent reading speed for Chinese and Japanese, in characters. */
export const CJK_CHARS_PER_MINUTE = 500;

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/gu;
const WORD = /[\p{L}\p{N}][\p{L}\p{N}\p{M}'’\-.]*/gu;

export interface TextStats {
  wordCount: number;
  readingMinutes: number;
}

export function textStats(text: string): TextStats {
  const cjk = text.match(CJK)?.length ?? 0;
  const words = text.replace(CJK, ' ').match(WORD)?.length ?? 0;
  const minutes = words / WORDS_PER_MINUTE + cjk / CJK_CHARS_PER_MINUTE;
  return { wordCount: words + cjk, readingMinutes: words + cjk === 0 ? 0 : Math.max(1, Math.round(minutes)) };
}
