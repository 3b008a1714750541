import { describe, expect, it } from 'vitest';
import { isRatingControl, removeRatingControls } from '../../../electron/core/capture/rating-controls';
import { bodyOf, expectKeptAndGone, extractFixture } from './extraction-fixtures';

const stars = (n: number) =>
  Array.from({ length: n }, (_, i) => `<a class="star" href="#">${i + 1} of 5 stars</a>`).join('');

describe('rating controls', () => {
  it('reads a row of stars to click, with a few words beside it, as a control; a rating is a figure and stays', () => {
    expect(isRatingControl('1 of 5 stars2 of 5 stars3 of 5 stars4 of 5 stars5 of 5 stars')).toBe(true);
    expect(isRatingControl('Rate this book Clear rating 1 star 2 stars 3 stars 4 stars 5 stars')).toBe(true);
    expect(isRatingControl('4.3 out of 5 stars')).toBe(false);
    expect(isRatingControl('4.35 avg rating — 9,993 ratings 1 of 5 stars 2 of 5 stars 3 of 5 stars')).toBe(false);
    expect(isRatingControl('1 of 5 stars 2 of 5 stars')).toBe(false);
    expect(isRatingControl('1 de 5 estrellas 2 de 5 estrellas 3 de 5 estrellas')).toBe(true);
    expect(isRatingControl('1 von 5 Sternen 2 von 5 Sternen 3 von 5 Sternen')).toBe(true);
  });

  it('removes the control with its widget, and not the card around it', () => {
    const body = bodyOf(
      `<div class="card"><h3>The Salt Road</h3><p>4.35 avg rating — 9,993 ratings</p>` +
        `<div class="widget"><p>Rate this book</p><p>Clear rating</p><div>${stars(5)}</div></div></div>`,
    );
    removeRatingControls(body);
    expect(body.textContent).toBe('The Salt Road4.35 avg rating — 9,993 ratings');
  });

  it("leaves a listing's rating controls out of Readability's article and keeps each book's rating", () => {
    const { article, text } = extractFixture('listing-rating-controls.html', 'https://reading.test/lists/favourites');
    expect(article.extraction).toBe('readability');
    expectKeptAndGone(
      text,
      ['The Salt Road', '4.35 avg rating — 9,993 ratings', 'The Map Room', '4.02 avg rating'],
      ['of 5 stars', 'Rate this book', 'Clear rating', 'Error rating book'],
    );
  });
});
