/**
 * Ranks the places a quote might belong. Agreement of the quote itself matters most,
 * then of the text around it (prefix and suffix), then closeness to where it used to be:
 * context outweighs position, but position decides between occurrences in the same context.
 */
import { similarity } from './edit-distance';

const QUOTE_WEIGHT = 50;
const PREFIX_WEIGHT = 20;
const SUFFIX_WEIGHT = 20;
const POSITION_WEIGHT = 2;

export interface Candidate {
  start: number;
  end: number;
  /** Edits needed to turn the quote into text.slice(start, end); 0 for an exact match. */
  errors: number;
}

export interface ScoringContext {
  text: string;
  exact: string;
  prefix: string;
  suffix: string;
  /** Where the quote started before, if known. */
  hint?: number;
  /** Compare context by edit distance (after edits) rather than by agreeing adjacent characters. */
  fuzzyContext: boolean;
}

/** How many characters at the end of `a` agree with the end of `b`, as a fraction of a's length. */
function trailingAgreement(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[a.length - 1 - n] === b[b.length - 1 - n]) n += 1;
  return a.length === 0 ? 1 : n / a.length;
}

function leadingAgreement(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n += 1;
  return a.length === 0 ? 1 : n / a.length;
}

export function scoreCandidate(candidate: Candidate, context: ScoringContext): number {
  const { text, exact, prefix, suffix, hint, fuzzyContext } = context;
  const before = text.slice(Math.max(0, candidate.start - prefix.length), candidate.start);
  const after = text.slice(candidate.end, candidate.end + suffix.length);
  const prefixScore = fuzzyContext ? (prefix ? similarity(prefix, before) : 1) : trailingAgreement(prefix, before);
  const suffixScore = fuzzyContext ? (suffix ? similarity(suffix, after) : 1) : leadingAgreement(suffix, after);
  const quoteScore = 1 - candidate.errors / exact.length;
  const positionScore =
    hint === undefined ? 0 : 1 - Math.min(1, Math.abs(candidate.start - hint) / Math.max(1, text.length));
  return (
    QUOTE_WEIGHT * quoteScore +
    PREFIX_WEIGHT * prefixScore +
    SUFFIX_WEIGHT * suffixScore +
    POSITION_WEIGHT * positionScore
  );
}

/** The best-scoring candidate, or null when there are none. */
export function pickBest(candidates: Iterable<Candidate>, context: ScoringContext): Candidate | null {
  let best: Candidate | null = null;
  let bestScore = -Infinity;
  for (const candidate of candidates) {
    const score = scoreCandidate(candidate, context);
    if (score > bestScore) {
      best = candidate;
      bestScore = score;
    }
  }
  return best;
}
