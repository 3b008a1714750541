import { describe, expect, it } from 'vitest';
import { decodeHtml } from '../../../electron/core/capture/decode-html';

/** Known words as their real bytes in each encoding (TextDecoder cannot encode, so they are written out). */
const SAMPLES: [label: string, word: string, bytes: number[]][] = [
  ['windows-1251', 'Привет', [0xcf, 0xf0, 0xe8, 0xe2, 0xe5, 0xf2]],
  [
    'windows-1252',
    'café “naïve” €',
    [0x63, 0x61, 0x66, 0xe9, 0x20, 0x93, 0x6e, 0x61, 0xef, 0x76, 0x65, 0x94, 0x20, 0x80],
  ],
  ['iso-8859-2', 'Łódź', [0xa3, 0xf3, 0x64, 0xbc]],
  ['iso-8859-15', 'œuvre €', [0xbd, 0x75, 0x76, 0x72, 0x65, 0x20, 0xa4]],
  ['shift_jis', '日本語', [0x93, 0xfa, 0x96, 0x7b, 0x8c, 0xea]],
  ['euc-jp', '日本語', [0xc6, 0xfc, 0xcb, 0xdc, 0xb8, 0xec]],
  ['gbk', '中文', [0xd6, 0xd0, 0xce, 0xc4]],
  ['gb18030', '中文', [0xd6, 0xd0, 0xce, 0xc4]],
  ['big5', '中文', [0xa4, 0xa4, 0xa4, 0xe5]],
  ['euc-kr', '한국어', [0xc7, 0xd1, 0xb1, 0xb9, 0xbe, 0xee]],
];

const page = (head: string, bytes: number[], times = 1) =>
  Buffer.concat([
    Buffer.from(`<!doctype html><html><head>${head}<title>t</title></head><body><p>`),
    ...Array.from({ length: times }, () => Buffer.concat([Buffer.from(bytes), Buffer.from(' ')])),
    Buffer.from('</p></body></html>'),
  ]);

describe('decoding pages in legacy encodings', () => {
  it.each(SAMPLES)('%s labelled in the HTTP header', (label, word, bytes) => {
    const { text } = decodeHtml(page('', bytes), `text/html; charset=${label}`);
    expect(text).toContain(word);
  });

  it.each(SAMPLES)('%s labelled in <meta charset>', (label, word, bytes) => {
    expect(decodeHtml(page(`<meta charset="${label}">`, bytes)).text).toContain(word);
  });

  it.each(SAMPLES)('%s labelled in <meta http-equiv>', (label, word, bytes) => {
    expect(
      decodeHtml(page(`<meta http-equiv="Content-Type" content="text/html; charset=${label}">`, bytes)).text,
    ).toContain(word);
  });

  // Detection needs some text to go on; short Latin samples are too ambiguous to sniff reliably.
  it.each(SAMPLES.filter(([label]) => !/^(windows-1252|iso-8859)/.test(label)))(
    '%s unlabelled, detected from the bytes',
    (_label, word, bytes) => {
      expect(decodeHtml(page('', bytes, 40)).text).toContain(word);
    },
  );

  it('keeps valid unlabelled UTF-8 as UTF-8', () => {
    const { text, charset } = decodeHtml(Buffer.from('<p>Grüße, 日本語, Привет</p>'));
    expect(charset).toBe('utf-8');
    expect(text).toContain('Grüße, 日本語, Привет');
  });

  it('falls back safely from an unknown or broken label', () => {
    const utf8 = Buffer.from('<meta charset="klingon-42"><p>Grüße</p>');
    expect(decodeHtml(utf8, 'text/html; charset="no such charset"')).toMatchObject({ charset: 'utf-8' });
    expect(decodeHtml(utf8).text).toContain('Grüße');
    const latin = page('<meta charset="">', SAMPLES[1][2], 3);
    expect(decodeHtml(latin, 'text/html; charset=;;').text).toContain('café');
  });

  it('reads windows-1252 curly quotes and the euro sign, not control characters', () => {
    const { text } = decodeHtml(page('', SAMPLES[1][2]), 'text/html; charset=iso-8859-1');
    expect(text).toContain('“naïve” €');
    expect(text).not.toMatch(/[\u0080-\u009f]/);
  });
});
