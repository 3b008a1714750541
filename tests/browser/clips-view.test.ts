/**
 * The Clips view against the real core: every highlight across the library newest first,
 * filters and search, a link back to the highlight's place, an orphaned highlight shown in
 * the Clips view and the side panel and re-attached by selecting text, and "export all".
 */
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { HighlightColor } from '@shared/model';
import { startNewsSite, type NewsSite } from '../support/news-site';
import { screenshot, startBrowserKit, step, type BrowserKit } from './support/app-fixture';
import { GUIDE, startGuideSite } from './support/guide-article';
import { APP_URL, type AppHarness } from './support/launch-app';

let kit: BrowserKit;
let site: Awaited<ReturnType<typeof startGuideSite>>;
let news: NewsSite;
let app: AppHarness;
let exportDir: string;

beforeAll(async () => {
  [kit, site, news] = await Promise.all([startBrowserKit(), startGuideSite(), startNewsSite()]);
  app = await kit.openApp();
  exportDir = await mkdtemp(join(tmpdir(), 'offprint-export-all-'));
});

afterAll(async () => {
  await rm(exportDir, { recursive: true, force: true });
  await Promise.all([site?.close(), news?.close()]);
  await kit?.dispose();
});

async function highlight(articleId: string, passage: string, color: HighlightColor, note = '') {
  const text = await app.core.getArticleText(articleId);
  const start = text.indexOf(passage);
  if (start < 0) throw new Error(`fixture: "${passage}" is not in the article`);
  return app.core.addHighlight({
    articleId,
    quote: {
      type: 'TextQuoteSelector',
      exact: passage,
      prefix: text.slice(Math.max(0, start - 32), start),
      suffix: text.slice(start + passage.length, start + passage.length + 32),
    },
    position: { type: 'TextPositionSelector', start, end: start + passage.length },
    color,
    note,
  });
}

test('clips: newest first, filter, search, jump back, orphan, export all', async () => {
  const { page } = app;
  const guide = (await app.core.saveUrl(site.url)).article;
  const wire = (await app.core.saveUrl(news.articleUrl)).article;
  await app.core.addTag(guide.id, 'Craft');
  await highlight(
    guide.id,
    'Margins were once the place where readers argued with authors',
    'yellow',
    'The margin as a conversation.',
  );
  await highlight(wire.id, news.expected.paragraphs[0].slice(0, 60), 'blue');
  const last = await highlight(guide.id, 'Reading note number 24 closes this thought.', 'green', 'Near the end.');
  // A passage the publisher removed: it can no longer be found, and must not be dropped.
  const orphan = await app.core.addHighlight({
    articleId: guide.id,
    quote: {
      type: 'TextQuoteSelector',
      exact: 'A sentence that the publisher later cut from the essay entirely.',
      prefix: '',
      suffix: '',
    },
    position: { type: 'TextPositionSelector', start: 10, end: 74 },
    color: 'pink',
    note: 'Keep this thought.',
  });

  const cards = page.locator('.clip-card');
  // How many clips answer the current filters; -1 while the list still shows a previous filter's.
  const shownCards = async () =>
    (await page.locator('.clip-list[aria-busy="true"]').count()) > 0 ? -1 : cards.count();
  await step('every highlight, newest first, the orphan flagged', async () => {
    await page.goto(`${APP_URL}#/clips`);
    await page.getByRole('heading', { name: 'Clips' }).waitFor();
    await expect.poll(shownCards).toBe(4);
    const first = await cards.first().innerText();
    expect(first).toContain('A sentence that the publisher later cut');
    expect(first).toContain('Orphaned');
    expect(await cards.nth(1).innerText()).toContain('Reading note number 24');
    await screenshot(page, 'clips-view');
  });

  await step('filter by colour, tag and article, and search', async () => {
    await page.getByRole('radiogroup', { name: 'Colour' }).getByRole('radio', { name: 'blue' }).click();
    await expect.poll(shownCards).toBe(1);
    expect(await cards.first().innerText()).toContain(wire.title);
    await page.getByRole('radiogroup', { name: 'Colour' }).getByRole('radio', { name: 'All colours' }).click();
    await page.getByRole('combobox', { name: 'Tag' }).selectOption('Craft');
    await expect.poll(shownCards).toBe(3);
    await page.getByRole('combobox', { name: 'Tag' }).selectOption('');
    await page.getByRole('combobox', { name: 'Article' }).selectOption(wire.id);
    await expect.poll(shownCards).toBe(1);
    await page.getByRole('combobox', { name: 'Article' }).selectOption('');
    await page.getByRole('searchbox', { name: 'Search clips' }).fill('conversation');
    await expect.poll(shownCards).toBe(1);
    expect(await cards.first().innerText()).toContain('The margin as a conversation.');
    await page.getByRole('searchbox', { name: 'Search clips' }).fill('');
    await expect.poll(shownCards).toBe(4);
  });

  await step('a clip opens the reader at its highlight', async () => {
    await cards.filter({ hasText: 'Reading note number 24' }).locator('.clip-link').click();
    await page.locator('h1.article-title', { hasText: GUIDE.title }).waitFor();
    const mark = page.locator(`mark[data-highlight-id="${last.id}"]`).first();
    await mark.waitFor();
    await expect
      .poll(() =>
        mark.evaluate((el) => {
          const r = el.getBoundingClientRect();
          return r.top > 52 && r.bottom < window.innerHeight;
        }),
      )
      .toBe(true);
  });

  await step('the orphan is in the side panel, and is re-attached by selecting text', async () => {
    await page.keyboard.press('p');
    const orphaned = page.getByRole('region', { name: 'Orphaned highlights' });
    await orphaned.getByText('A sentence that the publisher later cut').waitFor();
    await orphaned.getByRole('button', { name: 'Re-attach' }).click();
    await page.evaluate(() => {
      const p = [...document.querySelectorAll('.article-body p')].find((el) =>
        el.textContent?.startsWith('Passage 3.'),
      )!;
      p.scrollIntoView({ block: 'center', behavior: 'instant' });
      const node = p.firstChild as Text;
      const range = document.createRange();
      range.setStart(node, 0);
      range.setEnd(node, 'Passage 3'.length);
      window.getSelection()!.removeAllRanges();
      window.getSelection()!.addRange(range);
    });
    await page.getByRole('toolbar', { name: 'Selection' }).getByRole('button', { name: 'Re-attach here' }).click();
    await orphaned.waitFor({ state: 'detached' });
    const now = (await app.core.getArticle(guide.id)).highlights;
    expect(now.find((h) => h.id === orphan.id)).toBeUndefined();
    const moved = now.find((h) => h.note === 'Keep this thought.')!;
    expect(moved).toMatchObject({ color: 'pink', quote: { exact: 'Passage 3' } });
    await page.locator(`mark[data-highlight-id="${moved.id}"]`).waitFor();
  });

  await step('export all as Markdown: one file per article', async () => {
    app.exportFolder.path = exportDir;
    await page.keyboard.press('u');
    await page.goto(`${APP_URL}#/clips`);
    await page.getByRole('group', { name: 'Export' }).getByRole('button', { name: 'Export Markdown…' }).click();
    await page.getByRole('status').getByText('Exported 2 files').waitFor();
    const files = (await readdir(exportDir)).sort();
    expect(files).toEqual(
      [
        `${GUIDE.title}.md`,
        `${wire.title
          .replace(/[<>:"/\\|?*]+/g, ' ')
          .replace(/\s+/g, ' ')
          .trim()}.md`,
      ].sort(),
    );
    const guideMd = await readFile(join(exportDir, `${GUIDE.title}.md`), 'utf8');
    expect(guideMd).toContain('tags:\n  - "Craft"');
    expect(guideMd).toContain(
      '> Margins were once the place where readers argued with authors\n\nThe margin as a conversation.',
    );
  });

  expect(app.blockedRequests).toEqual([]);
  expect(app.problems).toEqual([]);
});
