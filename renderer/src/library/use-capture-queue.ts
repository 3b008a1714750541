import { useCallback, useEffect, useState } from 'react';
import type { CaptureQueueEntry, CaptureQueueStatus } from '@shared/queue/capture-queue';
import { api } from '../api';

/** Items the panel lists, of those that need the reader's attention and of those still waiting. */
export const LISTED_LIMIT = 200;

/**
 * The capture queue's status (pushed by the main side as it changes), its failed and gone items,
 * and, while `withWaiting`, the items still waiting to be captured.
 */
export function useCaptureQueue(withWaiting = false) {
  const [status, setStatus] = useState<CaptureQueueStatus | null>(null);
  const [problems, setProblems] = useState<CaptureQueueEntry[]>([]);
  const [waiting, setWaiting] = useState<CaptureQueueEntry[]>([]);

  const reload = useCallback(async () => {
    const [next, failed, queued] = await Promise.all([
      api.captureQueueStatus(),
      api.listCaptureQueue({ statuses: ['failed', 'gone', 'cancelled'], limit: LISTED_LIMIT }),
      withWaiting ? api.listCaptureQueue({ statuses: ['queued', 'capturing'], limit: LISTED_LIMIT }) : [],
    ]);
    setStatus(next);
    setProblems(failed);
    setWaiting(queued);
  }, [withWaiting]);

  useEffect(() => {
    void reload().catch(() => undefined);
    return api.on('captureQueue', () => void reload().catch(() => undefined));
  }, [reload]);

  /** Runs a queue change and shows its result at once (the event follows a moment later). */
  const act = useCallback(
    async (change: () => Promise<CaptureQueueStatus>) => {
      setStatus(await change());
      await reload();
    },
    [reload],
  );

  return { status, problems, waiting, act };
}
