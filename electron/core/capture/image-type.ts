/** Identifies stored image formats by their bytes, never by what the server claims. */

export type ImageFormat = 'png' | 'jpg' | 'gif' | 'webp' | 'avif' | 'ico';

export interface ImageInfo {
  format: ImageFormat;
  width: number | null;
  height: number | null;
}

const ascii = (bytes: Uint8Array, start: number, end: number) =>
  Buffer.from(bytes.subarray(start, end)).toString('latin1');

function jpegSize(bytes: Uint8Array): [number, number] | null {
  let i = 2;
  while (i + 9 < bytes.length) {
    if (bytes[i] !== 0xff) return null;
    const marker = bytes[i + 1];
    if (marker === 0xff) {
      i++;
      continue;
    }
    const length = (bytes[i + 2] << 8) | bytes[i + 3];
    // SOF0–SOF15, except DHT (C4), JPG (C8) and DAC (CC), carry the frame size.
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      return [(bytes[i + 7] << 8) | bytes[i + 8], (bytes[i + 5] << 8) | bytes[i + 6]];
    }
    i += 2 + length;
  }
  return null;
}

/** The format (and, where cheap to read, the size) of an image; null for anything we do not store (SVG included). */
export function detectImage(bytes: Uint8Array): ImageInfo | null {
  if (bytes.length < 12) return null;
  const view = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (view.readUInt32BE(0) === 0x89504e47 && ascii(bytes, 12, 16) === 'IHDR') {
    return { format: 'png', width: view.readUInt32BE(16), height: view.readUInt32BE(20) };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) {
    const size = jpegSize(bytes);
    return { format: 'jpg', width: size?.[0] ?? null, height: size?.[1] ?? null };
  }
  if (ascii(bytes, 0, 6) === 'GIF87a' || ascii(bytes, 0, 6) === 'GIF89a') {
    return { format: 'gif', width: view.readUInt16LE(6), height: view.readUInt16LE(8) };
  }
  if (ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 12) === 'WEBP')
    return { format: 'webp', width: null, height: null };
  // ICO: reserved 0, type 1, then a count of at least one image; width 0 means 256.
  if (view.readUInt16LE(0) === 0 && view.readUInt16LE(2) === 1 && view.readUInt16LE(4) > 0) {
    return { format: 'ico', width: bytes[6] || 256, height: bytes[7] || 256 };
  }
  if (ascii(bytes, 4, 8) === 'ftyp' && /^avi[fs]$/.test(ascii(bytes, 8, 12)))
    return { format: 'avif', width: null, height: null };
  return null;
}
