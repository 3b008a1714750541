import { useEffect, useState } from 'react';
import { HIGHLIGHT_COLORS, type HighlightColor } from '@shared/model';
import { HighlightIcon, NoteIcon } from '../ui/icons';
import { selectionRect } from './current-selection';

interface Props {
  root: HTMLElement | null;
  scroller: HTMLElement | null;
  onHighlight(color: HighlightColor): void;
  onNote(): void;
}

const TOOLBAR_HEIGHT = 44;
const GAP = 10;

/** Floats just above the selection (below it near the top edge) so it never covers the chosen text. */
export function SelectionToolbar({ root, scroller, onHighlight, onNote }: Props) {
  const [rect, setRect] = useState<DOMRect | null>(null);

  useEffect(() => {
    const update = () => setRect(selectionRect(root));
    document.addEventListener('selectionchange', update);
    scroller?.addEventListener('scroll', update, { passive: true });
    window.addEventListener('resize', update);
    return () => {
      document.removeEventListener('selectionchange', update);
      scroller?.removeEventListener('scroll', update);
      window.removeEventListener('resize', update);
    };
  }, [root, scroller]);

  if (!rect) return null;
  const above = rect.top - TOOLBAR_HEIGHT - GAP;
  const top = above > 56 ? above : rect.bottom + GAP;
  const left = Math.min(Math.max(rect.left + rect.width / 2, 120), window.innerWidth - 120);

  return (
    <div
      className="selection-toolbar"
      role="toolbar"
      aria-label="Selection"
      style={{ top, left }}
      // Keep the selection: a mousedown on a button would otherwise collapse it.
      onMouseDown={(event) => event.preventDefault()}
    >
      <button type="button" className="selection-action" onClick={() => onHighlight('yellow')} title="Highlight (h)">
        <HighlightIcon />
        <span>Highlight</span>
      </button>
      <button type="button" className="selection-action" onClick={onNote} title="Highlight and add a note (n)">
        <NoteIcon />
        <span>Note</span>
      </button>
      <span className="selection-divider" aria-hidden="true" />
      {HIGHLIGHT_COLORS.map((color) => (
        <button
          key={color}
          type="button"
          className={`swatch swatch-${color}`}
          aria-label={`Highlight in ${color}`}
          title={`Highlight in ${color}`}
          onClick={() => onHighlight(color)}
        />
      ))}
    </div>
  );
}
