/**
 * A realistic news site on 127.0.0.1: the seed article (tests/fixtures/news/) wrapped in
 * what real news pages carry — navigation, a cookie banner, ads, share widgets, related
 * links, a newsletter box, comments, a footer — with relative, srcset and lazy images and
 * a tracking pixel. Tests check that capture keeps the article and drops the rest.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { startFixtureServer, sendBody, type FixtureServer } from './fixture-server';
import { makePng, makeTrackingGif } from './images';

export interface NewsSite {
  server: FixtureServer;
  origin: string;
  articleUrl: string;
  expected: {
    title: string;
    byline: string;
    paragraphs: string[];
    /** Images inside the article body (not the og:image cover, not the tracking pixel). */
    imageCount: number;
    junkPhrases: string[];
  };
  close(): Promise<void>;
}

export interface SeedArticle {
  title: string;
  subtitle: string;
  paragraphs: string[];
  author: string;
  bio: string;
}

const SEED_PATH = fileURLToPath(new URL('../fixtures/news/iraq-us-forces-exit.txt', import.meta.url));

/** The seed text: headline, subtitle, body paragraphs, "Author: …" line, bio. */
export function readSeedArticle(): SeedArticle {
  const lines = readFileSync(SEED_PATH, 'utf8')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
  const [title, subtitle, ...rest] = lines;
  const bio = rest.pop() ?? '';
  const author = (rest.pop() ?? '').replace(/^Author:\s*/, '');
  return { title, subtitle, paragraphs: rest, author, bio };
}

export const ARTICLE_PATH = '/news/2024/01/09/iraq-prime-minister-quick-exit-us-forces';
export const PUBLISHED_ISO = '2024-01-09T17:05:00.000Z';
export const SITE_NAME = 'The Wire Desk';

const JUNK = {
  nav: 'Crossword & Puzzles',
  cookie: 'We value your privacy and use cookies to personalise ads',
  ad: 'Refinance your mortgage in minutes with LoanStar',
  adInline: 'Sponsored: The one gadget every traveller needs',
  share: 'Share this story on Facebook',
  related: 'Pentagon Unveils New Hypersonic Drone Programme',
  related2: 'Ten Cities With the Cheapest Rents in 2024',
  newsletter: 'Get the Morning Briefing in your inbox',
  comment1: 'FreedomEagle1776',
  comment2: 'This is exactly what the administration wanted all along',
  comment3: 'Can someone explain why nobody in Congress voted on this?',
  footer: '© 2024 Wire Desk Media Group. All rights reserved.',
} as const;

const esc = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** 1×1 transparent GIF placeholder that lazy-loading scripts swap out. */
const PLACEHOLDER = 'data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7';

export function renderNewsPage(origin: string, seed: SeedArticle = readSeedArticle()): string {
  const p = seed.paragraphs.map((text) => `<p>${esc(text)}</p>`);
  const articleUrl = `${origin}${ARTICLE_PATH}`;
  const jsonLd = JSON.stringify({
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: seed.title,
    datePublished: PUBLISHED_ISO,
    author: { '@type': 'Person', name: seed.author },
    publisher: { '@type': 'Organization', name: SITE_NAME },
  });
  return `<!DOCTYPE html>
<html lang="en" dir="ltr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(seed.title)} | ${SITE_NAME}</title>
<meta name="description" content="${esc(seed.subtitle)}">
<meta name="author" content="${esc(seed.author)}">
<meta property="og:type" content="article">
<meta property="og:title" content="${esc(seed.title)}">
<meta property="og:description" content="${esc(seed.subtitle)}">
<meta property="og:site_name" content="${SITE_NAME}">
<meta property="og:url" content="${articleUrl}">
<meta property="og:image" content="/media/cover-iraq.png">
<meta property="article:published_time" content="2024-01-09T12:05:00-05:00">
<meta name="twitter:card" content="summary_large_image">
<link rel="canonical" href="${articleUrl}">
<link rel="stylesheet" href="/static/site.css">
<script type="application/ld+json">${jsonLd}</script>
<script>window.dataLayer=[];function gtag(){dataLayer.push(arguments)}gtag('config','UA-000000-1');</script>
<style>.cookie-banner{position:fixed;bottom:0}</style>
</head>
<body class="article-page">
<div class="cookie-banner" id="cookie-consent" role="dialog">
  <p>${JUNK.cookie}. <a href="/privacy">Read our cookie policy</a>.</p>
  <button onclick="acceptCookies()">Accept all cookies</button> <button>Manage preferences</button>
</div>
<header class="site-header">
  <a class="logo" href="/">${SITE_NAME}</a>
  <nav class="main-nav" aria-label="Sections">
    <ul>
      <li><a href="/">Home</a></li><li><a href="/world">World</a></li><li><a href="/politics">Politics</a></li>
      <li><a href="/business">Business</a></li><li><a href="/opinion">Opinion</a></li>
      <li><a href="/games">${esc(JUNK.nav)}</a></li><li><a href="/subscribe">Subscribe from $1/week</a></li>
    </ul>
  </nav>
  <form class="search" action="/search"><input name="q" placeholder="Search"><button>Go</button></form>
</header>
<div class="ad ad-leaderboard" id="ad-top"><span class="ad-label">Advertisement</span>
  <a href="https://ads.example-adnetwork.com/click?id=991"><img src="/ads/loanstar-728x90.png" width="728" height="90" alt="LoanStar"></a>
  <p>${JUNK.ad}</p>
</div>
<main id="content">
<div class="breadcrumbs"><a href="/">Home</a> › <a href="/world">World</a> › <a href="/world/middle-east">Middle East</a></div>
<article class="story" itemscope itemtype="https://schema.org/NewsArticle">
  <header class="story-header">
    <h1 class="headline" itemprop="headline">${esc(seed.title)}</h1>
    <p class="standfirst">${esc(seed.subtitle)}</p>
    <div class="byline">By <a rel="author" class="author" href="/authors/dave-decamp">${esc(seed.author)}</a>
      · <time datetime="${PUBLISHED_ISO}" itemprop="datePublished">January 9, 2024</time></div>
    <div class="share-tools social-share">
      <a href="https://www.facebook.com/sharer/sharer.php?u=${encodeURIComponent(articleUrl)}">${JUNK.share}</a>
      <a href="https://twitter.com/intent/tweet?url=${encodeURIComponent(articleUrl)}">Tweet</a>
      <button class="copy-link">Copy link</button>
    </div>
  </header>
  <div class="story-body" itemprop="articleBody">
    <figure class="lead-figure">
      <img src="/media/baghdad-640.png" srcset="/media/baghdad-640.png 640w, /media/baghdad-1280.png 1280w" sizes="(max-width: 700px) 100vw, 700px" alt="Iraqi Prime Minister Mohammed Shia al-Sudani" width="640" height="360">
      <figcaption>Iraqi Prime Minister Mohammed Shia al-Sudani in Baghdad. <span class="credit">Photo: Wire Desk</span></figcaption>
    </figure>
    ${p.slice(0, 3).join('\n    ')}
    <div class="ad ad-inline" data-ad-slot="mid1"><span class="ad-label">Advertisement</span><p>${esc(JUNK.adInline)}</p></div>
    ${p.slice(3, 5).join('\n    ')}
    <figure class="inline-figure">
      <img class="lazyload" src="${PLACEHOLDER}" data-src="images/sudani-press-conference.png" alt="Al-Sudani at a press conference" width="600" height="400">
      <noscript><img src="images/sudani-press-conference.png" alt="Al-Sudani at a press conference"></noscript>
      <figcaption>Al-Sudani speaking to reporters on Tuesday.</figcaption>
    </figure>
    ${p.slice(5, 7).join('\n    ')}
    <figure class="inline-figure">
      <img src="../../../../media/parliament.png" alt="The Iraqi parliament in session" width="600" height="400">
      <figcaption>The Iraqi parliament voted to expel US forces in 2020.</figcaption>
    </figure>
    ${p.slice(7).join('\n    ')}
    <img src="/pixel.gif?article=iraq-exit" width="1" height="1" alt="" class="tracker">
  </div>
  <footer class="story-footer">
    <p class="author-label">Author: ${esc(seed.author)}</p>
    <p class="author-bio">${esc(seed.bio)}</p>
  </footer>
</article>
<aside class="newsletter-signup">
  <h3>${JUNK.newsletter}</h3>
  <form action="/newsletter" method="post"><input type="email" name="email" placeholder="you@example.com"><button>Sign me up</button></form>
</aside>
<section class="related-articles" aria-label="Related">
  <h2>Related coverage</h2>
  <ul>
    <li><a href="/news/2024/01/08/pentagon-drone"><img src="/media/thumb-drone.png" width="120" height="80" alt="">${JUNK.related}</a></li>
    <li><a href="/news/2024/01/07/cheapest-rents">${JUNK.related2}</a></li>
    <li><a href="/news/2024/01/06/oil-prices">Oil Prices Climb as Shipping Routes Face New Threats</a></li>
  </ul>
</section>
<section id="comments" class="comments">
  <h2>Comments (3)</h2>
  <ol class="comment-list">
    <li class="comment"><p class="comment-author">${JUNK.comment1}</p><p class="comment-body">${JUNK.comment2}. Wake up people.</p><a href="#reply">Reply</a></li>
    <li class="comment"><p class="comment-author">PacificRim_Reader</p><p class="comment-body">${JUNK.comment3}</p><a href="#reply">Reply</a></li>
    <li class="comment"><p class="comment-author">mdavies</p><p class="comment-body">Good reporting, though I would like to see more on the Syrian side.</p><a href="#reply">Reply</a></li>
  </ol>
  <form class="comment-form"><textarea name="comment" placeholder="Join the discussion"></textarea><button>Post comment</button></form>
</section>
</main>
<div class="ad ad-sidebar"><span class="ad-label">Advertisement</span><p>Hot singles in your area are waiting</p></div>
<footer class="site-footer">
  <nav><a href="/about">About us</a> · <a href="/privacy">Privacy Policy</a> · <a href="/terms">Terms of Service</a> · <a href="/careers">Careers</a></nav>
  <p>${JUNK.footer}</p>
</footer>
<script src="/static/app.js"></script>
<script>document.querySelectorAll('img.lazyload').forEach(function(i){i.src=i.dataset.src});</script>
</body>
</html>`;
}

/** Starts the site; the article is at `articleUrl`, its images and the tracking pixel beside it. */
export async function startNewsSite(): Promise<NewsSite> {
  const seed = readSeedArticle();
  const server = await startFixtureServer();
  const png = (bytes: Buffer) => sendBody(bytes, 'image/png');
  server.route(ARTICLE_PATH, sendBody(renderNewsPage(server.origin, seed)));
  server.route('/media/baghdad-640.png', png(makePng(64, 36, [200, 120, 40])));
  server.route('/media/baghdad-1280.png', png(makePng(128, 72, [200, 120, 40])));
  server.route('/news/2024/01/09/images/sudani-press-conference.png', png(makePng(60, 40, [30, 90, 160])));
  server.route('/media/parliament.png', png(makePng(60, 40, [40, 140, 70])));
  server.route('/media/cover-iraq.png', png(makePng(120, 63, [90, 20, 20])));
  server.route('/media/thumb-drone.png', png(makePng(12, 8, [10, 10, 10])));
  server.route('/ads/loanstar-728x90.png', png(makePng(72, 9, [255, 0, 255])));
  server.route('/pixel.gif', sendBody(makeTrackingGif(), 'image/gif'));
  return {
    server,
    origin: server.origin,
    articleUrl: server.url(ARTICLE_PATH),
    expected: {
      title: seed.title,
      byline: seed.author,
      paragraphs: seed.paragraphs,
      imageCount: 3,
      junkPhrases: Object.values(JUNK),
    },
    close: () => server.close(),
  };
}
