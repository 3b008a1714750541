/**
 * Anchoring benchmark: a 100-character quote in a 20,000-word article (about 100,000 characters).
 * Prints one JSON object: editedQuoteMedianMs (the quote edited and moved) and absentQuoteMedianMs
 * (a quote that is not there). Target: both well under 50 ms.
 */
import { anchorTextQuote } from '@shared/anchoring/text-quote';
import { editedQuoteCase } from './anchoring/long-article';

/** Median wall-clock milliseconds of a few runs, after a warm-up run. */
function medianMs(run: () => unknown): number {
  run();
  const times: number[] = [];
  for (let i = 0; i < 5; i += 1) {
    const t0 = performance.now();
    run();
    times.push(performance.now() - t0);
  }
  return times.sort((a, b) => a - b)[2];
}

const { text, quote, position, edited, absent } = editedQuoteCase();
const result = {
  editedQuoteMedianMs: Number(medianMs(() => anchorTextQuote(edited, quote, position)).toFixed(2)),
  absentQuoteMedianMs: Number(medianMs(() => anchorTextQuote(text, absent, position)).toFixed(2)),
};
console.log(JSON.stringify(result, null, 2));
