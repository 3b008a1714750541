import { describe, expect, it } from 'vitest';
import { asciiCaseless } from '../../../electron/core/capture/ascii-caseless';

const SOURCE =
  "^disclosure\\s*:|\\b(subscribe|sign up) (here|now)\\b|\\bask (a )?\\d+ bucks\\b|\\bliens? d['’]affiliation\\b";

describe('asciiCaseless', () => {
  it('answers as the pattern with the i and u flags, on the letters only Unicode folds to ASCII too', () => {
    const pattern = asciiCaseless(SOURCE);
    const unicode = new RegExp(SOURCE, 'iu');
    const texts = [
      'Disclosure: we earn',
      'DISCLOSURE : x',
      'please SUBSCRIBE NOW!',
      'please ſubscribe now',
      'resubscribe now',
      'reſubscribe now',
      'unsubscribe here',
      'sign up heres',
      'sign up here\u212a',
      'sign up here\u017f',
      'ask 12 bucks',
      'as\u212a 12 bucks',
      'Liens d’affiliation',
      "lien d'AFFILIATION",
      'é subscribe now',
      '😀subscribe now',
      'nothing to see',
      '',
    ];
    for (const text of texts) expect(pattern.test(text), text).toBe(unicode.test(text));
    expect(pattern.test('please ſubscribe now')).toBe(true);
    expect(pattern.test('reſubscribe now')).toBe(false);
    expect(pattern.test('sign up here\u212a')).toBe(false);
  });

  it('refuses a pattern the two modes read differently', () => {
    for (const source of ['a.b', '[^a]', '\\p{L}', '\\S+', 'über', '\\u{61}'])
      expect(() => asciiCaseless(source), source).toThrow();
    expect(() => asciiCaseless('a\\.b')).not.toThrow();
  });
});
