/**
 * Clipping in real Chromium against the real core: highlights across list items and
 * paragraphs (by mouse and by key), a note, a colour change, delete and undo, overlap
 * merging, reload persistence, copy as a quote, and the Markdown export against a file.
 */
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { startBrowserKit, step, type BrowserKit } from './support/app-fixture';
import { GUIDE, startGuideSite } from './support/guide-article';
import { APP_URL, type AppHarness } from './support/launch-app';

let kit: BrowserKit;
let site: Awaited<ReturnType<typeof startGuideSite>>;
let app: AppHarness;
let exportDir: string;

beforeAll(async () => {
  [kit, site] = await Promise.all([startBrowserKit(), startGuideSite()]);
  app = await kit.openApp();
  exportDir = await mkdtemp(join(tmpdir(), 'offprint-export-'));
});

afterAll(async () => {
  await rm(exportDir, { recursive: true, force: true });
  await site?.close();
  await kit?.dispose();
});

/** Selects from `fromText` (its first character) through `toText` (its last), across any elements. */
async function selectBetween(page: Page, fromText: string, toText: string): Promise<string> {
  return page.evaluate(
    ([from, to]) => {
      const body = document.querySelector('.article-body')!;
      const walker = document.createTreeWalker(body, NodeFilter.SHOW_TEXT);
      const range = document.createRange();
      let started = false;
      for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
        if (!started && node.data.includes(from)) {
          range.setStart(node, node.data.indexOf(from));
          started = true;
        }
        if (started && node.data.includes(to)) {
          range.setEnd(node, node.data.indexOf(to) + to.length);
          break;
        }
      }
      range.startContainer.parentElement!.scrollIntoView({ block: 'center', behavior: 'instant' });
      const selection = window.getSelection()!;
      selection.removeAllRanges();
      selection.addRange(range);
      return range.toString();
    },
    [fromText, toText] as const,
  );
}

const marks = (page: Page) => page.locator('.article-body mark[data-highlight-id]');
const highlightsOf = async () => (await app.core.getArticle(articleId)).highlights;
let articleId = '';

test('clip across list items and paragraphs, note, colour, delete and undo, export', async () => {
  const { page } = app;
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  articleId = (await app.core.saveUrl(site.url)).article.id;

  await step('open the article', async () => {
    await page.goto(`${APP_URL}#/read/${articleId}`);
    await page.locator('h1.article-title', { hasText: GUIDE.title }).waitFor();
  });

  await step('highlight from a list item into the next paragraph with the mouse (green swatch)', async () => {
    await selectBetween(page, 'Stop at every', 'continues the argument');
    await page.getByRole('toolbar', { name: 'Selection' }).getByRole('button', { name: 'Highlight in green' }).click();
    await expect.poll(() => marks(page).count()).toBeGreaterThanOrEqual(3);
    const shape = await marks(page).evaluateAll((els) => ({
      ids: new Set(els.map((el) => (el as HTMLElement).dataset.highlightId)).size,
      items: new Set(els.map((el) => el.closest('li')).filter(Boolean)).size,
      paragraphs: new Set(els.map((el) => el.closest('p')).filter(Boolean)).size,
      green: els.every((el) => el.classList.contains('hl-green')),
    }));
    expect(shape).toEqual({ ids: 1, items: 2, paragraphs: 1, green: true });
    await expect.poll(() => page.evaluate(() => window.getSelection()?.toString() ?? '')).toBe('');
    const [saved] = await highlightsOf();
    expect(saved.quote.exact).toMatch(/^Stop at every surprising word/);
    expect(saved.quote.exact).toMatch(/continues the argument$/);
  });

  await step('h highlights a table cell at once with the last colour', async () => {
    await selectBetween(page, 'Margin notes', 'Margin notes');
    await page.keyboard.press('h');
    await expect.poll(async () => (await highlightsOf()).length).toBe(2);
    expect((await highlightsOf()).every((h) => h.color === 'green')).toBe(true);
  });

  await step('n adds a highlight with a note (keyboard only)', async () => {
    await selectBetween(page, 'We read to know', 'not alone');
    await page.keyboard.press('n');
    const note = page.getByRole('dialog', { name: 'Edit highlight' }).getByRole('textbox', { name: 'Note' });
    await note.waitFor();
    await page.keyboard.type('Why we reread.');
    await page.keyboard.press('Control+Enter');
    await expect
      .poll(async () => (await highlightsOf()).find((h) => h.note === 'Why we reread.')?.quote.exact)
      .toBe('We read to know we are not alone');
    await page.keyboard.press('Escape');
  });

  await step('a new highlight overlapping one merges with it and keeps its note', async () => {
    await selectBetween(page, 'alone', 'know ourselves');
    await page.keyboard.press('h');
    await expect
      .poll(async () => (await highlightsOf()).find((h) => h.quote.exact.startsWith('We read to know'))?.quote.exact)
      .toBe('We read to know we are not alone, and we reread to know ourselves');
    expect(await highlightsOf()).toHaveLength(3);
    const merged = (await highlightsOf()).find((h) => h.quote.exact.startsWith('We read to know'))!;
    expect(merged.note).toBe('Why we reread.');
  });

  await step('clicking a highlight changes its colour', async () => {
    await page.locator('mark', { hasText: 'Margin notes' }).click();
    const popover = page.getByRole('dialog', { name: 'Edit highlight' });
    await popover.getByRole('button', { name: 'Colour purple' }).click();
    await expect
      .poll(async () => (await highlightsOf()).find((h) => h.quote.exact.startsWith('Margin notes'))?.color)
      .toBe('purple');
    await expect.poll(() => page.locator('mark.hl-purple', { hasText: 'Margin notes' }).count()).toBe(1);
  });

  await step('delete from the popover, undo with Ctrl+Z', async () => {
    await page
      .getByRole('dialog', { name: 'Edit highlight' })
      .getByRole('button', { name: 'Delete highlight' })
      .click();
    await expect.poll(async () => (await highlightsOf()).length).toBe(2);
    await expect.poll(() => page.locator('mark', { hasText: 'Margin notes' }).count()).toBe(0);
    await page.getByRole('status').getByText('Highlight deleted').waitFor();
    await page.keyboard.press('Control+z');
    await expect.poll(async () => (await highlightsOf()).length).toBe(3);
    await page.locator('mark.hl-purple', { hasText: 'Margin notes' }).waitFor();
  });

  await step('delete from the panel, undo with the toast', async () => {
    await page.keyboard.press('p');
    const panel = page.getByRole('complementary', { name: 'Highlights' });
    const item = panel.locator('.highlight-item', { hasText: 'Margin notes' });
    await item.getByRole('button', { name: 'Delete highlight' }).click();
    await expect.poll(async () => (await highlightsOf()).length).toBe(2);
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(async () => (await highlightsOf()).length).toBe(3);
    // The panel lists them in reading order.
    await expect
      .poll(async () => (await panel.locator('.highlight-quote').allInnerTexts()).map((t) => t.slice(0, 9)))
      .toEqual(['Stop at e', 'We read t', 'Margin no']);
  });

  await step('everything survives a reload', async () => {
    await page.reload();
    await page.locator('h1.article-title').waitFor();
    await expect
      .poll(() =>
        marks(page).evaluateAll((els) => new Set(els.map((e) => (e as HTMLElement).dataset.highlightId)).size),
      )
      .toBe(3);
    await page.getByRole('complementary', { name: 'Highlights' }).getByText('Why we reread.').waitFor();
  });

  await step('copy a selection as a Markdown quote with its citation; Ctrl+C still copies plain text', async () => {
    await selectBetween(page, 'A paragraph read twice', 'first time.');
    await page.getByRole('toolbar', { name: 'Selection' }).getByRole('button', { name: 'Copy quote' }).click();
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toContain('> A paragraph read twice');
    const quote = await page.evaluate(() => navigator.clipboard.readText());
    expect(quote).toContain(`[${GUIDE.title}](${site.url})`);
    expect(quote).toContain(GUIDE.site);
    await selectBetween(page, 'A paragraph read twice', 'first time.');
    await page.keyboard.press('Control+c');
    await expect
      .poll(() => page.evaluate(() => navigator.clipboard.readText()))
      .toBe('A paragraph read twice is often a paragraph understood for the first time.');
  });

  await step('export Markdown into a folder and compare with the expected file', async () => {
    app.exportFolder.path = exportDir;
    await page
      .getByRole('group', { name: 'Export highlights' })
      .getByRole('button', { name: 'Export Markdown…' })
      .click();
    await page
      .getByRole('status')
      .getByText(/Exported to/)
      .waitFor();
    const files = await readdir(exportDir);
    expect(files).toEqual([`${GUIDE.title}.md`]);
    const written = await readFile(join(exportDir, files[0]), 'utf8');
    const expected = await readFile(resolve(import.meta.dirname, '../fixtures/export/slow-reading.md'), 'utf8');
    const stable = (md: string) =>
      md.replaceAll(site.server.origin, 'http://127.0.0.1:PORT').replace(/^saved: .*$/m, 'saved: SAVED');
    expect(stable(written)).toBe(expected);
  });

  expect(app.blockedRequests).toEqual([]);
  expect(app.problems).toEqual([]);
});
