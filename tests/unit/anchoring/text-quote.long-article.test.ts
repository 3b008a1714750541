import { describe, expect, it } from 'vitest';
import { anchorTextQuote } from '@shared/anchoring/text-quote';
import { editedQuoteCase } from '../../../scripts/anchoring/long-article';

// How fast this is, is measured by `npm run bench:anchor`, not here.
describe('anchorTextQuote on a 20,000-word article', () => {
  const { text, quote, position, edited, expected, absent } = editedQuoteCase();

  it('anchors a 100-character quote with edits and text added before it', () => {
    expect(anchorTextQuote(edited, quote, position)).toEqual(expected);
  });

  it('gives up on an absent quote', () => {
    expect(anchorTextQuote(text, absent, position)).toBeNull();
  });
});
