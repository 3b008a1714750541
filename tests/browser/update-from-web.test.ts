/**
 * "Update from the web" in the real reader: saving a page that is already saved opens it with
 * the offer to update; the update shows its progress, keeps the highlights, and a failed update
 * says why and leaves the article as it was.
 */
import { expect, test } from 'vitest';
import { describeTextRange } from '@shared/anchoring/text-quote';
import { sendBody } from '../support/fixture-server';
import { ARTICLE_PATH, readSeedArticle, renderNewsPage } from '../support/news-site';
import { APP_URL } from './support/launch-app';
import { useNewsKit } from './support/news-kit';

const seed = readSeedArticle();
const QUOTE = 'There is a need to reorganize this relationship';
const setup = useNewsKit();

test('saving a saved page offers the update, which keeps the highlights; a failed update changes nothing', async () => {
  const app = await setup.kit.openApp();
  const { page } = app;
  const { article } = await app.core.saveUrl(setup.news.articleUrl);
  const text = await app.core.getArticleText(article.id);
  const start = text.indexOf(QUOTE);
  const highlight = await app.core.addHighlight({
    articleId: article.id,
    ...describeTextRange(text, { start, end: start + QUOTE.length }),
    color: 'yellow',
    note: '',
  });
  await app.core.addTag(article.id, 'Iraq');

  // The page changed on the web: a new first paragraph.
  const changed = {
    ...seed,
    title: `${seed.title} (updated)`,
    paragraphs: ['A new first paragraph added by the editors overnight.', ...seed.paragraphs],
  };
  setup.news.server.route(ARTICLE_PATH, sendBody(renderNewsPage(setup.news.origin, changed)));

  await page.goto(APP_URL);
  await page.getByRole('textbox', { name: 'Save a link' }).fill(setup.news.articleUrl);
  await page.keyboard.press('Enter');
  const notice = page.locator('.already-saved');
  await notice.waitFor();
  expect(await notice.innerText()).toMatch(/Already in your library/);
  await notice.getByRole('button', { name: 'Update from the web' }).click();

  await page.getByText('Updated from the web').waitFor();
  await page.locator('.reader-article h1', { hasText: '(updated)' }).first().waitFor();
  await page.locator(`mark[data-highlight-id="${highlight.id}"]`).first().waitFor();
  expect((await page.locator(`mark[data-highlight-id="${highlight.id}"]`).allInnerTexts()).join('')).toBe(QUOTE);
  expect(await page.locator('.article-body').innerText()).toContain(
    'A new first paragraph added by the editors overnight.',
  );
  const updated = await app.core.getArticle(article.id);
  expect(updated.tags).toEqual(['Iraq']);
  expect(updated.highlights).toHaveLength(1);
  expect(await app.core.listArticles({ view: 'all' })).toHaveLength(1);

  // Now the site fails: the toolbar's update says why and keeps the article.
  setup.news.server.route(ARTICLE_PATH, sendBody('down for maintenance', 'text/html', 503));
  await page.getByRole('button', { name: 'Update from the web' }).click();
  const failure = page.locator('.update-failed');
  await failure.waitFor();
  expect(await failure.innerText()).toMatch(/503 Service Unavailable.*kept as it was/);
  expect(await page.locator('.article-body').innerText()).toContain(
    'A new first paragraph added by the editors overnight.',
  );
  expect(await app.core.getArticle(article.id)).toEqual(updated);
  await failure.getByRole('button', { name: 'Dismiss' }).click();
  await failure.waitFor({ state: 'detached' });
  expect(app.blockedRequests).toEqual([]);
});
