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
  <math><mi>x</mi></math>
  <p id="fn1">Footnote</p>`;

describe('sanitizeArticleHtml', () => {
  const clean = sanitizeArticleHtml(HOSTILE);

  it('strips scripts, styles, frames, forms, handlers and style attributes', () => {
    expect(clean).not.toMatch(/<(script|style|iframe|object|embed|form|input|button|svg|math)\b/i);
    expect(clean).not.toMatch(/\son\w+=/i);
    expect(clean).not.toMatch(/style=/i);
    expect(clean).not.toContain('alert');
    expect(clean).toContain('<p>Hello <b>world</b></p>');
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
