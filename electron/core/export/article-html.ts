/**
 * An article's stored body, parsed, with its offprint-asset: images pointed at wherever an
 * export puts them. An image the export cannot carry becomes its alt text.
 */
import { parseHTML } from 'linkedom';
import { ASSET_SCHEME } from '../library/asset-path';

/** The stored file an offprint-asset: URL of this article names, or null. */
export function assetNameOf(src: string, articleId: string): string | null {
  const prefix = `${ASSET_SCHEME}://${articleId}/`;
  if (src.slice(0, prefix.length).toLowerCase() !== prefix.toLowerCase()) return null;
  try {
    const name = decodeURIComponent(src.slice(prefix.length).replace(/[?#].*$/s, ''));
    return /^[A-Za-z0-9_-][A-Za-z0-9._-]{0,199}$/.test(name) && !name.includes('..') ? name : null;
  } catch {
    return null;
  }
}

/**
 * The body as a parsed element. `imageSource` gives an image's new address from its stored
 * name, or null to replace the image by its alt text.
 */
export function articleBody(
  html: string,
  articleId: string,
  imageSource: (name: string) => string | null,
): HTMLElement {
  const { document } = parseHTML(`<!doctype html><html><head></head><body>${html}</body></html>`);
  for (const img of [...document.querySelectorAll('img')]) {
    const name = assetNameOf(img.getAttribute('src') ?? '', articleId);
    const source = name === null ? null : imageSource(name);
    if (source !== null) {
      img.setAttribute('src', source);
      continue;
    }
    const alt = img.getAttribute('alt')?.trim();
    if (alt) img.replaceWith(document.createTextNode(alt));
    else img.remove();
  }
  return document.body as unknown as HTMLElement;
}
