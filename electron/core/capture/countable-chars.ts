/**
 * How many UTF-16 code units of a text are neither white space, punctuation nor symbols:
 * `text.replace(/[\s\p{P}\p{S}]+/gu, '').length`, counted without building the shorter string.
 * The main region weighs every text node of a page by it.
 */
const DROPPED = /^[\s\p{P}\p{S}]$/u;
const UNKNOWN = 0;
const KEPT = 1;
const GONE = 2;
/** Each code unit's answer, found once: a text uses few distinct characters. */
const verdicts = new Uint8Array(0x10000);

function verdict(code: number): number {
  let known = verdicts[code];
  if (known === UNKNOWN) verdicts[code] = known = DROPPED.test(String.fromCharCode(code)) ? GONE : KEPT;
  return known;
}

// The loop's tests are written out: the CLI's V8 inlines only small functions (electron/cli/v8-flags.ts).
export function countableChars(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    // With the u flag, a surrogate pair is one character, dropped or kept whole.
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      const low = text.charCodeAt(i + 1);
      if (low >= 0xdc00 && low <= 0xdfff) {
        if (!DROPPED.test(text.slice(i, i + 2))) n += 2;
        i++;
        continue;
      }
    }
    const known = verdicts[code];
    if (known === KEPT || (known === UNKNOWN && verdict(code) === KEPT)) n++;
  }
  return n;
}
