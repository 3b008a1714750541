import { useCallback, useEffect, useRef, useState } from 'react';
import { flashHighlight, marksOf } from './paint-highlights';

export interface HighlightEditorAt {
  id: string;
  rect: DOMRect;
  editNote: boolean;
}

/**
 * Which highlight the reader is on (the active one, and the one whose popover is open), and the
 * moves between highlights: click, `[` `]`, Enter, and the jump to one opened from the Clips view.
 */
export function useHighlightFocus({
  body,
  ids,
  openAt,
  onNone,
}: {
  body: HTMLElement | null;
  /** The painted highlights, in reading order. */
  ids: string[];
  /** A highlight to go straight to once it is painted. */
  openAt?: string;
  onNone(message: string): void;
}) {
  const [activeId, setActiveId] = useState<string | null>(null);
  const [editor, setEditor] = useState<HighlightEditorAt | null>(null);

  const select = useCallback(
    (id: string) => {
      setActiveId(id);
      if (body) flashHighlight(body, id);
    },
    [body],
  );

  const jumped = useRef(false);
  useEffect(() => {
    if (!openAt || jumped.current || !body || ids.length === 0) return;
    jumped.current = true;
    setActiveId(openAt);
    requestAnimationFrame(() => flashHighlight(body, openAt, 'instant'));
  }, [openAt, body, ids]);

  const openMark = useCallback((id: string, mark: HTMLElement) => {
    setActiveId(id);
    setEditor({ id, rect: mark.getBoundingClientRect(), editNote: false });
  }, []);

  const editActive = () => {
    const mark = activeId && body ? marksOf(body, activeId)[0] : null;
    if (mark && activeId) setEditor({ id: activeId, rect: mark.getBoundingClientRect(), editNote: false });
  };

  /** The next or previous highlight from the middle of the view. */
  const step = (direction: 1 | -1) => {
    if (!body || ids.length === 0) return;
    const middle = window.innerHeight / 2;
    const tops = ids.map((id) => ({ id, top: marksOf(body, id)[0]?.getBoundingClientRect().top ?? 0 }));
    const target =
      direction > 0 ? tops.find((t) => t.top > middle + 8) : [...tops].reverse().find((t) => t.top < middle - 8);
    if (target) select(target.id);
    else onNone(direction > 0 ? 'No more highlights below' : 'No more highlights above');
  };

  return { activeId, editor, setEditor, select, openMark, editActive, step };
}
