import { useCallback, useState, type RefObject } from 'react';
import type { Highlight } from '@shared/model';
import type { TextSpan } from './text-offsets';
import { useFailureToast, useToast } from '../ui/toast';
import { selectedSpan } from './current-selection';

/** Re-attaching an orphaned highlight: which one is waiting, and moving it onto the selected passage. */
export function useReattach({
  bodyRef,
  text,
  reattach,
}: {
  bodyRef: RefObject<HTMLElement | null>;
  text: string;
  reattach(id: string, span: TextSpan): Promise<Highlight>;
}) {
  const notify = useToast();
  const fail = useFailureToast();
  const [reattachingId, setReattachingId] = useState<string | null>(null);

  const start = useCallback(
    (id: string | null) => {
      setReattachingId(id);
      if (id) notify('Select the passage this highlight belongs to, then choose “Re-attach here”.');
    },
    [notify],
  );

  const attachSelection = useCallback(async () => {
    const span = selectedSpan(bodyRef.current, text);
    if (!span || !reattachingId) return;
    try {
      await reattach(reattachingId, span);
      window.getSelection()?.removeAllRanges();
      setReattachingId(null);
      notify('Highlight re-attached');
    } catch (error) {
      fail(error);
    }
  }, [text, reattachingId, reattach, notify, fail, bodyRef]);

  return { reattachingId, start, cancel: () => setReattachingId(null), attachSelection };
}
