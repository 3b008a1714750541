/**
 * Runs inside the page (chrome.scripting.executeScript), so it must be self-contained: no
 * imports, no outside names. It returns the page as the user sees it: the DOM after the
 * page's scripts ran, every image pointing at the picture actually shown (lazy-loading
 * placeholders replaced by their real source), and the selection as a TextQuote selector.
 */
import type { CapturedPage } from './protocol';

export function capturePage(): CapturedPage {
  const CONTEXT = 32;
  const LAZY = ['data-src', 'data-original', 'data-lazy-src', 'data-hi-res-src', 'data-url'];
  const isPlaceholder = (src: string) => !src || src.startsWith('data:') || src === 'about:blank';
  const absolute = (src: string) => {
    try {
      return new URL(src, document.baseURI).href;
    } catch {
      return src;
    }
  };

  const root = document.documentElement;
  const copy = root.cloneNode(true) as HTMLElement;
  const liveImages = Array.from(root.querySelectorAll('img'));
  const copiedImages = Array.from(copy.querySelectorAll('img'));
  liveImages.forEach((live, i) => {
    const img = copiedImages[i];
    if (!img) return;
    let src = live.currentSrc || live.src;
    if (isPlaceholder(src)) {
      const lazy = LAZY.map((name) => live.getAttribute(name)).find((value) => value && !isPlaceholder(value));
      src = lazy ? absolute(lazy) : src;
    }
    if (!isPlaceholder(src)) {
      img.setAttribute('src', src);
      // The picture shown is the one kept: a srcset would let the app choose another.
      img.removeAttribute('srcset');
      img.removeAttribute('loading');
    }
  });
  copy.querySelectorAll('script, noscript, template, iframe').forEach((el) => el.remove());

  let selection: CapturedPage['selection'];
  const chosen = window.getSelection();
  if (chosen && !chosen.isCollapsed && chosen.rangeCount > 0 && chosen.toString().trim()) {
    const range = chosen.getRangeAt(0);
    const before = document.createRange();
    before.setStart(document.body, 0);
    before.setEnd(range.startContainer, range.startOffset);
    const after = document.createRange();
    after.setStart(range.endContainer, range.endOffset);
    after.setEnd(document.body, document.body.childNodes.length);
    selection = {
      type: 'TextQuoteSelector',
      exact: range.toString(),
      prefix: before.toString().slice(-CONTEXT),
      suffix: after.toString().slice(0, CONTEXT),
    };
  }
  const doctype = document.doctype ? `<!DOCTYPE ${document.doctype.name}>` : '<!DOCTYPE html>';
  return { url: location.href, title: document.title, html: `${doctype}\n${copy.outerHTML}`, selection };
}
