/**
 * Repairs double-encoded UTF-8 ("mojibake"): text whose UTF-8 bytes were once read as Latin-1 or
 * windows-1252 and encoded again, so that "’" shows as "â€™" (or "â" + two C1 control characters).
 *
 * Conservative, in the manner of ftfy: a page is repaired only when it holds at least one sequence
 * that no real text writes — a lead character followed by a C1 control character, or by a
 * windows-1252 punctuation sign that continues a three- or four-byte sequence ("â€™", "â„¢").
 * Then each run of characters that spells one well-formed UTF-8 character is replaced by it; any
 * other text, accented letters included, is left as it is.
 */

/** The characters windows-1252 gives the bytes 0x80–0x9F; the five it leaves undefined stay C1 controls. */
const WINDOWS_1252_C1 = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

const BYTE_OF = new Map<string, number>();
for (let b = 0x80; b <= 0xff; b++) BYTE_OF.set(String.fromCharCode(b), b);
for (let i = 0; i < WINDOWS_1252_C1.length; i++) BYTE_OF.set(WINDOWS_1252_C1[i], 0x80 + i);

/** A continuation byte (0x80–0xBF) as either reading shows it. */
const CONT = `[\\u0080-\\u00bf${WINDOWS_1252_C1.replace(/[\u0080-\u009f]/g, '')}]`;
const ONE = `[\\u00c2-\\u00df]${CONT}|[\\u00e0-\\u00ef]${CONT}{2}|[\\u00f0-\\u00f4]${CONT}{3}`;
const SEQUENCE = new RegExp(ONE, 'g');
const RUN = new RegExp(`(?:${ONE})+`, 'g');
const C1_CONTROL = /[\u0080-\u009f]/;
const WINDOWS_1252_SIGN = new RegExp(`[${WINDOWS_1252_C1.replace(/[\u0080-\u009f]/g, '')}]`);
/** Cheap test before the full scan: most pages hold neither. */
const MAYBE = new RegExp(`[\\u0080-\\u009f]|[\\u00e0-\\u00f4]${CONT}`);

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** The character the sequence spells in UTF-8, or null when its bytes are not well-formed UTF-8. */
function redecode(sequence: string): string | null {
  const bytes = Uint8Array.from(sequence, (ch) => BYTE_OF.get(ch) ?? 0);
  try {
    return strictUtf8.decode(bytes);
  } catch {
    return null;
  }
}

/** A sequence no real text writes: it holds a C1 control, or is a multi-byte one continued by windows-1252 punctuation. */
function isUnmistakable(sequence: string): boolean {
  return C1_CONTROL.test(sequence) || (sequence.length > 2 && WINDOWS_1252_SIGN.test(sequence.slice(1)));
}

function hasUnmistakableSequence(text: string): boolean {
  if (!MAYBE.test(text)) return false;
  for (const [sequence] of text.matchAll(SEQUENCE))
    if (isUnmistakable(sequence) && redecode(sequence) !== null) return true;
  return false;
}

/** Text encoded twice over ("Ã¢â‚¬â„¢") takes a pass per layer. */
const MAX_LAYERS = 3;

/**
 * A lone two-byte sequence other than Â or Ã plus a sign can be real text ("Gruß«", "CAFÉ" before a
 * no-break space): it is repaired only inside a run of such sequences (a word of Cyrillic, Greek…).
 */
function mayRepair(run: string, sequence: string): boolean {
  return run.length > sequence.length || sequence.length > 2 || /^[ÂÃ]/.test(sequence) || isUnmistakable(sequence);
}

function repairRun(run: string): string {
  return run.replace(SEQUENCE, (sequence) => (mayRepair(run, sequence) ? (redecode(sequence) ?? sequence) : sequence));
}

export function repairMojibake(text: string): string {
  let repaired = text;
  for (let layer = 0; layer < MAX_LAYERS && hasUnmistakableSequence(repaired); layer++)
    repaired = repaired.replace(RUN, repairRun);
  return repaired;
}
