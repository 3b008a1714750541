import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaptureProgress } from '@shared/model';
import { captureUrl, type CapturedArticle } from '../../../electron/core/capture/capture-url';
import { sendBody } from '../../support/fixture-server';
import { makePng } from '../../support/images';
import { startNewsSite, type NewsSite } from '../../support/news-site';

/** An .ico file holding one PNG image, as modern favicons are. */
function makeIco(png: Buffer): Buffer {
  const header = Buffer.from([0, 0, 1, 0, 1, 0]);
  const entry = Buffer.alloc(16);
  entry.writeUInt8(16, 0);
  entry.writeUInt8(16, 1);
  entry.writeUInt16LE(1, 4);
  entry.writeUInt16LE(32, 6);
  entry.writeUInt32LE(png.length, 8);
  entry.writeUInt32LE(22, 12);
  return Buffer.concat([header, entry, png]);
}

const assetUrl = (name: string) => `offprint-asset://article-1/${name}`;

describe('captureUrl on a realistic news page', () => {
  let site: NewsSite;
  let assetsDir: string;
  let article: CapturedArticle;
  const progress: CaptureProgress[] = [];

  beforeAll(async () => {
    site = await startNewsSite();
    site.server.route('/favicon.ico', sendBody(makeIco(makePng(16, 16, [0, 80, 160])), 'image/x-icon'));
    assetsDir = join(await mkdtemp(join(tmpdir(), 'offprint-capture-')), 'assets', 'article-1');
    article = await captureUrl(`${site.articleUrl}?utm_source=newsletter`, {
      assetsDir,
      assetUrl,
      onProgress: (p) => progress.push(p),
    });
  });
  afterAll(async () => {
    await site.close();
    await rm(join(assetsDir, '..', '..'), { recursive: true, force: true });
  });

  it('keeps the title, byline, site and date', () => {
    expect(article.title).toBe(site.expected.title);
    expect(article.byline).toBe(site.expected.byline);
    expect(article.siteName).toBe('The Wire Desk');
    expect(article.publishedTime).toBe('2024-01-09T17:05:00.000Z');
    expect(article.lang).toBe('en');
    expect(article.dir).toBe('ltr');
    expect(article.extraction).toBe('readability');
    expect(article.excerpt).toMatch(/^Al-Sudani says the only solution/);
  });

  it('uses the same-site canonical URL as the final URL', () => {
    expect(article.finalUrl).toBe(site.articleUrl);
  });

  it('keeps every paragraph of the article, in order, as separate blocks', () => {
    const blocks = article.textContent.split('\n\n');
    const positions = site.expected.paragraphs.map((p) => blocks.indexOf(p));
    expect(positions.every((i) => i >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(article.wordCount).toBeGreaterThan(400);
    expect(article.readingMinutes).toBe(2);
  });

  it('drops navigation, cookie banner, ads, share widgets, related links, newsletter, comments and footer', () => {
    for (const junk of site.expected.junkPhrases) {
      expect(article.textContent).not.toContain(junk);
      expect(article.content).not.toContain(junk);
    }
  });

  it('stores the article images as files and points every <img> at them', async () => {
    const srcs = [...article.content.matchAll(/<img\b[^>]*\ssrc="([^"]*)"/g)].map((m) => m[1]);
    expect(srcs).toHaveLength(site.expected.imageCount);
    const files = await readdir(assetsDir);
    for (const src of srcs) {
      expect(src).toMatch(/^offprint-asset:\/\/article-1\/[0-9a-f]{64}\.png$/);
      const name = src.slice(assetUrl('').length);
      expect(files).toContain(name);
      expect((await readFile(join(assetsDir, name))).subarray(1, 4).toString()).toBe('PNG');
    }
    expect(new Set(srcs).size).toBe(srcs.length);
    expect(article.content).not.toMatch(/srcset|data-src|127\.0\.0\.1[^"]*\.(png|gif)/);
    expect(article.content).not.toMatch(/<img\b[^>]*src="(?!offprint-asset:)/);
  });

  it('stores the site icon (here /favicon.ico) and exposes the same-site canonical URL', async () => {
    expect(article.siteIcon).toMatch(/^offprint-asset:\/\/article-1\/[0-9a-f]{64}\.ico$/);
    expect(article.canonicalUrl).toBe(site.articleUrl);
  });

  it('stores the og:image as the lead image, and lists every stored file', async () => {
    expect(article.leadImage).toMatch(/^offprint-asset:\/\/article-1\/[0-9a-f]{64}\.png$/);
    expect(article.content).not.toContain(article.leadImage);
    expect([...article.assets].sort()).toEqual((await readdir(assetsDir)).sort());
    expect(article.assets).toHaveLength(site.expected.imageCount + 2);
  });

  it('resolves relative, srcset and lazy image URLs and never fetches the tracking pixel or ad images', () => {
    const fetched = site.server.requests.map((r) => new URL(r, site.origin).pathname);
    expect(fetched).toEqual(
      expect.arrayContaining([
        '/media/baghdad-1280.png',
        '/news/2024/01/09/images/sudani-press-conference.png',
        '/media/parliament.png',
        '/media/cover-iraq.png',
      ]),
    );
    expect(fetched).not.toContain('/pixel.gif');
    expect(fetched).not.toContain('/ads/loanstar-728x90.png');
    expect(fetched).not.toContain('/media/thumb-drone.png');
  });

  it('reports fetching, extracting and image progress', () => {
    const stages = progress.map((p) => p.stage);
    expect(stages.slice(0, 2)).toEqual(['fetching', 'extracting']);
    const images = progress.filter((p) => p.stage === 'images');
    expect(images[0]).toMatchObject({ done: 0, total: 5 });
    expect(images.at(-1)).toMatchObject({ done: 5, total: 5 });
    expect(progress.every((p) => p.url === `${site.articleUrl}?utm_source=newsletter`)).toBe(true);
  });

  it('stores a picture once when it is saved again into the same folder', async () => {
    const again = await captureUrl(site.articleUrl, { assetsDir, assetUrl });
    expect([...again.assets].sort()).toEqual([...article.assets].sort());
    expect(await readdir(assetsDir)).toHaveLength(article.assets.length);
  });
});
