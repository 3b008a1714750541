import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { removeChoiceGroups } from '../../../electron/core/capture/choice-groups';
import { extractArticle } from '../../../electron/core/capture/extract-article';
import { expectKeptAndGone, readFixture } from './extraction-fixtures';

describe("a product's pickers and its sections a slider reveals", () => {
  const fixture = () =>
    extractArticle(
      readFixture('product-choice-groups-and-revealed-slider.html'),
      'https://lowmoor.test/products/tarnwick-throw',
    );

  it('drops the colour and size pickers with their captions, and keeps choices that say something', () => {
    const { textContent } = fixture();
    expectKeptAndGone(
      textContent,
      ['Tarnwick Wool Throw', '$148.00', 'Gift wrap', 'arrives folded in its cotton bag', 'tied with a wool ribbon'],
      ['Moss Green', 'Slate Blue', 'Heather', 'Sold out', 'Colour', 'Size', 'Lap throw', 'Bed runner'],
    );
  });

  it("keeps the prose a slider hides until its script runs, not a menu hidden the same way nor the shop's strip of offers", () => {
    const { textContent } = fixture();
    expectKeptAndGone(
      textContent,
      ['From fleece to fringe', 'scoured in soft water', 'wash it cold by hand'],
      ['Cushions and covers', 'Rugs woven on the old looms', 'WOOLWEEK'],
    );
  });

  it("keeps an accordion's title written as a button inside its heading, not a button over links or a bare one", () => {
    const { content, textContent } = fixture();
    expect(content).toMatch(/<h3>How is it woven\?<\/h3>/);
    expectKeptAndGone(textContent, ['herringbone draft'], ['Stockists', 'Share this throw']);
  });
});

describe('removeChoiceGroups', () => {
  const run = (body: string) => {
    const { document } = parseHTML(`<!doctype html><html><body>${body}</body></html>`);
    removeChoiceGroups([...document.querySelectorAll('input')], [...document.querySelectorAll('label')]);
    return document.body.innerHTML;
  };

  it('leaves a lone radio button and its label alone', () => {
    const html = '<p><input type="radio" id="a" name="agree"><label for="a">I agree</label></p>';
    expect(run(html)).toBe(html);
  });

  it('keeps the box around a group when it holds more than a caption or holds the headline', () => {
    const html =
      '<div><h1>Fell Cap</h1><input type="radio" id="a" name="c"><label for="a">Red</label><input type="radio" id="b" name="c"><label for="b">Blue</label></div>';
    expect(run(html)).toBe(
      '<div><h1>Fell Cap</h1><input type="radio" id="a" name="c"><input type="radio" id="b" name="c"></div>',
    );
  });
});
