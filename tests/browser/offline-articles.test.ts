/**
 * Offline completeness: every page of the fixture set (the news site, the long-form guide, a
 * windows-1251 page, every hostile page) is saved with the network up; then every server is
 * stopped and each stored article is opened in the reader. Nothing may leave the app, and every
 * picture the article shows must have loaded from the library.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { HOSTILE_FIXTURES, hostileFixturePath } from '../fixtures/hostile';
import { sendBody, startFixtureServer, type FixtureServer } from '../support/fixture-server';
import { startNewsSite, type NewsSite } from '../support/news-site';
import { startBrowserKit, step, type BrowserKit } from './support/app-fixture';
import { startGuideSite } from './support/guide-article';
import { APP_URL } from './support/launch-app';

let kit: BrowserKit;
let news: NewsSite;
let guide: Awaited<ReturnType<typeof startGuideSite>>;
let pages: FixtureServer;

const fixturePage = (name: string) =>
  readFileSync(fileURLToPath(new URL(`../fixtures/pages/${name}`, import.meta.url)));

beforeAll(async () => {
  [kit, news, guide] = await Promise.all([startBrowserKit(), startNewsSite(), startGuideSite()]);
  pages = await startFixtureServer({ '/ru/story': sendBody(fixturePage('cp1251-article.html'), 'text/html') });
  for (const name of HOSTILE_FIXTURES)
    pages.route(`/hostile/${name}`, sendBody(readFileSync(hostileFixturePath(name))));
});
afterAll(async () => {
  await kit?.dispose();
});

test('every saved article opens with the network gone: zero requests out, every image loaded', async () => {
  const app = await kit.openApp();
  const urls = [
    news.articleUrl,
    guide.url,
    guide.rtlUrl,
    pages.url('/ru/story'),
    ...HOSTILE_FIXTURES.map((n) => pages.url(`/hostile/${n}`)),
  ];
  const saved: { url: string; id: string; images: number }[] = [];
  for (const url of urls) {
    const { article } = await app.core.saveUrl(url);
    const { content } = await app.core.getArticle(article.id);
    saved.push({ url, id: article.id, images: (content.match(/<img\b/g) ?? []).length });
  }
  expect(saved.find((s) => s.url === news.articleUrl)?.images).toBe(news.expected.imageCount);

  await Promise.all([news.close(), guide.close(), pages.close()]);

  const { page } = app;
  await page.goto(APP_URL);
  let imagesChecked = 0;
  for (const { url, id, images } of saved) {
    await step(url, async () => {
      app.blockedRequests.length = 0;
      await page.goto(`${APP_URL}#/read/${id}`);
      await page.locator('.article-body p').first().waitFor();
      await page.waitForFunction(() =>
        [...document.querySelectorAll('.article-body img')].every((img) => (img as HTMLImageElement).complete),
      );
      const shown = await page.evaluate(() =>
        [...document.querySelectorAll<HTMLImageElement>('.article-body img')].map((img) => ({
          src: img.currentSrc || img.src,
          width: img.naturalWidth,
        })),
      );
      expect(shown).toHaveLength(images);
      for (const image of shown) {
        expect(image.src, image.src).toMatch(/^offprint-asset:\/\//);
        expect(image.width, image.src).toBeGreaterThan(0);
      }
      imagesChecked += shown.length;
      expect(app.blockedRequests, 'requests that left the app').toEqual([]);
    });
  }
  expect(imagesChecked).toBeGreaterThanOrEqual(news.expected.imageCount);
});
