/**
 * offprint:// links in the real renderer: the main side hands the parsed link over as the
 * `protocolLink` event (pushed here through the bridge, as the main process sends it).
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { ProtocolLinkRequest } from '@shared/protocol-link';
import { startNewsSite, type NewsSite } from '../support/news-site';
import { startBrowserKit, step, type BrowserKit } from './support/app-fixture';
import { APP_URL, type AppHarness } from './support/launch-app';

let kit: BrowserKit;
let app: AppHarness;
let site: NewsSite;

beforeAll(async () => {
  [kit, site] = await Promise.all([startBrowserKit(), startNewsSite()]);
  app = await kit.openApp();
});
afterAll(async () => {
  await kit?.dispose();
  await site?.close();
});

const fire = (request: ProtocolLinkRequest) =>
  app.page.evaluate((payload) => window.__offprintEmit('protocolLink', payload), request);
const articleRequests = () => site.server.requests.filter((path) => site.articleUrl.endsWith(path));

test('a save link is shown and confirmed before anything is fetched; open and malformed links', async () => {
  const { page } = app;
  await page.goto(APP_URL);
  const dialog = page.getByRole('alertdialog', { name: 'Save this page?' });

  await step('a save link asks first, and Cancel fetches nothing', async () => {
    await fire({ action: 'save', url: site.articleUrl });
    await dialog.waitFor();
    await expect.poll(() => dialog.textContent()).toContain(site.articleUrl);
    await page.waitForTimeout(300);
    expect(articleRequests()).toEqual([]);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.waitForTimeout(300);
    expect(articleRequests()).toEqual([]);
    expect(await app.core.listArticles({ view: 'all' })).toEqual([]);
  });

  let id = '';
  await step('Save saves the page and opens it', async () => {
    await fire({ action: 'save', url: site.articleUrl });
    await dialog.getByRole('button', { name: 'Save' }).click();
    await page.locator('h1.article-title', { hasText: site.expected.title }).waitFor();
    expect(articleRequests().length).toBeGreaterThan(0);
    [{ id }] = await app.core.listArticles({ view: 'all' });
  });

  await step('an open link opens the article', async () => {
    await page.goto(`${APP_URL}#/inbox`);
    await page.locator('h1.article-title').waitFor({ state: 'detached' });
    await fire({ action: 'open', id });
    await page.locator('h1.article-title', { hasText: site.expected.title }).waitFor();
    expect(new URL(page.url()).hash).toBe(`#/read/${id}`);
  });

  await step('a malformed link gets a message', async () => {
    const message = 'Offprint could not follow the link “offprint://nope”: it is not a valid link.';
    await fire({ action: 'malformed', message });
    await page.getByText(message).waitFor();
    expect(await dialog.count()).toBe(0);
  });
});
