import { describe, expect, it } from 'vitest';
import { anchorTextQuote, describeTextRange, type TextRange } from '@shared/anchoring/text-quote';

const ARTICLE = [
  'Offline reading changes how people read. When an article is saved, it stays the same ',
  'even if the publisher edits it later. The reader can return to it on a train, on a plane, ',
  'or anywhere without a connection. Highlights mark the passages that matter, and notes ',
  'record why they mattered. A good library remembers both the text and the reader.',
].join('');

/** Describes the first occurrence of `passage` in `text`. */
function describePassage(text: string, passage: string, occurrence = 0) {
  let start = -1;
  for (let i = 0; i <= occurrence; i += 1) start = text.indexOf(passage, start + 1);
  if (start < 0) throw new Error(`fixture: "${passage}" not in text`);
  return describeTextRange(text, { start, end: start + passage.length });
}

function anchoredText(text: string, range: TextRange | null): string | null {
  return range ? text.slice(range.start, range.end) : null;
}

describe('describeTextRange', () => {
  it('stores the exact text, 32 characters of context each side, and the offsets', () => {
    const { quote, position } = describePassage(ARTICLE, 'Highlights mark the passages that matter');
    const start = ARTICLE.indexOf('Highlights');
    expect(quote).toEqual({
      type: 'TextQuoteSelector',
      exact: 'Highlights mark the passages that matter',
      prefix: ARTICLE.slice(start - 32, start),
      suffix: ARTICLE.slice(start + 40, start + 72),
    });
    expect(position).toEqual({ type: 'TextPositionSelector', start, end: start + 40 });
  });

  it('shortens the context at the edges of the text and honours a custom length', () => {
    const { quote } = describeTextRange('abcdef', { start: 1, end: 5 }, 3);
    expect(quote).toMatchObject({ prefix: 'a', exact: 'bcde', suffix: 'f' });
  });

  it('does not cut a surrogate pair in the context', () => {
    const text = 'x😀abcy😀z';
    const { quote } = describeTextRange(text, { start: 3, end: 6 }, 1);
    expect(quote).toMatchObject({ prefix: '😀', exact: 'abc', suffix: 'y' });
    const { quote: after } = describeTextRange(text, { start: 3, end: 7 }, 1);
    expect(after.suffix).toBe('😀');
  });

  it('refuses an empty or out-of-range selection', () => {
    expect(() => describeTextRange('abc', { start: 1, end: 1 })).toThrow(RangeError);
    expect(() => describeTextRange('abc', { start: 2, end: 4 })).toThrow(RangeError);
    expect(() => describeTextRange('abc', { start: -1, end: 2 })).toThrow(RangeError);
  });
});

describe('anchorTextQuote on unchanged text', () => {
  it('uses the stored position when the text there still matches', () => {
    const { quote, position } = describePassage(ARTICLE, 'on a train');
    expect(anchorTextQuote(ARTICLE, quote, position)).toEqual({ start: position.start, end: position.end });
  });

  it('finds the quote without a position', () => {
    const { quote, position } = describePassage(ARTICLE, 'notes record why');
    expect(anchorTextQuote(ARTICLE, quote)).toEqual({ start: position.start, end: position.end });
  });

  it('anchors a quote at the very start and at the very end of the text', () => {
    const first = describePassage(ARTICLE, 'Offline reading');
    expect(first.quote.prefix).toBe('');
    expect(anchorTextQuote(ARTICLE, first.quote)).toEqual({ start: 0, end: 15 });
    const last = describePassage(ARTICLE, 'the reader.');
    expect(last.quote.suffix).toBe('');
    expect(anchorTextQuote(ARTICLE, last.quote)).toEqual({ start: ARTICLE.length - 11, end: ARTICLE.length });
  });

  it('returns null for an empty quote', () => {
    expect(anchorTextQuote(ARTICLE, { type: 'TextQuoteSelector', exact: '', prefix: '', suffix: '' })).toBeNull();
  });
});

describe('anchorTextQuote with a repeated quote', () => {
  const text =
    'In the first chapter the cat sat down. Later, in the garden, the cat sat down. ' +
    'Finally, by the fire, the cat sat down.';

  it('tells occurrences apart by their prefix and suffix', () => {
    const second = describePassage(text, 'the cat sat down', 1);
    // A stale position that points nowhere useful.
    const moved = `A new opening sentence. ${text}`;
    const range = anchorTextQuote(moved, second.quote, { ...second.position, start: 0, end: 16 });
    expect(range).toEqual({ start: second.position.start + 24, end: second.position.end + 24 });
    expect(anchorTextQuote(moved, describePassage(text, 'the cat sat down', 2).quote)?.start).toBe(
      moved.lastIndexOf('the cat sat down'),
    );
  });

  it('tells occurrences with the same context apart by the old position', () => {
    const same = 'Repeat after me: la la la. Repeat after me: la la la. Repeat after me: la la la.';
    const third = describeTextRange(same, { start: same.lastIndexOf('la la la'), end: same.length - 1 }, 4);
    const second = describePassage(same, 'la la la', 1);
    // Shift everything by a few characters so the stored position no longer matches exactly.
    const shifted = `>> ${same}`;
    expect(anchorTextQuote(shifted, third.quote, third.position)?.start).toBe(shifted.lastIndexOf('la la la'));
    const secondRange = anchorTextQuote(shifted, { ...second.quote, prefix: ': ', suffix: '.' }, second.position);
    expect(secondRange?.start).toBe(second.position.start + 3);
  });
});

describe('anchorTextQuote after the article changed', () => {
  const passage = 'The reader can return to it on a train, on a plane, or anywhere without a connection.';
  const { quote, position } = describePassage(ARTICLE, passage);

  it('follows text inserted before the quote', () => {
    const edited = ARTICLE.replace('Offline reading', 'Offline reading, said the survey of 2,000 people,');
    expect(anchoredText(edited, anchorTextQuote(edited, quote, position))).toBe(passage);
  });

  it('survives a paragraph removed before it', () => {
    const edited = ARTICLE.replace(/When an article is saved[^.]*\./, '');
    expect(anchoredText(edited, anchorTextQuote(edited, quote, position))).toBe(passage);
  });

  it('returns null when the paragraph holding the quote was removed', () => {
    const edited = ARTICLE.replace(passage, '');
    expect(anchorTextQuote(edited, quote, position)).toBeNull();
  });

  it('ignores changed whitespace: wrapped lines, doubled spaces, non-breaking spaces', () => {
    const edited = ARTICLE.replace(
      passage,
      passage.replace('on a train, on', 'on a\n  train,\u00a0on').replace(' without', '  without'),
    );
    const range = anchorTextQuote(edited, quote, position);
    expect(anchoredText(edited, range)).toBe(
      edited.slice(edited.indexOf('The reader'), edited.indexOf('connection.') + 11),
    );
  });

  it('ignores typographic look-alikes: curly quotes, dashes, ellipses, soft hyphens', () => {
    const text = 'He said "it\'s fine" -- and left... for good.';
    const described = describeTextRange(text, { start: 3, end: text.length });
    const edited = 'He said \u201cit\u2019s fine\u201d \u2014- and left\u2026 for go\u00adod.';
    expect(anchoredText(edited, anchorTextQuote(edited, described.quote))).toBe(edited.slice(3));
  });

  it('tolerates an entity-like change inside the quote', () => {
    const text = 'Research & development budgets at Smith & Sons rose sharply last year, the report says.';
    const described = describePassage(text, 'Research & development budgets at Smith & Sons rose sharply');
    const edited = text.replace('Smith & Sons', 'Smith &amp; Sons');
    const range = anchorTextQuote(edited, described.quote, described.position);
    expect(anchoredText(edited, range)).toBe('Research & development budgets at Smith &amp; Sons rose sharply');
  });

  it('tolerates words inserted and deleted inside the quote', () => {
    const edited = ARTICLE.replace('on a train, on a plane,', 'on a long train, on plane,');
    const range = anchorTextQuote(edited, quote, position);
    expect(anchoredText(edited, range)).toBe(
      'The reader can return to it on a long train, on plane, or anywhere without a connection.',
    );
  });

  it('tolerates a corrected typo together with surrounding edits', () => {
    const edited = ARTICLE.replace('Highlights mark', 'Highlights (yellow, green) mark').replace('anywhere', 'anywere');
    const range = anchorTextQuote(edited, quote, position);
    expect(anchoredText(edited, range)).toBe(passage.replace('anywhere', 'anywere'));
  });

  it('uses prefix and suffix to choose between similar fuzzy candidates', () => {
    const sentence = 'the committee approved the annual budget without changes';
    const text = `In March, ${sentence}. In April, ${sentence}. In May, ${sentence}.`;
    const april = describePassage(text, sentence, 1);
    const edited = text.replaceAll('annual', 'anual');
    const range = anchorTextQuote(edited, april.quote);
    expect(range?.start).toBe(edited.indexOf('April, ') + 7);
  });

  it('returns null when too much of the quote changed', () => {
    const edited = ARTICLE.replace(
      passage,
      'Readers may come back to the piece on trains, planes and other places with no network.',
    );
    expect(anchorTextQuote(edited, quote, position)).toBeNull();
  });

  it('returns null for a short quote that no longer occurs', () => {
    const short = describePassage(ARTICLE, 'plane');
    expect(anchorTextQuote(ARTICLE.replace('plane', 'plain'), short.quote, short.position)).toBeNull();
  });
});

describe('anchorTextQuote with unicode', () => {
  it('counts offsets in UTF-16 units across emoji, CJK and combining marks', () => {
    const text = 'Caf\u0065\u0301 😀 talks: 東京で会いましょう。 Then 🇫🇷 flags, Ελληνικά, and עברית.';
    const passage = '東京で会いましょう。 Then 🇫🇷';
    const { quote, position } = describePassage(text, passage);
    expect(anchorTextQuote(text, quote)).toEqual({ start: position.start, end: position.end });
    const edited = `😀😀 ${text.replace('Then', 'then')}`;
    expect(anchoredText(edited, anchorTextQuote(edited, quote, position))).toBe('東京で会いましょう。 then 🇫🇷');
  });

  it('anchors right-to-left text', () => {
    const text = 'שלום עולם, זהו מאמר קצר בעברית עם משפט שני וגם שלישי.';
    const { quote } = describePassage(text, 'מאמר קצר בעברית');
    const edited = text.replace('שלום', 'שלום רב');
    expect(anchoredText(edited, anchorTextQuote(edited, quote))).toBe('מאמר קצר בעברית');
  });
});

describe('anchorTextQuote with a long quote', () => {
  it('anchors a multi-paragraph quote after edits inside it', () => {
    const paragraph = (n: number) =>
      `Paragraph ${n} discusses topic number ${n * 7} at some length, with examples, caveats and a conclusion. `;
    const text = Array.from({ length: 60 }, (_, i) => paragraph(i)).join('\n');
    const start = text.indexOf('Paragraph 10 ');
    const end = text.indexOf('Paragraph 40 ');
    const { quote, position } = describeTextRange(text, { start, end });
    const edited = `Preface.\n${text.replace('Paragraph 20 discusses', 'Paragraph 20 discusses in detail').replace('Paragraph 31', 'Para 31')}`;
    const range = anchorTextQuote(edited, quote, position);
    expect(range).toEqual({ start: edited.indexOf('Paragraph 10 '), end: edited.indexOf('Paragraph 40 ') });
  });
});
