/**
 * Every hostile page, saved through the real core and opened in the real reader in Chromium:
 * no payload may run. A payload that ran would set window.__pwned, open a dialog, request
 * anything outside the app (MARKER_HOST included), or navigate the window — each fails the test.
 * Every element of the article is also hovered, focused and clicked, for handlers that wait for the user.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { HOSTILE_FIXTURES, MARKER_HOST, hostileFixturePath } from '../fixtures/hostile';
import { startBrowserKit, step, type BrowserKit } from './support/app-fixture';
import { APP_ORIGIN, APP_URL } from './support/launch-app';

let kit: BrowserKit;

beforeAll(async () => {
  kit = await startBrowserKit();
});
afterAll(async () => {
  await kit?.dispose();
});

test('no hostile page runs anything, asks anything, loads anything or goes anywhere in the reader', async () => {
  const app = await kit.openApp();
  const { page } = app;
  const dialogs: string[] = [];
  const navigations: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss();
  });
  page.on('framenavigated', (frame) =>
    navigations.push(frame === page.mainFrame() ? frame.url() : `subframe ${frame.url()}`),
  );

  const saved = [];
  for (const name of HOSTILE_FIXTURES) {
    const { article } = await app.core.saveFile(hostileFixturePath(name));
    saved.push({ name, id: article.id });
  }
  expect(saved).toHaveLength(HOSTILE_FIXTURES.length);

  await page.goto(APP_URL);
  for (const { name, id } of saved) {
    await step(name, async () => {
      navigations.length = 0;
      const readerUrl = `${APP_URL}#/read/${id}`;
      await page.goto(readerUrl);
      await page.locator('.article-body p').first().waitFor();
      expect(await page.locator('.article-body').innerText()).toContain('ordinary paragraph of article text');

      // Poke everything a payload could be waiting for.
      await page.evaluate(() => {
        for (const element of document.querySelectorAll<HTMLElement>('.article-body *')) {
          for (const type of ['mouseover', 'mouseenter', 'focus', 'click', 'animationstart', 'load', 'error']) {
            element.dispatchEvent(new Event(type, { bubbles: true, cancelable: true }));
          }
          element.focus?.();
        }
      });
      await page.waitForTimeout(400);

      expect(
        await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned),
        'window.__pwned',
      ).toBeUndefined();
      expect(dialogs).toEqual([]);
      expect(
        app.blockedRequests.filter((url) => url.includes(MARKER_HOST)),
        'requests to the marker host',
      ).toEqual([]);
      expect(app.blockedRequests, 'requests that left the app').toEqual([]);
      expect(page.url()).toBe(readerUrl);
      expect(
        navigations.filter((url) => !url.startsWith(`${APP_ORIGIN}/index.html`)),
        'navigations',
      ).toEqual([]);
      expect(page.frames(), 'frames').toHaveLength(1);
      expect(
        await page
          .locator('.article-body :is(script, iframe, object, embed, form, base, meta, link, style, foreignObject)')
          .count(),
      ).toBe(0);
      expect(app.openedExternally.filter((url) => !/^(https?|mailto):/i.test(url))).toEqual([]);
    });
  }
  expect(app.problems.filter((p) => !/Content Security Policy|Refused to/i.test(p))).toEqual([]);
});
