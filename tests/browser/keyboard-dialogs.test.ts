/**
 * One keyboard mechanism for every view: while a modal dialog is open, the view behind it does not
 * answer its shortcuts (the dialog's own keys still work), and once it closes they work again.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { startBrowserKit, step, type BrowserKit } from './support/app-fixture';
import { generateLibrary, type GeneratedLibrary } from './support/generated-library';
import { APP_URL, type AppHarness } from './support/launch-app';

let kit: BrowserKit;
let library: GeneratedLibrary;
let app: AppHarness;

beforeAll(async () => {
  [kit, library] = await Promise.all([startBrowserKit(), generateLibrary(40, 5)]);
  app = await kit.openApp({ libraryDir: library.dir });
});

afterAll(async () => {
  await kit?.dispose();
  await library?.dispose();
});

const focusedLabel = (page: Page) => page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? null);

/** Long enough for a shortcut's effect (a focus move, a call to the core) to have shown. */
const settle = (page: Page) => page.waitForTimeout(400);

test('library shortcuts do nothing while a dialog is open, and work again once it closes', async () => {
  const { page } = app;
  await page.goto(APP_URL);
  await page.getByRole('heading', { name: 'Inbox', exact: true }).waitFor();
  await page.locator('.article-row').first().waitFor();
  const dialog = page.getByRole('dialog', { name: 'Manage tags' });

  await step('Ctrl+L, /, j and g a leave the list alone behind the tag manager', async () => {
    await page.getByRole('button', { name: 'Manage tags' }).click();
    await dialog.waitFor();
    await page.locator('#tag-manager-title').click();
    await page.keyboard.press('Control+L');
    await page.keyboard.press('/');
    await page.keyboard.press('j');
    await page.keyboard.press('g');
    await page.keyboard.press('a');
    await settle(page);
    expect(await focusedLabel(page)).not.toBe('Save a link');
    expect(await focusedLabel(page)).not.toBe('Search articles');
    expect(await page.locator('.article-row.current').count()).toBe(0);
    expect(await page.getByRole('heading', { name: 'Inbox', exact: true }).count()).toBe(1);
    expect(await dialog.count()).toBe(1);
  });

  await step("the dialog's own Escape still closes it", async () => {
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
  });

  await step('with the dialog closed the same keys work', async () => {
    await page.keyboard.press('Control+L');
    await expect.poll(() => focusedLabel(page)).toBe('Save a link');
    await page.locator('.list-heading h1').click();
    await page.keyboard.press('j');
    await expect.poll(() => page.locator('.article-row.current').count()).toBe(1);
    await page.keyboard.press('/');
    await expect.poll(() => focusedLabel(page)).toBe('Search articles');
  });
  expect(app.problems).toEqual([]);
});

test('the reader does not undo a deleted highlight with Ctrl+Z while the shortcuts overlay is open', async () => {
  const { page, core } = app;
  const [clipped] = (await core.listPage({ view: 'clipped', limit: 1 })).items;
  const count = async () => (await core.getArticle(clipped.id)).highlights.length;
  const before = await count();
  await page.goto(`${APP_URL}#/read/${clipped.id}`);
  const mark = page.locator('.article-body mark').first();
  await mark.waitFor();

  await step('a highlight is deleted from its popover', async () => {
    await mark.click();
    await page
      .getByRole('dialog', { name: 'Edit highlight' })
      .getByRole('button', { name: 'Delete highlight' })
      .click();
    await page.getByRole('status').getByText('Highlight deleted').waitFor();
    await expect.poll(count).toBe(before - 1);
  });

  const overlay = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await step('Ctrl+Z and the reading keys do nothing behind the overlay', async () => {
    await page.keyboard.press('?');
    await overlay.waitFor();
    await page.keyboard.press('Control+z');
    await page.keyboard.press('u');
    await settle(page);
    expect(await count()).toBe(before - 1);
    expect(page.url()).toContain(`#/read/${clipped.id}`);
  });

  await step('once the overlay is closed, Ctrl+Z brings the highlight back', async () => {
    await page.keyboard.press('Escape');
    await overlay.waitFor({ state: 'detached' });
    await page.keyboard.press('Control+z');
    await expect.poll(count).toBe(before);
    await page.getByRole('status').getByText('Highlight restored').waitFor();
  });

  await step('/ goes back to the library with the cursor in its search field, asked through the route', async () => {
    await page.keyboard.press('/');
    await page.getByRole('heading', { name: 'Inbox', exact: true }).waitFor();
    await expect.poll(() => focusedLabel(page)).toBe('Search articles');
    // The request is dropped once answered: Back or a reload does not ask again.
    await expect.poll(() => new URL(page.url()).hash).toBe('#/inbox');
    await page.keyboard.type('a');
    expect(await page.getByRole('searchbox', { name: 'Search articles' }).inputValue()).toBe('a');
  });
  expect(app.problems).toEqual([]);
});
