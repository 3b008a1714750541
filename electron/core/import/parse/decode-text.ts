/**
 * Export files are UTF-8 nearly always (Kindle's often with a byte-order mark); older tools wrote
 * UTF-16 or a Windows code page. A BOM decides, then strict UTF-8, then a sniff.
 */
import chardet from 'chardet';

export function decodeText(bytes: Uint8Array): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return utf8(bytes.subarray(3));
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const encoding = sniffedEncoding(bytes);
    return encoding === 'windows-1252' ? decodeWindows1252(bytes) : new TextDecoder(encoding).decode(bytes);
  }
}

/** 0x80–0x9F in Windows-1252 (Node's TextDecoder reads them as C1 controls, as Latin-1 would). */
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

function decodeWindows1252(bytes: Uint8Array): string {
  let text = '';
  for (let i = 0; i < bytes.length; i += 8192) {
    const chunk = bytes.subarray(i, i + 8192);
    text += String.fromCharCode(
      ...Array.from(chunk, (b) => (b >= 0x80 && b < 0xa0 ? CP1252_HIGH.charCodeAt(b - 0x80) : b)),
    );
  }
  return text;
}

function utf8(bytes: Uint8Array): string {
  return new TextDecoder('utf-8').decode(bytes);
}

function sniffedEncoding(bytes: Uint8Array): string {
  const guess = chardet.detect(bytes.subarray(0, 64 * 1024));
  try {
    return guess ? new TextDecoder(guess).encoding : 'windows-1252';
  } catch {
    return 'windows-1252';
  }
}
