import { describe, expect, it } from 'vitest';
import { isCallToAction, isFurniturePhrase } from '../../../electron/core/capture/boilerplate';
import { isStoryAside } from '../../../electron/core/capture/story-asides';
import { expectKeptAndGone, extractFixture } from './extraction-fixtures';

describe("a picture's credit line, a sponsor's label, and button words a template indents", () => {
  it('leaves out captions that only credit the picture, and keeps the pictures and the captions that describe them', () => {
    const { text, body } = extractFixture('article-picture-credits.html', 'https://fen.test/2025/winter');
    expectKeptAndGone(
      text,
      [
        'The fen is at its best in the dead of winter',
        'We bought two prints of them from Getty Images for the village hall exhibition.',
        'The reed beds in October, after the first frosts.',
        'the café by the car park shuts at four in winter',
      ],
      ['Image credit', 'Fen Weekly', 'Jo Bell', 'quartering the reeds', 'Shutterstock'],
    );
    expect(body.querySelectorAll('img').length).toBe(4);
  });

  it('reads a credit in brackets, after a caption or under a label, and not an agency named in a sentence', () => {
    for (const line of [
      '(Image credit: Fen Weekly)',
      '[Photo courtesy of the author]',
      'Carl Court via Getty Images',
      'Getty Images / Holger Leue',
      '©Thinkstock',
      'Photo: Shutterstock',
      'Illustration: Jo Bell',
    ])
      expect(isStoryAside(line), line).toBe(true);
    for (const line of [
      'I bought the stock photo from Shutterstock',
      'The image: a fen in winter, and what it tells us about water',
      '(see below)',
    ])
      expect(isStoryAside(line), line).toBe(false);
  });

  it("reads a sponsor's label and an advertisement's heading as the site's, not a sentence about advertising", () => {
    for (const line of [
      'Sponsored',
      'Sponsored Content',
      'Advertisement: New AI Book!',
      'Anzeige: Ein Buch für den Winter',
    ])
      expect(isStoryAside(line), line).toBe(true);
    for (const line of [
      'Advertisement is what pays for this newsletter: thank you',
      'Sponsored walks leave from the car park',
    ])
      expect(isStoryAside(line), line).toBe(false);
  });

  it('measures a line of button words without the white space around it', () => {
    const indented = `\n                                        Loading...                                    \n`;
    expect(indented.length).toBeGreaterThan(40);
    expect(isCallToAction(indented)).toBe(true);
    expect(isCallToAction(`\n        Loading the van took an hour        \n`)).toBe(false);
    expect(isFurniturePhrase(`\n${' '.repeat(120)}Share this article\n${' '.repeat(40)}`)).toBe(true);
  });
});
