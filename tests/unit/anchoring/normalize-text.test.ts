import { describe, expect, it } from 'vitest';
import { normalizeForMatching, toOriginalRange } from '@shared/anchoring/normalize-text';

describe('normalizeForMatching', () => {
  it('collapses whitespace runs and folds typographic characters, remembering where each came from', () => {
    const original = 'a \n\t b\u00a0\u201cc\u201d\u2026d\u00ade';
    const normalized = normalizeForMatching(original);
    expect(normalized.text).toBe('a b "c"...de');
    expect(normalized.offsets).toHaveLength(normalized.text.length + 1);
    expect(normalized.offsets[2]).toBe(original.indexOf('b'));
    expect(normalized.offsets.at(-1)).toBe(original.length);
  });

  it('maps ranges back over whole collapsed runs and folded characters', () => {
    const original = 'one  \n two\u2026 three';
    const normalized = normalizeForMatching(original);
    const start = normalized.text.indexOf('one ');
    expect(toOriginalRange(normalized, start, start + 4)).toEqual({ start: 0, end: 7 });
    const dots = normalized.text.indexOf('..');
    // Half of a folded ellipsis still covers the whole character.
    expect(toOriginalRange(normalized, dots, dots + 2)).toEqual({ start: 10, end: 11 });
  });
});
