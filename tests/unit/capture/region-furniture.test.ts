import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { removeArticleFurniture } from '../../../electron/core/capture/article-furniture';
import {
  furnitureNameWords,
  isCallToAction,
  isShopLine,
  isFurnitureHeading,
  isProductFurnitureHeading,
} from '../../../electron/core/capture/boilerplate';
import { extractArticle } from '../../../electron/core/capture/extract-article';
import {
  isPaymentLine,
  isProductBadge,
  isRatingLine,
  isShopControl,
} from '../../../electron/core/capture/shop-furniture';
import { authorBoxNameWords, isAuthorBox, isStoryAside } from '../../../electron/core/capture/story-asides';
import { bodyOf, readFixture } from './extraction-fixtures';

const extract = (name: string, url: string) => extractArticle(readFixture(name), url);
const count = (text: string, part: string) => text.split(part).length - 1;

describe('furniture inside the main region', () => {
  it('drops a consent dialog bigger than the thread, and keeps every post with its author', () => {
    const { textContent } = extract('forum-consent-dialog.html', 'https://tinker.test/t/fan-noise/881');
    expect(textContent).toContain('spin up to full speed');
    expect(textContent).toContain('load your saved profile again');
    expect(textContent).toContain('the fans are silent again');
    expect(count(textContent, 'quietpc')).toBe(2);
    expect(textContent).toContain('bytewright');
    expect(textContent).not.toContain('Privacy Preference Center');
    expect(textContent).not.toContain('traffic sources');
  });

  it('drops product reviews, "people also viewed", the shop\'s lines and the second copy of a repeated block', () => {
    const { textContent, content } = extract('product-reviews-and-repeats.html', 'https://kilnhouse.test/harbor-set');
    expect(textContent).toContain('glazed by hand');
    expect(textContent).toContain('Fits standard number two filters');
    expect(content).toMatch(/<li>Dishwasher safe<\/li>/);
    expect(count(textContent, 'Made in small batches')).toBe(1);
    expect(textContent).not.toContain('Free shipping on orders over $50');
    expect(textContent).not.toContain('Customer reviews');
    expect(textContent).not.toContain('brews a clean cup');
    expect(textContent).not.toContain('People also viewed');
    expect(textContent).not.toContain('Gooseneck Kettle');
  });

  it('drops a marketplace listing\'s "Explore related items" strip and its seller box, not the description', () => {
    const { textContent, content } = extract('product-marketplace-listing.html', 'https://quayside.test/i/2207');
    expect(textContent).toContain('solid brass case');
    expect(textContent).toContain('within two hectopascals');
    expect(content).toMatch(/<li>Wall bracket included<\/li>/);
    expect(textContent).not.toContain('Explore related items');
    expect(textContent).not.toContain('Tide clock');
    expect(textContent).not.toContain('About this seller');
    expect(textContent).not.toContain('99.2% positive');
    expect(textContent).not.toContain('Skip to main content');
  });

  it("reads no furniture into utility classes' bracketed values, and drops the shipping and returns terms", () => {
    const { textContent, content } = extract(
      'product-utility-classes-and-terms.html',
      'https://northcairn.test/lumen-7',
    );
    expect(textContent).toContain('throws 700 lumens');
    // Each written a second time inside itself, right after its text, for screen readers.
    expect(count(textContent, '$89.00')).toBe(1);
    expect(count(textContent, 'Anodised aluminium shell')).toBe(1);
    // Inside `top-[var(--nav-height)]` and `bg-[url(/img/ad-banner-trail.jpg)] top-[var(--menu-offset)]`.
    expect(textContent).toContain('Light that follows your pace');
    expect(textContent).toContain('shifts the beam from a long spot');
    expect(textContent).toContain('charges over USB-C in ninety minutes');
    expect(content).toMatch(/<th>Water resistance<\/th>/);
    expect(textContent).not.toContain('Shipping & Returns');
    expect(textContent).not.toContain('calculated at checkout');
    expect(textContent).not.toContain('only 3 left');
    expect(textContent).not.toContain('tracked courier');
    expect(textContent).not.toContain('full refund');
    expect(textContent).not.toContain('Northcairn Outfitters');
  });

  it("takes a newsletter line and a 'You might like' heading out of Readability's article", () => {
    const { textContent } = extract('article-furniture-lines.html', 'https://ledger.test/2025/city-trees');
    expect(textContent).toContain('urban heat island');
    expect(textContent).toContain('busiest streets');
    expect(textContent).not.toContain('Sign up for our newsletter');
    expect(textContent).not.toContain('You might like');
  });
});

describe('what a site says beside its story', () => {
  it('leaves out the disclosure, the photo credit, the author box and the prompts, not the story', () => {
    const { textContent, content } = extract('article-story-asides.html', 'https://crumb.test/2025/starter-on-holiday');
    expect(textContent).toContain('living culture of wild yeast');
    expect(textContent).toContain('Drying it for longer trips');
    expect(textContent).toContain('recover its strength');
    for (const aside of [
      'affiliate links',
      'Photo credit',
      'Pin this for later',
      'fifteen years',
      'What do you think?',
      'Be the first to comment',
      'delivered to your inbox',
      // Its heading, with nothing left under it.
      'Essentials for a happy starter',
    ])
      expect(textContent, aside).not.toContain(aside);
    expect(content).toContain('<img');
    expect(content).toContain('<h2');
  });

  it("knows an author's box by generic class words and a blurb, not a byline or a word that only starts so", () => {
    const [box, byline, authority] = [
      ...bodyOf(
        '<div class="post-author-bio"><p>Jane Doe writes about gardens for several magazines. She lives in Leeds with two cats.</p></div>' +
          '<div class="author">By Jane Doe</div>' +
          '<div class="authority-ranking"><p>Domain authority is a score from one to a hundred that predicts how well a site will rank.</p></div>',
      ).children,
    ];
    expect(authorBoxNameWords(box) && isAuthorBox(box)).toBe(true);
    expect(authorBoxNameWords(byline)).toBe(true);
    expect(isAuthorBox(byline)).toBe(false);
    expect(authorBoxNameWords(authority)).toBe(false);
  });

  it('knows these lines by their wording, and only as a short block of their own', () => {
    for (const line of [
      'Image credit: Getty Images',
      'Credit: Reviewed / Jane Doe',
      'About the Author',
      'Written by Jane Doe',
      'Follow us on Instagram for more recipes',
      'Add Example News as a preferred source on Google',
      'Related: How shade cools a street by ten degrees',
      "Let's connect",
      'Start a free trial',
      'Get a quote',
      'Disclosure: we may earn a commission when you buy through our links.',
    ])
      expect(isStoryAside(line), line).toBe(true);
    for (const line of [
      'The credit card companies raised their fees again this year.',
      'Written by hand, the letters took weeks to arrive.',
      'Related work in number theory goes back to Euler.',
      'Start a free trial of patience with your toddler and see what happens when you wait.',
      'Affiliate marketers earn a commission on each sale, which is why the model spread so fast among bloggers. '.repeat(
        4,
      ),
    ])
      expect(isStoryAside(line), line).toBe(false);
  });
});

describe('furniture headings', () => {
  it('recognises related-content headings in several languages, and only as the whole heading', () => {
    for (const heading of [
      'Related articles',
      'You may also like',
      'People also viewed',
      'Most read',
      'Das könnte Sie auch interessieren',
      'À lire aussi',
      'Artículos relacionados',
    ])
      expect(isFurnitureHeading(heading), heading).toBe(true);
    for (const heading of ['Related', 'Related work in number theory', 'Reading list', 'How we recommend a route'])
      expect(isFurnitureHeading(heading), heading).toBe(false);
    expect(isProductFurnitureHeading('Customer reviews')).toBe(true);
    expect(isProductFurnitureHeading('Reviews (12)')).toBe(true);
    expect(isProductFurnitureHeading('Review of the year')).toBe(false);
    expect(isFurnitureHeading('Explore related items')).toBe(true);
    expect(isFurnitureHeading('Related searches')).toBe(true);
    expect(isProductFurnitureHeading('About this seller')).toBe(true);
    expect(isProductFurnitureHeading('About this product')).toBe(false);
    expect(isProductFurnitureHeading('Complete the look')).toBe(true);
    expect(isProductFurnitureHeading('Pairs well with')).toBe(true);
    expect(isProductFurnitureHeading('Featured products')).toBe(true);
    expect(isProductFurnitureHeading('Customer testimonials')).toBe(true);
    expect(isProductFurnitureHeading('Featured in the press')).toBe(false);
    // A marketplace's showcase of the brand behind the product: who they are, their other lines.
    expect(isProductFurnitureHeading('From the brand')).toBe(true);
    expect(isProductFurnitureHeading('From the brand’s workshop to your door')).toBe(false);
    // Amazon-style strips and summaries, a store's news strip beside the product.
    expect(isProductFurnitureHeading('Customers also bought or read')).toBe(true);
    expect(isProductFurnitureHeading('Customers say')).toBe(true);
    expect(isProductFurnitureHeading("Seller's other items")).toBe(true);
    expect(isProductFurnitureHeading('Recent Events & Announcements')).toBe(true);
    expect(isProductFurnitureHeading('Recent events that shaped the design')).toBe(false);
    for (const heading of [
      'Shipping & Returns',
      'Delivery and returns',
      'Shipping information',
      'Returns & exchanges',
      'Return policy',
      'Versand & Rückgabe',
      'Livraison et retours',
      'Envíos y devoluciones',
    ])
      expect(isProductFurnitureHeading(heading), heading).toBe(true);
    // A marketplace writes its terms as a specification's rows, and a warranty is the product's own.
    for (const heading of ['Shipping:', 'Delivery', 'Returns:', 'Warranty & Returns', 'Shipping weight'])
      expect(isProductFurnitureHeading(heading), heading).toBe(false);
  });

  it("knows a shop's lines around a product, in several languages, and only as a short line of their own", () => {
    for (const text of [
      'Members get Free Shipping on orders over $49.',
      'Pay in 4 interest-free installments of $37.50',
      'Easy Returns',
      '30-day returns',
      'View full details',
      'Read full details',
      'Purchasing this product earns 176XP',
      'Also available at checkout:',
      'Add to wishlist',
      'Kostenloser Versand ab 50 €',
      'Livraison gratuite dès 49 €',
      'Envío gratis',
      'Gratis verzending',
      'Get notified by email when this product is in stock',
      'Same day shipping if ordered by 4PM Eastern.',
      'Tax included. Shipping calculated at checkout.',
      'Low in stock, only 2 left',
      "In 50+ people's carts",
      'Order today to get by Mar 17-27',
      'Returns & exchanges accepted',
      'Report this item',
      'Report an issue with this product or seller',
    ])
      expect(isShopLine(text), text).toBe(true);
    for (const text of [
      'In stock (165 units)',
      // The price a tax note qualifies stays with it.
      '€49.99 VAT included',
      'Report: how the lamp survived a winter on the ridge',
      'Thirty day returns, no questions asked',
      'Sensory Bass Headphones with Active Noise Canceling',
      'The case ships with a braided cable and a hard shell, and free shipping applies in most of the EU and the UK.',
    ])
      expect(isShopLine(text), text).toBe(false);
  });

  it('takes skip links for what they are, in several languages, and only as the whole text', () => {
    for (const text of ['Skip to main content', 'Skip to search results', 'Jump to navigation', 'Zum Inhalt springen'])
      expect(isCallToAction(text), text).toBe(true);
    expect(isCallToAction('Skip to the end: the river rose twice in one winter')).toBe(false);
  });

  it('removes a heading like "Related stories" and what follows it, not a section of the story', () => {
    const { document } = parseHTML(
      `<div><p>${'A long paragraph of the story itself. '.repeat(20)}</p><h2>Method</h2><p>How it was measured.</p>` +
        '<h3>Related stories</h3><ul><li><a href="/a">Another story</a></li></ul><p>Share this</p></div>',
    ) as unknown as { document: Document };
    const article = document.querySelector('div') as Element;
    removeArticleFurniture(article);
    expect(article.textContent).toContain('How it was measured.');
    expect(article.textContent).not.toContain('Related stories');
    expect(article.textContent).not.toContain('Another story');
    expect(article.textContent).not.toContain('Share this');
  });
});

describe('the profiles of shop pages', () => {
  it("drops a product page's grid of other products' cards and its screen-reader text, and opens its collapsed panels", () => {
    const { textContent, content } = extract(
      'product-cards-and-accordion.html',
      'https://ridgeline.test/p/fieldcraft-40',
    );
    expect(textContent).toContain('opens flat like a suitcase');
    expect(content).toMatch(/<li>Adjustable back length<\/li>/);
    // The specifications sit in an accordion panel the page shows on a click.
    expect(textContent).toContain('slides out when you fly');
    expect(content).toMatch(/<th>Volume<\/th>/);
    expect(textContent).not.toContain('Summit trekking poles');
    expect(textContent).not.toContain('Camp headlamp');
    expect(textContent).not.toContain('Choose a colour for');
    expect(textContent).not.toContain('In stock');
  });

  it('keeps every card of a collection that declares itself a product group', () => {
    const { textContent } = extract('collection-product-group.html', 'https://kettleleaf.test/p/teapots');
    for (const name of ['Tetsubin cast iron pot', 'Glass pot with infuser', 'Side-handle kyusu'])
      expect(textContent).toContain(name);
    expect(textContent).toContain('$55.00');
    expect(textContent).toContain('for one cup or a whole table');
    expect(textContent).not.toContain('Sort by');
    expect(textContent).not.toContain('Showing 1–5 of 5 results');
  });

  it('keeps the cards when a product page is mostly other products: a collection calling itself a product', () => {
    const html = readFixture('collection-product-group.html').replace('product.group', 'product');
    const { textContent } = extractArticle(html, 'https://kettleleaf.test/p/teapots');
    expect(textContent).toContain('Tetsubin cast iron pot');
    expect(textContent).toContain('Travel pot with two cups');
  });

  it('drops strips of other products that outweigh the product, its script fields and a consent prompt with its own <h1>', () => {
    const { textContent, content } = extract(
      'product-carousels-and-consent.html',
      'https://threadline.test/northfold-coach-jacket-black.html',
    );
    expect(content).toMatch(/<h1>.*Coach jacket - black.*<\/h1>/);
    expect(textContent).toContain('€89.95');
    expect(textContent).toContain('water-repellent nylon');
    expect(content).toMatch(/<dt>Outer fabric material:<\/dt><dd>100% nylon<\/dd>/);
    expect(textContent).toContain('Press studs');
    // A label written twice side by side (for the eye and for screen readers) shows once.
    expect(count(textContent, 'Designed in Oslo')).toBe(1);
    // The cards hold more than twice the product's text, yet its price beside its name says it is the product.
    for (const other of ['Waxed field jacket', 'Merino crew jumper', 'Packable rain shell', '€40.95'])
      expect(textContent).not.toContain(other);
    for (const heading of ['How about these?', 'Sponsored by our brands', 'Better together'])
      expect(textContent).not.toContain(heading);
    // Fields named like program identifiers, and terms whose value is a bare address.
    expect(textContent).not.toContain('cat_thumb');
    expect(textContent).not.toContain('coach_black_thumb.jpg');
    expect(textContent).not.toContain('product-high-res-img');
    expect(textContent).not.toContain('privacy settings');
    expect(textContent).not.toContain('cookies');
  });

  const KETTLE = 'product-buy-button-and-ld-description.html';
  const KETTLE_URL = 'https://harbourline.test/kettles/copper-whistle';
  const withoutJsonLd = (html: string) => html.replace(/<script type="application\/ld\+json">[\s\S]*?<\/script>/, '');

  it("adds a product's JSON-LD description, after its name, when the page fills it in by script", () => {
    const { textContent, content } = extract(KETTLE, KETTLE_URL);
    expect(content).toMatch(/<h1>Copper whistling kettle<\/h1><p>Hand-hammered from a single sheet of copper/);
    // The <br> between its sentences makes two paragraphs; its entities are decoded once.
    expect(content).toContain('<p>The brass whistle lifts off for filling &amp; cleaning');
    expect(textContent).toContain('$89.00');
    expect(textContent).not.toContain('Does it work on induction');
    // The shop's strip of other products, under its heading, and the badges and swatch labels.
    expect(textContent).not.toContain('Pairs well with');
    expect(textContent).not.toContain('oak trivet');
    expect(textContent).not.toMatch(/\bNew\b/);
    expect(textContent).not.toContain('Swatch');
    // A definition list's real terms stay; the fields a shop's scripts read, written out by mistake, go.
    expect(textContent).toContain('Hammered copper, tin lining');
    expect(textContent).not.toContain('retail_price_tier1');
    expect(textContent).not.toContain('1–9 items');
    expect(textContent).not.toContain('thumbs/copper.jpg');
  });

  it('does not add the JSON-LD description when the page already shows it', () => {
    const html = readFixture(KETTLE).replace(
      '<div class="drawer" data-drawer-src="/kettles/copper-whistle/description.json"></div>',
      '<div class="drawer"><p>Hand-hammered from a single sheet of copper, this kettle heats water quickly and evenly on gas, electric and induction hobs. The brass whistle lifts off for filling and cleaning.</p></div>',
    );
    const { textContent } = extractArticle(html, KETTLE_URL);
    expect(count(textContent, 'Hand-hammered')).toBe(1);
  });

  it("keeps a product's name and price when its description holds nearly all the text beside them", () => {
    const paragraph =
      'The body is hammered by hand from one sheet of copper, so every kettle carries its own pattern. ';
    const html = `<html><head><title>Copper kettle</title><meta property="og:type" content="product"></head><body>
      <header><a href="/">Harbourline</a></header>
      <main><div class="buy"><h1>Copper kettle</h1><p>$89.00</p></div>
      <div class="details">${`<p>${paragraph.repeat(3)}</p>`.repeat(5)}</div></main></body></html>`;
    const { textContent } = extractArticle(html, KETTLE_URL);
    expect(textContent).toContain('Copper kettle');
    expect(textContent).toContain('$89.00');
    expect(textContent).toContain('carries its own pattern');
    expect(textContent).not.toContain('Harbourline');
  });

  it('takes a page with one "Add to cart" button for a product, even with buyers\' answers marked up as posts', () => {
    const { textContent, extraction } = extractArticle(withoutJsonLd(readFixture(KETTLE)), KETTLE_URL);
    expect(extraction).toBe('region');
    expect(textContent).toContain('enough for eight cups of tea');
    expect(textContent).not.toContain('Hand-hammered');
    // As a thread, the answers would be its posts; on a product they are left out under their heading.
    expect(textContent).not.toContain('Does it work on induction');
  });
});

describe('the badges of product pages', () => {
  it('recognises them as whole short blocks only', () => {
    for (const text of [
      'New',
      'Best seller',
      'Deal!',
      'Swatch',
      'Slide 1 of 4',
      'Image not available for',
      'Image not available for Color:',
      'Neu',
      'Coming soon!',
      'Authorized dealer',
    ])
      expect(isProductBadge(text)).toBe(true);
    for (const text of ['New colours every spring', 'A great deal of care', 'Swatch book', 'Join the club and save'])
      expect(isProductBadge(text)).toBe(false);
  });
});

describe('the controls and calls of shop and service pages', () => {
  it('recognises them as whole short blocks only', () => {
    for (const text of [
      'Sort by',
      'Showing 24 of 291 results',
      'Out of stock',
      'Talk to an expert',
      "Let's connect",
      'Get a demo',
      'Loading...',
      '+3',
      '(12)',
    ])
      expect(isShopControl(text)).toBe(true);
    for (const text of [
      'Sort your photos by date before you print them',
      'In stock since 1998: our best seller',
      'Expert advice',
      '12',
      '40 litres',
    ])
      expect(isShopControl(text)).toBe(false);
  });
});

describe("a product's own details and the widgets around it", () => {
  const fixture = () => extract('product-details-popups-and-widgets.html', 'https://hollowmere.test/fenwick-bookcase');

  it('keeps the details written in popups named as such, and the editorial reviews', () => {
    const { textContent } = fixture();
    expect(textContent).toContain('tongue-and-groove oak');
    expect(textContent).toContain('Ines Carvalho');
    expect(textContent).toContain('Max load/shelf');
    expect(textContent).toContain('Editorial Reviews');
    expect(textContent).toContain('most honest piece of furniture');
    // A shop's badge word, here the publisher's.
    expect(textContent).toContain('bestseller');
    expect(textContent).not.toContain('Join the Hollowmere list');
  });

  it("shows the JSON-LD description's run-together bullets as a list", () => {
    const { content, textContent } = fixture();
    expect(textContent).toContain('shelves are housed in the sides');
    expect(content).toMatch(/<ul><li>Solid oak frame<\/li><li>Housed shelves<\/li><li>Oil finish<\/li>/);
    expect(textContent).not.toMatch(/frame- Housed/);
  });

  it('drops the rating, instalment and price-match lines, the script data and the summary of reviews', () => {
    const { textContent } = fixture();
    expect(textContent).toContain('$640.00');
    expect(textContent).not.toContain('out of 5 stars');
    expect(textContent).not.toContain('1,935 reviews');
    expect(textContent).not.toContain('4 payments of');
    expect(textContent).not.toContain('Found a better price');
    expect(textContent).not.toContain('displayPrice');
    expect(textContent).not.toContain('Customers say');
    expect(textContent).not.toContain('sturdy and easy to assemble');
  });

  it("drops a disclosure titled as the shop's terms, not one titled as the product's care", () => {
    const { textContent } = fixture();
    expect(textContent).toContain('linseed oil in the box');
    expect(textContent).not.toContain('Shipping & Returns');
    expect(textContent).not.toContain('White-glove delivery');
  });
});

describe("a product's rating and payment lines", () => {
  it('knows the rating widget and the ways to pay as a line of their own, not inside a sentence', () => {
    for (const text of [
      '4.5 out of 5 stars',
      '4.4 stars out of 1935 reviews',
      'Rated 4.4 out of 5 stars.',
      '4.6 out of 5 Stars. 1664 reviews',
      '(4.4)',
      '369 Reviews',
      '4.9 2,695 reviews',
      'Based on 4567 reviews',
      'No reviews yet',
      '★★★★★ READ REVIEWS',
      '12 Bewertungen',
      'AI-generated from customer reviews',
      'Generated by AI',
    ])
      expect(isRatingLine(text), text).toBe(true);
    for (const text of [
      'SGS Screen reliability: 5 stars',
      '93% positive ratings from 50K+ customers',
      '6.0',
      'Reviews',
    ])
      expect(isRatingLine(text), text).toBe(false);
    for (const text of [
      'or 4 payments of $48.75 with Klarna',
      'Found a better price?',
      'More ways to pay',
      'Price alert',
    ])
      expect(isPaymentLine(text), text).toBe(true);
    for (const text of ['$195.00 or 4 payments of $48.75 with', 'Pay attention to the grain when you oil it'])
      expect(isPaymentLine(text), text).toBe(false);
  });
});

describe('class names that name a state or a search result', () => {
  const named = (className: string) =>
    furnitureNameWords(bodyOf(`<div class="${className}">x</div>`).firstElementChild!, false);

  it('reads "search-result-item" as a result and "no-sidebar" or "hide-ads" as a state of the block', () => {
    for (const name of ['site-search', 'sidebar', 'newsletter-box', 'SearchPanel'])
      expect(named(name), name).toBe(true);
    for (const name of [
      'search-result-item',
      'SearchResultPanel',
      'results no-sidebar',
      'grid hide-read-more-ad',
      'hasSidebar',
    ])
      expect(named(name), name).toBe(false);
  });

  it("keeps a results page's results, whose class names say search, and leaves out the site's search box", () => {
    const result = (n: number) =>
      `<div class="search-result-item"><h3><a href="https://harbour.test/notices/${n}">Harbour notice ${n}: berth works</a></h3>` +
      `<p>Berth ${n} closes for repairs.</p><a href="https://harbour.test/topics/works">Works</a></div>`;
    const html =
      '<html><head><title>Search results | Harbour office</title></head><body>' +
      '<header><div class="site-search"><a href="https://harbour.test/search">Advanced search</a></div></header>' +
      `<main><h1>Results for “berth”</h1><div class="results no-sidebar">${Array.from({ length: 6 }, (_, n) => result(n + 1)).join('')}</div></main>` +
      '<footer><p>Harbour office</p></footer></body></html>';
    const article = extractArticle(html, 'https://harbour.test/find?q=berth');
    expect(article.extraction).toBe('region');
    for (let n = 1; n <= 6; n++) expect(article.textContent).toContain(`Harbour notice ${n}: berth works`);
    expect(article.textContent).not.toContain('Advanced search');
  });
});
