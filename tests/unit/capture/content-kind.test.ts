import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { describeBinary } from '../../../electron/core/capture/content-kind';

const html = (body: string) => `<!doctype html><html><head><title>t</title></head><body>${body}</body></html>`;
const paragraphs = (text: string) => html(`<p>${text}</p>`.repeat(60));

function utf16(text: string, order: 'le' | 'be'): Uint8Array {
  const le = Buffer.from(`\ufeff${text}`, 'utf16le');
  return order === 'le' ? le : le.swap16();
}

describe('telling binary data from text', () => {
  // Random bytes may begin with a two-byte signature ("MZ", gzip's 1f 8b) and be named as that; either way they are refused.
  it('calls random bytes binary every time, whatever they start with', () => {
    for (let run = 0; run < 2000; run++) expect(describeBinary(randomBytes(200_000))).not.toBeNull();
    for (const bom of [
      [0xff, 0xfe],
      [0xfe, 0xff],
    ]) {
      for (let run = 0; run < 200; run++)
        expect(describeBinary(Buffer.concat([Buffer.from(bom), randomBytes(8000)]))).toBe('binary data');
    }
  });

  it('names known formats by their signature', () => {
    expect(describeBinary(Buffer.from('%PDF-1.7\n...'))).toBe('a PDF document');
    expect(describeBinary(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a]))).toBe('a PNG image');
  });

  it('takes real pages for text, in any encoding, with a stray control character or two', () => {
    expect(describeBinary(Buffer.from(paragraphs('Plain words, naïve café, 日本語.')))).toBeNull();
    expect(
      describeBinary(
        Buffer.from(
          html(`<p>a\x0bvertical tab and a \x1funit separator left by a CMS</p>${'<p>More text.</p>'.repeat(20)}`),
        ),
      ),
    ).toBeNull();
    expect(describeBinary(Buffer.from(paragraphs('\x1b$B$3$s$K$A$O\x1b(B')))).toBeNull(); // ISO-2022-JP
    expect(
      describeBinary(Buffer.from([0x93, 0xfa, 0x96, 0x7b, 0x8c, 0xea, 0x0a].flatMap((b) => Array(50).fill(b)))),
    ).toBeNull();
    expect(describeBinary(utf16(paragraphs('UTF-16 text, with 日本語 and emoji 📚'), 'le'))).toBeNull();
    expect(describeBinary(utf16(paragraphs('UTF-16 text, with 日本語 and emoji 📚'), 'be'))).toBeNull();
    expect(describeBinary(new Uint8Array())).toBeNull();
  });
});
