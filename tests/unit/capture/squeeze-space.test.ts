import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { holdsMoreThan, squeezeSpace } from '../../../electron/core/capture/squeeze-space';

const SPACES = ' \t\n\v\f\r\u00a0\u1680\u2000\u200a\u2028\u2029\u202f\u205f\u3000\ufeff';
/** Texts made of words, every kind of white space, and characters that are not white space though near it. */
const text = fc
  .array(fc.constantFrom('a', 'Ж', '語', '\u200b', '\u0085', '\u0001', '\u{1f600}', 'b c', ...SPACES), {
    maxLength: 24,
  })
  .map((parts) => parts.join(''));

describe('squeezeSpace', () => {
  it("gives text.replace(/\\s+/g, ' ').trim() for any text", () => {
    fc.assert(
      fc.property(text, (t) => {
        expect(squeezeSpace(t)).toBe(t.replace(/\s+/g, ' ').trim());
      }),
      { numRuns: 2000 },
    );
    for (const t of ['', ' ', 'a', 'a b', ' a', 'a ', 'a  b', 'a\tb', 'a\u00a0b', 'Read more'])
      expect(squeezeSpace(t)).toBe(t.replace(/\s+/g, ' ').trim());
  });

  it('returns a text already squeezed as it is', () => {
    const label = 'Related articles: ours';
    expect(squeezeSpace(label)).toBe(label);
  });
});

describe('holdsMoreThan', () => {
  it('tells whether the text without white space is longer than the bound', () => {
    fc.assert(
      fc.property(text, fc.integer({ min: 0, max: 30 }), (t, max) => {
        expect(holdsMoreThan(t, max)).toBe(t.replace(/\s/g, '').length > max);
      }),
      { numRuns: 2000 },
    );
    expect(holdsMoreThan(' a  b ', 1)).toBe(true);
    expect(holdsMoreThan(' a  b ', 2)).toBe(false);
  });
});
