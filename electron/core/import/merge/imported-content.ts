/**
 * An export's own copy of an article (Omnivore content/{slug}.html, Wallabag content), made safe
 * and readable offline at once: the capture sanitizer's two passes with no picture stored (nothing
 * is fetched during an import), so an <img> becomes its alt text as in any capture whose pictures failed.
 */
import type { ImportedHighlight } from '@shared/import/import-model';
import { finalizeArticleHtml, htmlToText, sanitizeArticleHtml } from '../../capture/sanitize-article';
import { textStats, type TextStats } from '../../capture/reading-time';

export interface StoredContent extends TextStats {
  html: string;
  text: string;
}

const NO_IMAGES: ReadonlyMap<string, string> = new Map();

/** The sanitized body and its text, or null when nothing readable is left. */
export function contentFromExport(html: string): StoredContent | null {
  const sanitized = finalizeArticleHtml(sanitizeArticleHtml(html), NO_IMAGES);
  const text = htmlToText(sanitized);
  if (!text) return null;
  return { html: sanitized, text, ...textStats(text) };
}

const escapeHtml = (value: string): string =>
  value.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

/**
 * The body of a document without a URL (a Kindle book, a Readwise highlights book): its passages,
 * each a paragraph with where it is in the book, so its highlights anchor on them and it reads as a
 * commonplace book.
 */
export function contentFromHighlights(highlights: readonly ImportedHighlight[]): StoredContent | null {
  const blocks = highlights
    .filter((h) => h.exact.trim())
    .map((h) => {
      const where = h.locator ? `<p><small>${escapeHtml(h.locator)}</small></p>` : '';
      return `<blockquote><p>${escapeHtml(h.exact)}</p></blockquote>${where}`;
    });
  if (blocks.length === 0) return null;
  return contentFromExport(blocks.join('\n'));
}
