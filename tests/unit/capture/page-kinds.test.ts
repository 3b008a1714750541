import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../../electron/core/capture/extract-article';
import { classifyPage } from '../../../electron/core/capture/page-type';
import { readPageMetadata } from '../../../electron/core/capture/page-metadata';
import { extractFixture, readFixture } from './extraction-fixtures';

const read = readFixture;
const extract = extractFixture;

function kindOf(name: string, url: string) {
  const { document } = parseHTML(read(name)) as unknown as { document: Document };
  return classifyPage(document, url, readPageMetadata(document, url));
}

describe('page kinds', () => {
  it('tells the kinds apart from schema.org types, address words and markup', () => {
    expect(kindOf('forum-thread.html', 'https://bakers.test/t/sourdough-acetone/4411')).toBe('forum');
    expect(kindOf('documentation.html', 'https://streamkit.test/docs/2.4/files.html')).toBe('documentation');
    expect(kindOf('product.html', 'https://northfold.test/trailhead-40')).toBe('product');
    expect(kindOf('article-with-comments.html', 'https://courier.test/2025/01/river-floods')).toBe('article');
    // og:type product.group is a group of products, whatever the address says.
    expect(kindOf('collection-product-group.html', 'https://kettleleaf.test/p/teapots')).toBe('collection');
    expect(kindOf('product-cards-and-accordion.html', 'https://ridgeline.test/p/fieldcraft-40')).toBe('product');
  });

  it('takes a page with one or two buy buttons for a product, and one with a button a card for no product', () => {
    const kettle = read('product-buy-button-and-ld-description.html').replace(
      /<script type="application\/ld\+json">[\s\S]*?<\/script>/,
      '',
    );
    const kindOfHtml = (html: string) => {
      const { document } = parseHTML(html) as unknown as { document: Document };
      const url = 'https://harbourline.test/kettles/copper-whistle';
      return classifyPage(document, url, readPageMetadata(document, url));
    };
    expect(kindOfHtml(kettle)).toBe('product');
    // Without its button, the buyers' answers (schema.org Answer) make it look like a thread.
    expect(kindOfHtml(kettle.replace('>Add to cart<', '>Save<'))).toBe('forum');
    const button = '<button type="submit" name="add">Add to cart</button>';
    const grid = kettle.replace(button, button.repeat(3)).replace(/itemtype="https:\/\/schema.org\/Answer"/g, '');
    expect(kindOfHtml(grid)).not.toBe('product');
  });

  it("takes the schema.org Product that holds the headline for the page's, and a ProductGroup beside a list for a product", () => {
    const kindOfHtml = (html: string) => {
      const { document } = parseHTML(html) as unknown as { document: Document };
      const url = 'https://harbourline.test/kettles/copper-whistle';
      return classifyPage(document, url, readPageMetadata(document, url));
    };
    const item = (name: string, headline = false) =>
      `<div itemscope itemtype="https://schema.org/Product">${headline ? `<h1>${name}</h1>` : `<h3>${name}</h3>`}<p>$20</p></div>`;
    const page = (body: string, head = '') => `<html><head>${head}</head><body><main>${body}</main></body></html>`;
    expect(kindOfHtml(page(item('Kettle', true) + item('Trivet') + item('Tea')))).toBe('product');
    expect(kindOfHtml(page(item('Kettle') + item('Trivet') + item('Tea')))).not.toBe('product');
    const ld = (types: string[]) =>
      types.map((t) => `<script type="application/ld+json">{"@type":"${t}","name":"x"}</script>`).join('');
    expect(kindOfHtml(page('<h1>Kettle</h1>', ld(['ItemList', 'ProductGroup'])))).toBe('product');
    expect(kindOfHtml(page('<h1>Kettles</h1>', ld(['ItemList'])))).toBe('collection');
  });

  it('takes a page whose markup holds one schema.org DiscussionForumPosting for a thread, at an address with no forum word', () => {
    const kindOfHtml = (html: string) => {
      const { document } = parseHTML(html) as unknown as { document: Document };
      const url = 'https://aquarists.test/groups/fishkeeping/what-to-look-for-t17351.html';
      return classifyPage(document, url, readPageMetadata(document, url));
    };
    const thread = (itemtype: string) =>
      `<html><head><meta property="og:type" content="website"></head><body><main><div itemscope itemtype="https://schema.org/${itemtype}"><h1>What to look for</h1><p>Check the tanks first.</p><p>Ask when the stock came in.</p></div></main></body></html>`;
    expect(kindOfHtml(thread('DiscussionForumPosting'))).toBe('forum');
    expect(kindOfHtml(thread('CreativeWork'))).toBe('article');
  });

  it('keeps every post of a forum thread with its author, and drops the action bars', () => {
    const { text, body } = extract('forum-thread.html', 'https://bakers.test/t/sourdough-acetone/4411');
    expect(text).toContain('smelled strongly of nail polish remover');
    expect(text).toContain('The acetone smell means the yeast is hungry');
    expect(text).toContain('the smell has gone');
    expect(text).toContain('levainlover');
    expect(text).not.toContain('Suggested topics');
    expect(text).not.toMatch(/\bLike\b/);
    // Posts stay separate blocks, in order.
    const posts = [...body.querySelectorAll('p')].map((p) => p.textContent ?? '');
    expect(posts.findIndex((p) => p.includes('nail polish'))).toBeLessThan(
      posts.findIndex((p) => p.includes('yeast is hungry')),
    );
  });

  it('keeps documentation code blocks, headings and tables, not the sidebar or on-page contents', () => {
    const { article, text, body } = extract('documentation.html', 'https://streamkit.test/docs/2.4/files.html');
    expect(body.querySelector('pre code')?.textContent).toContain('for line in stream.lines():');
    expect([...body.querySelectorAll('h2')].map((h) => h.textContent)).toEqual(['Opening a stream', 'Handling errors']);
    expect(body.querySelector('table')?.textContent).toContain('What happens to bytes that do not decode');
    expect(text).not.toContain('Changelog');
    expect(text).not.toContain('On this page');
    expect(text).not.toContain('Previous');
    expect(article.title).toBe('Reading files line by line');
  });

  it('keeps a product description and specifications, not cookies, recommendations or newsletters', () => {
    const { article, text, body } = extract('product.html', 'https://northfold.test/trailhead-40');
    expect(text).toContain('The back panel stands off your spine');
    expect(text).toContain('recycled ripstop nylon');
    expect(body.querySelector('table')?.textContent).toContain('Rain cover');
    expect(text).not.toContain('We use cookies');
    expect(text).not.toContain('Ridge 55 L');
    expect(text).not.toContain('newsletter');
    expect(article.title).toBe('Trailhead 40 L Hiking Backpack');
  });

  it('keeps all the repeated cards of a listing, not its pagination', () => {
    const { text } = extract('listing.html', 'https://riverside.test/courses/evening');
    for (const course of [
      'Pottery for beginners',
      'Conversational Spanish',
      'Digital photography',
      'Bookkeeping basics',
      'Woodwork',
    ])
      expect(text).toContain(course);
    expect(text).toContain('make a small table with hand tools'.replace('make', 'Make'));
    expect(text).not.toContain('Subscribe to hear');
    expect(text).not.toMatch(/\bNext\b/);
  });

  it('keeps every story of a section front, not only the lead story with the most prose', () => {
    // Eight long paragraphs made it look like one story, but Readability's block (the lead) holds three of them.
    const { text, body } = extract('listing-with-excerpts.html', 'https://lakeside.test/science');
    expect(text).toContain('the comet crossed the orbit of Mars');
    for (const story of [
      'learn a new dance',
      'froze later this winter',
      'glows in the dark',
      'sand battery',
      'Barn owls',
    ])
      expect(text).toContain(story);
    expect([...body.querySelectorAll('h3')]).toHaveLength(5);
    expect(text).not.toContain('Older stories');
    expect(text).not.toContain('Harbour Street');
  });

  it('keeps every product of a collection grid', () => {
    const { text } = extract('collection.html', 'https://kilnandleaf.test/collections/teapots');
    for (const name of ['Ash glaze teapot', 'Celadon teapot', 'Tenmoku side-handle teapot', 'Shino glaze teapot'])
      expect(text).toContain(name);
    expect(text).not.toContain('Sign up for our newsletter');
  });

  it('keeps every section of a service page, not its share bar', () => {
    const { text, article } = extract('service.html', 'https://brightway.test/office-moves');
    expect(text).toContain('A move manager visits');
    expect(text).toContain('Technicians disconnect');
    expect(text).toContain('nobody lost a single file');
    expect(text).toContain('Six to eight weeks');
    expect(text).not.toContain('Share on social');
    expect(text).not.toContain('Get a quote');
    expect(article.title).toBe('Office Moves');
  });

  it('reads a story as before: comments and related stories stay out', () => {
    const { text, article } = extract('article-with-comments.html', 'https://courier.test/2025/01/river-floods');
    expect(text).toContain('Engineers say three things came together');
    expect(text).toContain('The council says it will decide next month');
    expect(text).not.toContain('Clear the culvert now');
    expect(text).not.toContain('Council budget approved');
    expect(article.title).toBe('Why the river flooded twice in one winter');
    expect(article.byline).toBe('Ruth Okafor');
  });
});

describe('a page served inside <noscript>', () => {
  it('is read from its <noscript> when the rest of the body is empty', () => {
    const posts = Array.from(
      { length: 4 },
      (_, i) =>
        `<div class="post"><p>Reply number ${i + 1} explains how the thermostat was finally fixed by replacing the relay on the control board.</p></div>`,
    ).join('');
    const html = `<html><head><title>Thermostat keeps clicking</title></head><body><div id="app"></div>
      <noscript><main><h1>Thermostat keeps clicking</h1>${posts}</main></noscript></body></html>`;
    const article = extractArticle(html, 'https://diy.test/t/thermostat-clicking/77');
    expect(article.textContent).toContain('Reply number 1 explains');
    expect(article.textContent).toContain('Reply number 4 explains');
  });
});
