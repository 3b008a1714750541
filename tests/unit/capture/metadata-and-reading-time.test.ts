import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../../electron/core/capture/extract-article';
import { readPageMetadata, toIsoDate } from '../../../electron/core/capture/page-metadata';
import { textStats } from '../../../electron/core/capture/reading-time';

const doc = (html: string) => (parseHTML(html) as unknown as { document: Document }).document;
const PARAGRAPH =
  'Residents gathered outside the town hall on a cold morning to hear what the council had decided about the new library, the bus routes and the budget. ';

describe('readPageMetadata', () => {
  it('prefers JSON-LD, then Open Graph and article meta', () => {
    const meta = readPageMetadata(
      doc(`<html lang="fr_FR"><head><title>Le titre | Site</title>
        <meta property="og:site_name" content="Le Site"><meta property="og:image" content="/img/cover.jpg">
        <meta name="description" content="Une description.">
        <script type="application/ld+json">{"@graph":[{"@type":"WebSite","name":"x"},{"@type":["NewsArticle"],"headline":"Le vrai titre","author":[{"@type":"Person","name":"Ana"},{"name":"Luc"}],"datePublished":"2024-03-05T08:00:00+01:00"}]}</script>
        <link rel="canonical" href="/article/42"></head><body></body></html>`),
      'https://site.test/a/42?utm_source=x',
    );
    expect(meta).toMatchObject({
      title: 'Le vrai titre',
      byline: 'Ana, Luc',
      siteName: 'Le Site',
      excerpt: 'Une description.',
      lang: 'fr-FR',
      dir: null,
      publishedTime: '2024-03-05T08:00:00.000+01:00',
      leadImageUrl: 'https://site.test/img/cover.jpg',
      canonicalUrl: 'https://site.test/article/42',
    });
  });

  it('falls back to article:published_time, then <time datetime>', () => {
    const withMeta = doc(
      '<head><meta property="article:published_time" content="2023-11-02"></head><body><time datetime="2020-01-01">x</time></body>',
    );
    expect(readPageMetadata(withMeta, 'https://s.test/').publishedTime).toBe('2023-11-02T00:00:00.000Z');
    const withTime = doc('<body><article><time datetime="2022-06-30T12:00:00Z">June 30</time></article></body>');
    expect(readPageMetadata(withTime, 'https://s.test/').publishedTime).toBe('2022-06-30T12:00:00.000Z');
    const broken = doc(
      '<head><script type="application/ld+json">{not json</script><meta name="author" content="By Jo Bloggs"></head>',
    );
    expect(readPageMetadata(broken, 'https://s.test/')).toMatchObject({ publishedTime: null, byline: 'Jo Bloggs' });
  });

  it('takes the byline from a rel=author or itemprop=author element when no metadata names one', () => {
    const page = doc('<body><header><a rel="author" href="/by/ana">Ana Writer</a></header><p>story</p></body>');
    expect(readPageMetadata(page, 'https://s.test/').byline).toBe('Ana Writer');
    const named = doc(
      '<head><meta name="author" content="Luc Editor"></head><body><span itemprop="author">Ana Writer</span></body>',
    );
    expect(readPageMetadata(named, 'https://s.test/').byline).toBe('Luc Editor');
  });

  it('takes the name an author-classed element shows, over an author that is the site itself', () => {
    const ld =
      '<script type="application/ld+json">{"@type":"BlogPosting","author":{"@type":"Organization","name":"Acme Media"}}</script>';
    const body = `<main><h1>Short videos</h1><div class="post-author"><div class="post-author-name">Acme Media</div>
      <div class="post-author-title">Video studio</div></div><div class="post-author"><div class="post-author-name">Liza Burke</div>
      <div class="post-author-title">Marketing Director</div></div><p>text</p></main>`;
    const page = doc(`<head><meta property="og:site_name" content="Acme Media">${ld}</head><body>${body}</body>`);
    expect(readPageMetadata(page, 'https://acme.test/blog/short-videos').byline).toBe('Liza Burke');
    const plain = doc('<body><h1>Yoga prices</h1><div class="text__author">Shauna Mitchell</div><p>text</p></body>');
    expect(readPageMetadata(plain, 'https://s.test/').byline).toBe('Shauna Mitchell');
    const role = doc('<body><h1>Yoga prices</h1><div class="author-position">Senior Editor</div><p>text</p></body>');
    expect(readPageMetadata(role, 'https://s.test/').byline).toBeNull();
    const pair = doc(
      '<body><h1>Screens</h1><p class="authors">Par <span class="author">Ann Roux</span> et <span class="author">Luc Piette</span></p></body>',
    );
    expect(readPageMetadata(pair, 'https://s.test/').byline).toBe('Ann Roux, Luc Piette');
    const dealer = doc('<body><h1>Camera X</h1><span class="authorized-dealer">Authorized Dealer</span></body>');
    expect(readPageMetadata(dealer, 'https://s.test/').byline).toBeNull();
  });

  it('reports only the direction the page declares, leaving the default to the reader', () => {
    expect(readPageMetadata(doc('<html lang="ar"><body></body></html>'), 'https://s.test/').dir).toBeNull();
    expect(readPageMetadata(doc('<html lang="ar" dir="RTL"><body></body></html>'), 'https://s.test/').dir).toBe('rtl');
    expect(readPageMetadata(doc('<html lang="he"><body dir="ltr"></body></html>'), 'https://s.test/').dir).toBe('ltr');
  });

  it("keeps a stated moment at the page's own offset, so its calendar day is the page's", () => {
    const late = doc(
      '<head><meta property="article:published_time" content="2025-06-25T20:57:54-0400"></head><body></body>',
    );
    expect(readPageMetadata(late, 'https://s.test/').publishedTime).toBe('2025-06-25T20:57:54.000-04:00');
    const early = doc(
      '<head><script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2025-12-19T01:00:00+05:30"}</script></head>',
    );
    expect(readPageMetadata(early, 'https://s.test/').publishedTime).toBe('2025-12-19T01:00:00.000+05:30');
    // No zone: the page's own clock, not the reader's.
    expect(toIsoDate('2024-05-27T23:30:00')).toBe('2024-05-27T23:30:00.000Z');
    expect(toIsoDate('Thu, 18 Dec 2025 21:30:00 -0500')).toBe('2025-12-18T21:30:00.000-05:00');
    expect(toIsoDate('2023-05-18T04:39:05+00:00')).toBe('2023-05-18T04:39:05.000Z');
  });

  it('rejects dates it cannot read', () => {
    expect(toIsoDate('yesterday afternoon')).toBeNull();
    expect(toIsoDate('')).toBeNull();
  });
});

describe('textStats', () => {
  it('counts words at about 230 per minute', () => {
    const text = Array.from({ length: 690 }, (_, i) => `word${i}`).join(' ');
    expect(textStats(text)).toEqual({ wordCount: 690, readingMinutes: 3 });
  });

  it('counts Chinese and Japanese by characters', () => {
    expect(textStats('イラクの首相は撤退を求めた').wordCount).toBe(13);
    expect(textStats('他说 hello world').wordCount).toBe(4);
  });

  it('gives at least a minute for any text and none for no text', () => {
    expect(textStats('Short note.').readingMinutes).toBe(1);
    expect(textStats('   ')).toEqual({ wordCount: 0, readingMinutes: 0 });
  });
});

describe('extractArticle', () => {
  it('returns a cleaned whole page when Readability finds no article', () => {
    const html = `<html><head><title>Opening hours</title></head><body>
      <header><nav><a href="/">Home</a> <a href="/shop">Shop menu link</a></nav></header>
      <main><h1>Opening hours</h1><div>Monday to Friday, 9 to 5.</div><div>Closed on <b>public holidays</b>.</div></main>
      <footer>Footer legal text</footer><script>track()</script></body></html>`;
    const article = extractArticle(html, 'https://shop.test/hours');
    expect(article.extraction).toBe('fallback');
    expect(article.title).toBe('Opening hours');
    expect(article.textContent).toContain('Monday to Friday, 9 to 5.');
    expect(article.textContent).toContain('public holidays');
    expect(article.textContent).not.toMatch(/Shop menu link|Footer legal text|track/);
  });

  it('fills metadata and reading time for a real article', () => {
    const body = Array.from({ length: 8 }, () => `<p>${PARAGRAPH.repeat(3)}</p>`).join('');
    const html = `<html lang="en"><head><title>Library saved | Town Post</title><meta property="og:site_name" content="Town Post">
      <meta property="article:published_time" content="2024-02-01T10:00:00Z"></head>
      <body><article><h1>Library saved</h1><p class="byline">By Sam Reporter</p>${body}</article></body></html>`;
    const article = extractArticle(html, 'https://town.test/news/library');
    expect(article).toMatchObject({
      extraction: 'readability',
      siteName: 'Town Post',
      lang: 'en',
      publishedTime: '2024-02-01T10:00:00.000Z',
    });
    // Readability keeps the suffix when four words or fewer would remain; the <h1> confirms the headline.
    expect(article.title).toBe('Library saved');
    expect(article.byline).toBe('Sam Reporter');
    expect(article.wordCount).toBe(textStats(article.textContent).wordCount);
    expect(article.wordCount).toBeGreaterThan(600);
    expect(article.readingMinutes).toBe(Math.round(article.wordCount / 230));
  });

  it('drops an en-dash site suffix from the <title>, and what follows the first separator of a declared title', () => {
    const body = Array.from({ length: 8 }, () => `<p>${PARAGRAPH.repeat(3)}</p>`).join('');
    const page = (head: string) => `<html><head>${head}</head><body><article>${body}</article></body></html>`;
    const fromTitle = extractArticle(
      page('<title>Council keeps the town library open – Town Post</title>'),
      'https://town.test/a',
    );
    expect(fromTitle.title).toBe('Council keeps the town library open');
    const declared = page(
      '<title>x</title><meta property="og:title" content="Council keeps the town library open – Town Post">',
    );
    // Readability keeps it whole; a reader names the story by its headline, the part before the separator.
    expect(extractArticle(declared, 'https://courier.test/a').title).toBe('Council keeps the town library open');
    expect(extractArticle(declared, 'https://townpost.test/a').title).toBe('Council keeps the town library open');
    const named = page(
      '<title>x</title><meta property="og:title" content="Town Post – Council keeps the library open">',
    );
    expect(extractArticle(named, 'https://courier.test/a').title).toBe('Town Post – Council keeps the library open');
  });

  it('still reads the title and excerpt of a short page that is not an article', () => {
    const html =
      '<html><head><title>Replace links</title></head><body><p>abc</p><p>Another short line of text.</p></body></html>';
    const article = extractArticle(html, 'https://s.test/short');
    expect(article).toMatchObject({ extraction: 'fallback', title: 'Replace links', excerpt: 'abc' });
  });

  describe('a byline line the page also declares', () => {
    const body = Array.from({ length: 6 }, () => `<p>${PARAGRAPH.repeat(3)}</p>`).join('');
    const page = (author: string, article: string) =>
      `<html><head><title>Library saved</title>${author ? `<meta name="author" content="${author}">` : ''}</head><body><article><h1>Library saved</h1>${article}</article></body></html>`;
    const paragraphsOf = (html: string) => extractArticle(html, 'https://town.test/a').textContent.split('\n\n');

    it('is shown once, in the header, not again as the first line', () => {
      const article = extractArticle(
        page('Sam Reporter', `<p class="byline">By <a href="/sam">Sam Reporter</a></p>${body}`),
        'https://town.test/a',
      );
      expect(article.byline).toBe('Sam Reporter');
      expect(article.textContent).not.toContain('Sam Reporter');
      expect(article.textContent).toContain(PARAGRAPH.trim());
      expect(article.excerpt).toMatch(/^Residents gathered/);
    });

    it('stays when it names someone else, when it is a name in a sentence, and in a bio at the end', () => {
      expect(paragraphsOf(page('Sam Reporter', `<p class="byline">By Alex Other</p>${body}`))[0]).toBe('By Alex Other');
      const inSentence = `<p>Posted by <a rel="author" href="/sam">Sam Reporter</a> after the council met on Monday night.</p>${body}`;
      expect(paragraphsOf(page('Sam Reporter', inSentence))[0]).toBe(
        'Posted by Sam Reporter after the council met on Monday night.',
      );
      const bio = `${body}<div itemprop="author"><p>Sam Reporter covers the town council.</p></div>`;
      expect(paragraphsOf(page('Sam Reporter', bio)).at(-1)).toBe('Sam Reporter covers the town council.');
    });
  });

  it('refuses a page with no text at all', () => {
    expect(() => extractArticle('<html><body><script>app()</script></body></html>', 'https://spa.test/')).toThrow(
      expect.objectContaining({ code: 'not-an-article' }),
    );
    expect(() => extractArticle('   ', 'https://spa.test/')).toThrow(expect.objectContaining({ code: 'empty' }));
  });
});
