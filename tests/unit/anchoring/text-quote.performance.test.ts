import { describe, expect, it } from 'vitest';
import { anchorTextQuote, describeTextRange } from '@shared/anchoring/text-quote';

const WORDS = (
  'the of and to in is that for it as was with be by on not he this are or his from at which but have ' +
  'an they you were her she there been one all we their has would when if more no out so said what up ' +
  'its about into than them can only other new some could time these two may then do first any my now ' +
  'such like our over man me even most made after also did many before must through back years where ' +
  'much your way well down should because each just those people how too little state good very make'
).split(' ');

/** A deterministic 20,000-word article in paragraphs (about 100,000 characters). */
function longArticle(): string {
  let seed = 42;
  const next = () => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed;
  };
  const words: string[] = [];
  for (let i = 0; i < 20_000; i += 1) {
    words.push(WORDS[next() % WORDS.length] + (i % 17 === 16 ? '.' : '') + (i % 120 === 119 ? '\n\n' : ''));
  }
  return words.join(' ');
}

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

describe('anchorTextQuote on a 20,000-word article', () => {
  const text = longArticle();
  const start = Math.floor(text.length * 0.6);
  const { quote, position } = describeTextRange(text, { start, end: start + 100 });

  it('anchors a 100-character quote with edits in well under 50 ms', () => {
    // Three substitutions and a deleted character inside the quote, and text added before it.
    const chars = [...quote.exact];
    chars[10] = 'X';
    chars[40] = 'Y';
    chars[70] = 'Z';
    chars.splice(90, 1);
    const editedQuote = chars.join('');
    const edited = `A new introduction of some length.\n\n${text.slice(0, start)}${editedQuote}${text.slice(start + 100)}`;
    const expected = { start: start + 36, end: start + 36 + editedQuote.length };
    expect(anchorTextQuote(edited, quote, position)).toEqual(expected);
    expect(medianMs(() => anchorTextQuote(edited, quote, position))).toBeLessThan(50);
  });

  it('gives up on an absent quote in well under 50 ms', () => {
    const absent = {
      ...quote,
      exact: 'zebra quantum xylophone jukebox vortex wizard fjord kayak glyph sphinx nymph crypt lynx ',
    };
    expect(anchorTextQuote(text, absent, position)).toBeNull();
    expect(medianMs(() => anchorTextQuote(text, absent, position))).toBeLessThan(50);
  });
});
