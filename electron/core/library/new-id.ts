import { randomBytes } from 'node:crypto';

/**
 * Lower-case letters and digits only: an article id is the host of its offprint-asset:
 * URLs, and Chromium lower-cases the host of a standard scheme, so mixed case would break.
 */
const ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';
const ID_LENGTH = 12;
const ID = /^[A-Za-z0-9_-]{1,64}$/;

/** A short random URL-safe id (about 62 bits). */
export function newId(): string {
  let id = '';
  while (id.length < ID_LENGTH) {
    for (const byte of randomBytes(ID_LENGTH * 2)) {
      // 252 = 7 × 36: rejecting the rest keeps every letter equally likely.
      if (byte < 252 && id.length < ID_LENGTH) id += ALPHABET[byte % ALPHABET.length];
    }
  }
  return id;
}

export function isId(value: string): boolean {
  return ID.test(value);
}
