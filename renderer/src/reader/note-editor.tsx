import { useState } from 'react';

interface Props {
  initial: string;
  /** Saves the trimmed note; a failure is shown under the field. */
  onSave(note: string): Promise<void>;
  /** Offers Cancel and handles Escape here; without it Escape is left to the parent. */
  onCancel?(): void;
  /** Offers "Delete note", which saves an empty note. */
  canDelete?: boolean;
}

/** The field for a highlight's note, in the highlights panel and the highlight popover. */
export function NoteEditor({ initial, onSave, onCancel, canDelete = false }: Props) {
  const [note, setNote] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  const save = (text: string) => onSave(text).catch((e: Error) => setError(e.message));
  return (
    <div className="note-editor">
      <textarea
        aria-label="Note"
        placeholder="Write a note…"
        value={note}
        autoFocus
        rows={3}
        onChange={(event) => setNote(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
            event.preventDefault();
            void save(note.trim());
          }
          if (event.key === 'Escape' && onCancel) {
            event.preventDefault();
            event.stopPropagation();
            onCancel();
          }
        }}
      />
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <div className="note-editor-actions">
        {canDelete && (
          <button
            type="button"
            className="text-button"
            onClick={() => {
              setNote('');
              void save('');
            }}
          >
            Delete note
          </button>
        )}
        {onCancel && (
          <>
            <span className="hint">
              <kbd>Ctrl</kbd>+<kbd>Enter</kbd> to save
            </span>
            <button type="button" className="text-button" onClick={onCancel}>
              Cancel
            </button>
          </>
        )}
        <button type="button" className="primary-button small" onClick={() => void save(note.trim())}>
          Save note
        </button>
      </div>
    </div>
  );
}
