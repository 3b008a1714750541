/**
 * The app's page source: pages are fetched as by default, and a web page that holds no article
 * as fetched (an app shell, a <noscript> plea) is rendered by `renderer` and read from its DOM.
 */
import { captureUrl } from '../capture/capture-url';
import type { PageRenderer } from '../capture/page-renderer';
import { fetchedPageSource, type PageSource } from './page-source';

export function renderingPageSource(renderer: PageRenderer): PageSource {
  return {
    capture: (location, options) =>
      location.kind === 'web'
        ? captureUrl(location.url, { ...options, renderer })
        : fetchedPageSource.capture(location, options),
  };
}
