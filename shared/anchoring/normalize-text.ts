/**
 * A matching-friendly view of a text: runs of whitespace collapse to one space and
 * typographic look-alikes fold to ASCII, so a quote still anchors after a re-capture
 * turned `&nbsp;` into a space, straight quotes into curly ones, or re-wrapped lines.
 */

export interface NormalizedText {
  text: string;
  /**
   * For each UTF-16 unit of `text`, the offset of the original unit it came from;
   * one extra entry at the end holds the original length.
   */
  offsets: Int32Array;
  /** For each UTF-16 unit of `text`, where its original stretch ends (a collapsed run of whitespace ends after its last character). */
  ends: Int32Array;
}

/** Exactly the characters of JavaScript's \s (and of String.prototype.trim()). */
export function isWhitespace(code: number): boolean {
  return (
    (code >= 0x09 && code <= 0x0d) ||
    code === 0x20 ||
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

// Zero-width characters and the soft hyphen are invisible; dropping them lets
// "hyphen\u00ADation" match "hyphenation".
function isInvisible(code: number): boolean {
  return code === 0xad || code === 0x200b || code === 0x200c || code === 0x200d || code === 0x2060;
}

const APOSTROPHE = 0x27;
const QUOTE = 0x22;
const HYPHEN = 0x2d;
const DOT = 0x2e;
const SPACE = 0x20;

/** The ASCII stand-in for a typographic character, or -1 when it has none. */
function fold(code: number): number {
  switch (code) {
    case 0x2018:
    case 0x2019:
    case 0x201a:
    case 0x201b:
    case 0x2032:
      return APOSTROPHE;
    case 0x201c:
    case 0x201d:
    case 0x201e:
    case 0x201f:
    case 0x2033:
    case 0xab:
    case 0xbb:
      return QUOTE;
    case 0x2010:
    case 0x2011:
    case 0x2012:
    case 0x2013:
    case 0x2014:
    case 0x2015:
    case 0x2212:
      return HYPHEN;
    default:
      return -1;
  }
}

const ELLIPSIS = 0x2026;
const CHUNK = 8192;

export function normalizeForMatching(text: string): NormalizedText {
  const n = text.length;
  // An ellipsis becomes three dots, so the result is at most three times as long.
  const codes = new Uint16Array(n * 3);
  const offsets = new Int32Array(n * 3 + 1);
  const ends = new Int32Array(n * 3);
  let length = 0;
  let inWhitespace = false;
  for (let i = 0; i < n; i += 1) {
    const code = text.charCodeAt(i);
    if (code < 0x80 && code > SPACE) {
      // The common case: printable ASCII, kept as it is.
      codes[length] = code;
      offsets[length] = i;
      ends[length] = i + 1;
      length += 1;
      inWhitespace = false;
      continue;
    }
    if (isInvisible(code)) continue;
    if (isWhitespace(code)) {
      if (inWhitespace) {
        ends[length - 1] = i + 1;
      } else {
        codes[length] = SPACE;
        offsets[length] = i;
        ends[length] = i + 1;
        length += 1;
        inWhitespace = true;
      }
      continue;
    }
    inWhitespace = false;
    const repeat = code === ELLIPSIS ? 3 : 1;
    const folded = code === ELLIPSIS ? DOT : fold(code);
    for (let k = 0; k < repeat; k += 1) {
      codes[length] = folded === -1 ? code : folded;
      offsets[length] = i;
      ends[length] = i + 1;
      length += 1;
    }
  }
  offsets[length] = n;
  let out = '';
  for (let at = 0; at < length; at += CHUNK) {
    out += String.fromCharCode(...codes.subarray(at, Math.min(length, at + CHUNK)));
  }
  return { text: out, offsets: offsets.subarray(0, length + 1), ends: ends.subarray(0, length) };
}

/** Maps a [start, end) range of the normalized text back onto the original text. */
export function toOriginalRange(
  normalized: NormalizedText,
  start: number,
  end: number,
): { start: number; end: number } {
  const originalStart = normalized.offsets[start];
  // The end is where the original stretch behind the last normalized unit ends, so a
  // quote ending inside a folded "…" or a collapsed run of whitespace covers all of it.
  const originalEnd = end > start ? normalized.ends[end - 1] : originalStart;
  return { start: originalStart, end: originalEnd };
}
