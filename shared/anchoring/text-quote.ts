/**
 * Describing a selection of the article text so that it can be found again (W3C
 * TextQuoteSelector + TextPositionSelector), and finding it again, in a text that may
 * have changed since: a re-captured article, a fixed typo, different whitespace.
 */
import type { TextPositionSelector, TextQuoteSelector } from '../model';
import { pickBest, type Candidate, type ScoringContext } from './candidate-score';
import { findExactOccurrences } from './exact-match';
import { findApproximateMatches } from './fuzzy-match';
import { normalizeForMatching, toOriginalRange, type NormalizedText } from './normalize-text';

/** UTF-16 offsets into the article text: the textContent of the rendered article body. */
export interface TextRange {
  start: number;
  end: number;
}

export const DEFAULT_CONTEXT_LENGTH = 32;

/** Share of the quote's length that may differ in a fuzzy match. */
const MAX_ERROR_RATE = 0.1;
/** Quotes longer than this are fuzzy-matched by their head and tail, which keeps the search fast. */
const LONG_QUOTE = 1024;
const LONG_QUOTE_PART = 256;

const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isLowSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff;

export function describeTextRange(
  text: string,
  range: TextRange,
  contextLength = DEFAULT_CONTEXT_LENGTH,
): { quote: TextQuoteSelector; position: TextPositionSelector } {
  const { start, end } = range;
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > text.length || end <= start) {
    throw new RangeError(`Not a non-empty range of the text (0..${text.length}): ${start}..${end}`);
  }
  let prefixStart = Math.max(0, start - contextLength);
  let suffixEnd = Math.min(text.length, end + contextLength);
  // Never cut the context through a surrogate pair.
  if (
    prefixStart > 0 &&
    isLowSurrogate(text.charCodeAt(prefixStart)) &&
    isHighSurrogate(text.charCodeAt(prefixStart - 1))
  ) {
    prefixStart -= 1;
  }
  if (
    suffixEnd < text.length &&
    isHighSurrogate(text.charCodeAt(suffixEnd - 1)) &&
    isLowSurrogate(text.charCodeAt(suffixEnd))
  ) {
    suffixEnd += 1;
  }
  return {
    quote: {
      type: 'TextQuoteSelector',
      exact: text.slice(start, end),
      prefix: text.slice(prefixStart, start),
      suffix: text.slice(end, suffixEnd),
    },
    position: { type: 'TextPositionSelector', start, end },
  };
}

/**
 * Finds the quote in the text, trying in turn: the stored position, the exact quote
 * (occurrences ranked by context and closeness to the stored position), the quote with
 * whitespace and typographic look-alikes ignored, and an approximate match with up to
 * 10% of the quote's length in edits. Null when none fits: the caller shows the highlight
 * as orphaned rather than dropping it.
 */
export function anchorTextQuote(
  text: string,
  quote: TextQuoteSelector,
  position?: TextPositionSelector,
): TextRange | null {
  const { exact } = quote;
  if (exact.length === 0) return null;
  if (position && text.slice(position.start, position.end) === exact) {
    return { start: position.start, end: position.end };
  }
  const hint = position?.start;

  const exactMatch = pickBest(
    findExactOccurrences(text, exact).map((start) => ({ start, end: start + exact.length, errors: 0 })),
    { text, exact, prefix: quote.prefix, suffix: quote.suffix, hint, fuzzyContext: false },
  );
  if (exactMatch) return { start: exactMatch.start, end: exactMatch.end };

  const normalized = normalizeForMatching(text);
  const normalizedQuote = {
    exact: normalizeForMatching(exact).text,
    prefix: normalizeForMatching(quote.prefix).text,
    suffix: normalizeForMatching(quote.suffix).text,
  };
  if (normalizedQuote.exact.length === 0) return null;
  const normalizedHint = hint === undefined ? undefined : toNormalizedOffset(normalized, hint);
  const context: ScoringContext = {
    text: normalized.text,
    ...normalizedQuote,
    hint: normalizedHint,
    fuzzyContext: false,
  };

  const looseMatch = pickBest(
    findExactOccurrences(normalized.text, normalizedQuote.exact).map((start) => ({
      start,
      end: start + normalizedQuote.exact.length,
      errors: 0,
    })),
    context,
  );
  if (looseMatch) return toOriginalRange(normalized, looseMatch.start, looseMatch.end);

  const fuzzyMatch =
    normalizedQuote.exact.length > LONG_QUOTE
      ? fuzzyMatchLongQuote({ ...context, fuzzyContext: true })
      : fuzzyMatchQuote({ ...context, fuzzyContext: true });
  return fuzzyMatch ? toOriginalRange(normalized, fuzzyMatch.start, fuzzyMatch.end) : null;
}

function toNormalizedOffset(normalized: NormalizedText, offset: number): number {
  const { offsets } = normalized;
  let low = 0;
  let high = offsets.length - 1;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (offsets[mid] < offset) low = mid + 1;
    else high = mid;
  }
  return low;
}

function fuzzyMatchQuote(context: ScoringContext): Candidate | null {
  const maxErrors = Math.floor(context.exact.length * MAX_ERROR_RATE);
  if (maxErrors === 0) return null;
  return pickBest(findApproximateMatches(context.text, context.exact, maxErrors), context);
}

/**
 * A long quote is found by its first and last few hundred characters, each matched
 * approximately in its own context; the span between them must be about as long as the quote.
 */
function fuzzyMatchLongQuote(context: ScoringContext): Candidate | null {
  const { exact, prefix, suffix, hint } = context;
  const head = exact.slice(0, LONG_QUOTE_PART);
  const tail = exact.slice(-LONG_QUOTE_PART);
  const maxErrors = Math.floor(LONG_QUOTE_PART * MAX_ERROR_RATE);
  const bestHead = pickBest(findApproximateMatches(context.text, head, maxErrors), {
    ...context,
    exact: head,
    suffix: exact.slice(LONG_QUOTE_PART, LONG_QUOTE_PART + Math.max(suffix.length, 1)),
  });
  if (!bestHead) return null;
  const minLength = exact.length * (1 - MAX_ERROR_RATE);
  const maxLength = exact.length * (1 + MAX_ERROR_RATE);
  const tails = findApproximateMatches(context.text, tail, maxErrors, 256).filter((candidate) => {
    const length = candidate.end - bestHead.start;
    return length >= minLength && length <= maxLength;
  });
  const bestTail = pickBest(tails, {
    ...context,
    exact: tail,
    prefix: exact.slice(-LONG_QUOTE_PART - Math.max(prefix.length, 1), -LONG_QUOTE_PART),
    hint: hint === undefined ? undefined : hint + exact.length - LONG_QUOTE_PART,
  });
  if (!bestTail) return null;
  return { start: bestHead.start, end: bestTail.end, errors: bestHead.errors + bestTail.errors };
}
