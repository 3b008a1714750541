import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { anchorTextQuote, describeTextRange } from '@shared/anchoring/text-quote';

/** A text (any UTF-16, lone surrogates included) and a non-empty range of it. */
const textAndRange = fc
  .oneof(
    fc.string({ unit: 'binary', minLength: 1, maxLength: 300 }),
    // Small alphabets make repeated quotes likely, the hard case for disambiguation.
    fc.string({ unit: fc.constantFrom('a', 'b', ' ', '\n', 'é'), minLength: 1, maxLength: 300 }),
  )
  .chain((text) =>
    fc.tuple(fc.integer({ min: 0, max: text.length - 1 }), fc.integer({ min: 1, max: text.length })).map(([a, b]) => {
      const start = Math.min(a, b - 1);
      return { text, range: { start, end: Math.max(b, start + 1) } };
    }),
  );

describe('describeTextRange then anchorTextQuote', () => {
  it('returns the same range on the same text', () => {
    fc.assert(
      fc.property(textAndRange, fc.integer({ min: 0, max: 40 }), ({ text, range }, contextLength) => {
        const { quote, position } = describeTextRange(text, range, contextLength);
        expect(anchorTextQuote(text, quote, position)).toEqual(range);
      }),
      { numRuns: 500 },
    );
  });

  it('without the position, finds a range holding the exact quote, and the same range when the quote is unique', () => {
    fc.assert(
      fc.property(textAndRange, ({ text, range }) => {
        const { quote } = describeTextRange(text, range);
        const found = anchorTextQuote(text, quote);
        expect(found).not.toBeNull();
        expect(text.slice(found!.start, found!.end)).toBe(quote.exact);
        if (text.indexOf(quote.exact) === text.lastIndexOf(quote.exact)) expect(found).toEqual(range);
      }),
      { numRuns: 500 },
    );
  });

  it('follows the quote when text is inserted before it', () => {
    fc.assert(
      fc.property(textAndRange, fc.string({ minLength: 1, maxLength: 50 }), ({ text, range }, inserted) => {
        const { quote, position } = describeTextRange(text, range);
        const edited = inserted + text;
        const found = anchorTextQuote(edited, quote, position);
        expect(found).not.toBeNull();
        expect(edited.slice(found!.start, found!.end)).toBe(quote.exact);
        if (edited.indexOf(quote.exact) === edited.lastIndexOf(quote.exact)) {
          expect(found).toEqual({ start: range.start + inserted.length, end: range.end + inserted.length });
        }
      }),
      { numRuns: 300 },
    );
  });
});
