/**
 * The capture queue panel through the test bridge, on a real core and real servers on 127.0.0.1:
 * a paused queue of imported links shows its counts; cancel all, retry all and resume work; the
 * links that could not be captured are listed with why (404 gone, 418 failed) and retried one by one,
 * and their entries stay in the library. The links still waiting are listed too, each with its own
 * Cancel, which takes that one off the queue and leaves the others to be captured.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { OffprintCore } from '../../electron/core/offprint-core';
import { addPlaceholders, articlePage } from '../support/capture-queue-kit';
import { startFixtureServer, type FixtureServer } from '../support/fixture-server';
import { screenshot, startBrowserKit, type BrowserKit } from './support/app-fixture';
import { APP_URL } from './support/launch-app';

let kit: BrowserKit;
let site: FixtureServer;
let libraryDir: string;
let cancelDir: string;

/** A library of imported links waiting for a capture, the queue paused. */
async function pausedQueue(dir: string, urls: string[]): Promise<string[]> {
  const ids = await addPlaceholders(
    dir,
    urls.map((url, i) => ({ title: `Imported link ${i + 1}`, url, tags: ['pocket'] })),
  );
  const core = await OffprintCore.open({ libraryDir: dir });
  await core.enqueueCapture(ids.map((articleId, i) => ({ articleId, url: urls[i] })));
  await core.pauseCaptureQueue();
  await core.close();
  return ids;
}

beforeAll(async () => {
  kit = await startBrowserKit();
  site = await startFixtureServer();
  for (const n of [1, 2, 3])
    site.route(`/story/${n}`, (_req, res) =>
      res.writeHead(200, { 'content-type': 'text/html' }).end(articlePage(`Story ${n}`)),
    );
  site.route('/story/5', (_req, res) => res.writeHead(418).end('no'));
  libraryDir = await mkdtemp(join(tmpdir(), 'offprint-queue-panel-'));
  await pausedQueue(
    libraryDir,
    [1, 2, 3, 4, 5].map((n) => site.url(`/story/${n}`)), // /story/4 is not there: 404
  );
  cancelDir = await mkdtemp(join(tmpdir(), 'offprint-queue-cancel-'));
});
afterAll(async () => {
  await kit?.dispose();
  await site?.close();
  await rm(libraryDir, { recursive: true, force: true });
  await rm(cancelDir, { recursive: true, force: true });
});

test('the queue panel shows progress, pauses, cancels, retries and explains failures', async () => {
  const app = await kit.openApp({ libraryDir });
  const { page } = app;
  await page.goto(APP_URL);
  const panel = page.getByRole('region', { name: 'Capture queue' });
  await panel.getByRole('heading', { name: 'Capturing imported links' }).waitFor();
  expect(await panel.locator('.capture-queue-summary').innerText()).toBe('0 of 5 captured · paused');
  expect(await panel.locator('.capture-queue-counts').innerText()).toMatch(/0\s+captured\s+5\s+waiting/);
  await screenshot(page, 'capture-queue-paused');
  expect(site.requests.filter((r) => r.startsWith('/story'))).toEqual([]);

  // Cancel all, then put them all back.
  await panel.getByRole('button', { name: 'Cancel all' }).click();
  await panel.getByRole('heading', { name: 'Imported links that could not be captured' }).waitFor();
  await panel.getByRole('button', { name: 'Show problems (5)' }).click();
  expect(await panel.locator('.capture-queue-badge.cancelled').count()).toBe(5);
  await panel.getByRole('button', { name: 'Retry all' }).click();
  await panel.getByText('0 of 5 captured · paused').waitFor();

  // Resume: three pages are captured, one is gone, one failed.
  await panel.getByRole('button', { name: 'Resume' }).click();
  await panel.getByText(/^3 of 5 captured$/).waitFor({ timeout: 20_000 });
  await panel.getByRole('heading', { name: 'Imported links that could not be captured' }).waitFor();
  const counts = await panel.locator('.capture-queue-counts').innerText();
  expect(counts).toMatch(/3\s+captured/);
  expect(counts).toMatch(/1\s+failed/);
  expect(counts).toMatch(/1\s+gone/);
  const problems = panel.locator('.capture-queue-problem');
  await problems.nth(1).waitFor();
  expect(await problems.count()).toBe(2);
  const gone = problems.filter({ hasText: 'Imported link 4' });
  expect(await gone.locator('.capture-queue-badge').innerText()).toBe('Gone');
  expect(await gone.locator('.capture-queue-problem-reason').innerText()).toMatch(/404/);
  const failed = problems.filter({ hasText: 'Imported link 5' });
  expect(await failed.locator('.capture-queue-badge').innerText()).toBe('Failed');
  expect(await failed.locator('.capture-queue-problem-reason').innerText()).toMatch(/418/);
  // The list shows the captured pages under their own titles.
  await page.locator('.article-row', { hasText: 'Story 3' }).first().waitFor();
  await screenshot(page, 'capture-queue-problems');

  // Retry one: it is asked for again (and is still gone).
  const asked = site.requests.filter((r) => r === '/story/4').length;
  await page.getByRole('button', { name: 'Retry Imported link 4' }).click();
  await expect.poll(() => site.requests.filter((r) => r === '/story/4').length, { timeout: 10_000 }).toBe(asked + 1);
  await panel.getByText(/^3 of 5 captured$/).waitFor();

  // Every entry is still in the library, captured or not, with its tag.
  const all = await app.core.listArticles({ view: 'all' });
  expect(all).toHaveLength(5);
  for (const article of all) expect(article.tags).toEqual(['pocket']);
  expect(app.blockedRequests).toEqual([]);
});

test('a link still waiting is taken off the queue by its own Cancel; the others are captured', async () => {
  const urls = [1, 2, 3].map((n) => site.url(`/story/${n}?one-by-one`));
  const ids = await pausedQueue(cancelDir, urls);
  const app = await kit.openApp({ libraryDir: cancelDir });
  const { page } = app;
  await page.goto(APP_URL);
  const panel = page.getByRole('region', { name: 'Capture queue' });
  await panel.getByRole('button', { name: 'Show waiting (3)' }).click();
  const rows = panel.locator('.capture-queue-waiting .capture-queue-problem');
  await expect
    .poll(() => rows.locator('.capture-queue-problem-title').allInnerTexts())
    .toEqual(['Imported link 1', 'Imported link 2', 'Imported link 3']);
  expect(await rows.locator('.capture-queue-badge').allInnerTexts()).toEqual(['Waiting', 'Waiting', 'Waiting']);

  await panel.getByRole('button', { name: 'Cancel Imported link 2' }).click();
  await expect
    .poll(() => rows.locator('.capture-queue-problem-title').allInnerTexts())
    .toEqual(['Imported link 1', 'Imported link 3']);
  expect(await panel.locator('.capture-queue-counts').innerText()).toMatch(/2\s+waiting\s+1\s+cancelled/);
  expect((await app.core.listCaptureQueue({ statuses: ['cancelled'] })).map((i) => i.articleId)).toEqual([ids[1]]);
  await screenshot(page, 'capture-queue-waiting');

  await panel.getByRole('button', { name: 'Resume' }).click();
  await panel.getByText(/^2 of 3 captured$/).waitFor({ timeout: 20_000 });
  const asked = site.requests.filter((r) => r.endsWith('?one-by-one'));
  expect(asked.sort()).toEqual(['/story/1?one-by-one', '/story/3?one-by-one']);
  // The cancelled link keeps its entry, and is offered a retry.
  expect(await app.core.listArticles({ view: 'all' })).toHaveLength(3);
  await panel.getByRole('button', { name: 'Show problems (1)' }).click();
  await panel.getByRole('button', { name: 'Retry Imported link 2' }).waitFor();
  expect(app.blockedRequests).toEqual([]);
});
