import { isWhitespace } from '@shared/anchoring/normalize-text';

/**
 * `text.replace(/\s+/g, ' ').trim()`, without building a new string when the text is already so
 * (most short labels are): one scan looks for white space other than single spaces between words.
 */
export function squeezeSpace(text: string): string {
  const last = text.length - 1;
  for (let i = 0; i <= last; i++) {
    const code = text.charCodeAt(i);
    // Printable ASCII answered here: the CLI's V8 inlines only small functions (electron/cli/v8-flags.ts).
    if (code > 0x20 && code < 0x7f) continue;
    if (code === 0x20 ? i === 0 || i === last || text.charCodeAt(i + 1) === 0x20 : isWhitespace(code))
      return text.replace(/\s+/g, ' ').trim();
  }
  return text;
}

/** Whether a text holds more than `max` characters that are not white space, counting no further. */
export function holdsMoreThan(text: string, max: number): boolean {
  if (text.length <= max) return false;
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (((code > 0x20 && code < 0x7f) || !isWhitespace(code)) && ++n > max) return true;
  }
  return false;
}
