import { describe, expect, it } from 'vitest';
import { foldText, originalIndex, queryWords } from '@shared/text/fold-text';
import { makeSnippet, SNIPPET_LENGTH, snippetFor } from '../../../electron/core/search/make-snippet';

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

describe('snippetFor', () => {
  /** What it must answer: the first word start of any token in the whole folded text. */
  function wholeTextSnippet(text: string, tokens: string[]): string {
    const folded = foldText(text);
    let best: { foldedStart: number; foldedEnd: number } | null = null;
    for (const token of tokens) {
      for (let at = folded.indexOf(token); at >= 0; at = folded.indexOf(token, at + 1)) {
        if (at > 0 && /[\p{L}\p{N}]/u.test(folded[at - 1])) continue;
        if (!best || at < best.foldedStart) best = { foldedStart: at, foldedEnd: at + token.length };
        break;
      }
    }
    return makeSnippet(text, best);
  }

  it('finds the first match of any token in a long accented text, wherever it is, as folding all of it would', () => {
    const filler = Array.from({ length: 3000 }, (_, i) => ['été', 'naïve', 'Straße', 'über', 'ﬁn'][i % 5] + i).join(
      ' ',
    );
    const long = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
    const cases: [string, string[]][] = [];
    for (const at of [10, 1000, 1950, 1990, 1999, 2005, 3950, 3999, 9000, 20000]) {
      const text = `${filler.slice(0, at)} Crème ${long} brûlée ${filler.slice(at)}`;
      cases.push([text, ['creme']], [text, ['brulee', 'creme']], [text, [long.toLowerCase(), 'brulee']]);
      cases.push([text, ['strasse1002']], [text, ['absent']], [text, ['ete0', 'absent']]);
    }
    for (const [text, tokens] of cases) expect(snippetFor(text, tokens)).toBe(wholeTextSnippet(text, tokens));
    expect(snippetFor(cases[9][0], ['brulee'])).toContain('brûlée');
  });
});
