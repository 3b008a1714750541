/**
 * The library process stopping, in the real renderer: main sends `coreStatus` (pushed here through
 * the bridge, as main sends it); the window says so at once, and loads again once the core is back.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { CoreStatus } from '@shared/ipc/contract';
import { startNewsSite, type NewsSite } from '../support/news-site';
import { screenshot, startBrowserKit, step, type BrowserKit } from './support/app-fixture';
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

const fire = (status: CoreStatus) =>
  app.page.evaluate((payload) => window.__offprintEmit('coreStatus', payload), status);

test('a crashed library process is reported at once, and the library shows again once it is back', async () => {
  const { page } = app;
  await page.goto(APP_URL);
  await page.getByRole('heading', { name: 'Welcome to Offprint' }).waitFor();

  await step('the crash is an alert over the view', async () => {
    await fire({ state: 'crashed', message: 'The library process stopped unexpectedly and is being restarted.' });
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.innerText()).toBe('The library process stopped unexpectedly and is being restarted.');
    expect(await alert.getByRole('button', { name: 'Dismiss' }).count()).toBe(0);
    await screenshot(page, 'core-crashed');
  });

  await step('once back, the views load again and the note can be dismissed', async () => {
    // Saved while the window was not looking: only the reload on restart shows it.
    await app.core.saveUrl(site.articleUrl);
    await fire({ state: 'restarted', message: 'The library is back.' });
    await page.getByRole('alert').waitFor({ state: 'detached' });
    const note = page.locator('.core-status');
    expect(await note.innerText()).toBe('The library is back.');
    await page.getByText(site.expected.title).first().waitFor();
    await note.getByRole('button', { name: 'Dismiss' }).click();
    await note.waitFor({ state: 'detached' });
  });
  expect(app.problems).toEqual([]);
});
