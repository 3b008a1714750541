import { describe, expect, it } from 'vitest';
import { isCallToAction } from '../../../electron/core/capture/boilerplate';
import { isStoryAside } from '../../../electron/core/capture/story-asides';
import { extractFixture } from './extraction-fixtures';

describe("the site's lines and menus inside a story's block", () => {
  it('leaves out a tab bar of links, placeholders, button words, inbox pitches and screen-reader text, and keeps the story', () => {
    const { text, body } = extractFixture('article-menus-and-placeholders.html', 'https://orchard.test/2025/grafting');
    for (const kept of [
      'given a new variety without felling it',
      "the county's grafting guide shows",
      'bears the new apples',
    ])
      expect(text, kept).toContain(kept);
    for (const gone of [
      'Pruning',
      'Pests',
      'Loading',
      'opens in a new window',
      'Back to top',
      'directly in your inbox',
      'Keep exploring',
      'Donate',
    ])
      expect(text, gone).not.toContain(gone);
    expect(body.querySelectorAll('p').length).toBe(3);
    expect(body.querySelector('ul')).toBeNull();
  });

  it('reads button words through the icons around them, and only as a whole line', () => {
    for (const line of ['♥ DONATE TODAY! ♥', '↑ Back to top', 'Request a quote', 'Loading…', 'Keep exploring AirPods'])
      expect(isCallToAction(line), line).toBe(true);
    for (const line of [
      'Donate blood this week',
      'Loading the van took an hour',
      'Request a quote from three builders',
    ])
      expect(isCallToAction(line), line).toBe(false);
    expect(isStoryAside('Get the best of Orchard Letters, directly in your inbox')).toBe(true);
    expect(isStoryAside('The letters piled up in your inbox all winter.')).toBe(false);
  });
});
