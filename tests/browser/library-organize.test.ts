/**
 * Views, sort and filters that persist per view, keyboard triage, bulk actions, Trash with undo,
 * and the tag manager — in real Chromium, on a generated library opened by the real core.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { ListQuery } from '@shared/model';
import { screenshot, startBrowserKit, step, type BrowserKit } from './support/app-fixture';
import { generateLibrary, type GeneratedLibrary } from './support/generated-library';
import { APP_URL, type AppHarness } from './support/launch-app';

let kit: BrowserKit;
let library: GeneratedLibrary;
let app: AppHarness;

beforeAll(async () => {
  [kit, library] = await Promise.all([startBrowserKit(), generateLibrary(150)]);
  app = await kit.openApp({ libraryDir: library.dir });
});

afterAll(async () => {
  await kit?.dispose();
  await library?.dispose();
});

const rows = () => app.page.locator('.article-list .article-row:not(.placeholder)');
const titles = () => app.page.locator('.article-list .article-row-title').allInnerTexts();
const countText = () => app.page.locator('.list-heading .count').innerText();
const total = async (query: ListQuery) => (await app.core.listPage({ ...query, limit: 1 })).total;
const firstTitles = async (query: ListQuery, n = 3) =>
  (await app.core.listPage({ ...query, limit: n })).items.map((a) => a.title);
const nav = () => app.page.getByRole('navigation', { name: 'Library' });

async function expectList(query: ListQuery) {
  const expected = await total(query);
  await expect.poll(countText).toBe(expected.toLocaleString('en-US'));
  const want = await firstTitles(query);
  await expect.poll(async () => (await titles()).slice(0, want.length)).toEqual(want);
}

test('views, per-view sort and filters, keyboard triage, bulk actions, Trash and tags', async () => {
  const { page } = app;
  await page.goto(APP_URL);

  await step('each view lists what the core says it holds', async () => {
    await page.getByRole('heading', { name: 'Inbox', exact: true }).waitFor();
    await expectList({ view: 'inbox' });
    for (const [label, view] of [
      ['Favourites', 'favourites'],
      ['Archive', 'archive'],
      ['All articles', 'all'],
      ['Highlighted', 'clipped'],
      ['Trash', 'trash'],
    ] as const) {
      await nav().getByRole('link', { name: label, exact: true }).click();
      await page.getByRole('heading', { name: label, exact: true }).waitFor();
      await expectList({ view });
    }
    await page.getByText('removed for good after 30 days').waitFor();
    const tag = (await app.core.listTags()).sort((a, b) => b.count - a.count)[0];
    await nav()
      .getByRole('link', { name: new RegExp(`^${tag.name}\\s*${tag.count}$`) })
      .click();
    await page.getByRole('heading', { name: `#${tag.name}` }).waitFor();
    await expectList({ view: 'all', tag: tag.name });
  });

  await step('sort and filters apply, and each view remembers its own', async () => {
    await nav().getByRole('link', { name: 'Inbox' }).click();
    await page.getByRole('heading', { name: 'Inbox', exact: true }).waitFor();
    await page.getByRole('combobox', { name: 'Sort by' }).selectOption('title');
    await page.getByRole('combobox', { name: 'Sort direction' }).selectOption('asc');
    await expectList({ view: 'inbox', sort: { field: 'title', direction: 'asc' } });
    await page.getByRole('combobox', { name: 'Language' }).selectOption('de');
    await page.getByRole('combobox', { name: 'Read state' }).selectOption('unread');
    const filtered: ListQuery = {
      view: 'inbox',
      sort: { field: 'title', direction: 'asc' },
      lang: 'de',
      readState: 'unread',
    };
    await expectList(filtered);
    expect(await total(filtered)).toBeLessThan(await total({ view: 'inbox' }));

    await nav().getByRole('link', { name: 'Archive' }).click();
    await page.getByRole('heading', { name: 'Archive', exact: true }).waitFor();
    expect(await page.getByRole('combobox', { name: 'Sort by' }).inputValue()).toBe('saved');
    await page.getByRole('combobox', { name: 'Sort by' }).selectOption('length');
    await expectList({ view: 'archive', sort: { field: 'length', direction: 'desc' } });

    await page.reload();
    await page.getByRole('heading', { name: 'Archive', exact: true }).waitFor();
    await page.keyboard.press('g');
    await page.keyboard.press('i');
    await page.getByRole('heading', { name: 'Inbox', exact: true }).waitFor();
    await expectList(filtered);
    expect(await page.getByRole('combobox', { name: 'Language' }).inputValue()).toBe('de');
    const settings = await app.core.getSettings();
    expect(settings.views.inbox).toEqual({
      sort: { field: 'title', direction: 'asc' },
      filters: { lang: 'de', readState: 'unread' },
    });
    expect(settings.views.archive?.sort).toEqual({ field: 'length', direction: 'desc' });

    const site = (await app.core.listPage({ ...filtered, limit: 1 })).items[0].siteName!;
    await page.getByRole('combobox', { name: 'Site filter' }).fill(site);
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await app.core.getSettings()).views.inbox?.filters?.site).toBe(site);
    await expectList({ ...filtered, site });
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await expectList({ view: 'inbox', sort: { field: 'title', direction: 'asc' } });
  });

  await step('keyboard triage: j/k, e archives, f favourites, # deletes, Ctrl+Z undoes, o opens', async () => {
    const inbox: ListQuery = { view: 'inbox', sort: { field: 'title', direction: 'asc' } };
    const [first, second] = (await app.core.listPage({ ...inbox, limit: 2 })).items;
    await page.locator('.list-heading h1').click();
    await page.keyboard.press('j');
    await page.keyboard.press('j');
    await page.keyboard.press('k');
    await expect.poll(() => page.locator('.article-row.current .article-row-title').innerText()).toBe(first.title);
    await page.keyboard.press('e');
    await page.getByRole('status').getByText(`Archived “${first.title}”`).waitFor();
    expect((await app.core.getArticle(first.id)).archived).toBe(true);
    // The next article takes the archived one's place under the cursor.
    await expect.poll(() => page.locator('.article-row.current .article-row-title').innerText()).toBe(second.title);
    await page.keyboard.press('Control+z');
    await expect.poll(async () => (await app.core.getArticle(first.id)).archived).toBe(false);
    await expect.poll(() => page.locator('.article-row.current .article-row-title').innerText()).toBe(first.title);

    const star = page.locator('.article-row.current .row-actions button[aria-pressed]');
    await page.keyboard.press('f');
    await expect.poll(async () => (await app.core.getArticle(first.id)).favourite).toBe(!first.favourite);
    await expect.poll(() => star.getAttribute('aria-pressed')).toBe(String(!first.favourite));
    await page.keyboard.press('f');
    await expect.poll(async () => (await app.core.getArticle(first.id)).favourite).toBe(first.favourite);

    await page.keyboard.press('#');
    await page.getByRole('status').getByText(`Moved “${first.title}” to the Trash`).waitFor();
    expect((await app.core.getArticle(first.id)).deletedAt).toBeTruthy();
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(async () => (await app.core.getArticle(first.id)).deletedAt ?? null).toBeNull();

    await expect.poll(() => page.locator('.article-row.current .article-row-title').innerText()).toBe(first.title);
    await page.keyboard.press('o');
    await expect.poll(() => page.url()).toBe(`${APP_URL}#/read/${first.id}`);
    await page.goBack();
    await page.getByRole('heading', { name: 'Inbox', exact: true }).waitFor();
    await rows().first().waitFor();
  });

  await step('t tags the row under the cursor, with suggestions from existing tags', async () => {
    const known = (await app.core.listTags()).sort((a, b) => b.count - a.count)[0];
    await page.keyboard.press('j');
    const id = await page.locator('.article-row.current').getAttribute('data-article-id');
    const before = await app.core.getArticle(id!);
    await page.keyboard.press('t');
    const dialog = page.getByRole('dialog', { name: 'Tags' });
    const field = dialog.getByRole('combobox', { name: 'Add a tag' });
    await field.fill('reading list');
    await page.keyboard.press('Enter');
    await dialog.getByText('reading list').waitFor();
    if (!before.tags.some((t) => t.toLowerCase() === known.name.toLowerCase())) {
      await field.fill(known.name.slice(0, 3).toLowerCase());
      await dialog.getByRole('option', { name: new RegExp(`^${known.name}`) }).click();
      await dialog.getByText(known.name, { exact: true }).waitFor();
    }
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    const after = await app.core.getArticle(id!);
    expect(after.tags).toContain('reading list');
    expect(after.tags.map((t) => t.toLowerCase())).toContain(known.name.toLowerCase());
  });

  await step('bulk: x, shift-click and Ctrl-click select; archive all of them; undo', async () => {
    await page.keyboard.press('Escape');
    const list = rows();
    await list
      .nth(0)
      .locator('.article-link')
      .click({ modifiers: ['Control'] });
    await list
      .nth(3)
      .locator('.article-link')
      .click({ modifiers: ['Shift'] });
    await page.keyboard.press('j'); // cursor on row 4
    await page.keyboard.press('j'); // row 5
    await page.keyboard.press('x');
    const bar = page.getByRole('toolbar', { name: 'Selected articles' });
    await bar.getByText('5 selected').waitFor();
    const picked = await page
      .locator('.article-row.selected')
      .evaluateAll((els) => els.map((el) => (el as HTMLElement).dataset.articleId!));
    expect(picked).toHaveLength(5);
    await page.waitForTimeout(150);
    await screenshot(page, 'library-bulk-selection');
    await bar.getByRole('button', { name: 'Archive', exact: true }).click();
    await page.getByRole('status').getByText('Archived 5 articles').waitFor();
    for (const id of picked) expect((await app.core.getArticle(id)).archived).toBe(true);
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect
      .poll(async () => (await Promise.all(picked.map((id) => app.core.getArticle(id)))).every((a) => !a.archived))
      .toBe(true);

    await page.keyboard.press('Control+a');
    const inboxTotal = await total({ view: 'inbox' });
    await bar.getByText(`${inboxTotal} selected`).waitFor();
    await bar.getByRole('button', { name: 'Tag…' }).click();
    await page.getByRole('dialog', { name: 'Tags' }).getByRole('combobox', { name: 'Add a tag' }).fill('Everything');
    await page.keyboard.press('Enter');
    await page.getByRole('status').getByText(`Tagged ${inboxTotal} articles “Everything”`).waitFor();
    await page.getByRole('dialog', { name: 'Tags' }).getByRole('button', { name: 'Remove tag Everything' }).click();
    await page.getByRole('status').getByText(`Removed “Everything” from ${inboxTotal} articles`).waitFor();
    await page.keyboard.press('Escape');
    expect((await app.core.listTags()).some((t) => t.name === 'Everything')).toBe(false);
    await page.keyboard.press('Escape');
    await bar.waitFor({ state: 'detached' });
  });

  await step('delete to Trash, restore from it, empty it after confirming', async () => {
    const list = rows();
    const ids = [
      await list.nth(0).getAttribute('data-article-id'),
      await list.nth(1).getAttribute('data-article-id'),
    ] as string[];
    await list.nth(0).locator('.row-check input').click();
    await list.nth(1).locator('.row-check input').click();
    await page
      .getByRole('toolbar', { name: 'Selected articles' })
      .getByRole('button', { name: 'Delete', exact: true })
      .click();
    await page.getByRole('status').getByText('Moved 2 articles to the Trash').waitFor();
    const trashBefore = await total({ view: 'trash' });
    await page.keyboard.press('g');
    await page.keyboard.press('t');
    await page.getByRole('heading', { name: 'Trash', exact: true }).waitFor();
    await expectList({ view: 'trash' });
    const trashed = page.locator(`.article-row[data-article-id="${ids[0]}"]`);
    await trashed.hover();
    await trashed.getByRole('button', { name: 'Restore' }).click();
    await expect.poll(async () => (await app.core.getArticle(ids[0])).deletedAt ?? null).toBeNull();
    await expect.poll(countText).toBe(String(trashBefore - 1));

    await page.getByRole('button', { name: 'Empty Trash…' }).click();
    const confirm = page.getByRole('alertdialog', { name: 'Empty the Trash?' });
    await confirm.getByRole('button', { name: 'Cancel' }).click();
    expect(await total({ view: 'trash' })).toBe(trashBefore - 1);
    await page.getByRole('button', { name: 'Empty Trash…' }).click();
    await confirm.getByRole('button', { name: 'Empty Trash' }).click();
    await page.getByRole('heading', { name: 'Trash is empty' }).waitFor();
    expect(await total({ view: 'trash' })).toBe(0);
    await expect(app.core.getArticle(ids[1])).rejects.toThrow();
  });

  await step('the tag manager renames and merges tags everywhere, matching any case', async () => {
    const before = (await app.core.listTags()).sort((a, b) => b.count - a.count);
    const [a, b, c] = before;
    await nav().getByRole('button', { name: 'Manage tags' }).click();
    const manager = page.getByRole('dialog', { name: 'Manage tags' });
    await manager.getByRole('button', { name: `Rename ${a.name}` }).click();
    await manager.getByRole('textbox', { name: 'New tag name' }).fill('Renamed Tag');
    await manager.getByRole('button', { name: 'Rename', exact: true }).click();
    await page.getByRole('status').getByText(`Renamed “${a.name}” to “Renamed Tag”`).waitFor();
    await manager.getByText('Renamed Tag').waitFor();

    await manager.getByRole('checkbox', { name: `Pick ${b.name}` }).check();
    await manager.getByRole('checkbox', { name: `Pick ${c.name}` }).check();
    await manager.getByRole('button', { name: /Merge 2 tags/ }).click();
    await manager.getByRole('textbox', { name: 'New tag name' }).fill(b.name.toUpperCase());
    await page.waitForTimeout(150);
    await screenshot(page, 'library-tag-manager');
    await manager.getByRole('button', { name: 'Merge', exact: true }).click();
    await page
      .getByRole('status')
      .getByText(/Merged 2 tags/)
      .waitFor();

    const after = await app.core.listTags();
    expect(after.find((t) => t.name === 'Renamed Tag')?.count).toBe(a.count);
    expect(after.some((t) => t.name === a.name)).toBe(false);
    const merged = after.find((t) => t.name.toLowerCase() === b.name.toLowerCase());
    expect(merged?.name).toBe(b.name.toUpperCase());
    expect(merged!.count).toBeGreaterThanOrEqual(Math.max(b.count, c.count));
    expect(after.some((t) => t.name.toLowerCase() === c.name.toLowerCase())).toBe(false);
    await page.keyboard.press('Escape');
    await manager.waitFor({ state: 'detached' });
    await nav()
      .getByRole('link', { name: /^Renamed Tag/ })
      .waitFor();
  });

  expect(app.blockedRequests).toEqual([]);
  expect(app.problems).toEqual([]);
});
