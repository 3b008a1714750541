/** The first run, failures while saving, a duplicate save, and a tampered article, in real Chromium. */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { screenshot, type BrowserKit } from './support/app-fixture';
import { generateLibrary } from './support/generated-library';
import { APP_URL } from './support/launch-app';
import { useNewsKit } from './support/news-kit';

const setup = useNewsKit();

const rejectionOf = (promise: Promise<unknown>) =>
  promise.then(
    () => {
      throw new Error('expected the call to fail');
    },
    (error: Error) => error.message,
  );

test('an empty library greets a new user with what to do first', async () => {
  const app = await setup.kit.openApp();
  await app.page.goto(APP_URL);
  const greeting = app.page.getByRole('region', { name: 'Welcome to Offprint' });
  await greeting.waitFor();
  const text = await greeting.innerText();
  expect(text).toMatch(/Ctrl\s*\+\s*L/);
  expect(text).toMatch(/paste/i);
  await greeting.getByRole('button', { name: 'Paste a link' }).click();
  expect(await app.page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Save a link');
  await screenshot(app.page, 'library-empty');
  expect(app.problems).toEqual([]);
});

test('a link that cannot be saved shows the reason and keeps what was typed', async () => {
  const app = await setup.kit.openApp();
  const { page } = app;
  await page.goto(APP_URL);
  const field = page.getByRole('textbox', { name: 'Save a link' });
  const alert = page.getByRole('alert');

  for (const input of ['not a link at all', 'http://127.0.0.1:9/gone', `${setup.news.origin}/no-such-page`]) {
    const expected = await rejectionOf(app.core.saveUrl(input));
    await page.keyboard.press('Control+L');
    await field.fill(input);
    await page.keyboard.press('Enter');
    await alert.waitFor();
    expect(await alert.innerText()).toBe(expected);
    expect(await field.inputValue()).toBe(input);
    await field.fill('');
    await alert.waitFor({ state: 'detached' });
  }
  expect(await page.getByRole('heading', { name: 'Welcome to Offprint' }).count()).toBe(1);
  expect(app.problems).toEqual([]);
});

test('saving a link that is already saved opens the saved article with a note', async () => {
  const app = await setup.kit.openApp();
  const { page } = app;
  await app.core.saveUrl(setup.news.articleUrl);
  await page.goto(APP_URL);
  await page.locator('.article-row').waitFor();
  await page.keyboard.press('Control+L');
  await page.keyboard.type(setup.news.articleUrl);
  await page.keyboard.press('Enter');
  await page.locator('h1.article-title', { hasText: setup.news.expected.title }).waitFor();
  await page
    .getByRole('status')
    .getByText(/Already in your library/)
    .waitFor();
  expect((await app.core.listArticles({ view: 'all' })).length).toBe(1);
});

test('a tampered article cannot run script, load remote content or navigate the app', async () => {
  const app = await setup.kit.openApp();
  const { page } = app;
  const { article } = await app.core.saveUrl(setup.news.articleUrl);
  const contentFile = join(app.libraryDir, 'articles', article.id, 'content.html');
  const hostile = [
    '<p id="top">Hostile <a href="javascript:window.__pwned=1">script link</a>',
    ' <a href="https://example.org/story">web link</a> <a href="#top">back to top</a></p>',
    '<script>window.__pwned = 2</script>',
    '<img src="http://127.0.0.1:9/tracker.png" alt="remote">',
    '<img src="offprint-asset://x/y.png" onerror="window.__pwned = 3" alt="bad handler">',
    '<iframe src="https://example.org/"></iframe>',
    '<p style="background:url(http://127.0.0.1:9/bg.png)">Styled</p>',
    '<form action="https://example.org/"><input name="q"></form>',
  ].join('');
  await writeFile(contentFile, hostile + (await readFile(contentFile, 'utf8')));

  await page.goto(`${APP_URL}#/read/${article.id}`);
  await page.locator('.article-body').getByText('Hostile').waitFor();
  const body = page.locator('.article-body');
  expect(await body.locator('script, iframe, form, input, [style], [onerror]').count()).toBe(0);
  expect(await body.locator('img[src^="http"]').count()).toBe(0);
  expect(await body.getByText('script link').getAttribute('href')).toBeNull();

  await body.getByText('script link').click();
  await body.getByText('web link').click();
  await body.getByText('back to top').click();
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  expect(app.openedExternally).toEqual(['https://example.org/story']);
  expect(page.url()).toBe(`${APP_URL}#/read/${article.id}`);
  expect(app.blockedRequests).toEqual([]);
});

test('reading progress is saved as you scroll, and a highlight that no longer anchors is listed, not dropped', async () => {
  const app = await setup.kit.openApp();
  const { page } = app;
  const { article } = await app.core.saveUrl(setup.news.articleUrl);
  await app.core.addHighlight({
    articleId: article.id,
    quote: { type: 'TextQuoteSelector', exact: 'A sentence the article never contained', prefix: '', suffix: '' },
    position: { type: 'TextPositionSelector', start: 0, end: 38 },
    color: 'blue',
    note: 'Kept even so',
  });

  await page.goto(`${APP_URL}#/read/${article.id}`);
  await page.getByRole('button', { name: 'Highlights', exact: true }).click();
  const orphaned = page.getByRole('region', { name: 'Orphaned highlights' });
  await orphaned.getByText('A sentence the article never contained').waitFor();
  await orphaned.getByText('Kept even so').waitFor();
  expect(await page.locator('.article-body mark').count()).toBe(0);

  await page.locator('.reader-main').evaluate((el) => el.scrollTo({ top: el.scrollHeight, behavior: 'instant' }));
  await expect
    .poll(async () => (await app.core.getArticle(article.id)).progress, { timeout: 5_000 })
    .toBeGreaterThan(0.9);
  const bar = await page.locator('.reading-progress-bar').evaluate((el) => getComputedStyle(el).transform);
  expect(bar).toMatch(/^matrix\((0\.9\d*|1), /);
});

test('a damaged library.json is restored, and the user is told in a banner they can dismiss', async () => {
  const library = await generateLibrary(12, 3);
  let app: Awaited<ReturnType<BrowserKit['openApp']>> | undefined;
  try {
    await writeFile(join(library.dir, 'library.json'), '{"schemaVersion": 2, "articles": [{"id": "trunc');
    app = await setup.kit.openApp({ libraryDir: library.dir });
    const { page } = app;
    expect(app.core.notices.length).toBeGreaterThan(0);
    await page.goto(`${APP_URL}#/all`);
    const banner = page.getByRole('region', { name: 'Library notices' });
    await banner.waitFor();
    expect(await banner.innerText()).toContain(app.core.notices[0]);
    await expect.poll(() => page.locator('.article-list .article-row-title').count()).toBeGreaterThan(0);
    await banner.getByRole('button', { name: 'Dismiss' }).click();
    await banner.waitFor({ state: 'detached' });
    await page.getByRole('navigation', { name: 'Library' }).getByRole('link', { name: 'Inbox' }).click();
    await page.getByRole('heading', { name: 'Inbox', exact: true }).waitFor();
    expect(await banner.count()).toBe(0);
    expect(app.problems).toEqual([]);
  } finally {
    await app?.close().catch(() => {});
    await library.dispose();
  }
});
