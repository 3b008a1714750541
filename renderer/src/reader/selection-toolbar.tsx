import { useEffect, useState } from 'react';
import { HIGHLIGHT_COLORS, type HighlightColor } from '@shared/model';
import { HighlightIcon, NoteIcon } from '../ui/icons';
import { selectionRect } from './current-selection';

interface Props {
  root: HTMLElement | null;
  scroller: HTMLElement | null;
  lastColor: HighlightColor;
  onHighlight(color: HighlightColor): void;
  onNote(): void;
  onCopyQuote(): void;
  /** When an orphaned highlight waits for a new passage: offered first. */
  reattachLabel?: string;
  onReattach?(): void;
}

const TOOLBAR_HEIGHT = 44;
const GAP = 10;

/**
 * Floats just above the selection (below it near the top edge) so it never covers the
 * chosen text. It takes no keys: Ctrl/Cmd+C still copies the plain text.
 */
export function SelectionToolbar({
  root,
  scroller,
  lastColor,
  onHighlight,
  onNote,
  onCopyQuote,
  reattachLabel,
  onReattach,
}: Props) {
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
  const left = Math.min(Math.max(rect.left + rect.width / 2, 220), window.innerWidth - 220);

  return (
    <div
      className="selection-toolbar"
      role="toolbar"
      aria-label="Selection"
      style={{ top, left }}
      // Keep the selection: a mousedown on a button would otherwise collapse it.
      onMouseDown={(event) => event.preventDefault()}
    >
      {onReattach && (
        <>
          <button type="button" className="selection-action reattach" onClick={onReattach}>
            <span>{reattachLabel ?? 'Re-attach here'}</span>
          </button>
          <span className="selection-divider" aria-hidden="true" />
        </>
      )}
      <button type="button" className="selection-action" onClick={() => onHighlight(lastColor)} title="Highlight (h)">
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
          aria-pressed={color === lastColor}
          title={`Highlight in ${color}`}
          onClick={() => onHighlight(color)}
        />
      ))}
      <span className="selection-divider" aria-hidden="true" />
      <button
        type="button"
        className="selection-action"
        onClick={onCopyQuote}
        title="Copy as a Markdown quote with its source"
      >
        <span>Copy quote</span>
      </button>
    </div>
  );
}
