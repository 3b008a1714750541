/**
 * An Omnivore export zip (built here with fflate) dropped on the window is imported through the
 * real core: progress shows, the summary counts the articles and highlights, the articles are in
 * the library with their tags, their highlights (one orphaned) in the Clips view, and Undo import
 * takes it all back. An Offprint JSON backup dropped on an empty library restores it: the same
 * articles, with their ids, tags, bodies and highlights, undone as one change too.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { screenshot, startBrowserKit, type BrowserKit } from './support/app-fixture';
import { OffprintCore } from '../../electron/core/offprint-core';
import { APP_URL } from './support/launch-app';

const TIDES = 'The moon pulls the sea, and twice a day the water rises along the harbour wall.';
const metadata = [
  {
    id: '1',
    slug: 'tides-1a2b',
    title: 'How Tides Work',
    description: 'About the sea.',
    author: 'R. Carson',
    url: 'https://example.com/tides',
    state: 'Archived',
    readingProgress: 40,
    labels: ['science', 'long read'],
    savedAt: '2024-03-05T10:00:00.000Z',
    updatedAt: null,
    publishedAt: null,
  },
  {
    id: '2',
    slug: 'margins-3c4d',
    title: 'كتابة في الهوامش',
    description: null,
    author: null,
    url: 'https://example.org/margins',
    state: 'Active',
    readingProgress: 0,
    labels: ['essays'],
    savedAt: '2024-03-06T10:00:00.000Z',
    updatedAt: null,
    publishedAt: null,
  },
];

function omnivoreZip(): Uint8Array {
  return zipSync({
    'metadata_0_to_20.json': strToU8(JSON.stringify(metadata)),
    'content/tides-1a2b.html': strToU8(`<article><h1>How Tides Work</h1><p>${TIDES}</p><p>${TIDES}</p></article>`),
    'content/margins-3c4d.html': strToU8('<article><p dir="rtl">القراء يكتبون في الهوامش منذ زمن بعيد.</p></article>'),
    'highlights/tides-1a2b.md': strToU8(
      '> twice a day the water rises \n\n#ocean\n\nWorth remembering.\n\n> A passage no longer in the article. \n',
    ),
    'highlights/margins-3c4d.md': strToU8('> القراء يكتبون في الهوامش \n'),
  });
}

let kit: BrowserKit;
let folder: string;
let zipPath: string;
let backupPath: string;
let backupIds: string[];

/** A library of the Omnivore export's articles, one of them tagged again, backed up as Offprint JSON with content. */
async function writeBackup(): Promise<void> {
  const core = await OffprintCore.open({ libraryDir: join(folder, 'source-library') });
  try {
    await core.importPath(zipPath, { capture: false });
    const articles = await core.listArticles({ view: 'all' });
    const margins = articles.find((a) => a.title === 'كتابة في الهوامش')!;
    await core.addTag(margins.id, 'from the backup');
    backupIds = articles.map((a) => a.id).sort();
    backupPath = join(folder, 'backup', 'library.json');
    await core.exportArticles({ format: 'json', includeContent: true }, backupPath);
  } finally {
    await core.close();
  }
}

beforeAll(async () => {
  kit = await startBrowserKit();
  folder = await mkdtemp(join(tmpdir(), 'offprint-import-drop-'));
  zipPath = join(folder, 'omnivore-export.zip');
  await writeFile(zipPath, omnivoreZip());
  await writeBackup();
});
afterAll(async () => {
  await kit?.dispose();
  await rm(folder, { recursive: true, force: true });
});

async function dropFile(page: Page, name: string): Promise<void> {
  await page.evaluate((fileName) => {
    const data = () => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([''], fileName));
      return transfer;
    };
    window.dispatchEvent(new DragEvent('dragenter', { dataTransfer: data(), bubbles: true, cancelable: true }));
    window.dispatchEvent(new DragEvent('dragover', { dataTransfer: data(), bubbles: true, cancelable: true }));
    window.dispatchEvent(new DragEvent('drop', { dataTransfer: data(), bubbles: true, cancelable: true }));
  }, name);
}

test('an export zip dropped on the window is imported, shown, and undone', async () => {
  const app = await kit.openApp();
  const { page } = app;
  await page.addInitScript((path) => {
    window.__offprintFilePaths = { 'omnivore-export.zip': path };
  }, zipPath);
  await page.goto(APP_URL);
  await page.locator('.library').first().waitFor();

  // Progress: the overlay says it is importing, and the core's progress events reach the window.
  await page.evaluate(() => {
    const w = window as unknown as { __progress: unknown[]; __sawImporting: boolean };
    w.__progress = [];
    w.__sawImporting = false;
    window.offprint.on('importProgress', (p) => w.__progress.push(p));
    new MutationObserver(() => {
      if (document.querySelector('[data-testid="import-progress"]')) w.__sawImporting = true;
    }).observe(document.body, { childList: true, subtree: true, characterData: true });
  });
  await dropFile(page, 'omnivore-export.zip');

  const dialog = page.getByRole('dialog', { name: 'Imported Omnivore export' });
  await dialog.waitFor();
  expect(await page.evaluate(() => (window as unknown as { __sawImporting: boolean }).__sawImporting)).toBe(true);
  await page.waitForFunction(() =>
    (window as unknown as { __progress: { stage: string }[] }).__progress.some((p) => p.stage === 'done'),
  );
  const counts = await page.getByTestId('import-counts').innerText();
  expect(counts).toContain('2 articles added');
  expect(counts).toContain('3 highlights: 2 anchored, 1 orphaned, 0 waiting');
  await screenshot(page, 'import-summary');

  // The articles, with their tags, in the library (one archived: everything outside the Trash).
  await page.evaluate(() => (location.hash = '#/all'));
  const rows = page.locator('.article-row-title');
  await expect.poll(() => rows.allInnerTexts()).toEqual(expect.arrayContaining(['How Tides Work', 'كتابة في الهوامش']));
  const tides = page.locator('[data-article-id]', { hasText: 'How Tides Work' });
  expect(await tides.locator('.tag-chip').allInnerTexts()).toEqual(['science', 'long read']);

  // Their highlights in the Clips view, the one that did not anchor marked orphaned.
  await page.evaluate(() => (location.hash = '#/clips'));
  const quotes = page.locator('.clip-quote');
  await expect.poll(() => quotes.count()).toBe(3);
  expect(await page.locator('.clip-card.orphan .clip-quote').innerText()).toContain(
    'A passage no longer in the article.',
  );
  await expect.poll(() => page.locator('.clip-note').allInnerTexts()).toContain('Worth remembering.');
  await screenshot(page, 'import-clips');

  // Undo takes the whole import back.
  await dialog.getByRole('button', { name: 'Undo import' }).click();
  await dialog.waitFor({ state: 'detached' });
  await page.getByText('Import undone: 2 articles removed').waitFor();
  await page.evaluate(() => (location.hash = '#/all'));
  await expect.poll(() => app.core.listArticles({ view: 'all' }).then((a) => a.length)).toBe(0);
  await expect.poll(() => page.locator('.article-row-title').count()).toBe(0);
  expect(await app.core.listClips({})).toEqual([]);
  expect(app.problems).toEqual([]);
  expect(app.blockedRequests).toEqual([]);
});

test('an Offprint JSON backup dropped on an empty library restores it, and is undone as one change', async () => {
  const app = await kit.openApp();
  const { page } = app;
  await page.addInitScript((path) => {
    window.__offprintFilePaths = { 'library.json': path };
  }, backupPath);
  await page.goto(APP_URL);
  await page.locator('.library').first().waitFor();
  await dropFile(page, 'library.json');

  const dialog = page.getByRole('dialog', { name: 'Imported Offprint JSON backup' });
  await dialog.waitFor();
  const counts = await dialog.getByTestId('import-counts').innerText();
  expect(counts).toContain('2 articles added');
  expect(counts).toContain('3 highlights: 2 anchored, 1 orphaned, 0 waiting');

  // The same articles, under the same ids, with their tags, and their bodies to read.
  const restored = await app.core.listArticles({ view: 'all' });
  expect(restored.map((a) => a.id).sort()).toEqual(backupIds);
  await page.evaluate(() => (location.hash = '#/all'));
  const margins = page.locator('[data-article-id]', { hasText: 'كتابة في الهوامش' });
  await margins.waitFor();
  expect(await margins.locator('.tag-chip').allInnerTexts()).toEqual(['essays', 'from the backup']);
  const tides = restored.find((a) => a.title === 'How Tides Work')!;
  expect((await app.core.getArticle(tides.id)).content).toContain('twice a day the water rises');
  await page.evaluate(() => (location.hash = '#/clips'));
  await expect.poll(() => page.locator('.clip-quote').count()).toBe(3);

  await dialog.getByRole('button', { name: 'Undo import' }).click();
  await page.getByText('Import undone: 2 articles removed').waitFor();
  await expect.poll(() => app.core.listArticles({ view: 'all' }).then((a) => a.length)).toBe(0);
  expect(await app.core.listClips({})).toEqual([]);
  expect(app.problems).toEqual([]);
  expect(app.blockedRequests).toEqual([]);
});
