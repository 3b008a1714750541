import { describe, expect, it } from 'vitest';
import { fold, foldText, foldWithOffsets } from '@shared/text/fold-text';
import { tokenize } from '../../../electron/core/search/tokenize';
import { findMatches } from '../../../renderer/src/reader/find-matches';

const found = (text: string, query: string) => findMatches(text, query).map((s) => text.slice(s.start, s.end));
/** Whether library search finds `query` in `text`: every folded query word is one of the text's index tokens. */
const searchFinds = (text: string, query: string) => {
  const tokens = new Set(tokenize(text));
  return tokenize(query).every((t) => tokens.has(t));
};

describe('one text folding (shared/text/fold-text.ts)', () => {
  it('drops case and accents, unfolds ligatures and matches ß with ss', () => {
    expect(fold('Ÿ ÉCOLE ﬁn Straße')).toBe('y ecole fin strasse');
    expect(foldText('Straße')).toBe('strasse');
  });

  it('maps spans of the folded text back to the original, across length changes', () => {
    const text = 'Die Straße und die Maße';
    const { folded, originalSpan } = foldWithOffsets(text);
    expect(folded).toBe('die strasse und die masse');
    const at = folded.indexOf('und');
    const span = originalSpan(at, at + 3);
    expect(text.slice(span.start, span.end)).toBe('und');
  });

  it('find-in-article returns the original words, after a ß changed the length', () => {
    const text = 'Straße, Fuß, STRASSE und Café — noch eine Straße.';
    expect(found(text, 'strasse')).toEqual(['Straße', 'STRASSE', 'Straße']);
    expect(found(text, 'cafe')).toEqual(['Café']);
    expect(found(text, 'fuss')).toEqual(['Fuß']);
    expect(found(text, 'eine')).toEqual(['eine']);
    // Part of a ß widens to the whole character.
    expect(found('Maß', 's')).toEqual(['ß']);
  });

  it.each([
    ['Die Straße ist lang.', 'strasse'],
    ['Die Strasse ist lang.', 'Straße'],
    ['Un café crème', 'CAFE'],
    ['Ｆｕｌｌｗｉｄｔｈ letters', 'fullwidth'],
    ['The ﬁnal word', 'final'],
    ['Ελληνικά κείμενα', 'ελληνικα'],
  ])('a word library search finds in %j, find-in-article finds too (%j)', (text, query) => {
    expect(searchFinds(text, query)).toBe(true);
    expect(findMatches(text, query).length).toBeGreaterThan(0);
  });

  it('a word one does not find, the other does not find either', () => {
    expect(searchFinds('Die Strasse', 'strase')).toBe(false);
    expect(findMatches('Die Strasse', 'strase')).toEqual([]);
  });
});
