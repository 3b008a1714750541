/**
 * Approximate string search: every place where `pattern` occurs in `text` with at most
 * `maxErrors` insertions, deletions or substitutions. Uses Myers' bit-parallel algorithm
 * (with Hyyrö's multi-word extension), so a search costs O(text length × pattern length / 32):
 * a 100-character quote over a 20,000-word article takes a few milliseconds.
 */

export interface ApproximateMatch {
  start: number;
  end: number;
  errors: number;
}

const WORD = 32;

/**
 * Per character, which pattern positions hold it: `slotOf[code]` picks a row of
 * `bits` (one 32-bit word per block); row 0 is all zeros, for characters not in the pattern.
 */
function buildPeq(pattern: string, blocks: number): { slotOf: Uint16Array; bits: Uint32Array } {
  const slotOf = new Uint16Array(65536);
  let slots = 1;
  for (let i = 0; i < pattern.length; i += 1) {
    const code = pattern.charCodeAt(i);
    if (slotOf[code] === 0) slotOf[code] = slots++;
  }
  const bits = new Uint32Array(slots * blocks);
  for (let i = 0; i < pattern.length; i += 1) {
    bits[slotOf[pattern.charCodeAt(i)] * blocks + ((i / WORD) | 0)] |= 1 << (i % WORD);
  }
  return { slotOf, bits };
}

/**
 * For each end offset in text, the fewest errors of any match of pattern ending there, if ≤ maxErrors.
 * When `anchored`, matches must start at offset 0 instead of anywhere.
 */
function findMatchEnds(
  text: string,
  pattern: string,
  maxErrors: number,
  anchored = false,
): { end: number; errors: number }[] {
  const blocks = Math.ceil(pattern.length / WORD);
  const pvs = new Int32Array(blocks).fill(-1);
  const mvs = new Int32Array(blocks);
  const lastBlock = blocks - 1;
  const lastRowBit = 1 << ((pattern.length - 1) % WORD);
  const { slotOf, bits } = buildPeq(pattern, blocks);
  const ends: { end: number; errors: number }[] = [];
  let score = pattern.length;
  for (let j = 0; j < text.length; j += 1) {
    const row = slotOf[text.charCodeAt(j)] * blocks;
    // The horizontal delta (-1, 0 or +1) entering each block's top row. The matrix's top
    // row is all zeros when a match may start anywhere, and counts up by one per column
    // when it must start at offset 0.
    let hIn = anchored ? 1 : 0;
    for (let b = 0; b < blocks; b += 1) {
      // One step of Myers' algorithm for a 32-row block (Hyyrö's formulation).
      const pv = pvs[b];
      const mv = mvs[b];
      const hInNegative = hIn < 0 ? 1 : 0;
      const eq = bits[row + b] | hInNegative;
      const xv = eq | mv;
      const xh = (((eq & pv) + pv) ^ pv) | eq;
      let ph = mv | ~(xh | pv);
      let mh = pv & xh;
      const mask = b === lastBlock ? lastRowBit : 0x80000000 | 0;
      const hOut = (ph & mask ? 1 : 0) - (mh & mask ? 1 : 0);
      ph = (ph << 1) | (hIn > 0 ? 1 : 0);
      mh = (mh << 1) | hInNegative;
      pvs[b] = mh | ~(xv | ph);
      mvs[b] = ph & xv;
      hIn = hOut;
    }
    score += hIn;
    if (score <= maxErrors) ends.push({ end: j + 1, errors: score });
  }
  return ends;
}

function reverse(s: string): string {
  let out = '';
  for (let i = s.length - 1; i >= 0; i -= 1) out += s[i];
  return out;
}

/** Keeps, from each run of adjacent end offsets, the one with the fewest errors (the first, on a tie). */
function bestEndOfEachRun(ends: { end: number; errors: number }[]): { end: number; errors: number }[] {
  const best: { end: number; errors: number }[] = [];
  let previousEnd = -2;
  for (const candidate of ends) {
    const last = best[best.length - 1];
    if (last && candidate.end === previousEnd + 1) {
      if (candidate.errors < last.errors) best[best.length - 1] = candidate;
    } else {
      best.push(candidate);
    }
    previousEnd = candidate.end;
  }
  return best;
}

/**
 * Finds approximate occurrences of `pattern` in `text` with at most `maxErrors` edits,
 * at most `limit` of them, fewest errors first.
 */
export function findApproximateMatches(
  text: string,
  pattern: string,
  maxErrors: number,
  limit = 32,
): ApproximateMatch[] {
  if (pattern.length === 0 || text.length === 0) return [];
  const budget = Math.max(0, Math.min(maxErrors, pattern.length));
  const ends = bestEndOfEachRun(findMatchEnds(text, pattern, budget))
    .sort((a, b) => a.errors - b.errors)
    .slice(0, limit);
  const reversedPattern = reverse(pattern);
  return ends.map(({ end, errors }) => {
    // Search backwards from the end for where the match starts: the reversed pattern,
    // anchored at the match's end, over the reversed window that could hold it.
    // Fewest errors wins, then the length closest to the pattern's.
    const windowStart = Math.max(0, end - pattern.length - errors);
    const reversedWindow = reverse(text.slice(windowStart, end));
    let start = Math.max(0, end - pattern.length);
    let bestErrors = Infinity;
    for (const startMatch of findMatchEnds(reversedWindow, reversedPattern, errors, true)) {
      const candidate = end - startMatch.end;
      const closer = Math.abs(end - candidate - pattern.length) < Math.abs(end - start - pattern.length);
      if (startMatch.errors < bestErrors || (startMatch.errors === bestErrors && closer)) {
        bestErrors = startMatch.errors;
        start = candidate;
      }
    }
    return { start, end, errors };
  });
}
