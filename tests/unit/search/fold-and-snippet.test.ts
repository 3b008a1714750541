import { describe, expect, it } from 'vitest';
import { foldText, originalIndex, queryWords } from '@shared/text/fold-text';
import { makeSnippet, SNIPPET_LENGTH } from '../../../electron/core/search/make-snippet';

describe('foldText', () => {
  it('drops case and diacritics, and expands compatibility characters', () => {
    expect(foldText('Crème Brûlée ÅNGSTRÖM')).toBe('creme brulee angstrom');
    expect(foldText('ﬁnal Ｗｉｄｅ')).toBe('final wide');
    expect(foldText('Ελληνικά')).toBe('ελληνικα');
  });

  it('maps folded positions back to the original text', () => {
    const text = 'ﬁne café here';
    const folded = foldText(text);
    const at = folded.indexOf('here');
    expect(text.slice(originalIndex(text, at))).toBe('here');
    expect(
      text.slice(originalIndex(text, folded.indexOf('cafe')), originalIndex(text, folded.indexOf('cafe') + 4)),
    ).toBe('café');
  });
});

describe('queryWords', () => {
  it('splits on anything but letters and digits, folds and removes repeats', () => {
    expect(queryWords('  Café, cafe;   naïve-2024 ')).toEqual(['cafe', 'naive', '2024']);
    expect(queryWords(' ,.; ')).toEqual([]);
  });
});

describe('makeSnippet', () => {
  const words = Array.from({ length: 200 }, (_, i) => `word${i}`);
  const text = words.join(' ');

  it('shows about 160 characters around the match, cut at word boundaries', () => {
    const at = text.indexOf('word100');
    const snippet = makeSnippet(text, { foldedStart: at, foldedEnd: at + 7 });
    expect(snippet).toContain('word100');
    expect(snippet.startsWith('…word')).toBe(true);
    expect(snippet.endsWith('…')).toBe(true);
    expect(snippet.length).toBeLessThanOrEqual(SNIPPET_LENGTH + 2);
    expect(snippet.length).toBeGreaterThan(SNIPPET_LENGTH - 30);
    for (const token of snippet.replace(/…/g, '').split(' ')) expect(words).toContain(token);
  });

  it('starts at the beginning when the match is near it, and shows the opening without a match', () => {
    expect(makeSnippet(text, { foldedStart: 0, foldedEnd: 5 }).startsWith('word0 word1')).toBe(true);
    expect(makeSnippet('Short text.', null)).toBe('Short text.');
  });

  it('ends at the end when the match is near it', () => {
    const at = text.indexOf('word199');
    const snippet = makeSnippet(text, { foldedStart: at, foldedEnd: at + 7 });
    expect(snippet.endsWith('word199')).toBe(true);
  });

  it('collapses white space', () => {
    expect(makeSnippet('one\n\n   two\tthree', null)).toBe('one two three');
  });
});
