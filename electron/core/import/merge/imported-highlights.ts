/**
 * An imported highlight as the library keeps it: anchored on the article's text with the
 * re-anchoring every highlight uses (quote with context, the position when given, then fuzzy),
 * orphaned with its quote and note when it does not anchor, pending while its article waits for a
 * capture. None is ever dropped.
 */
import type { ImportedHighlight } from '@shared/import/import-model';
import type { HighlightState } from '@shared/import/import-summary';
import { anchorTextQuote } from '@shared/anchoring/text-quote';
import { foldText } from '@shared/text/fold-text';
import type { ArticleMeta, Highlight, TextPositionSelector, TextQuoteSelector } from '@shared/model';
import { newId } from '../../library/new-id';

export interface PlacedHighlight {
  highlight: Highlight;
  state: HighlightState;
}

/** The note as kept: a note on no passage (a lone Kindle note) keeps where it was in the book. */
export function storedNote(imported: ImportedHighlight): string {
  return [imported.note, imported.locator && !imported.exact ? imported.locator : ''].filter(Boolean).join('\n');
}

/** Which highlights are the same one, so that importing a file again adds none twice. */
export function highlightKey(exact: string, note: string): string {
  const quote = foldText(exact).replace(/\s+/g, ' ').trim();
  // A note on the whole document has no quote: the note is all that tells it apart.
  return quote ? `q:${quote}` : `n:${foldText(note).replace(/\s+/g, ' ').trim()}`;
}

/**
 * Places `imported` on an article whose text is `text`: null while it waits for a capture (the
 * highlight is then pending), or when it has none (orphaned). An unanchored highlight keeps the
 * export's position, if any, as the hint a later capture starts from.
 */
export function placeHighlight(
  imported: ImportedHighlight,
  article: Pick<ArticleMeta, 'id' | 'awaitingCapture'>,
  text: string | null,
  importId: string,
  now: string,
): PlacedHighlight {
  const articleId = article.id;
  const quote: TextQuoteSelector = {
    type: 'TextQuoteSelector',
    exact: imported.exact,
    prefix: imported.prefix ?? '',
    suffix: imported.suffix ?? '',
  };
  const hint = imported.position;
  let position: TextPositionSelector = {
    type: 'TextPositionSelector',
    start: hint && hint.start >= 0 ? hint.start : 0,
    end: hint && hint.end >= (hint.start ?? 0) ? hint.end : 0,
  };
  let state: HighlightState = article.awaitingCapture ? 'pending' : 'orphaned';
  if (text !== null && !article.awaitingCapture) {
    const range = anchorTextQuote(text, quote, hint ? position : undefined);
    state = range ? 'anchored' : 'orphaned';
    if (range) position = { type: 'TextPositionSelector', start: range.start, end: range.end };
  }
  const createdAt = imported.createdAt ?? now;
  const note = storedNote(imported);
  return {
    highlight: {
      id: newId(),
      articleId,
      quote,
      position,
      color: imported.color ?? 'yellow',
      note,
      ...(imported.labels.length > 0 ? { labels: [...imported.labels] } : {}),
      importId,
      createdAt,
      updatedAt: createdAt,
    },
    state,
  };
}

/** Where a stored highlight stands: pending while its article waits, else anchored or orphaned on the text. */
export function highlightState(
  article: Pick<ArticleMeta, 'awaitingCapture'>,
  highlight: Pick<Highlight, 'quote' | 'position'>,
  text: string | null,
): HighlightState {
  if (article.awaitingCapture) return 'pending';
  if (text === null) return 'orphaned';
  return anchorTextQuote(text, highlight.quote, highlight.position) ? 'anchored' : 'orphaned';
}
