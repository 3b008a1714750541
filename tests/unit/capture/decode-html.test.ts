import { describe, expect, it } from 'vitest';
import { decodeHtml, prescanMetaCharset } from '../../../electron/core/capture/decode-html';

const RUSSIAN = 'Премьер-министр Ирака заявил о скором выводе войск США';
const JAPANESE = 'イラクの首相は米軍の早期撤退を求めると述べた';

/** Encodes text in a legacy charset, via the inverse of TextDecoder's single-byte table. */
function encodeSingleByte(text: string, charset: string): Buffer {
  const decoder = new TextDecoder(charset);
  const table = new Map<string, number>();
  for (let b = 0; b < 256; b++) table.set(decoder.decode(Uint8Array.of(b)), b);
  return Buffer.from(
    [...text].map((ch) => {
      const byte = table.get(ch);
      if (byte === undefined) throw new Error(`cannot encode ${ch}`);
      return byte;
    }),
  );
}

/** Shift_JIS bytes for the Japanese sample, found by searching the decoder's two-byte space. */
function encodeShiftJis(text: string): Buffer {
  const decoder = new TextDecoder('shift_jis');
  const table = new Map<string, number[]>();
  for (let lead = 0x81; lead <= 0xef; lead++) {
    if (lead >= 0xa0 && lead <= 0xdf) continue;
    for (let trail = 0x40; trail <= 0xfc; trail++) table.set(decoder.decode(Uint8Array.of(lead, trail)), [lead, trail]);
  }
  return Buffer.from([...text].flatMap((ch) => table.get(ch) ?? [ch.charCodeAt(0)]));
}

const page = (head: string, body: Buffer) =>
  Buffer.concat([
    Buffer.from(`<!doctype html><html><head>${head}<title>t</title></head><body><p>`),
    body,
    Buffer.from('</p></body></html>'),
  ]);

describe('decodeHtml', () => {
  it('honours a UTF-8 byte-order mark over a contradicting header', () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(`<p>${RUSSIAN}</p>`)]);
    const { text, charset } = decodeHtml(bytes, 'text/html; charset=windows-1251');
    expect(charset).toBe('utf-8');
    expect(text).toBe(`<p>${RUSSIAN}</p>`);
  });

  it('honours a UTF-16LE byte-order mark', () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('<p>héllo</p>', 'utf16le')]);
    expect(decodeHtml(bytes)).toEqual({ text: '<p>héllo</p>', charset: 'utf-16le' });
  });

  it('uses the HTTP header charset before a <meta> that disagrees', () => {
    const bytes = page('<meta charset="utf-8">', encodeSingleByte(RUSSIAN, 'koi8-r'));
    const { text, charset } = decodeHtml(bytes, 'text/html; charset="KOI8-R"');
    expect(charset).toBe('koi8-r');
    expect(text).toContain(RUSSIAN);
  });

  it('reads windows-1251 declared only in <meta http-equiv>', () => {
    const bytes = page(
      '<meta http-equiv="Content-Type" content="text/html; charset=windows-1251">',
      encodeSingleByte(RUSSIAN, 'windows-1251'),
    );
    const { text, charset } = decodeHtml(bytes, 'text/html');
    expect(charset).toBe('windows-1251');
    expect(text).toContain(RUSSIAN);
  });

  it('reads Shift_JIS declared in <meta charset>', () => {
    const bytes = page('<meta charset=Shift_JIS>', encodeShiftJis(JAPANESE));
    const { text, charset } = decodeHtml(bytes, null);
    expect(charset).toBe('shift_jis');
    expect(text).toContain(JAPANESE);
  });

  it('ignores a <meta> charset inside a comment and beyond the first 1024 bytes', () => {
    const commented = Buffer.from('<!-- <meta charset="koi8-r"> --><meta charset="iso-8859-2">');
    expect(prescanMetaCharset(commented)).toBe('iso-8859-2');
    const late = Buffer.from(`<html><head>${' '.repeat(1100)}<meta charset="koi8-r">`);
    expect(prescanMetaCharset(late)).toBeNull();
  });

  it('treats a <meta> UTF-16 declaration as UTF-8, as browsers do', () => {
    expect(prescanMetaCharset(Buffer.from('<meta charset="utf-16">'))).toBe('utf-8');
  });

  it('falls back safely on an unknown label', () => {
    const bytes = page('<meta charset="x-klingon-9">', Buffer.from('naïve café'));
    const { text, charset } = decodeHtml(bytes, 'text/html; charset=bogus-charset');
    expect(charset).toBe('utf-8');
    expect(text).toContain('naïve café');
  });

  it('sniffs undeclared valid UTF-8 as UTF-8', () => {
    expect(decodeHtml(page('', Buffer.from(JAPANESE))).text).toContain(JAPANESE);
  });

  it('sniffs undeclared legacy bytes with chardet', () => {
    const long = Array.from({ length: 20 }, () => RUSSIAN).join('. ');
    const { text, charset } = decodeHtml(page('', encodeSingleByte(long, 'windows-1251')));
    expect(charset).toBe('windows-1251');
    expect(text).toContain(RUSSIAN);
  });

  it('falls back to windows-1252 for undeclared Latin-1 text', () => {
    const { text, charset } = decodeHtml(page('', Buffer.from('caf\xe9 cr\xe8me br\xfbl\xe9e', 'latin1')));
    expect(['windows-1252', 'iso-8859-1', 'iso-8859-15', 'iso-8859-2']).toContain(charset);
    expect(text).toContain('café');
  });
});
