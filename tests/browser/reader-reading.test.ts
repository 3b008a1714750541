/**
 * Reading in real Chromium against the real core: the measure, settings and themes
 * (with screenshots and an axe-core check in each), find in article, the table of
 * contents, the shortcuts overlay, read aloud without a voice, the position restored to
 * the same paragraph after a reload, RTL articles, and the end of an article.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { NO_VOICE_MESSAGE } from '../../renderer/src/reader/read-aloud';
import { screenshot, settled, startBrowserKit, step, type BrowserKit } from './support/app-fixture';
import { GUIDE, startGuideSite } from './support/guide-article';
import { APP_URL, type AppHarness } from './support/launch-app';

let kit: BrowserKit;
let site: Awaited<ReturnType<typeof startGuideSite>>;
let app: AppHarness;
let axeSource = '';

beforeAll(async () => {
  [kit, site] = await Promise.all([startBrowserKit(), startGuideSite()]);
  app = await kit.openApp();
  axeSource = await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
});

afterAll(async () => {
  await site?.close();
  await kit?.dispose();
});

/** Serious or critical axe-core violations on the page as it is now. */
async function axeViolations(page: Page): Promise<string[]> {
  // The app's CSP forbids inline scripts (addScriptTag); evaluating over the protocol is not subject to it.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(`${axeSource}\n;true`);
  // Contrast is judged on what settles on screen, not on a frame of a fade-in.
  await settled(page);
  const results = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run(
            ctx: Document,
            o: object,
          ): Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }>;
        };
      }
    ).axe;
    return axe.run(document, { resultTypes: ['violations'] });
  });
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.nodes
          .slice(0, 3)
          .map((n) => n.target.join(' '))
          .join(', ')}`,
    );
}

const topParagraph = (page: Page) =>
  page.evaluate(() => {
    const top = document.querySelector('.reader-main')!.getBoundingClientRect().top + 53;
    const p = [...document.querySelectorAll('.article-body p')].find((el) => el.getBoundingClientRect().bottom > top);
    return p?.textContent?.slice(0, 20) ?? '';
  });

test('reading: measure, settings, themes, find, contents, shortcuts, read aloud, position, end', async () => {
  const { page } = app;
  const { article } = await app.core.saveUrl(site.url);
  const [first, second] = ['Slow reading is not a technique', 'A paragraph read twice is often'];
  const text = await app.core.getArticleText(article.id);
  for (const passage of [first, second]) {
    const start = text.indexOf(passage);
    await app.core.addHighlight({
      articleId: article.id,
      quote: {
        type: 'TextQuoteSelector',
        exact: passage,
        prefix: text.slice(Math.max(0, start - 32), start),
        suffix: text.slice(start + passage.length, start + passage.length + 32),
      },
      position: { type: 'TextPositionSelector', start, end: start + passage.length },
      color: passage === first ? 'yellow' : 'blue',
      note: '',
    });
  }

  await step('the library shows, and passes axe', async () => {
    await page.goto(APP_URL);
    await page.locator('.article-row').waitFor();
    expect(await axeViolations(page)).toEqual([]);
  });

  await step('open: a 60–75 character measure at the default settings, lang set', async () => {
    await page.goto(`${APP_URL}#/read/${article.id}`);
    await page.locator('h1.article-title', { hasText: GUIDE.title }).waitFor();
    await expect.poll(() => page.locator('.article-body mark').count()).toBeGreaterThanOrEqual(2);
    const measure = await page.evaluate(() => {
      const p = [...document.querySelectorAll('.article-body p')].find(
        (el) => (el.textContent ?? '').length > 200 && !el.querySelector('mark'),
      )!;
      const range = document.createRange();
      const node = p.firstChild as Text;
      // Characters on the first line: grow the range until it wraps.
      const top = (() => {
        range.setStart(node, 0);
        range.setEnd(node, 1);
        return range.getBoundingClientRect().top;
      })();
      let n = 1;
      while (n < node.length) {
        range.setStart(node, n);
        range.setEnd(node, n + 1);
        if (range.getBoundingClientRect().top > top + 2) break;
        n += 1;
      }
      return n;
    });
    expect(measure).toBeGreaterThanOrEqual(60);
    expect(measure).toBeLessThanOrEqual(75);
    expect(await page.locator('article.reader-article').getAttribute('lang')).toBe('en');
    expect(await page.locator('.minutes-left').innerText()).toMatch(/^\d+ min left$/);
  });

  for (const theme of ['light', 'sepia', 'dark'] as const) {
    await step(`theme ${theme}: applied at once, screenshot, axe on the reader and the settings popover`, async () => {
      await page.keyboard.press('s');
      const popover = page.getByRole('dialog', { name: 'Reading settings' });
      await popover.waitFor();
      await popover.getByRole('radio', { name: theme[0].toUpperCase() + theme.slice(1) }).click();
      await expect.poll(() => page.locator('.reader').getAttribute('data-reader-theme')).toBe(theme);
      await page.waitForTimeout(300); // let the colour transition end before measuring contrast
      expect(await axeViolations(page)).toEqual([]);
      await page.keyboard.press('Escape');
      await popover.waitFor({ state: 'detached' });
      expect(await axeViolations(page)).toEqual([]);
      await page.locator('.reader-main').evaluate((el) => el.scrollTo({ top: 0, behavior: 'instant' }));
      await screenshot(page, `reader-${theme}-highlights`);
    });
  }

  await step('the theme and size persist across a reload; + and - change the size', async () => {
    await page.keyboard.press('+');
    await expect
      .poll(() => page.locator('.reader-article').evaluate((el) => getComputedStyle(el).fontSize))
      .toBe('21px');
    // The library holds them, not only this window: a fresh window storage still gets them back.
    await expect.poll(async () => (await app.core.getSettings()).reader).toMatchObject({ size: 21, theme: 'dark' });
    await page.evaluate(() => localStorage.clear());
    await page.reload();
    await page.locator('h1.article-title').waitFor();
    await expect.poll(() => page.locator('.reader').getAttribute('data-reader-theme')).toBe('dark');
    await expect
      .poll(() => page.locator('.reader-article').evaluate((el) => getComputedStyle(el).fontSize))
      .toBe('21px');
    await page.keyboard.press('-');
    await expect
      .poll(() => page.locator('.reader-article').evaluate((el) => getComputedStyle(el).fontSize))
      .toBe('20px');
    await page.keyboard.press('s');
    await page.getByRole('dialog', { name: 'Reading settings' }).getByRole('radio', { name: 'Light' }).click();
    await page.keyboard.press('Escape');
  });

  await step('find in article: Ctrl+F, match count, next and previous', async () => {
    await page.keyboard.press('Control+f');
    const field = page.getByRole('searchbox', { name: 'Find in article' });
    await field.waitFor();
    await page.keyboard.type('reading note number');
    const count = page.locator('.find-count');
    await expect.poll(() => count.innerText()).toBe('1 of 26');
    await page.keyboard.press('Enter');
    await expect.poll(() => count.innerText()).toBe('2 of 26');
    await page.keyboard.press('Shift+Enter');
    await page.keyboard.press('Shift+Enter');
    await expect.poll(() => count.innerText()).toBe('26 of 26');
    expect(await page.evaluate(() => CSS.highlights.get('find-match')?.size)).toBe(26);
    await screenshot(page, 'reader-find');
    await page.keyboard.press('Escape');
    await field.waitFor({ state: 'detached' });
    expect(await page.evaluate(() => CSS.highlights.has('find-match'))).toBe(false);
  });

  await step('contents: c lists the headings, choosing one scrolls to it', async () => {
    await page.keyboard.press('c');
    const toc = page.getByRole('navigation', { name: 'Contents' });
    expect(await toc.getByRole('button').allInnerTexts()).toEqual([
      'Why slowness',
      'The margin',
      'Tools that stay out of the way',
      'Coming back',
    ]);
    await toc.getByRole('button', { name: 'Coming back' }).click();
    await expect
      .poll(() =>
        page
          .locator('.article-body h2', { hasText: 'Coming back' })
          .evaluate((el) => Math.round(el.getBoundingClientRect().top)),
      )
      .toBeLessThan(120);
  });

  await step('? lists every shortcut', async () => {
    await page.keyboard.press('?');
    const overlay = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    const listed = await overlay.innerText();
    for (const action of [
      'Scroll down',
      'Page down',
      'Archive',
      'Favourite',
      'Tags',
      'Highlight with a note',
      'Previous or next highlight',
      'Open the original',
      'Search the library',
      'Find in article',
    ]) {
      expect(listed).toContain(action);
    }
    expect(await axeViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await overlay.waitFor({ state: 'detached' });
  });

  await step('read aloud says so when there is no voice', async () => {
    await page.keyboard.press('r');
    await page.getByRole('status').getByText(NO_VOICE_MESSAGE).waitFor();
    await page.getByRole('button', { name: 'Read aloud (no voice available)' }).waitFor();
  });

  await step('the position is restored to the same paragraph after a reload', async () => {
    await page.keyboard.press('Home');
    await page.locator('.reader-main').evaluate((el) => el.scrollTo({ top: 0, behavior: 'instant' }));
    for (let i = 0; i < 4; i += 1) await page.keyboard.press('Space');
    await page.waitForTimeout(700);
    const before = await topParagraph(page);
    expect(before).toMatch(/^Passage \d+/);
    await page.waitForTimeout(1300); // saved at most once a second
    await page.setViewportSize({ width: 1100, height: 860 }); // a different layout, the same paragraph
    await page.reload();
    await page.locator('h1.article-title').waitFor();
    await expect.poll(() => topParagraph(page)).toBe(before);
    await page.setViewportSize({ width: 1280, height: 860 });
  });

  await step('reaching the end marks the article read', async () => {
    await page.keyboard.press('End');
    await page.locator('.reader-main').evaluate((el) => el.scrollTo({ top: el.scrollHeight, behavior: 'instant' }));
    await page.mouse.wheel(0, 400);
    await expect.poll(() => page.locator('.minutes-left').innerText()).toBe('Finished');
    await expect.poll(async () => (await app.core.listArticles({ view: 'all' }))[0].readAt ?? null).not.toBeNull();
  });

  expect(app.blockedRequests).toEqual([]);
  expect(app.problems).toEqual([]);
});

test('an RTL article is laid out right to left, in its language', async () => {
  const rtl = await kit.openApp();
  const { article } = await rtl.core.saveUrl(site.rtlUrl);
  await rtl.page.goto(`${APP_URL}#/read/${article.id}`);
  await rtl.page.locator('.article-body p').first().waitFor();
  const layout = await rtl.page.locator('article.reader-article').evaluate((el) => ({
    dir: el.getAttribute('dir'),
    lang: el.getAttribute('lang'),
    direction: getComputedStyle(el.querySelector('.article-body p')!).direction,
  }));
  expect(layout).toEqual({ dir: 'rtl', lang: 'ar', direction: 'rtl' });
});
