/**
 * 20,000 articles: the first page renders, the virtual list scrolls to its end with a small DOM,
 * the selection survives scrolling, and search answers. The library is generated once per run.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { screenshot, startBrowserKit, step, type BrowserKit } from './support/app-fixture';
import { generateLibrary, type GeneratedLibrary } from './support/generated-library';
import { APP_URL, type AppHarness } from './support/launch-app';

const ARTICLES = 20_000;
let kit: BrowserKit;
let library: GeneratedLibrary;

beforeAll(async () => {
  [kit, library] = await Promise.all([startBrowserKit(), generateLibrary(ARTICLES, 42)]);
  console.log(`generated ${ARTICLES} articles in ${library.seconds.toFixed(1)} s`);
}, 300_000);

afterAll(async () => {
  await kit?.dispose();
  await library?.dispose();
});

test('a 20,000-article library opens, scrolls to its end and searches', async () => {
  const app: AppHarness = await kit.openApp({ libraryDir: library.dir });
  const { page, core } = app;
  const domRows = () => page.locator('.article-list .virtual-slot').count();
  const all = await core.listPage({ view: 'all', limit: 1 });
  expect(all.total).toBeGreaterThan(19_000);

  await step('the first page renders quickly', async () => {
    const began = performance.now();
    await page.goto(`${APP_URL}#/all`);
    await page.locator('.article-list .article-row-title').first().waitFor();
    const ms = performance.now() - began;
    console.log(`first page of ${all.total} articles on screen in ${ms.toFixed(0)} ms`);
    expect(ms).toBeLessThan(5_000);
    await expect.poll(() => page.locator('.list-heading .count').innerText()).toBe(all.total.toLocaleString('en-US'));
    expect(await page.locator('.article-list .article-row-title').first().innerText()).toBe(all.items[0].title);
    expect(await domRows()).toBeLessThan(200);
    await screenshot(page, 'library-scale-light');
  });

  await step('the selection and the cursor survive scrolling to the end and back', async () => {
    await page.keyboard.press('j');
    await page.keyboard.press('x');
    await page.getByRole('toolbar', { name: 'Selected articles' }).getByText('1 selected').waitFor();
    const scroller = page.locator('.list-scroller');
    const last = (await core.listPage({ view: 'all', offset: all.total - 1, limit: 1 })).items[0];
    await scroller.evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
    const lastRow = page.locator(`.virtual-slot[aria-posinset="${all.total}"] .article-row-title`);
    await lastRow.waitFor({ timeout: 10_000 });
    expect(await lastRow.innerText()).toBe(last.title);
    expect(await domRows()).toBeLessThan(200);
    // Scrolling through the middle in steps, like a fast trackpad, fetches windows as it goes.
    for (const fraction of [0.75, 0.5, 0.25]) {
      await scroller.evaluate((el, f) => el.scrollTo({ top: el.scrollHeight * f }), fraction);
      await page.locator('.article-list .article-row:not(.placeholder)').first().waitFor();
      expect(await domRows()).toBeLessThan(200);
    }
    await page.keyboard.press('End');
    await expect.poll(() => page.locator('.article-row.current .article-row-title').innerText()).toBe(last.title);
    await page.keyboard.press('Home');
    await expect
      .poll(() => page.locator('.article-row.current .article-row-title').innerText())
      .toBe(all.items[0].title);
    expect(await page.locator('.article-row.selected .article-row-title').innerText()).toBe(all.items[0].title);
    await page.getByRole('toolbar', { name: 'Selected articles' }).getByText('1 selected').waitFor();
    await page.keyboard.press('Escape');
  });

  await step('search answers over the whole library', async () => {
    const english = (await core.listPage({ view: 'all', lang: 'en', limit: 1 })).items[0];
    const word = english.title.split(/\s+/).find((w) => w.length >= 5) ?? english.title;
    const expected = await core.searchPage(word, { limit: 1 });
    const began = performance.now();
    await page.getByRole('searchbox', { name: 'Search articles' }).fill(word);
    await page.getByRole('heading', { name: `Results for “${word}”` }).waitFor();
    await page.locator('.article-list .article-row-snippet').first().waitFor();
    console.log(
      `search for "${word}" on screen in ${(performance.now() - began).toFixed(0)} ms (${expected.total} results)`,
    );
    expect(await page.locator('.list-heading .count').innerText()).toMatch(
      new RegExp(`${expected.total.toLocaleString('en-US')} results?$`),
    );
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.getByRole('searchbox', { name: 'Search articles' }).press('Escape');
    await page.locator('.article-list .article-row-title').first().waitFor();
    await screenshot(page, 'library-scale-dark');
    await page.emulateMedia({ colorScheme: 'light' });
  });

  expect(app.blockedRequests).toEqual([]);
  expect(app.problems).toEqual([]);
});
