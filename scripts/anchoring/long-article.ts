import { describeTextRange } from '@shared/anchoring/text-quote';
/** A long, deterministic article for the anchoring test and benchmark. */
const WORDS = (
  'the of and to in is that for it as was with be by on not he this are or his from at which but have ' +
  'an they you were her she there been one all we their has would when if more no out so said what up ' +
  'its about into than them can only other new some could time these two may then do first any my now ' +
  'such like our over man me even most made after also did many before must through back years where ' +
  'much your way well down should because each just those people how too little state good very make'
).split(' ');

/** A deterministic 20,000-word article in paragraphs (about 100,000 characters). */
export function longArticle(): string {
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

/** The article with a 100-character quote at 60%, edited (three substitutions, a deleted character, text added before). */
export function editedQuoteCase() {
  const text = longArticle();
  const start = Math.floor(text.length * 0.6);
  const { quote, position } = describeTextRange(text, { start, end: start + 100 });
  const chars = [...quote.exact];
  chars[10] = 'X';
  chars[40] = 'Y';
  chars[70] = 'Z';
  chars.splice(90, 1);
  const editedQuote = chars.join('');
  const edited = `A new introduction of some length.\n\n${text.slice(0, start)}${editedQuote}${text.slice(start + 100)}`;
  const expected = { start: start + 36, end: start + 36 + editedQuote.length };
  const absent = {
    ...quote,
    exact: 'zebra quantum xylophone jukebox vortex wizard fjord kayak glyph sphinx nymph crypt lynx ',
  };
  return { text, quote, position, edited, expected, absent };
}
