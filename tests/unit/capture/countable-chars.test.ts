import { describe, expect, it } from 'vitest';
import { countableChars } from '../../../electron/core/capture/countable-chars';

const byRegExp = (text: string) => text.replace(/[\s\p{P}\p{S}]+/gu, '').length;

describe('countableChars', () => {
  it('counts as the regular expression does, on every character of the basic plane', () => {
    const mismatches: number[] = [];
    for (let code = 0; code < 0x10000; code++) {
      const text = `a${String.fromCharCode(code)} b`;
      if (countableChars(text) !== byRegExp(text)) mismatches.push(code);
    }
    expect(mismatches).toEqual([]);
  });

  it('reads surrogate pairs as one character, and lone surrogates as one code unit each', () => {
    const texts = [
      '😀 smile 👍🏽',
      '𝐀𝐁𝐂 bold',
      'lone \ud800 high',
      'lone \udc00 low',
      '\udc00\ud800 reversed',
      'end \ud83d',
      '  Hello, world! — “quoted” ',
      '日本語のテキスト、です。',
      '',
    ];
    for (const text of texts) expect(countableChars(text), text).toBe(byRegExp(text));
    expect(countableChars('😀a𝐀')).toBe(3);
    const mismatches: number[] = [];
    for (let point = 0x10000; point <= 0x10ffff; point += 13) {
      const text = `a${String.fromCodePoint(point)}.`;
      if (countableChars(text) !== byRegExp(text)) mismatches.push(point);
    }
    expect(mismatches).toEqual([]);
  });
});
