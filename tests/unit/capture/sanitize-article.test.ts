import { describe, expect, it } from 'vitest';
import {
  finalizeArticleHtml,
  htmlToText,
  imageSources,
  sanitizeArticleHtml,
} from '../../../electron/core/capture/sanitize-article';

const HOSTILE = `
  <p onclick="steal()" style="color:red">Hello <b onmouseover="x()">world</b></p>
  <script>alert(1)</script><style>p{}</style>
  <iframe src="https://evil.test/"></iframe><object data="x.swf"></object><embed src="y">
  <form action="https://evil.test/"><input name="pw"><button>Send</button></form>
  <a href="javascript:alert(1)">js link</a> <a href="data:text/html,<script>1</script>">data link</a>
  <a href="https://ok.test/page" target="_blank">ok link</a> <a href="mailto:me@ok.test">mail</a> <a href="#fn1">note</a>
  <img src="data:image/png;base64,AAAA" alt="data image"> <img src="https://ok.test/a.png" onerror="x()" srcset="https://ok.test/b.png 2x">
  <svg><script>alert(2)</script><a xlink:href="javascript:1">svg</a></svg>
  <math href="javascript:alert(3)"><mi xlink:href="javascript:1">x</mi><annotation-xml encoding="text/html"><script>alert(4)</script><p>hidden</p></annotation-xml><maction actiontype="statusline">y</maction></math>
  <p id="fn1">Footnote</p>`;

describe('sanitizeArticleHtml', () => {
  const clean = sanitizeArticleHtml(HOSTILE);

  it('strips scripts, styles, frames, forms, handlers and style attributes', () => {
    expect(clean).not.toMatch(/<(script|style|iframe|object|embed|form|input|button|svg|annotation|maction)\b/i);
    expect(clean).not.toMatch(/\son\w+=/i);
    expect(clean).not.toMatch(/style=/i);
    expect(clean).not.toContain('alert');
    expect(clean).toContain('<p>Hello <b>world</b></p>');
    // A formula is text: MathML Core stays, without its links, annotations or actions.
    expect(clean).toContain('<math><mi>x</mi>y</math>');
  });

  it('keeps only http, https, mailto and in-page links, with rel="noopener noreferrer"', () => {
    expect(clean).not.toMatch(/javascript:|data:/i);
    expect(clean).toContain('<a>js link</a>');
    expect(clean).toContain('<a href="https://ok.test/page" rel="noopener noreferrer">ok link</a>');
    expect(clean).toContain('<a href="mailto:me@ok.test" rel="noopener noreferrer">mail</a>');
    expect(clean).toContain('<a href="#op-fn1">note</a>');
    expect(clean).toContain('<p id="op-fn1">Footnote</p>');
    expect(clean).not.toContain('target=');
  });

  it('keeps http images without srcset and drops data: images', () => {
    expect(imageSources(clean)).toEqual(['https://ok.test/a.png']);
    expect(clean).not.toContain('srcset');
  });

  it('keeps article structure', () => {
    const html =
      '<figure><img src="https://x.test/a.png" alt="a"><figcaption>Cap</figcaption></figure><table><tr><td colspan="2">c</td></tr></table><pre><code>let x = 1 &lt; 2;</code></pre><blockquote cite="https://x.test/q">Q</blockquote><ol start="3"><li>three</li></ol>';
    const out = sanitizeArticleHtml(html);
    for (const fragment of [
      '<figcaption>Cap</figcaption>',
      '<td colspan="2">c</td>',
      '<pre><code>let x = 1 &lt; 2;</code></pre>',
      '<blockquote cite="https://x.test/q">',
      '<ol start="3">',
    ]) {
      expect(out).toContain(fragment);
    }
  });
});

describe('finalizeArticleHtml', () => {
  it('points stored images at their asset URL and turns the others into their alt text', () => {
    const first = sanitizeArticleHtml(
      '<p>a</p><img src="https://x.test/ok.png" alt="Kept"><img src="https://x.test/failed.png" alt="A lost photo"><img src="https://x.test/gone.png">',
    );
    const out = finalizeArticleHtml(first, new Map([['https://x.test/ok.png', 'offprint-asset://id1/abc.png']]));
    expect(out).toContain('<img src="offprint-asset://id1/abc.png" alt="Kept" />');
    expect(out).toContain('<span>A lost photo</span>');
    expect(out).not.toContain('x.test/');
    expect(out.match(/<img/g)).toHaveLength(1);
  });

  it('refuses any image source that is not a stored asset, even one smuggled past the first pass', () => {
    const out = finalizeArticleHtml(
      '<img src="offprint-asset://other/evil.png"><img src="https://x.test/a.png">',
      new Map(),
    );
    expect(out).not.toContain('<img');
  });
});

describe('htmlToText', () => {
  it('gives one block per paragraph and decodes escapes', () => {
    expect(htmlToText(sanitizeArticleHtml('<h2>Title</h2><p>One &amp; <i>two</i></p><p>3 &lt; 4<br>five</p>'))).toBe(
      'Title\n\nOne & two\n\n3 < 4\nfive',
    );
  });
});

describe('elements left empty by extraction', () => {
  it('drops a gallery whose images are gone, with its list', () => {
    const slides = '<li><div></div></li>'.repeat(116);
    const out = sanitizeArticleHtml(`<h1>Crusher</h1><ul>${slides}</ul><p>Deep bass.</p>`);
    expect(out).toBe('<h1>Crusher</h1><p>Deep bass.</p>');
  });

  it('drops empty paragraphs, headings, links and list items, and keeps the ones with text or pictures', () => {
    const out = sanitizeArticleHtml(
      '<p>&nbsp;</p><p><br></p><h2> </h2><a href="https://x.test/"></a><ul><li></li><li>one</li><li><a href="https://x.test/p"><img src="https://x.test/p.png"></a></li></ul><figure><img data-src="lazy.png"><figcaption></figcaption></figure>',
    );
    expect(out).toBe(
      '<ul><li>one</li><li><a href="https://x.test/p" rel="noopener noreferrer"><img src="https://x.test/p.png" /></a></li></ul>',
    );
  });

  it('keeps a table aligned: its empty cells and rows stay', () => {
    const table =
      '<table><tbody><tr><th>a</th><th></th></tr><tr><td></td><td>2</td></tr><tr><td></td><td></td></tr></tbody></table>';
    expect(sanitizeArticleHtml(table)).toBe(table);
    expect(sanitizeArticleHtml('<table><tr><td> </td></tr></table><p>x</p>')).toBe('<p>x</p>');
  });

  it('keeps rules between posts, spaces between words and empty link targets', () => {
    expect(sanitizeArticleHtml('<div><p>post one</p></div><div><hr></div><div><p>post two</p></div>')).toBe(
      '<div><p>post one</p></div><div><hr /></div><div><p>post two</p></div>',
    );
    expect(sanitizeArticleHtml('<p>two<span> </span>words<em></em>.</p>')).toBe('<p>two words.</p>');
    expect(sanitizeArticleHtml('<h2><a id="intro"></a>Intro</h2><p><a href="#intro">up</a></p>')).toBe(
      '<h2><a id="op-intro"></a>Intro</h2><p><a href="#op-intro">up</a></p>',
    );
  });

  it('drops a figure whose picture could not be stored', () => {
    const first = sanitizeArticleHtml(
      '<figure><img src="https://x.test/gone.png"></figure><figure><img src="https://x.test/ok.png"></figure><p>text</p>',
    );
    const out = finalizeArticleHtml(first, new Map([['https://x.test/ok.png', 'offprint-asset://id1/ok.png']]));
    expect(out).toBe('<figure><img src="offprint-asset://id1/ok.png" /></figure><p>text</p>');
  });
});

describe('touching inline elements', () => {
  it('parts two touching labels with a space, but not inside code, after a lone letter or before a stop', () => {
    expect(
      htmlToText(sanitizeArticleHtml('<p><span>2026</span><span>1h 54m</span><a href="https://x.test/">R</a></p>')),
    ).toBe('2026 1h 54m R');
    expect(htmlToText(sanitizeArticleHtml('<p><b><span>I</span></b><span>f you</span></p>'))).toBe('If you');
    expect(htmlToText(sanitizeArticleHtml('<pre><span>foo</span><span>(1)</span></pre>'))).toBe('foo(1)');
    expect(htmlToText(sanitizeArticleHtml('<p><a href="https://x.test/">inbox</a><span>.]</span></p>'))).toBe(
      'inbox.]',
    );
    expect(htmlToText(sanitizeArticleHtml('<p>x<code><span>a</span><span>.b</span></code></p>'))).toBe('xa.b');
  });
});

describe('unfilled template placeholders', () => {
  it("drops an element whose whole text is a script's placeholder, not a template's syntax shown as code", () => {
    const html = sanitizeArticleHtml(
      '<p>Kiln wash on the shelf.</p><div><strong>{{ board.errors[1179].message }}</strong></div>' +
        '<p>{{banner="/promo/spring"}}</p><p>Fill in <code>{{ cone }}</code> and <kbd>{% if glazed %}</kbd>.</p>' +
        '<pre><span>{{ name }}</span>\n<span>{% endif %}</span></pre><p>Braces {{ in a sentence }} stay.</p>',
    );
    const text = htmlToText(html);
    expect(text).not.toContain('board.errors');
    expect(text).not.toContain('banner=');
    expect(text).toContain('Kiln wash on the shelf.');
    expect(text).toContain('Fill in {{ cone }} and {% if glazed %}.');
    expect(text).toContain('{{ name }}\n{% endif %}');
    expect(text).toContain('Braces {{ in a sentence }} stay.');
  });
});
