import { describe, expect, it } from 'vitest';
import { isAccordionPanel } from '../../../electron/core/capture/collapsed-panel';
import { markControlledPanel } from '../../../electron/core/capture/controlled-panel';
import { countChoice, isFacetBlock } from '../../../electron/core/capture/facet-filters';
import { isShopControl } from '../../../electron/core/capture/shop-furniture';
import { stripInertMarkup } from '../../../electron/core/capture/strip-inert-markup';
import { bodyOf, expectKeptAndGone, extractFixture } from './extraction-fixtures';

const PAGE = 'https://ridgeline.test/c/trail-shoes';

describe('a collection with filters, badges and a buying guide', () => {
  it('keeps the cards and the guide hidden in an accordion; the filters, the badges and a hidden tab go', () => {
    const { article, text } = extractFixture('collection-filters-and-guide.html', PAGE);
    expect(article.extraction).toBe('region');
    expectKeptAndGone(
      text,
      [
        'Trail shoes',
        'Scree Runner trail shoe',
        'Sticky rubber and a rock plate',
        '$139.95',
        'Fell Lite trail shoe',
        '$159.95',
        'How to choose trail shoes',
        'Match the lugs to the ground you run on',
        'A rock plate under the forefoot',
      ],
      ['Cairn Works', 'Dunmore', 'Zero drop', 'Over 8 mm', 'Top Rated', 'Award Winner', 'last season', '$99.95'],
    );
  });
});

describe('blocks of tick boxes', () => {
  it('keeps a tick box and a radio button as such when the page is cleaned, and any other field as a bare one', () => {
    expect(stripInertMarkup('<input type="checkbox" name="a"><input type=radio><input type="text" name="q">')).toBe(
      '<input type="checkbox"><input type="radio"><input>',
    );
  });

  it('reads a block of three boxes with a few words each as filters, and a card with a box to compare as no filter', () => {
    const body = bodyOf(
      '<ul id="f"><li><input type="checkbox">Red</li><li><input type="checkbox">Green</li><li><input type="checkbox">Blue</li></ul>' +
        '<div id="c"><input type="checkbox">Compare <input type="checkbox">Compare <input type="checkbox">Compare</div>',
    );
    for (const input of body.getElementsByTagName('input')) countChoice(input);
    const filters = body.querySelector('#f')!;
    const cards = body.querySelector('#c')!;
    expect(isFacetBlock(filters, 'RedGreenBlue'.length)).toBe(true);
    expect(isFacetBlock(cards, 3 * 120)).toBe(false);
  });
});

describe("an accordion's panel without a role", () => {
  it('is a panel when a button before it names it and says whether it is open; a hidden block no button opens is not', () => {
    const body = bodyOf(
      '<div><h3><button aria-expanded="false" aria-controls="p1">Sizing</button></h3>' +
        '<div class="wrap"><div id="p1" aria-hidden="true"><p>Runs small.</p></div></div></div>' +
        '<div><h3><button aria-controls="p2">Menu</button></h3><div id="p2" aria-hidden="true"><a href="/">Home</a></div></div>' +
        '<div id="p3" aria-hidden="true"><p>Drawer.</p></div>',
    );
    const [p1, p2, p3] = ['#p1', '#p2', '#p3'].map((id) => body.querySelector(id)!);
    expect([p1, p2, p3].map((panel) => markControlledPanel(panel))).toEqual([true, false, false]);
    expect(isAccordionPanel(p1)).toBe(true);
    expect(isAccordionPanel(p3)).toBe(false);
  });
});

describe("a results bar's lines", () => {
  it('reads the sort order chosen and the word that the results came as controls, and a product named so as no control', () => {
    for (const line of ['Best Match', 'Most relevant', 'Price: low to high', 'loaded 338 results'])
      expect(isShopControl(line), line).toBe(true);
    expect(isShopControl('Best Match trail shoe, 2025 edition')).toBe(false);
  });
});

describe('a collection whose intro is written once per screen size', () => {
  it('keeps the intro once, and every card with its own list of colours', () => {
    const { text } = extractFixture('collection-intro-per-screen.html', 'https://fernhill.test/collections/blankets');
    const intro = 'Every blanket we sell is woven at the mill';
    expect(text.split(intro).length - 1).toBe(1);
    expect(text.split('Peat').length - 1).toBe(3);
    expectKeptAndGone(
      text,
      ['Moorland throw', 'Valley blanket', 'Picnic rug', '$240.00', 'Caring for wool', 'lay it flat'],
      [],
    );
  });
});

describe("a collection's card buttons", () => {
  it('drops each card\'s "View Details", "Add to Wishlist" and "Read full article", and keeps the cards', () => {
    const { text } = extractFixture('collection-card-buttons.html', 'https://northmoor.test/c/rain-jackets');
    expectKeptAndGone(
      text,
      ['Fellside shell', '$189.00', 'Summit pullover', 'How to layer for wet hills', 'the water beads again'],
      ['View Details', 'Add to Wishlist', 'Read full article'],
    );
  });
});
