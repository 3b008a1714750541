/**
 * Exporting a selection from the bulk bar against the real core: two articles picked, exported
 * as a Markdown folder, and the files found on disk with their front matter, highlights and images.
 */
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { startNewsSite, type NewsSite } from '../support/news-site';
import { screenshot, startBrowserKit, type BrowserKit } from './support/app-fixture';
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
  exportDir = await mkdtemp(join(tmpdir(), 'offprint-bulk-export-'));
});

afterAll(async () => {
  await rm(exportDir, { recursive: true, force: true });
  await Promise.all([site?.close(), news?.close()]);
  await kit?.dispose();
});

test('the bulk bar exports the two selected articles as a Markdown folder', async () => {
  const { page } = app;
  const guide = (await app.core.saveUrl(site.url)).article;
  const wire = (await app.core.saveUrl(news.articleUrl)).article;
  const text = await app.core.getArticleText(wire.id);
  await app.core.addHighlight({
    articleId: wire.id,
    quote: { type: 'TextQuoteSelector', exact: text.slice(0, 30), prefix: '', suffix: text.slice(30, 60) },
    position: { type: 'TextPositionSelector', start: 0, end: 30 },
    color: 'blue',
    note: 'Check the date',
  });
  await page.goto(APP_URL);
  const rows = page.locator('.article-list .article-row:not(.placeholder)');
  await rows.nth(1).waitFor();
  await rows
    .nth(0)
    .locator('.article-link')
    .click({ modifiers: ['Control'] });
  await rows
    .nth(1)
    .locator('.article-link')
    .click({ modifiers: ['Control'] });
  const bar = page.getByRole('toolbar', { name: 'Selected articles' });
  await bar.getByText('2 selected').waitFor();

  await bar.getByRole('button', { name: 'Export…' }).click();
  const menu = page.getByRole('menu', { name: 'Export as' });
  await menu.waitFor();
  await screenshot(page, 'bulk-export-menu');

  app.exportFolder.path = exportDir;
  await menu.getByRole('menuitem', { name: 'Markdown folder (Obsidian)' }).click();
  await page.getByRole('status').getByText('Exported 2 articles').waitFor();
  expect(await menu.count()).toBe(0);

  const [vault] = await readdir(exportDir);
  expect(vault).toBe('offprint-selection');
  const files = await readdir(join(exportDir, vault), { recursive: true });
  const notes = files.filter((f) => f.endsWith('.md'));
  expect(notes).toHaveLength(2);
  const bodies = await Promise.all(notes.map((f) => readFile(join(exportDir, vault, f), 'utf8')));
  const wireNote = bodies.find((b) => b.includes(wire.title.replace(/"/g, '\\"')) || b.includes(wire.url));
  const guideNote = bodies.find((b) => b.includes(guide.url));
  expect(guideNote).toMatch(/^---\n/);
  expect(guideNote).toContain(GUIDE.title);
  expect(wireNote).toContain('Check the date');
  expect(files.some((f) => f.endsWith('.png'))).toBe(true);
});

test('File → Export Current View exports the view on screen (the menu sends exportView)', async () => {
  const { page } = app;
  await page.keyboard.press('Escape');
  await page.evaluate(() => window.__offprintEmit('exportView', 'csv'));
  const csv = join(exportDir, 'offprint-inbox.csv');
  await expect.poll(() => readdir(exportDir), { timeout: 10_000 }).toContain('offprint-inbox.csv');
  const text = await readFile(csv, 'utf8');
  expect(text.split(/\r?\n/)[0]).toBe('url,title,tags,savedAt,archived,favourite,highlights');
  expect(text).toContain(site.url);
  expect(text).toContain(news.articleUrl);
});
