import { useCallback, type RefObject } from 'react';
import type { ArticleMeta, Highlight, HighlightColor } from '@shared/model';
import type { TextSpan } from './text-offsets';
import { quoteWithCitation } from '@shared/transfer/markdown-export';
import { updateReaderSettings } from '../settings/reader-settings';
import { useFailureToast, useToast } from '../ui/toast';
import { currentRange, selectedSpan } from './current-selection';
import { readableText } from './text-offsets';

/** What the reader does with the text it selected: highlight it, note it, quote it. */
export function useSelectionActions({
  bodyRef,
  text,
  meta,
  lastColor,
  add,
  onNoted,
}: {
  bodyRef: RefObject<HTMLElement | null>;
  text: string;
  meta: ArticleMeta;
  lastColor: HighlightColor;
  add(span: TextSpan, color: HighlightColor, note: string): Promise<Highlight>;
  /** A highlight made to take a note: its popover opens where the selection was. */
  onNoted(highlight: Highlight, rect: DOMRect): void;
}) {
  const notify = useToast();
  const fail = useFailureToast();

  const highlight = useCallback(
    async (color: HighlightColor, note = '') => {
      const span = selectedSpan(bodyRef.current, text);
      if (!span) {
        notify('Select a passage in the article first.');
        return null;
      }
      if (color !== lastColor) updateReaderSettings({ lastColor: color });
      const selected = currentRange();
      try {
        const created = await add(span, color, note);
        // Clear only the selection that was highlighted: the reader may have selected more meanwhile.
        if (selected && currentRange() === selected) window.getSelection()?.removeAllRanges();
        return created;
      } catch (error) {
        fail(error);
        return null;
      }
    },
    [add, fail, notify, text, lastColor, bodyRef],
  );

  const note = useCallback(async () => {
    const rect = currentRange()?.getBoundingClientRect() ?? null;
    const created = await highlight(lastColor);
    if (created && rect) onNoted(created, rect);
  }, [highlight, lastColor, onNoted]);

  const copyQuote = useCallback(async () => {
    const span = selectedSpan(bodyRef.current, text);
    if (!span || !bodyRef.current) return;
    try {
      await navigator.clipboard.writeText(quoteWithCitation(readableText(bodyRef.current, span), meta));
      notify('Copied as a Markdown quote');
    } catch (error) {
      fail(error);
    }
  }, [text, meta, notify, fail, bodyRef]);

  return { highlight, note, copyQuote };
}
