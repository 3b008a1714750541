import { useEffect, useRef, useState } from 'react';
import { HIGHLIGHT_COLORS, type Highlight, type HighlightColor } from '@shared/model';
import { TrashIcon } from '../ui/icons';
import { NoteEditor } from './note-editor';

interface Props {
  highlight: Highlight;
  /** The highlight's box on screen: the popover sits below it (above near the bottom), never on it. */
  anchor: DOMRect;
  /** Open straight into the note field. */
  editNote: boolean;
  onColor(color: HighlightColor): void;
  onSaveNote(note: string): Promise<void>;
  onDelete(): void;
  onClose(): void;
}

const WIDTH = 320;

/** What clicking a highlight opens: its colour, its note (edit or delete) and delete. */
export function HighlightPopover({ highlight, anchor, editNote, onColor, onSaveNote, onDelete, onClose }: Props) {
  const [editing, setEditing] = useState(editNote || false);
  const ref = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const target = editing
      ? ref.current?.querySelector('textarea')
      : ref.current?.querySelector<HTMLElement>('[aria-pressed="true"]');
    target?.focus();
  }, [editing]);

  useEffect(() => {
    const onDown = (event: MouseEvent) => {
      if (ref.current && !ref.current.contains(event.target as Node)) onClose();
    };
    document.addEventListener('mousedown', onDown);
    return () => document.removeEventListener('mousedown', onDown);
  }, [onClose]);

  const below = anchor.bottom + 10;
  const top = below + 220 < window.innerHeight ? below : Math.max(60, anchor.top - 230);
  const left = Math.min(Math.max(anchor.left + anchor.width / 2 - WIDTH / 2, 12), window.innerWidth - WIDTH - 12);

  return (
    <div
      ref={ref}
      className="highlight-popover"
      role="dialog"
      aria-label="Edit highlight"
      style={{ top, left, width: WIDTH }}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.preventDefault();
          event.stopPropagation();
          onClose();
        }
      }}
    >
      <div className="popover-row">
        <span className="swatches always" role="group" aria-label="Colour">
          {HIGHLIGHT_COLORS.map((color) => (
            <button
              key={color}
              type="button"
              className={`swatch swatch-${color}`}
              aria-label={`Colour ${color}`}
              aria-pressed={highlight.color === color}
              onClick={() => onColor(color)}
            />
          ))}
        </span>
        <button
          type="button"
          className="icon-button danger"
          aria-label="Delete highlight"
          title="Delete highlight"
          onClick={onDelete}
        >
          <TrashIcon />
        </button>
      </div>
      {editing ? (
        <NoteEditor
          initial={highlight.note}
          onSave={(text) => onSaveNote(text).then(() => setEditing(false))}
          canDelete={highlight.note !== ''}
        />
      ) : (
        <div className="popover-note">
          {highlight.note ? <p className="highlight-note">{highlight.note}</p> : null}
          <button type="button" className="text-button" onClick={() => setEditing(true)}>
            {highlight.note ? 'Edit note' : 'Add note'}
          </button>
        </div>
      )}
    </div>
  );
}
