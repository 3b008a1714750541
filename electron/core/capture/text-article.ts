/** A text/plain page kept as what it is: paragraphs of text. */
import type { ExtractedArticle } from './extract-article';
import { buildArticle } from './extract-article';
import { escapeText } from './main-region';
import type { PageMetadata } from './page-metadata';
import { sanitizeArticleHtml } from './sanitize-article';

export function textToArticle(text: string, pageUrl: string): ExtractedArticle {
  const paragraphs = text
    .replace(/\r\n?/g, '\n')
    .split(/\n\s*\n/)
    // Plain text is usually hard-wrapped: a single newline is not a paragraph break.
    .map((p) => p.replace(/\s*\n\s*/g, ' ').trim())
    .filter(Boolean);
  const first = paragraphs[0] ?? '';
  const titled = paragraphs.length > 1 && first.length <= 150;
  const body = titled ? paragraphs.slice(1) : paragraphs;
  const meta: PageMetadata = {
    title: titled ? first : null,
    declaredTitle: null,
    byline: null,
    siteName: null,
    excerpt: null,
    lang: null,
    dir: null,
    publishedTime: null,
    leadImageUrl: null,
    iconUrl: null,
    canonicalUrl: null,
  };
  const content = sanitizeArticleHtml(body.map((p) => `<p>${escapeText(p)}</p>`).join('\n'));
  return buildArticle(content, 'fallback', meta, pageUrl);
}
