import { describe, expect, it } from 'vitest';
import { removeArticleFurniture } from '../../../electron/core/capture/article-furniture';
import { isCallToAction, isFurnitureHeading } from '../../../electron/core/capture/boilerplate';
import { isStoryAside } from '../../../electron/core/capture/story-asides';
import { bodyOf, expectKeptAndGone, extractFixture } from './extraction-fixtures';

describe("the site's lines and menus inside a story's block", () => {
  it('leaves out a menu of links, placeholders, button words and inbox pitches, and keeps the story', () => {
    const { text, body } = extractFixture('article-menus-and-placeholders.html', 'https://orchard.test/2025/grafting');
    expectKeptAndGone(
      text,
      ['given a new variety without felling it', "the county's grafting guide shows", 'bears the new apples'],
      ['Pruning', 'Pests', 'Loading', 'Back to top', 'directly in your inbox', 'Keep exploring', 'Donate'],
    );
    expect(body.querySelectorAll('p').length).toBe(3);
    expect(body.querySelector('ul')).toBeNull();
  });

  it('reads button words through the icons around them, and only as a whole line', () => {
    for (const line of [
      '♥ DONATE TODAY! ♥',
      '↑ Back to top',
      'Request a quote',
      'Loading…',
      'Keep exploring AirPods',
      'Type to search products',
      'Open table of contents panel.',
      'Click here to Log-in',
      'See all reviews',
      'You must log in or register to comment.',
      'You must or # to comment.',
      'You need to be logged in to post a comment',
    ])
      expect(isCallToAction(line), line).toBe(true);
    for (const line of [
      'Donate blood this week',
      'Loading the van took an hour',
      'Request a quote from three builders',
      'Type to search for the oldest tree in the county',
      'See all reviews of the book in the back pages',
      'You must learn to comment on the grafts you make, and why',
    ])
      expect(isCallToAction(line), line).toBe(false);
    expect(isStoryAside('Get the best of Orchard Letters, directly in your inbox')).toBe(true);
    expect(isStoryAside('The letters piled up in your inbox all winter.')).toBe(false);
    expect(isFurnitureHeading('What’s trending')).toBe(true);
    expect(isFurnitureHeading('What’s trending in orchards this spring and why')).toBe(false);
  });

  it('leaves out a jump within the page at the head of a paragraph, and keeps the paragraph and links to other pages', () => {
    const body = bodyOf(
      '<div><p><a href="#the-list">Jump to the list ⤵</a> Moving across the hills takes planning, and the list below ranks the movers who do it best.</p>' +
        '<p>Ask each one for <a href="/guide#quotes">a written quote</a> before the day.</p></div>',
    );
    removeArticleFurniture(body, true, true);
    expect(body.textContent).not.toContain('Jump to the list');
    expect(body.textContent).toContain('Moving across the hills takes planning');
    expect(body.textContent).toContain('a written quote');
    expect(isStoryAside('Join the Facebook group – https://example.test/groups/renovations')).toBe(true);
    expect(isStoryAside('We met in the Facebook group our neighbours started in 2019.')).toBe(false);
  });

  it('leaves out screen-reader text where asked (listings, collections), and a tab bar nowhere', () => {
    const html =
      '<div><p>A card about <a href="/joinery">joinery<span class="visually-hidden"> (opens in a new window)</span></a> for beginners, three evenings at the bench.</p>' +
      '<ul role="tablist"><li><a href="#themes" role="tab">Themes</a></li><li><a href="#add-ons" role="tab">Add-ons</a></li></ul></div>';
    const listing = bodyOf(html);
    removeArticleFurniture(listing, true, false, true);
    expect(listing.textContent).not.toContain('opens in a new window');
    expect(listing.textContent).toContain('joinery for beginners');
    expect(listing.textContent).toContain('Add-ons');
    const story = bodyOf(html);
    removeArticleFurniture(story, true, false, false);
    expect(story.textContent).toContain('opens in a new window');
  });
});
