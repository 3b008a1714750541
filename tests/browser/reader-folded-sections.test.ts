/**
 * A page's folded sections (`<details>`, as FAQs use) open in the reader: what was saved is shown,
 * so it can be read, found and highlighted; a heading inside a summary stays beside its marker.
 */
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { screenshot, startBrowserKit, type BrowserKit } from './support/app-fixture';
import { APP_URL } from './support/launch-app';

let kit: BrowserKit;

beforeAll(async () => {
  kit = await startBrowserKit();
});
afterAll(async () => {
  await kit?.dispose();
});

test('folded sections of a saved page are open in the reader, their headings inline with the marker', async () => {
  const app = await kit.openApp();
  const { page } = app;
  const file = fileURLToPath(new URL('../fixtures/pages/folded-sections.html', import.meta.url));
  const { article } = await app.core.saveFile(file);
  expect(await app.core.getArticleText(article.id)).toContain('Scrub the rust away');

  await page.goto(`${APP_URL}#/read/${article.id}`);
  const sections = page.locator('.article-body details');
  await sections.first().waitFor();
  expect(await sections.count()).toBe(2);
  expect(await sections.evaluateAll((all) => all.map((d) => (d as HTMLDetailsElement).open))).toEqual([true, true]);
  await expect.poll(() => page.getByText('Scrub the rust away').isVisible()).toBe(true);
  await expect.poll(() => page.getByText('Yes, for a short simmer').isVisible()).toBe(true);

  const heading = page.locator('.article-body summary h3');
  expect(await heading.evaluate((h) => getComputedStyle(h).display)).toBe('inline');
  const [summaryBox, headingBox] = await Promise.all([
    page.locator('.article-body summary').first().boundingBox(),
    heading.boundingBox(),
  ]);
  // One line: the heading starts on the summary's first line, right of the marker.
  expect(headingBox!.y - summaryBox!.y).toBeLessThan(headingBox!.height);
  expect(headingBox!.x).toBeGreaterThan(summaryBox!.x);
  await screenshot(page, 'reader-folded-sections');
});
