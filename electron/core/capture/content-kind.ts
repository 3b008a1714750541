/** Decides from the media type (and, when it lies or is missing, the bytes) what a response is. */
import { OffprintError } from '@shared/ipc/envelope';

export type ContentKind = 'html' | 'text' | 'sniff';

const HTML_TYPES = new Set(['text/html', 'application/xhtml+xml']);
const SNIFF_TYPES = new Set([
  '',
  'application/octet-stream',
  'application/xml',
  'text/xml',
  'binary/octet-stream',
  'unknown/unknown',
]);

const FRIENDLY: [RegExp, string][] = [
  [/^application\/pdf$/, 'a PDF document'],
  [/^image\//, 'an image'],
  [/^video\//, 'a video'],
  [/^audio\//, 'an audio file'],
  [/^application\/(zip|x-7z-compressed|x-rar-compressed|gzip|x-tar)$/, 'an archive'],
  [/^application\/(json|ld\+json)$/, 'JSON data'],
  [/^application\/(rss|atom)\+xml$/, 'a news feed'],
  [/^application\/(msword|vnd\.)/, 'an office document'],
];

/** Refuses, before the body is downloaded, anything that is not a web page or plain text. */
export function contentKindOf(mimeType: string): ContentKind {
  if (HTML_TYPES.has(mimeType)) return 'html';
  if (mimeType === 'text/plain') return 'text';
  if (SNIFF_TYPES.has(mimeType)) return 'sniff';
  const friendly = FRIENDLY.find(([re]) => re.test(mimeType))?.[1];
  throw new OffprintError(
    'unsupported-type',
    `This address serves ${friendly ? `${friendly} (${mimeType})` : mimeType}, not a web page, so it cannot be saved as an article.`,
  );
}

const MAGIC: [string, number[]][] = [
  ['a PDF document', [0x25, 0x50, 0x44, 0x46, 0x2d]],
  ['a PNG image', [0x89, 0x50, 0x4e, 0x47]],
  ['a JPEG image', [0xff, 0xd8, 0xff]],
  ['a GIF image', [0x47, 0x49, 0x46, 0x38]],
  ['a ZIP archive', [0x50, 0x4b, 0x03, 0x04]],
  ['a gzip archive', [0x1f, 0x8b]],
  ['a program', [0x7f, 0x45, 0x4c, 0x46]],
  ['a program', [0x4d, 0x5a]],
];

/**
 * What binary data a body is, or null when it looks like text. Control characters are the tell:
 * random bytes are about one in ten of them, real pages almost none. The sample is long enough that
 * chance never lets binary through (1 KB of random bytes is under the line about half the time).
 */
export function describeBinary(bytes: Uint8Array): string | null {
  const magic = MAGIC.find(([, sig]) => sig.every((b, i) => bytes[i] === b));
  if (magic) return magic[0];
  const sample = bytes.subarray(0, 4096);
  if (sample.length === 0) return null;
  const utf16 = utf16Encoding(sample);
  if (utf16) return oddCharacterShare(new TextDecoder(utf16).decode(sample.subarray(2))) > 0.02 ? 'binary data' : null;
  let control = 0;
  for (const b of sample) {
    if (b === 0) return 'binary data';
    if (isControl(b)) control++;
  }
  return control / sample.length > 0.02 ? 'binary data' : null;
}

function utf16Encoding(bytes: Uint8Array): 'utf-16be' | 'utf-16le' | null {
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  return null;
}

/** Tab, line feed, form feed, carriage return and escape (ISO-2022-JP) occur in text; the other C0 codes do not. */
function isControl(code: number): boolean {
  return code < 0x09 || code === 0x0b || (code > 0x0d && code < 0x20 && code !== 0x1b);
}

/** Share of a decoded UTF-16 sample that no text holds: controls, broken surrogates (U+FFFD) and private use. */
function oddCharacterShare(text: string): number {
  let odd = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (isControl(code) || code === 0xfffd || (code >= 0xe000 && code <= 0xf8ff)) odd++;
  }
  return text.length === 0 ? 0 : odd / text.length;
}

/** For responses without a usable type: is this text HTML, or plain text? */
export function sniffTextKind(text: string): 'html' | 'text' {
  const head = text.slice(0, 2048).trimStart().toLowerCase();
  return /^(<!doctype html|<html|<head|<body|<!--|<\?xml[^>]*>\s*(<!doctype html|<html))/.test(head) ||
    /<(html|body|p|div|article)[\s>]/.test(head)
    ? 'html'
    : 'text';
}
