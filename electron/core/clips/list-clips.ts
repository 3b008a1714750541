/** The Clips view's data: every highlight of every article outside the Trash, newest first, filtered. */
import { anchorTextQuote } from '@shared/anchoring/text-quote';
import type { ArticleMeta, Highlight } from '@shared/model';
import type { Clip, ClipQuery } from '@shared/transfer/clip';
import { hasTag } from '../library/tags';
import { foldText, queryWords } from '@shared/text/fold-text';

export interface ClipSource {
  articles: readonly ArticleMeta[];
  highlightsOf(articleId: string): Promise<readonly Highlight[]>;
  /** The article's stored text, to tell which highlights no longer anchor; may fail when the file is gone. */
  readText(articleId: string): Promise<string>;
}

export async function listClips(source: ClipSource, query: ClipQuery): Promise<Clip[]> {
  const words = query.text ? queryWords(query.text) : [];
  const clips: Clip[] = [];
  for (const article of source.articles) {
    if (article.deletedAt || article.highlightCount === 0) continue;
    if (query.articleId && article.id !== query.articleId) continue;
    if (query.tag && !hasTag(article.tags, query.tag)) continue;
    const title = words.length ? foldText(article.title) : '';
    const matching = (await source.highlightsOf(article.id)).filter((highlight) => {
      if (query.color && highlight.color !== query.color) return false;
      if (!words.length) return true;
      const haystack = `${title}\n${foldText(highlight.quote.exact)}\n${foldText(highlight.note)}`;
      return words.every((word) => haystack.includes(word));
    });
    if (matching.length === 0) continue;
    const text = await source.readText(article.id).catch(() => null);
    for (const highlight of matching) {
      if (article.awaitingCapture) {
        clips.push({ highlight, article, orphaned: false, pending: true });
        continue;
      }
      const orphaned = text !== null && anchorTextQuote(text, highlight.quote, highlight.position) === null;
      clips.push({ highlight, article, orphaned });
    }
  }
  return clips.sort(
    (a, b) =>
      b.highlight.createdAt.localeCompare(a.highlight.createdAt) || a.highlight.id.localeCompare(b.highlight.id),
  );
}
