/**
 * Pairing: the app shows a short code, the extension's options page sends it back once, and
 * gets a long random token in exchange. A code lives ten minutes and survives five wrong guesses.
 */
import { randomBytes, randomInt } from 'node:crypto';

/** No 0/O, 1/I/L: the code is read off a screen and typed by hand. */
const CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
const CODE_LENGTH = 6;
export const CODE_LIFETIME_MS = 10 * 60_000;
export const MAX_WRONG_GUESSES = 5;

export interface PairingCode {
  code: string;
  expiresAt: number;
}

export class Pairing {
  #current: { code: string; expiresAt: number; wrong: number } | null = null;

  constructor(private readonly now: () => number = Date.now) {}

  /** A fresh code; any earlier one stops working. */
  newCode(): PairingCode {
    let code = '';
    for (let i = 0; i < CODE_LENGTH; i++) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
    this.#current = { code, expiresAt: this.now() + CODE_LIFETIME_MS, wrong: 0 };
    return { code, expiresAt: this.#current.expiresAt };
  }

  /** True once for the right code (which is then used up); a wrong guess counts against the code. */
  redeem(guess: string): boolean {
    const current = this.#current;
    if (!current || this.now() > current.expiresAt) {
      this.#current = null;
      return false;
    }
    if (normalizeCode(guess) === current.code) {
      this.#current = null;
      return true;
    }
    current.wrong += 1;
    if (current.wrong >= MAX_WRONG_GUESSES) this.#current = null;
    return false;
  }
}

/** What a person may type: lower case, spaces and dashes are forgiven. */
export function normalizeCode(input: string): string {
  return input.replace(/[\s-]/g, '').toUpperCase();
}

export function newToken(): string {
  return randomBytes(32).toString('base64url');
}
