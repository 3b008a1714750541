/** The search field: the full query syntax, counts, marked snippets and the syntax hint, against the real index. */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { screenshot, startBrowserKit, step, type BrowserKit } from './support/app-fixture';
import { generateLibrary, type GeneratedLibrary } from './support/generated-library';
import { APP_URL, type AppHarness } from './support/launch-app';

let kit: BrowserKit;
let library: GeneratedLibrary;
let app: AppHarness;

beforeAll(async () => {
  [kit, library] = await Promise.all([startBrowserKit(), generateLibrary(300, 11)]);
  app = await kit.openApp({ libraryDir: library.dir });
});

afterAll(async () => {
  await kit?.dispose();
  await library?.dispose();
});

test('search answers the full query syntax with counts and marked snippets', async () => {
  const { page, core } = app;
  await page.goto(APP_URL);
  await page.getByRole('heading', { name: 'Inbox', exact: true }).waitFor();
  const field = page.getByRole('searchbox', { name: 'Search articles' });

  await step('the empty field explains the syntax', async () => {
    await page.keyboard.press('/');
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label')))
      .toBe('Search articles');
    const hint = page.locator('.search-syntax.shown');
    await hint.waitFor();
    expect(await hint.innerText()).toMatch(
      /tag:name[\s\S]*site:example\.com[\s\S]*is:unread[\s\S]*has:highlights[\s\S]*lang:de/,
    );
  });

  const english = (await core.listPage({ view: 'all', lang: 'en', limit: 50 })).items;
  const words = english.flatMap((a) => a.title.toLowerCase().split(/\s+/)).filter((w) => /^[a-z]{5,}$/.test(w));
  const word = words[0];
  const other = words.find((w) => w !== word)!;
  const titleWords = english[0].title.split(/\s+/);
  const phrase = `"${titleWords.slice(0, 2).join(' ')}"`;
  const tag = (await core.listTags()).sort((a, b) => b.count - a.count)[0].name;
  const host = new URL(english[1].url).hostname;
  const queries = [
    word,
    `${word} ${other}`,
    phrase,
    `${word} -${other}`,
    `tag:${tag.includes(' ') ? `"${tag}"` : tag}`,
    `site:${host}`,
    `${word} is:archived`,
    `${word} is:unread`,
    'is:favourite',
    'has:highlights',
    'lang:de',
    word.slice(0, 4),
  ];

  for (const q of queries) {
    await step(`query ${q}`, async () => {
      const expected = await core.searchPage(q, { limit: 5 });
      await field.fill(q);
      await page.getByRole('heading', { name: `Results for “${q}”` }).waitFor();
      if (expected.total === 0) {
        await page.getByRole('heading', { name: 'No matches' }).waitFor();
        return;
      }
      const label = `${expected.exact ? '' : 'about '}${expected.total.toLocaleString('en-US')} ${expected.total === 1 ? 'result' : 'results'}`;
      await expect.poll(() => page.locator('.list-heading .count').innerText()).toBe(label);
      const titles = expected.hits.map((h) => h.article.title);
      await expect
        .poll(async () =>
          (await page.locator('.article-list .article-row-title').allInnerTexts()).slice(0, titles.length),
        )
        .toEqual(titles);
    });
  }

  await step('matched words are marked in the snippet', async () => {
    await field.fill(word);
    await page.getByRole('heading', { name: `Results for “${word}”` }).waitFor();
    const marks = page.locator('.article-row-snippet mark');
    await marks.first().waitFor();
    const marked = await marks.allInnerTexts();
    expect(marked.some((m) => m.toLowerCase().includes(word))).toBe(true);
    await screenshot(page, 'library-search');
  });

  await step('Escape leaves the search and shows the view again', async () => {
    await field.press('Escape');
    await page.getByRole('heading', { name: 'Inbox', exact: true }).waitFor();
  });
  expect(app.problems).toEqual([]);
});
