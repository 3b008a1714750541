/** A small library that tries every writer: Unicode and right-to-left titles, tags with spaces, images, tables, code, hostile titles. */
import type { ArticleMeta, Highlight } from '@shared/model';
import type { ExportArticle, ExportLibrary } from '../../../electron/core/export/export-model';
import { makePng } from '../../support/images';
import { sampleMeta } from '../library/sample-meta';

export const PNG = new Uint8Array(makePng(3, 2, [200, 30, 30]));
/** RIFF/WEBP header: a format EPUB 3.2 readers need not show. */
export const WEBP = new Uint8Array(
  Buffer.from('RIFF\x1a\x00\x00\x00WEBPVP8 \x0e\x00\x00\x00\x00\x00\x00\x00', 'latin1'),
);
export const PNG_NAME = `${'a'.repeat(64)}.png`;
export const WEBP_NAME = `${'b'.repeat(64)}.webp`;

export const HOSTILE_TITLE = `"Quoted" 'title', with commas
--- and <script>alert("x")</script> & a # hash | pipe: [link](x) =1+1`;

export function article(over: Partial<ArticleMeta> & Pick<ArticleMeta, 'id' | 'title'>): ArticleMeta {
  return sampleMeta(over.id, {
    originalUrl: `https://example.com/${over.id}?utm_source=x`,
    wordCount: 120,
    readingMinutes: 1,
    savedAt: '2024-03-05T09:12:44.123Z',
    updatedAt: '2024-03-06T10:00:00.000Z',
    ...over,
  });
}

export function highlight(articleId: string, n: number, exact: string, over: Partial<Highlight> = {}): Highlight {
  return {
    id: `${articleId}-h${n}`,
    articleId,
    quote: { type: 'TextQuoteSelector', exact, prefix: 'before ', suffix: ' after' },
    position: { type: 'TextPositionSelector', start: 10 * n, end: 10 * n + exact.length },
    color: 'yellow',
    note: '',
    createdAt: `2024-03-0${n}T08:00:00.000Z`,
    updatedAt: `2024-03-0${n}T08:00:00.000Z`,
    ...over,
  };
}

const asset = (id: string, name: string) => `offprint-asset://${id}/${name}`;

const UNICODE_BODY = `<h2 id="op-intro">Einführung — 日本語</h2>
<p>Café naïve “quotes” &amp; emoji 🧵 <a href="#op-table">see the table</a>, <a href="https://example.org/a?b=1&amp;c=2" rel="noopener noreferrer">a link</a>.</p>
<figure><img src="${asset('uni00000001', PNG_NAME)}" alt="A red block" width="3" height="2"><figcaption>A <em>red</em> block</figcaption></figure>
<p>A picture the e-reader cannot show: <img src="${asset('uni00000001', WEBP_NAME)}" alt="webp diagram"></p>
<table id="op-table"><caption>Prices</caption><thead><tr><th>Item</th><th>Price | €</th></tr></thead>
<tbody><tr><td>Brot</td><td>2,50</td></tr><tr><td>Käse</td><td>7,00</td></tr></tbody></table>
<pre><code>const x = a &lt; b &amp;&amp; c &gt; d;
console.log("&lt;script&gt;");</code></pre>
<p>Inline <code>npm test</code>, H<sub>2</sub>O, x<sup>2</sup>, <del>old</del> <mark>marked</mark>.</p>
<ul><li>one</li><li>two<ul><li>nested</li></ul></li></ul>`;

const RTL_BODY = `<p dir="rtl">مرحبا بالعالم. هذا نص عربي قصير.</p><p>שלום עולם, טקסט בעברית.</p>`;

/** Markup a browser tolerates and XHTML does not: blocks in paragraphs, stray list items, dangling links. */
const HOSTILE_BODY = `<p>Text &lt;script&gt;alert(1)&lt;/script&gt; stays text; an ampersand &amp; and a non-breaking&nbsp;space.</p>
<p>A paragraph <div>with a block inside</div> and after.</p>
<span>inline <p>holding a paragraph</p> end</span>
<ul>text in a list<li>item</li><p>paragraph in a list</p></ul>
<li>an orphan item</li>
<a name="op-anchor">named anchor</a> <a href="#op-nowhere">dangling</a> <a href="#op-anchor">to the anchor</a>
<a href="https://example.com/a b">a URL with a space</a>
<ol type="x" start="3" reversed><li value="7">seven</li></ol>
<table><tr><td colspan="2">bare row</td></tr>stray text<tr><th scope="bogus"><h2>heading in a cell</h2></th><td>cell</td></tr></table>
<figure><figcaption>first</figcaption><p>body</p><figcaption>middle</figcaption><p>more</p></figure>
<details><p>no summary</p></details>
<h3 id="op-1 bad id">Heading <div>with a div</div></h3>
<p id="op-dup">one</p><p id="op-dup">two</p>
<time>yesterday</time> <ruby>漢<rp>(</rp><rt>kan</rt><rp>)</rp></ruby> <bdo>no dir</bdo>
<p>control\u0001char and \uFFFE non-char</p>
<img src="https://remote.example/x.png" alt="remote image">
<img src="${asset('hostile00001', 'missing.png')}" alt="missing image">`;

export const FIXTURE_ARTICLES: ExportArticle[] = [
  {
    article: article({
      id: 'uni00000001',
      title: 'Ünïcödé: 日本語の記事 — “quotes” & emoji 🧵',
      byline: 'Zoë Łukasiewicz',
      siteName: 'Beispiel Blätter',
      excerpt: 'Ein kurzer Auszug, mit Komma.',
      lang: 'de',
      dir: 'ltr',
      publishedTime: '2024-02-29T12:00:00.000Z',
      tags: ['machine learning', 'Ünicode', 'a,b'],
      progress: 0.42,
      favourite: true,
      highlightCount: 2,
      leadImage: asset('uni00000001', PNG_NAME),
    }),
    highlights: [
      highlight('uni00000001', 1, 'Café naïve “quotes”', {
        note: 'A note, with "quotes"\nand a second line',
        color: 'green',
      }),
      highlight('uni00000001', 2, 'Brot 2,50', { text: 'Brot\n2,50', color: 'pink' }),
    ],
  },
  {
    article: article({
      id: 'rtl000000001',
      title: 'مرحبا بالعالم — שלום עולם',
      byline: 'كاتب',
      lang: 'ar',
      dir: 'rtl',
      tags: ['عربي', 'with space'],
      archived: true,
      readAt: '2024-03-07T00:00:00.000Z',
      progress: 1,
      highlightCount: 1,
      savedAt: '2023-12-31T23:59:59.999Z',
    }),
    highlights: [highlight('rtl000000001', 3, 'مرحبا بالعالم', { note: 'ملاحظة' })],
  },
  {
    article: article({
      id: 'hostile00001',
      title: HOSTILE_TITLE,
      url: 'https://example.com/q?a=1&b=%22x%22',
      byline: '---',
      siteName: 'null',
      tags: ['=cmd|calc', '---', 'yes'],
      highlightCount: 1,
    }),
    highlights: [highlight('hostile00001', 4, '-1+1', { note: '@SUM(A1)\n---\n<b>not bold</b>' })],
  },
  {
    article: article({
      id: 'doc000000001',
      title: 'A Kindle book without a web address',
      url: '',
      originalUrl: '',
      byline: 'Some Author',
      contentMissing: true,
      deletedAt: '2024-04-01T00:00:00.000Z',
    }),
    highlights: [],
  },
];

const BODIES: Record<string, string> = {
  uni00000001: UNICODE_BODY,
  rtl000000001: RTL_BODY,
  hostile00001: HOSTILE_BODY,
};

export function fixtureLibrary(articles: readonly ExportArticle[] = FIXTURE_ARTICLES): ExportLibrary {
  return {
    articles,
    readContent: async (id) => BODIES[id] ?? null,
    readImages: async (id) =>
      id === 'uni00000001'
        ? new Map([
            [PNG_NAME, PNG],
            [WEBP_NAME, WEBP],
          ])
        : new Map(),
  };
}
