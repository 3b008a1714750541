/** The selection the user made in the browser becomes a highlight of the saved article. */
import { anchorTextQuote, describeTextRange } from '@shared/anchoring/text-quote';
import type { Highlight, NewHighlight, TextQuoteSelector } from '@shared/model';

export interface HighlightingCore {
  getArticleText(id: string): Promise<string>;
  getArticle(id: string): Promise<{ highlights: Highlight[] }>;
  addHighlight(input: NewHighlight): Promise<Highlight>;
}

/**
 * Finds the selection in the stored text and highlights it there; an existing highlight of the
 * same passage is returned instead of a second one. Null when the passage is not in the article.
 */
export async function highlightSelection(
  core: HighlightingCore,
  articleId: string,
  selection: Omit<TextQuoteSelector, 'type'>,
): Promise<Highlight | null> {
  const text = await core.getArticleText(articleId);
  const range = anchorTextQuote(text, { type: 'TextQuoteSelector', ...selection });
  if (!range) return null;
  const { highlights } = await core.getArticle(articleId);
  const same = highlights.find((h) => h.position.start === range.start && h.position.end === range.end);
  if (same) return same;
  const { quote, position } = describeTextRange(text, range);
  return core.addHighlight({ articleId, quote, position, color: 'yellow', note: '', text: quote.exact });
}
