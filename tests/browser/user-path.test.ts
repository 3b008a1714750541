/**
 * The whole user path in real Chromium against the real core: save a news article
 * through the UI, read it, read it again offline, highlight across paragraphs with a
 * note, tag it, find it by a word of its body, archive it.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { makePng } from '../support/images';
import { startNewsSite, type NewsSite } from '../support/news-site';
import { screenshot, startBrowserKit, step, type BrowserKit } from './support/app-fixture';
import { APP_URL, type AppHarness } from './support/launch-app';

let kit: BrowserKit;
let news: NewsSite;
let app: AppHarness;

beforeAll(async () => {
  kit = await startBrowserKit();
  news = await startNewsSite();
  app = await kit.openApp();
});

afterAll(async () => {
  await news?.close().catch(() => {});
  await kit?.dispose();
});

const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

async function articleImagesLoaded(page: Page): Promise<{ count: number; loaded: number; offline: number }> {
  return page.$$eval('.article-body img', (imgs) => ({
    count: imgs.length,
    loaded: imgs.filter((img) => (img as HTMLImageElement).complete && (img as HTMLImageElement).naturalWidth > 0)
      .length,
    offline: imgs.filter((img) => (img as HTMLImageElement).src.startsWith('offprint-asset://')).length,
  }));
}

async function expectArticleShown(page: Page) {
  const { expected } = news;
  await page.locator('h1.article-title', { hasText: expected.title }).waitFor();
  expect(squash(await page.locator('.article-byline').innerText())).toContain(expected.byline);
  const body = squash((await page.locator('.article-body').textContent()) ?? '');
  for (const paragraph of expected.paragraphs) expect(body).toContain(squash(paragraph));
  await expect
    .poll(() => articleImagesLoaded(page))
    .toEqual({ count: expected.imageCount, loaded: expected.imageCount, offline: expected.imageCount });
}

test('save, read offline, highlight with a note, tag, search and archive', async () => {
  const { page } = app;
  const { expected } = news;
  const row = page.locator('.article-row', { hasText: expected.title });

  await step('1. add the article URL with Ctrl+L and see it saved', async () => {
    await page.goto(APP_URL);
    await page.getByRole('heading', { name: 'Welcome to Offprint' }).waitFor();
    await page.keyboard.press('Control+L');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Save a link');
    // Record every progress line the field shows; a local capture is quick.
    await page.evaluate(() => {
      const seen: string[] = [];
      (window as unknown as { __progressSeen: string[] }).__progressSeen = seen;
      new MutationObserver(() => {
        const label = document.querySelector('.capture-label')?.textContent;
        if (label && seen.at(-1) !== label) seen.push(label);
      }).observe(document.body, { subtree: true, childList: true, characterData: true });
    });
    // One slow image keeps the "images" stage on screen long enough to be seen.
    news.server.route('/media/parliament.png', (_req, res) => {
      setTimeout(() => res.writeHead(200, { 'content-type': 'image/png' }).end(makePng(60, 40, [40, 140, 70])), 600);
    });
    await page.keyboard.type(news.articleUrl);
    await page.keyboard.press('Enter');
    await row.waitFor();
    const seen = await page.evaluate(() => (window as unknown as { __progressSeen: string[] }).__progressSeen);
    expect(seen[0]).toBe('Fetching the page…');
    expect(seen.some((label) => /^Saving images \d+\/\d+…$/.test(label))).toBe(true);
    expect(await row.locator('.site').innerText()).not.toBe('');
    expect(await row.locator('time').innerText()).toBe('just now');
    expect(await row.locator('.article-row-meta').innerText()).toMatch(/\d+ min read/);
    await expect
      .poll(() => row.locator('img.thumbnail').evaluate((img: HTMLImageElement) => img.naturalWidth))
      .toBeGreaterThan(0);
    await screenshot(page, 'library-light');
  });

  await step('2. open it with the keyboard: title, byline, paragraphs and images', async () => {
    await page.keyboard.press('j');
    await page.keyboard.press('Enter');
    await expectArticleShown(page);
    await page.locator('a.original-link').click();
    expect(app.openedExternally).toEqual([news.articleUrl]);
    expect(page.url()).toContain('#/read/');
  });

  await step('3. with the news site gone, a reload still shows the article and its images', async () => {
    await news.close();
    await page.reload();
    await expectArticleShown(page);
    expect(app.blockedRequests).toEqual([]);
  });

  let passage = '';
  await step('4. highlight a passage across two paragraphs, add a note, reload', async () => {
    passage = await page.evaluate(() => {
      const paragraphs = [...document.querySelectorAll('.article-body p')].filter(
        (p) => (p.textContent ?? '').length > 60,
      );
      const firstText = (p: Element) => document.createTreeWalker(p, NodeFilter.SHOW_TEXT).nextNode() as Text;
      const start = firstText(paragraphs[1]);
      const end = firstText(paragraphs[2]);
      const range = document.createRange();
      range.setStart(start, Math.floor(start.length / 2));
      range.setEnd(end, 25);
      const selection = window.getSelection()!;
      selection.removeAllRanges();
      selection.addRange(range);
      return range.toString();
    });
    const toolbar = page.getByRole('toolbar', { name: 'Selection' });
    await toolbar.getByRole('button', { name: 'Highlight', exact: true }).waitFor();
    const [bar, selected] = await Promise.all([
      toolbar.boundingBox(),
      page.evaluate(() => window.getSelection()!.getRangeAt(0).getBoundingClientRect().toJSON() as DOMRect),
    ]);
    const overlaps = bar!.y < selected.bottom && bar!.y + bar!.height > selected.top;
    expect(overlaps, 'the selection toolbar must not cover the selection').toBe(false);
    await page.waitForTimeout(200); // let the toolbar finish appearing
    await screenshot(page, 'reader-selection');

    await page.keyboard.press('h');
    const marks = page.locator('.article-body mark[data-highlight-id]');
    await expect.poll(() => marks.count()).toBeGreaterThanOrEqual(2);
    const marked = await marks.evaluateAll((els) => ({
      ids: [...new Set(els.map((el) => (el as HTMLElement).dataset.highlightId))],
      text: els.map((el) => el.textContent).join(''),
      paragraphs: new Set(els.map((el) => el.closest('p'))).size,
    }));
    expect(marked.ids).toHaveLength(1);
    expect(marked.paragraphs).toBe(2);
    expect(marked.text.replace(/\s+/g, '')).toBe(passage.replace(/\s+/g, ''));

    await page.getByRole('button', { name: 'Highlights', exact: true }).click();
    const panel = page.getByRole('complementary', { name: 'Highlights' });
    await panel.getByRole('button', { name: 'Add note' }).click();
    await panel.getByRole('textbox', { name: 'Note' }).fill('Two paragraphs, one thought.');
    await panel.getByRole('button', { name: 'Save note' }).click();
    await panel.getByText('Two paragraphs, one thought.').waitFor();

    await page.reload();
    await page.locator('h1.article-title').waitFor();
    await expect.poll(() => marks.count()).toBeGreaterThanOrEqual(2);
    expect((await marks.evaluateAll((els) => els.map((el) => el.textContent).join(''))).replace(/\s+/g, '')).toBe(
      passage.replace(/\s+/g, ''),
    );
    await panel.getByText('Two paragraphs, one thought.').waitFor();
    // The notebook shows the passage as two paragraphs.
    const shown = (await panel.locator('.highlight-quote').innerText()).split('\n');
    expect(shown).toHaveLength(2);
    expect(shown.join('').replace(/\s+/g, '')).toBe(passage.replace(/\s+/g, ''));
    await screenshot(page, 'reader-light');
  });

  await step('the reader follows a dark system theme', async () => {
    await page.emulateMedia({ colorScheme: 'dark' });
    await expect.poll(() => page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    await screenshot(page, 'reader-dark');
    await page.emulateMedia({ colorScheme: 'light' });
    await expect.poll(() => page.evaluate(() => document.documentElement.dataset.theme)).toBe('light');
  });

  await step('5. tag it, find it by a word of its body, archive it', async () => {
    await page.keyboard.press('t');
    await page.getByRole('combobox', { name: 'Add a tag' }).fill('Geopolitics');
    await page.keyboard.press('Enter');
    await page.getByRole('dialog', { name: 'Tags' }).getByText('Geopolitics').waitFor();
    await screenshot(page, 'reader-tags');
    await page.keyboard.press('Escape');
    await page.getByRole('dialog', { name: 'Tags' }).waitFor({ state: 'detached' });
    await page.keyboard.press('u');

    const word = bodyOnlyWord(expected.title, expected.paragraphs);
    const tagLink = page.getByRole('navigation', { name: 'Library' }).getByRole('link', { name: /Geopolitics/ });
    await tagLink.waitFor();
    await page.keyboard.press('/');
    await page.keyboard.type(word);
    await page.getByRole('heading', { name: `Results for “${word}”` }).waitFor();
    await row.waitFor();
    expect((await row.locator('.article-row-snippet').innerText()).toLowerCase()).toContain(word.toLowerCase());

    await row.hover();
    await row.getByRole('button', { name: 'Archive' }).click();
    await page
      .getByRole('status')
      .getByText(/Archived/)
      .waitFor();
    await page.getByRole('searchbox').press('Escape');

    const nav = page.getByRole('navigation', { name: 'Library' });
    await nav.getByRole('link', { name: 'Archive' }).click();
    await page.getByRole('heading', { name: 'Archive', exact: true }).waitFor();
    await row.waitFor();
    await nav.getByRole('link', { name: 'Inbox' }).click();
    await page.getByRole('heading', { name: 'Inbox zero' }).waitFor();
    expect(await row.count()).toBe(0);
    await tagLink.click();
    await page.getByRole('heading', { name: '#Geopolitics' }).waitFor();
    await row.waitFor();
    await page.emulateMedia({ colorScheme: 'dark' });
    await screenshot(page, 'library-dark');
    await page.emulateMedia({ colorScheme: 'light' });
  });

  expect(app.blockedRequests).toEqual([]);
  expect(app.problems).toEqual([]);
});

/** A long word from the body that the title does not contain, so only full-text search finds it. */
function bodyOnlyWord(title: string, paragraphs: string[]): string {
  const inTitle = new Set(title.toLowerCase().split(/\W+/));
  const words =
    paragraphs
      .slice(2)
      .join(' ')
      .match(/\b[A-Za-z]{8,}\b/g) ?? [];
  const word = words.find((w) => !inTitle.has(w.toLowerCase()));
  if (!word) throw new Error('The fixture article has no long body-only word');
  return word;
}
