import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findApproximateMatches } from '@shared/anchoring/fuzzy-match';
import { editDistance, similarity } from '@shared/anchoring/edit-distance';

/** Fewest edits of any match of pattern ending at each offset (Sellers' dynamic programme). */
function bruteForceEnds(text: string, pattern: string): number[] {
  let column = Array.from({ length: pattern.length + 1 }, (_, i) => i);
  const ends: number[] = [];
  for (let j = 1; j <= text.length; j += 1) {
    const next = [0];
    for (let i = 1; i <= pattern.length; i += 1) {
      const cost = pattern[i - 1] === text[j - 1] ? 0 : 1;
      next[i] = Math.min(column[i - 1] + cost, column[i] + 1, next[i - 1] + 1);
    }
    column = next;
    ends.push(column[pattern.length]);
  }
  return ends;
}

describe('editDistance', () => {
  it('counts insertions, deletions and substitutions', () => {
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('abc', 'abc')).toBe(0);
    expect(similarity('abcd', 'abed')).toBe(0.75);
    expect(similarity('', '')).toBe(1);
  });
});

describe('findApproximateMatches', () => {
  it('finds a quote with a typo, reporting where it starts and ends', () => {
    const text = 'The quick brown fox jumps over the lazy dog.';
    const [match] = findApproximateMatches(text, 'brown fix jumps', 2);
    expect(match).toEqual({ start: 10, end: 25, errors: 1 });
  });

  it('finds nothing when every place needs more edits than allowed', () => {
    expect(findApproximateMatches('aaaaaaaaaa', 'bbbbb', 2)).toEqual([]);
  });

  it('handles patterns longer than one 32-bit word', () => {
    const pattern = 'This sentence is deliberately longer than thirty-two characters, spanning several words.';
    const text = `Lead in. ${pattern.replace('deliberately', 'deliberatly').replace('several', 'sevral')} Tail.`;
    const [match] = findApproximateMatches(text, pattern, 5);
    expect(match.errors).toBe(2);
    expect(text.slice(match.start, match.end)).toBe(
      pattern.replace('deliberately', 'deliberatly').replace('several', 'sevral'),
    );
  });

  it('agrees with the dynamic-programming definition of edit distance', () => {
    const alphabet = fc.constantFrom('a', 'b', 'c', ' ');
    fc.assert(
      fc.property(
        fc.array(alphabet, { minLength: 0, maxLength: 120 }).map((a) => a.join('')),
        fc.array(alphabet, { minLength: 1, maxLength: 70 }).map((a) => a.join('')),
        fc.integer({ min: 0, max: 8 }),
        (text, pattern, maxErrors) => {
          const expected = bruteForceEnds(text, pattern);
          const best = Math.min(...expected);
          const matches = findApproximateMatches(text, pattern, maxErrors, Infinity);
          if (best > maxErrors) {
            expect(matches).toEqual([]);
            return;
          }
          expect(matches.length).toBeGreaterThan(0);
          expect(matches[0].errors).toBe(best);
          for (const match of matches) {
            expect(match.errors).toBe(expected[match.end - 1]);
            // The reported start is a real alignment with that many edits.
            expect(editDistance(text.slice(match.start, match.end), pattern)).toBe(match.errors);
          }
        },
      ),
      { numRuns: 400 },
    );
  });
});
