/**
 * Turns a page's bytes into text with the right character set, in the order browsers use:
 * byte-order mark, the HTTP header, a <meta> prescan of the first 1024 bytes, then a sniff; then
 * text that was UTF-8 read as Latin-1 and encoded again is repaired (repair-mojibake.ts).
 */
import { isUtf8 } from 'node:buffer';
import chardet from 'chardet';
import { repairMojibake } from './repair-mojibake';

const UTF8_BOM = [0xef, 0xbb, 0xbf];
const PRESCAN_BYTES = 1024;
const SNIFF_BYTES = 64 * 1024;

/** The WHATWG name of the encoding a label stands for, or null when TextDecoder does not know it. */
export function encodingForLabel(label: string | null | undefined): string | null {
  if (!label) return null;
  const cleaned = label.trim().replace(/^["']|["']$/g, '');
  if (!cleaned) return null;
  // x-user-defined is a legacy label for "bytes as they are"; windows-1252 is the safe reading.
  if (/^x-user-defined$/i.test(cleaned)) return 'windows-1252';
  try {
    return new TextDecoder(cleaned).encoding;
  } catch {
    return null;
  }
}

export function charsetFromContentType(contentType: string | null | undefined): string | null {
  const match = /;\s*charset\s*=\s*("[^"]*"|'[^']*'|[^;\s]*)/i.exec(contentType ?? '');
  return match ? match[1].replace(/^["']|["']$/g, '') : null;
}

function bomEncoding(bytes: Uint8Array): string | null {
  if (UTF8_BOM.every((b, i) => bytes[i] === b)) return 'utf-8';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  return null;
}

/** The charset a <meta charset> or <meta http-equiv="content-type"> declares within the first 1024 bytes. */
export function prescanMetaCharset(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, PRESCAN_BYTES)).toString('latin1');
  const tags = /<!--[\s\S]*?-->|<meta[\s/][^>]*>/gi;
  for (let m = tags.exec(head); m; m = tags.exec(head)) {
    if (m[0].startsWith('<!--')) continue;
    const attrs = readAttributes(m[0].slice(5));
    let label: string | null = null;
    if (attrs.has('charset')) label = attrs.get('charset') ?? null;
    else if (attrs.get('http-equiv')?.toLowerCase() === 'content-type') {
      label = /charset\s*=\s*["']?([^"';\s]+)/i.exec(attrs.get('content') ?? '')?.[1] ?? null;
    }
    const encoding = encodingForLabel(label);
    if (!encoding) continue;
    // A page cannot really be UTF-16 if its <meta> was readable as ASCII (WHATWG rule).
    return encoding.startsWith('utf-16') ? 'utf-8' : encoding;
  }
  return null;
}

export function readAttributes(source: string): Map<string, string> {
  const attrs = new Map<string, string>();
  const re = /([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]*)))?/g;
  for (let m = re.exec(source); m; m = re.exec(source)) {
    const name = m[1].toLowerCase();
    if (!attrs.has(name)) attrs.set(name, m[2] ?? m[3] ?? m[4] ?? '');
  }
  return attrs;
}

function sniffEncoding(bytes: Uint8Array): string {
  // What a fatal TextDecoder('utf-8') accepts, checked without decoding the page a first time.
  if (isUtf8(bytes)) return 'utf-8';
  const detected = encodingForLabel(chardet.detect(bytes.subarray(0, SNIFF_BYTES)));
  // chardet guesses UTF-8 for bytes we just proved are not UTF-8 when little text is non-ASCII.
  return detected && detected !== 'utf-8' ? detected : 'windows-1252';
}

export function decodeHtml(bytes: Uint8Array, contentType?: string | null): { text: string; charset: string } {
  const charset =
    bomEncoding(bytes) ??
    encodingForLabel(charsetFromContentType(contentType)) ??
    prescanMetaCharset(bytes) ??
    sniffEncoding(bytes);
  const decoded = new TextDecoder(charset).decode(bytes);
  return { text: repairMojibake(charset === 'windows-1252' ? fixWindows1252(decoded) : decoded), charset };
}

/** 0x80–0x9F in windows-1252 (curly quotes, dashes, €), which Node's decoder reads as Latin-1 control characters. */
const WINDOWS_1252_C1 = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

function fixWindows1252(text: string): string {
  return text.replace(/[\u0080-\u009f]/g, (c) => WINDOWS_1252_C1[c.charCodeAt(0) - 0x80]);
}
