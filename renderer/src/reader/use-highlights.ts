import { useCallback, useMemo, useState } from 'react';
import { anchorTextQuote, describeTextRange } from '@shared/anchoring/text-quote';
import type { Highlight, HighlightColor, HighlightPatch } from '@shared/model';
import { api } from '../api';
import { readableText, type TextSpan } from './text-offsets';

export interface AnchoredHighlight {
  highlight: Highlight;
  /** Where it sits in the article text now; null when its passage can no longer be found. */
  span: TextSpan | null;
  /** The passage as shown in the notebook, with paragraph breaks. */
  display: string;
}

/** The article's highlights, re-anchored against the text as displayed, in reading order. */
export function useHighlights(articleId: string, initial: Highlight[], text: string, body: HTMLElement | null) {
  const [highlights, setHighlights] = useState(initial);

  const anchored = useMemo<AnchoredHighlight[]>(() => {
    if (!text) return [];
    const list = highlights.map((highlight) => {
      const span = anchorTextQuote(text, highlight.quote, highlight.position);
      const display = span && body ? readableText(body, span) : highlight.quote.exact;
      return { highlight, span, display };
    });
    // Orphans keep their creation order after all anchored ones.
    return list.sort((a, b) => {
      if (a.span && b.span) return a.span.start - b.span.start || a.span.end - b.span.end;
      if (a.span) return -1;
      if (b.span) return 1;
      return a.highlight.createdAt.localeCompare(b.highlight.createdAt);
    });
  }, [highlights, text, body]);

  const add = useCallback(
    async (span: TextSpan, color: HighlightColor, note = ''): Promise<Highlight> => {
      const { quote, position } = describeTextRange(text, span);
      const created = await api.addHighlight({ articleId, quote, position, color, note });
      setHighlights((list) => [...list, created]);
      return created;
    },
    [articleId, text],
  );

  const update = useCallback(async (id: string, patch: HighlightPatch) => {
    const updated = await api.updateHighlight(id, patch);
    setHighlights((list) => list.map((h) => (h.id === id ? updated : h)));
  }, []);

  const remove = useCallback(async (id: string) => {
    await api.deleteHighlight(id);
    setHighlights((list) => list.filter((h) => h.id !== id));
  }, []);

  return { anchored, add, update, remove };
}
