/**
 * A "Web page, complete" save (harbour.html plus harbour_files/) dropped on the window is
 * saved through the real core and opens in the reader with the pictures from its folder.
 * The drop is a synthetic DragEvent carrying a File; the bridge maps its name to the path,
 * as Electron's webUtils.getPathForFile does.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { OffprintApi } from '@shared/ipc/contract';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { makePng } from '../support/images';
import { startBrowserKit, type BrowserKit } from './support/app-fixture';
import { APP_URL } from './support/launch-app';

const SENTENCE = 'The boats came in late and the harbour master counted them twice before the tide turned. ';
const PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Harbour notes</title></head><body>
<article><h1>Harbour notes</h1>${`<p>${SENTENCE.repeat(3)}</p>`.repeat(3)}
<figure><img src="harbour_files/boats.png" alt="Boats at dusk"><figcaption>Boats at dusk.</figcaption></figure>
${`<p>${SENTENCE.repeat(3)}</p>`.repeat(3)}<img src="./harbour_files/quay.png" alt="The quay">${`<p>${SENTENCE.repeat(2)}</p>`.repeat(2)}</article></body></html>`;

let kit: BrowserKit;
let folder: string;

beforeAll(async () => {
  kit = await startBrowserKit();
  folder = await mkdtemp(join(tmpdir(), 'offprint-dropped-'));
  await mkdir(join(folder, 'harbour_files'));
  await writeFile(join(folder, 'harbour.html'), PAGE);
  await writeFile(join(folder, 'harbour_files/boats.png'), makePng(40, 30, [20, 60, 120]));
  await writeFile(join(folder, 'harbour_files/quay.png'), makePng(30, 20, [120, 60, 20]));
});
afterAll(async () => {
  await kit?.dispose();
  await rm(folder, { recursive: true, force: true });
});

/** Drags files over the window and drops them, as a file manager would. */
async function dropFiles(page: Page, files: { name: string; body: string }[]): Promise<void> {
  await page.evaluate((list) => {
    const data = new DataTransfer();
    for (const f of list) data.items.add(new File([f.body], f.name, { type: 'text/html' }));
    window.dispatchEvent(new DragEvent('dragenter', { dataTransfer: data, bubbles: true, cancelable: true }));
    window.dispatchEvent(new DragEvent('dragover', { dataTransfer: data, bubbles: true, cancelable: true }));
  }, files);
  await page.getByText('Drop a web page to save it').waitFor();
  await page.evaluate((list) => {
    const data = new DataTransfer();
    for (const f of list) data.items.add(new File([f.body], f.name, { type: 'text/html' }));
    window.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
  }, files);
}

test('a dropped web page is saved and opens with the pictures from its _files folder', async () => {
  const app = await kit.openApp();
  const { page } = app;
  await page.addInitScript(
    (path) => {
      window.__offprintFilePaths = { 'harbour.html': path };
    },
    join(folder, 'harbour.html'),
  );
  await page.goto(APP_URL);

  await dropFiles(page, [{ name: 'harbour.html', body: PAGE }]);
  await page.waitForURL(/#\/read\//);
  await page.locator('.article-body p').first().waitFor();
  expect(await page.locator('.reader-article h1').first().innerText()).toBe('Harbour notes');
  await page.waitForFunction(() =>
    [...document.querySelectorAll('.article-body img')].every((img) => (img as HTMLImageElement).complete),
  );
  const images = await page.evaluate(() =>
    [...document.querySelectorAll<HTMLImageElement>('.article-body img')].map((img) => ({
      src: img.src,
      width: img.naturalWidth,
    })),
  );
  expect(images.map((i) => i.width)).toEqual([40, 30]);
  for (const image of images) expect(image.src).toMatch(/^offprint-asset:\/\//);
  expect(await page.getByTestId('page-drop-overlay').count()).toBe(0);
  expect(app.blockedRequests).toEqual([]);

  const listed = await app.core.listArticles({ view: 'all' });
  expect(listed.map((a) => a.title)).toEqual(['Harbour notes']);

  // The same file again opens the saved copy instead of a duplicate.
  await page.goto(APP_URL);
  await dropFiles(page, [{ name: 'harbour.html', body: PAGE }]);
  await page.getByText(/Already in your library/).waitFor();
  expect(await app.core.listArticles({ view: 'all' })).toHaveLength(1);
});

test('a dropped file that is not a web page, or has no known location, is refused with a message', async () => {
  const app = await kit.openApp();
  const { page } = app;
  await page.goto(APP_URL);
  await dropFiles(page, [{ name: 'notes.pdf', body: '%PDF-1.7' }]);
  await page.getByText('Only web pages saved as .html or .htm files can be dropped here.').waitFor();

  await dropFiles(page, [{ name: 'elsewhere.html', body: PAGE }]);
  await page.getByText(/“elsewhere\.html” cannot be saved/).waitFor();

  // saveFile takes only a token from a real drop: a path the page names is refused, and so is a made-up token.
  await expect(
    page.evaluate(() => (window as unknown as { offprint: OffprintApi }).offprint.saveFile('/etc/passwd')),
  ).rejects.toThrow(/token/);
  await expect(
    page.evaluate(() =>
      (window as unknown as { offprint: OffprintApi }).offprint.saveFile('AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA'),
    ),
  ).rejects.toThrow(/dropped on the window/);
  expect(await app.core.listArticles({ view: 'all' })).toEqual([]);
});
