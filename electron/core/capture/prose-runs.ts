/**
 * A story writes its long paragraphs one after another; a listing gives each card one excerpt,
 * between the card's heading and its small print. Counting only the long paragraphs that stand next
 * to another tells a story's prose from a page of excerpts.
 */
import { LONG_PARAGRAPH_CHARS } from './page-type';

const PARAGRAPH = /<p\b[^>]*>([\s\S]*?)<\/p>/g;
const TAG = /<[^>]*>/g;

/** Long paragraphs with another long paragraph right before or after them, nothing but white space between. */
export function paragraphsInRuns(html: string): number {
  let n = 0;
  let previousEnd = -1;
  let previousLong = false;
  let previousCounted = false;
  for (const match of html.matchAll(PARAGRAPH)) {
    const long = match[1].replace(TAG, '').length > LONG_PARAGRAPH_CHARS;
    const touching = previousEnd >= 0 && !html.slice(previousEnd, match.index).trim();
    if (long && previousLong && touching) {
      n += previousCounted ? 1 : 2;
      previousCounted = true;
    } else previousCounted = false;
    previousLong = long;
    previousEnd = match.index + match[0].length;
  }
  return n;
}
