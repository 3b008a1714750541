/** A status line with an Undo button, for changes that can be taken back (a deleted highlight). */
export function UndoToast({ message, onUndo }: { message: string | null; onUndo(): void }) {
  return (
    <div className="undo-region" role="status" aria-live="polite">
      {message && (
        <div className="toast undo-toast">
          <span>{message}</span>
          <button type="button" className="toast-action" onClick={onUndo}>
            Undo
          </button>
        </div>
      )}
    </div>
  );
}
