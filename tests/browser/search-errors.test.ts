/** A query the search does not understand is reported in the window, not answered with every article. */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { startBrowserKit, step, type BrowserKit } from './support/app-fixture';
import { generateLibrary, type GeneratedLibrary } from './support/generated-library';
import { APP_URL, type AppHarness } from './support/launch-app';

let kit: BrowserKit;
let library: GeneratedLibrary;
let app: AppHarness;

beforeAll(async () => {
  [kit, library] = await Promise.all([startBrowserKit(), generateLibrary(30, 5)]);
  app = await kit.openApp({ libraryDir: library.dir });
});

afterAll(async () => {
  await kit?.dispose();
  await library?.dispose();
});

test('an unknown filter value shows an error; a known one does not', async () => {
  const { page } = app;
  await page.goto(APP_URL);
  await page.getByRole('heading', { name: 'Inbox', exact: true }).waitFor();
  const field = page.getByRole('searchbox', { name: 'Search articles' });
  const alert = page.getByRole('alert').filter({ hasText: 'Unknown search filter' });

  await step('is:arcived is reported, naming what is: takes', async () => {
    await field.fill('is:arcived');
    await alert.waitFor();
    expect(await alert.innerText()).toMatch(/is:arcived.*archived, unread/);
  });

  await step('has:notes is understood', async () => {
    await field.fill('has:notes');
    await expect.poll(() => alert.count()).toBe(0);
  });
});
