/**
 * What an update from the web keeps and what it takes from the new capture: the page's own
 * metadata and body are new; the reader's tags, state, progress and highlights stay. Each
 * highlight is found again in the new text; one that cannot be found keeps its old place and
 * the reader shows it as orphaned — a highlight is never dropped by an update.
 */
import { anchorTextQuote } from '@shared/anchoring/text-quote';
import type { ArticleDescription, ArticleMeta, Highlight } from '@shared/model';
import type { ArticleReplacement } from './library-store';

/** What an update brings: the page's description and its new body (a capture, seen from the library). */
export interface NewCopy extends ArticleDescription {
  content: string;
  textContent: string;
}

export interface ReanchorResult {
  highlights: Highlight[];
  /** Ids of the highlights whose passage is no longer in the text. */
  orphaned: string[];
}

export function reanchorHighlights(text: string, highlights: readonly Highlight[]): ReanchorResult {
  const orphaned: string[] = [];
  const moved = highlights.map((highlight) => {
    const range = anchorTextQuote(text, highlight.quote, highlight.position);
    if (!range) {
      orphaned.push(highlight.id);
      return highlight;
    }
    if (range.start === highlight.position.start && range.end === highlight.position.end) return highlight;
    return { ...highlight, position: { type: 'TextPositionSelector' as const, start: range.start, end: range.end } };
  });
  return { highlights: moved, orphaned };
}

/** The article's new index entry and highlights once `captured` replaces its stored copy. */
export function refreshedArticle(
  article: ArticleMeta,
  highlights: readonly Highlight[],
  captured: NewCopy,
  leadImage: string | null,
  now: string,
): ArticleReplacement & { orphaned: string[] } {
  const { highlights: reanchored, orphaned } = reanchorHighlights(captured.textContent, highlights);
  const next: ArticleMeta = {
    ...article,
    title: captured.title || article.title,
    byline: captured.byline,
    siteName: captured.siteName,
    excerpt: captured.excerpt,
    lang: captured.lang,
    dir: captured.dir,
    publishedTime: captured.publishedTime ?? article.publishedTime,
    wordCount: captured.wordCount,
    readingMinutes: captured.readingMinutes,
    leadImage,
    extraction: captured.extraction,
    updatedAt: now,
    highlightCount: reanchored.length,
  };
  delete next.contentMissing;
  return {
    article: next,
    highlights: reanchored,
    content: captured.content,
    textContent: captured.textContent,
    orphaned,
  };
}
