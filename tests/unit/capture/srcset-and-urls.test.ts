import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../../electron/core/capture/extract-article';
import { prepareImages } from '../../../electron/core/capture/lazy-images';
import { documentBaseUrl, resolveDocumentUrls } from '../../../electron/core/capture/resolve-urls';
import { parseSrcset, pickSrcsetCandidate } from '../../../electron/core/capture/srcset';

const doc = (html: string) => (parseHTML(html) as unknown as { document: Document }).document;
const PARAGRAPH =
  'The committee met on Thursday to discuss the proposal in detail, and members spoke at length about what it would mean for residents. '.repeat(
    4,
  );

describe('srcset', () => {
  it('parses candidates whose URLs contain commas', () => {
    expect(parseSrcset('https://cdn.test/w_300,h_200/a.jpg 300w, https://cdn.test/w_600,h_400/a.jpg 600w')).toEqual([
      { url: 'https://cdn.test/w_300,h_200/a.jpg', descriptor: '300w' },
      { url: 'https://cdn.test/w_600,h_400/a.jpg', descriptor: '600w' },
    ]);
  });

  it('picks the largest candidate within the bound', () => {
    expect(pickSrcsetCandidate('a.jpg 320w, b.jpg 1280w, c.jpg 4000w')).toBe('b.jpg');
    expect(pickSrcsetCandidate('a.jpg, b.jpg 2x')).toBe('b.jpg');
    expect(pickSrcsetCandidate('')).toBeNull();
  });
});

describe('resolveDocumentUrls', () => {
  it('resolves href, src, srcset and poster against the page', () => {
    const d = doc(
      '<body><a href="../other">x</a><img src="img/a.png" srcset="img/a.png 1x, /img/a2.png 2x"><video poster="p.jpg"></video></body>',
    );
    resolveDocumentUrls(d, 'https://news.test/world/2024/story.html');
    expect(d.querySelector('a')!.getAttribute('href')).toBe('https://news.test/world/other');
    expect(d.querySelector('img')!.getAttribute('src')).toBe('https://news.test/world/2024/img/a.png');
    expect(d.querySelector('img')!.getAttribute('srcset')).toBe(
      'https://news.test/world/2024/img/a.png 1x, https://news.test/img/a2.png 2x',
    );
    expect(d.querySelector('video')!.getAttribute('poster')).toBe('https://news.test/world/2024/p.jpg');
  });

  it('honours <base href> and keeps in-page fragments', () => {
    const d = doc(
      '<head><base href="https://cdn.test/assets/"></head><body><img src="pic.png"><a href="#note-1">1</a><a href="https://news.test/story#top">top</a></body>',
    );
    resolveDocumentUrls(d, 'https://news.test/story');
    expect(d.querySelector('img')!.getAttribute('src')).toBe('https://cdn.test/assets/pic.png');
    const links = [...d.querySelectorAll('a')].map((a) => a.getAttribute('href'));
    expect(links).toEqual(['#note-1', '#top']);
  });

  it('takes the first <base> that has an href, and ignores one that is not http(s)', () => {
    const d = doc(
      '<head><base target="_blank"><base href="https://cdn.test/a/"><base href="https://other.test/"></head><body><img src="p.png"></body>',
    );
    expect(documentBaseUrl(d, 'https://news.test/story').href).toBe('https://cdn.test/a/');
    resolveDocumentUrls(d, 'https://news.test/story');
    expect(d.querySelector('img')!.getAttribute('src')).toBe('https://cdn.test/a/p.png');
    const data = doc('<head><base href="data:text/html,x"></head><body></body>');
    expect(documentBaseUrl(data, 'https://news.test/story').href).toBe('https://news.test/story');
  });

  it('drops an unparseable reference rather than keeping it relative', () => {
    const d = doc('<body><a href="http://[::bad">x</a></body>');
    resolveDocumentUrls(d, 'https://news.test/');
    expect(d.querySelector('a')!.hasAttribute('href')).toBe(false);
  });
});

describe('prepareImages', () => {
  it('promotes lazy sources, noscript fallbacks and <picture> sources, and drops tracking pixels', () => {
    const d = doc(`<body>
      <img id="lazy" src="data:image/gif;base64,R0lGOD" data-src="https://s.test/real.jpg">
      <img id="lazyset" src="https://s.test/placeholder.gif" data-srcset="https://s.test/s.jpg 400w, https://s.test/l.jpg 1200w">
      <span><img class="ph" src="https://s.test/blank.gif"></span><noscript><img id="ns" src="https://s.test/noscript.jpg"></noscript>
      <picture><source type="image/svg+xml" srcset="https://s.test/v.svg"><source srcset="https://s.test/p-small.webp 500w, https://s.test/p-big.webp 1000w"><img id="pic"></picture>
      <img id="pixel" src="https://s.test/p.gif" width="1" height="1">
      <img id="beacon" src="https://www.google-analytics.com/collect?v=1">
    </body>`);
    prepareImages(d);
    const src = (sel: string) => d.querySelector(sel)?.getAttribute('src');
    expect(src('#lazy')).toBe('https://s.test/real.jpg');
    expect(src('#lazyset')).toBe('https://s.test/l.jpg');
    expect(src('#ns')).toBe('https://s.test/noscript.jpg');
    expect(d.querySelector('.ph')).toBeNull();
    expect(src('#pic')).toBe('https://s.test/p-big.webp');
    expect(d.querySelector('picture, noscript, #pixel, #beacon')).toBeNull();
    expect(d.querySelector('[srcset]')).toBeNull();
  });
});

describe('extractArticle URLs', () => {
  it('returns only absolute URLs, honouring <base href>', () => {
    const html = `<html><head><title>Council story</title><base href="https://static.news.test/2024/"></head><body><article>
      <h1>Council story</h1>
      <p>${PARAGRAPH}<a href="related/budget.html">the budget</a></p>
      <figure><img src="photos/hall.jpg" alt="The hall"><figcaption>The town hall</figcaption></figure>
      <p>${PARAGRAPH}</p><p>${PARAGRAPH}</p></article></body></html>`;
    const article = extractArticle(html, 'https://news.test/local/council');
    expect(article.extraction).toBe('readability');
    expect(article.content).toContain('src="https://static.news.test/2024/photos/hall.jpg"');
    expect(article.content).toContain('href="https://static.news.test/2024/related/budget.html"');
    expect(article.content).not.toMatch(/(src|href)="(?!https?:|#)/);
  });
});
