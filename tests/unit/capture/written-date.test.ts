import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { readPageMetadata } from '../../../electron/core/capture/page-metadata';
import { writtenDate } from '../../../electron/core/capture/written-date';

const doc = (html: string) => (parseHTML(html) as unknown as { document: Document }).document;
const day = (iso: string) => `${iso}T00:00:00.000Z`;

describe('writtenDate', () => {
  it.each([
    ['Published on July 18, 2025', '2025-07-18'],
    ['Updated: December 09, 2025', '2025-12-09'],
    ['Post by galitsyn » 11. Sep 2024, 18:36', '2024-09-11'],
    ['on Friday December 19, 2025 @08:00PM', '2025-12-19'],
    ['[Submitted on 18 Dec 2025]', '2025-12-18'],
    ['Last updated 2025-02-22', '2025-02-22'],
  ])('reads %j', (text, iso) => {
    expect(writtenDate(text)).toBe(day(iso));
  });

  it.each(['03/04/2025', 'February 30, 2025', 'Chapter 12 of 2025', 'May the force be with you', ''])(
    'finds no day in %j',
    (text) => {
      expect(writtenDate(text)).toBeNull();
    },
  );
});

describe('the published date of a page without one in its metadata', () => {
  it('is the date shown under its headline', () => {
    const page = doc(
      '<body><nav><span class="date">January 1, 2020</span></nav><h1>Title</h1><div class="post-meta">By Ana · Published on July 18, 2025</div><p>Text</p></body>',
    );
    expect(readPageMetadata(page, 'https://s.test/').publishedTime).toBe(day('2025-07-18'));
  });

  it('is a line that only says a date, between the headline and the next heading, whatever its class', () => {
    const page = doc(
      '<body><h1>Kitchen sinks in the cloud</h1><div class="text-200 bold">October 3, 2024</div><p>Text</p>' +
        '<h2>More</h2><div class="text-200">March 1, 2019</div></body>',
    );
    expect(readPageMetadata(page, 'https://s.test/').publishedTime).toBe(day('2024-10-03'));
  });

  it('is no date a card shows under the next heading, nor a date inside a sentence', () => {
    const listing = doc('<body><h1>Latest posts</h1><h2>First post</h2><span class="x">March 6, 2026</span></body>');
    expect(readPageMetadata(listing, 'https://s.test/').publishedTime).toBeNull();
    const sentence = doc(
      '<body><h1>Launch</h1><p>We will open the doors to everyone on July 18, 2025 at noon.</p></body>',
    );
    expect(readPageMetadata(sentence, 'https://s.test/').publishedTime).toBeNull();
  });

  it('is not a review’s or a comment’s date', () => {
    const page = doc(
      '<body><h1>Headphones</h1><ol class="reviews"><li><time datetime="2020-05-27T11:34:29+02:00">May 27, 2020</time></li></ol></body>',
    );
    expect(readPageMetadata(page, 'https://s.test/').publishedTime).toBeNull();
  });

  it('comes from JSON-LD on the page it describes, and from the last change only for a story', () => {
    const webPage = { '@graph': [{ '@type': 'WebPage', datePublished: '2025-02-14T18:47:52+00:00' }] };
    const withLd = doc(
      `<head><script type="application/ld+json">${JSON.stringify(webPage)}</script></head><body></body>`,
    );
    expect(readPageMetadata(withLd, 'https://s.test/').publishedTime).toBe('2025-02-14T18:47:52.000Z');
    const modified = '<meta property="article:modified_time" content="2025-04-19T23:02:46+00:00">';
    const story = doc(`<head><meta property="og:type" content="article">${modified}</head><body></body>`);
    expect(readPageMetadata(story, 'https://s.test/').publishedTime).toBe('2025-04-19T23:02:46.000Z');
    const servicePage = doc(`<head><meta property="og:type" content="website">${modified}</head><body></body>`);
    expect(readPageMetadata(servicePage, 'https://s.test/').publishedTime).toBeNull();
  });

  it('is not a product’s release day from its JSON-LD', () => {
    const book = { '@type': 'Book', name: 'A Novel', author: { name: 'Some Writer' }, datePublished: '2016-09-06' };
    const page = doc(`<head><script type="application/ld+json">${JSON.stringify(book)}</script></head><body></body>`);
    expect(readPageMetadata(page, 'https://s.test/')).toMatchObject({ publishedTime: null, byline: null });
  });
});

describe('the author a page links to', () => {
  it('is the name on a link to the author’s own page, its address spelling that name', () => {
    const page = doc(
      '<body><header><a href="/authors/kim-park">Kim Park</a></header><h1>Title</h1><a href="/team/">Meet the team</a><a href="/authors/trevor-jackins">Trevor Jackins</a><p>Text</p></body>',
    );
    expect(readPageMetadata(page, 'https://s.test/').byline).toBe('Trevor Jackins');
  });

  it('is no one when the link says something else than the name its address spells', () => {
    const page = doc('<body><h1>Title</h1><a href="/blog/authors/jo-carreiro">Articles by Jo</a><p>Text</p></body>');
    expect(readPageMetadata(page, 'https://s.test/').byline).toBeNull();
  });
});

describe('the author a label names', () => {
  it('is the name after "By" in the same line, or in the element after a label that stands alone', () => {
    const inline = doc('<body><h1>Title</h1><div class="meta">Sep 1, 2023 <span>By Emily Norwood</span></div></body>');
    expect(readPageMetadata(inline, 'https://s.test/').byline).toBe('Emily Norwood');
    const apart = doc('<body><h1>Title</h1><div><p>Written by</p><p>Edzel Tabing</p></div><p>Text</p></body>');
    expect(readPageMetadata(apart, 'https://s.test/').byline).toBe('Edzel Tabing');
  });

  it('is no one before the headline, nor a photo credit, a sentence, a shop menu, a commenter or a "powered by" line', () => {
    const page = doc(
      '<body><header><p>By Site Owner</p></header><h1>Title</h1><p>Photo by Sam Lens</p><p>By batching, we can serve more with fewer machines.</p><h2>Explore <span>By Category</span></h2><div class="menu"><span>By Collection</span><span>By Price</span></div><p>It works <em>by default</em>.</p><div class="comments"><p>by Jo Reader</p></div><footer><p>Powered by Blogware</p></footer></body>',
    );
    expect(readPageMetadata(page, 'https://s.test/').byline).toBeNull();
  });
});
