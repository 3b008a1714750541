import { api } from '../api';
import { ARTICLE_ID_PREFIX } from './sanitize-article';

const EXTERNAL_PROTOCOLS = new Set(['http:', 'https:', 'mailto:']);

/**
 * Links inside an article never navigate the app: in-page anchors scroll, web and mail
 * links go to the system browser, anything else does nothing.
 */
export function handleArticleLinkClick(event: MouseEvent, root: HTMLElement): void {
  const anchor = event.target instanceof Element ? event.target.closest('a') : null;
  if (!anchor || !root.contains(anchor)) return;
  event.preventDefault();
  const href = anchor.getAttribute('href')?.trim();
  if (!href) return;
  if (href.startsWith('#')) {
    const id = decodeURIComponent(href.slice(1));
    const target =
      root.querySelector(`[id="${CSS.escape(ARTICLE_ID_PREFIX + id)}"]`) ??
      root.querySelector(`[id="${CSS.escape(id)}"]`);
    target?.scrollIntoView({ behavior: 'smooth', block: 'start' });
    return;
  }
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return;
  }
  if (EXTERNAL_PROTOCOLS.has(url.protocol)) void api.openExternal(url.href);
}
