import { useCallback, useMemo, useRef, useState } from 'react';
import { anchorTextQuote, describeTextRange } from '@shared/anchoring/text-quote';
import type { Highlight, HighlightColor, HighlightPatch } from '@shared/model';
import { api } from '../api';
import { readableText, type TextSpan } from './text-offsets';

export interface AnchoredHighlight {
  highlight: Highlight;
  /** Where it sits in the article text now; null when its passage can no longer be found (orphaned). */
  span: TextSpan | null;
  /** The passage as shown in the notebook, with paragraph breaks. */
  display: string;
}

const overlaps = (a: TextSpan, b: TextSpan): boolean => a.start < b.end && b.start < a.end;

/**
 * The article's highlights, re-anchored against the text as displayed, in reading order.
 *
 * Overlap rule: a new highlight that overlaps existing ones merges with them into one
 * highlight covering all of them, in the new colour, keeping every note (joined by a
 * blank line). So the text never carries two highlights at once.
 */
export function useHighlights(articleId: string, initial: Highlight[], text: string, body: HTMLElement | null) {
  const [highlights, setHighlights] = useState(initial);
  const deleted = useRef<Highlight[]>([]);

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

  const create = useCallback(
    async (span: TextSpan, color: HighlightColor, note: string): Promise<Highlight> => {
      const { quote, position } = describeTextRange(text, span);
      const passage = body ? readableText(body, span) : '';
      return api.addHighlight({ articleId, quote, position, color, note, ...(passage ? { text: passage } : {}) });
    },
    [articleId, text, body],
  );

  const add = useCallback(
    async (span: TextSpan, color: HighlightColor, note = ''): Promise<Highlight> => {
      const merged = anchored.filter((a) => a.span && overlaps(a.span, span));
      const union = merged.reduce(
        (u, a) => ({ start: Math.min(u.start, a.span!.start), end: Math.max(u.end, a.span!.end) }),
        span,
      );
      // Notes as the library has them now: an edit may still be on its way back to this view.
      const current = merged.length
        ? new Map((await api.listClips({ articleId })).map((c) => [c.highlight.id, c.highlight.note]))
        : null;
      const notes = [...merged.map((a) => current?.get(a.highlight.id) ?? a.highlight.note), note]
        .map((n) => n.trim())
        .filter(Boolean);
      const created = await create(union, color, notes.join('\n\n'));
      for (const { highlight } of merged) await api.deleteHighlight(highlight.id);
      const gone = new Set(merged.map((a) => a.highlight.id));
      setHighlights((list) => [...list.filter((h) => !gone.has(h.id)), created]);
      return created;
    },
    [anchored, create, articleId],
  );

  const update = useCallback(async (id: string, patch: HighlightPatch) => {
    const updated = await api.updateHighlight(id, patch);
    setHighlights((list) => list.map((h) => (h.id === id ? updated : h)));
  }, []);

  const remove = useCallback(
    async (id: string) => {
      const highlight = highlights.find((h) => h.id === id);
      await api.deleteHighlight(id);
      if (highlight) deleted.current.push(highlight);
      setHighlights((list) => list.filter((h) => h.id !== id));
    },
    [highlights],
  );

  /** Brings back the last deleted highlight, with its colour and note; null when there is none. */
  const undoDelete = useCallback(async (): Promise<Highlight | null> => {
    const last = deleted.current.pop();
    if (!last) return null;
    const restored = await api.addHighlight({
      articleId,
      quote: last.quote,
      position: last.position,
      color: last.color,
      note: last.note,
      ...(last.text ? { text: last.text } : {}),
    });
    setHighlights((list) => [...list, restored]);
    return restored;
  }, [articleId]);

  /** Moves an orphaned highlight (its colour and note) onto a newly selected passage. */
  const reattach = useCallback(
    async (id: string, span: TextSpan): Promise<Highlight> => {
      const orphan = highlights.find((h) => h.id === id);
      if (!orphan) throw new Error('That highlight is gone.');
      const created = await create(span, orphan.color, orphan.note);
      await api.deleteHighlight(id);
      setHighlights((list) => [...list.filter((h) => h.id !== id), created]);
      return created;
    },
    [create, highlights],
  );

  return { anchored, add, update, remove, undoDelete, canUndo: () => deleted.current.length > 0, reattach };
}
