import { afterAll, beforeAll } from 'vitest';
import { startNewsSite, type NewsSite } from '../../support/news-site';
import { startBrowserKit, type BrowserKit } from './app-fixture';

/** Chromium with the app, and the local news site, started once for the calling file and stopped after it. */
export function useNewsKit(): { readonly kit: BrowserKit; readonly news: NewsSite } {
  const started = {} as { kit: BrowserKit; news: NewsSite };
  beforeAll(async () => {
    [started.kit, started.news] = await Promise.all([startBrowserKit(), startNewsSite()]);
  });
  afterAll(async () => {
    await started.news?.close();
    await started.kit?.dispose();
  });
  return started;
}
