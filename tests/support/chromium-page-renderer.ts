/**
 * The stand-in PageRenderer for tests: Debian's Chromium through playwright-core, with the
 * same rules as the app's hidden window — a fresh context, scripts on, no downloads, no
 * permissions, no popups, the same budget and network-idle detection.
 */
import type { Browser } from 'playwright-core';
import { NetworkIdle } from '../../electron/core/capture/network-idle';
import type { PageRenderer } from '../../electron/core/capture/page-renderer';

export function chromiumPageRenderer(browser: Browser): PageRenderer & { calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    async render(url, { budgetMs }) {
      calls.push(url);
      const deadline = Date.now() + budgetMs;
      const context = await browser.newContext({
        javaScriptEnabled: true,
        acceptDownloads: false,
        permissions: [],
        serviceWorkers: 'block',
      });
      try {
        const page = await context.newPage();
        page.on('popup', (popup) => void popup.close());
        const network = new NetworkIdle();
        page.on('request', () => network.started());
        page.on('requestfinished', () => network.ended());
        page.on('requestfailed', () => network.ended());
        await page.goto(url, { waitUntil: 'load', timeout: budgetMs });
        await network.settle(deadline);
        return { url: page.url(), html: await page.content() };
      } finally {
        await context.close();
      }
    },
  };
}
