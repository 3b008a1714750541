/**
 * A long-form article for the reader tests, served by a real HTTP server: headings (for the
 * table of contents), lists, a table, a quote and code, and enough paragraphs to scroll.
 */
import { startFixtureServer, sendBody, type FixtureServer } from '../../support/fixture-server';

export const GUIDE = {
  title: 'A Field Guide to Slow Reading',
  byline: 'Mara Ellison',
  site: 'The Quiet Review',
  path: '/essays/slow-reading',
  rtlPath: '/essays/rtl',
};

const SENTENCES = [
  'Slow reading is not a technique so much as a permission to stay with a sentence until it opens.',
  'Most of what we read in a day is skimmed, and the habit follows us into the books we love.',
  'A paragraph read twice is often a paragraph understood for the first time.',
  'Margins were once the place where readers argued with authors, and the argument was the point.',
  'The reader who underlines is building a second, shorter book inside the first one.',
];

function paragraph(i: number): string {
  const a = SENTENCES[i % SENTENCES.length];
  const b = SENTENCES[(i + 2) % SENTENCES.length];
  return `<p>Passage ${i + 1}. ${a} ${b} Reading note number ${i + 1} closes this thought.</p>`;
}

export function guideHtml(): string {
  const section = (title: string, from: number, count: number) =>
    `<h2>${title}</h2>${Array.from({ length: count }, (_, k) => paragraph(from + k)).join('\n')}`;
  return `<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>${GUIDE.title}</title>
<meta property="og:site_name" content="${GUIDE.site}">
<meta name="author" content="${GUIDE.byline}">
<meta property="article:published_time" content="2024-03-02T09:00:00Z">
</head><body><main><article>
<h1>${GUIDE.title}</h1>
<p class="byline">By ${GUIDE.byline}</p>
${section('Why slowness', 0, 4)}
<p>Three habits help more than any app:</p>
<ul>
<li>Read the first paragraph twice before going on.</li>
<li>Stop at every <em>surprising</em> word and ask what it replaced.</li>
<li>Write one line in the margin for each page.</li>
</ul>
<p>After the list comes a paragraph that continues the argument about attention and time.</p>
${section('The margin', 4, 6)}
<blockquote><p>We read to know we are not alone, and we reread to know ourselves.</p></blockquote>
<table><thead><tr><th>Habit</th><th>Minutes a day</th></tr></thead>
<tbody><tr><td>Rereading</td><td>10</td></tr><tr><td>Margin notes</td><td>5</td></tr></tbody></table>
${section('Tools that stay out of the way', 10, 6)}
<pre><code>highlight(passage, { colour: "yellow" })</code></pre>
${section('Coming back', 16, 10)}
</article></main></body></html>`;
}

export function rtlHtml(): string {
  const p = 'القراءة البطيئة ليست تقنية بقدر ما هي إذن بالبقاء مع الجملة حتى تنفتح. ';
  return `<!doctype html><html lang="ar" dir="rtl"><head><meta charset="utf-8"><title>القراءة البطيئة</title></head>
<body><article><h1>القراءة البطيئة</h1>${Array.from({ length: 8 }, () => `<p>${p.repeat(4)}</p>`).join('')}</article></body></html>`;
}

export async function startGuideSite(): Promise<{
  server: FixtureServer;
  url: string;
  rtlUrl: string;
  close(): Promise<void>;
}> {
  const server = await startFixtureServer({
    [GUIDE.path]: sendBody(guideHtml()),
    [GUIDE.rtlPath]: sendBody(rtlHtml()),
  });
  return {
    server,
    url: `${server.origin}${GUIDE.path}`,
    rtlUrl: `${server.origin}${GUIDE.rtlPath}`,
    close: () => server.close(),
  };
}
