import { useCallback } from 'react';
import type { Highlight } from '@shared/model';
import { useFailureToast, useToast } from '../ui/toast';

/** Deleting a highlight, with the offer (and Ctrl+Z) to bring it back. */
export function useHighlightDelete({
  remove,
  undoDelete,
  offerUndo,
  withdrawUndo,
  onDeleted,
}: {
  remove(id: string): Promise<void>;
  undoDelete(): Promise<Highlight | null>;
  offerUndo(message: string, run: () => Promise<unknown>): void;
  withdrawUndo(): void;
  onDeleted(): void;
}) {
  const notify = useToast();
  const fail = useFailureToast();

  const undo = useCallback(async () => {
    try {
      const restored = await undoDelete();
      withdrawUndo();
      if (restored) notify('Highlight restored');
    } catch (error) {
      fail(error);
    }
  }, [undoDelete, withdrawUndo, notify, fail]);

  const deleteHighlight = useCallback(
    async (id: string) => {
      try {
        await remove(id);
        onDeleted();
        offerUndo('Highlight deleted', undo);
      } catch (error) {
        fail(error);
      }
    },
    [remove, fail, offerUndo, undo, onDeleted],
  );

  return { undo, deleteHighlight };
}
