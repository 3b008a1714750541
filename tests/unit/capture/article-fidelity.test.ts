import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../../electron/core/capture/extract-article';

const PAGE_URL = 'https://news.test/2024/reports/library.html';
const PROSE =
  'The council met on Tuesday evening to settle the future of the branch library, which has served the neighbourhood for more than sixty years and now needs a new roof. ';
const paragraphs = (n: number) =>
  Array.from({ length: n }, (_, i) => `<p>${PROSE}Paragraph ${i + 1} adds its own detail to the story.</p>`).join('\n');

/** A real-looking article page with `inner` placed in the middle of the story. */
function page(inner: string): string {
  return `<!doctype html><html lang="en"><head><title>Branch library saved after long campaign</title></head><body>
    <header><nav><a href="/">Home</a> <a href="/news">News</a></nav></header>
    <main><article><h1>Branch library saved after long campaign</h1>
      ${paragraphs(4)}
      ${inner}
      ${paragraphs(4)}
    </article></main>
    <footer>© News Test</footer></body></html>`;
}

function extract(inner: string) {
  const article = extractArticle(page(inner), PAGE_URL);
  expect(article.extraction).toBe('readability');
  const { document } = parseHTML(`<!doctype html><html><body>${article.content}</body></html>`) as unknown as {
    document: Document;
  };
  return { article, body: document.body };
}

describe('article fidelity', () => {
  it('keeps a figure with its image and caption together', () => {
    const { body } = extract(`<figure><img src="/img/branch.jpg" alt="The branch library" width="800" height="600">
      <figcaption>The branch library on Elm Street, <em>photographed in May</em>.</figcaption></figure>`);
    const figure = body.querySelector('figure');
    expect(figure?.querySelector('img')?.getAttribute('src')).toBe('https://news.test/img/branch.jpg');
    expect(figure?.querySelector('img')?.getAttribute('alt')).toBe('The branch library');
    expect(figure?.querySelector('figcaption')?.textContent).toBe(
      'The branch library on Elm Street, photographed in May.',
    );
  });

  it('keeps a data table with its header, caption and cell spans', () => {
    const { body, article } = extract(`<table><caption>Visits per year</caption>
      <thead><tr><th scope="col">Year</th><th scope="col">Visits</th></tr></thead>
      <tbody><tr><td>2022</td><td>41,200</td></tr><tr><td>2023</td><td>45,900</td></tr>
      <tr><td colspan="2">Figures from the council's annual report</td></tr></tbody></table>`);
    const table = body.querySelector('table');
    expect(table?.querySelector('caption')?.textContent).toBe('Visits per year');
    expect([...(table?.querySelectorAll('th') ?? [])].map((th) => th.textContent)).toEqual(['Year', 'Visits']);
    expect(table?.querySelectorAll('tbody tr')).toHaveLength(3);
    expect(table?.querySelector('td[colspan="2"]')?.textContent).toContain('annual report');
    expect(article.textContent).toMatch(/2023\s+45,900/);
  });

  it('keeps a code block with its white space and markup-looking text intact', () => {
    const code = 'function visits(year) {\n  if (year < 2022) {\n\treturn 0;\n  }\n  return table[year] &lt;&lt; 1;\n}';
    const { body } = extract(`<pre><code class="language-js">${code}</code></pre>`);
    expect(body.querySelector('pre > code')?.textContent).toBe(
      'function visits(year) {\n  if (year < 2022) {\n\treturn 0;\n  }\n  return table[year] << 1;\n}',
    );
  });

  it('keeps ordered, nested and definition lists', () => {
    const { body } =
      extract(`<ol start="3"><li>Repair the roof</li><li>Extend the hours<ul><li>Saturdays</li><li>Sunday mornings</li></ul></li></ol>
      <dl><dt>Branch</dt><dd>Elm Street, opened 1961</dd></dl>`);
    const ol = body.querySelector('ol');
    expect(ol?.getAttribute('start')).toBe('3');
    expect(ol?.children).toHaveLength(2);
    expect([...(ol?.querySelectorAll('li ul li') ?? [])].map((li) => li.textContent)).toEqual([
      'Saturdays',
      'Sunday mornings',
    ]);
    expect(body.querySelector('dl dt')?.textContent).toBe('Branch');
    expect(body.querySelector('dl dd')?.textContent).toBe('Elm Street, opened 1961');
  });

  it('keeps a blockquote with its citation made absolute', () => {
    const { body } = extract(
      `<blockquote cite="/minutes/2024-05"><p>“We will keep the branch open for as long as people use it,” the mayor said.</p></blockquote>`,
    );
    const quote = body.querySelector('blockquote');
    expect(quote?.getAttribute('cite')).toBe('https://news.test/minutes/2024-05');
    expect(quote?.textContent).toContain('keep the branch open');
  });

  it('keeps footnote links working inside the article, with prefixed ids on both ends', () => {
    const { body } =
      extract(`<p>The roof will cost £240,000.<sup id="ref-1"><a href="#fn-1">1</a></sup> Work starts in June.<sup><a href="${PAGE_URL}#fn-2">2</a></sup></p>
      <ol class="footnotes"><li id="fn-1">Council budget, page 12. <a href="#ref-1">↩</a></li><li id="fn-2">Minutes of the May meeting.</li></ol>`);
    const links = [...body.querySelectorAll('sup a')].map((a) => a.getAttribute('href'));
    expect(links).toEqual(['#op-fn-1', '#op-fn-2']);
    for (const href of links) expect(body.querySelector(href!)).not.toBeNull();
    expect(body.querySelector('#op-fn-1 a')?.getAttribute('href')).toBe('#op-ref-1');
    expect(body.querySelector('#op-ref-1')).not.toBeNull();
  });

  it('keeps an embedded tweet as a quote with its link, without the widget script', () => {
    const { body, article } =
      extract(`<blockquote class="twitter-tweet" data-dnt="true"><p lang="en" dir="ltr">Our branch library is staying open! Thank you all.</p>
      &mdash; Elm Street Friends (@elmfriends) <a href="https://twitter.com/elmfriends/status/1790000000000000000?ref_src=twsrc%5Etfw">May 14, 2024</a></blockquote>
      <script async src="https://platform.twitter.com/widgets.js" charset="utf-8"></script>`);
    const tweet = body.querySelector('blockquote');
    expect(tweet?.textContent).toContain('Our branch library is staying open!');
    expect(tweet?.textContent).toContain('Elm Street Friends (@elmfriends)');
    expect(tweet?.querySelector('a')?.getAttribute('href')).toMatch(
      /^https:\/\/twitter\.com\/elmfriends\/status\/1790000000000000000/,
    );
    expect(article.content).not.toMatch(/<script|widgets\.js|class=/);
  });

  it('reads a Chinese article of short paragraphs as an article, not as the whole page', () => {
    // Each paragraph is under the 140 characters isProbablyReaderable wants, yet says a lot in CJK.
    const sentence = '市议会周二晚上开会，决定了这座已经服务社区六十多年的分馆图书馆的未来。';
    const body = Array.from({ length: 10 }, (_, i) => `<p>${sentence}${sentence}第${i + 1}段补充了新的细节。</p>`).join(
      '',
    );
    const html = `<html lang="zh-CN"><head><title>图书馆得以保留</title></head><body>
      <div class="nav"><a href="/">首页</a> <a href="/news">新闻</a></div><div id="Cnt-Main-Article-QQ">${body}</div></body></html>`;
    const article = extractArticle(html, PAGE_URL);
    expect(article.extraction).toBe('readability');
    expect(article.textContent).toContain('第10段补充了新的细节');
    expect(article.textContent).not.toContain('首页');
  });
});
