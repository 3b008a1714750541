import { useCallback, useEffect, useState } from 'react';
import type { CaptureQueueEntry, CaptureQueueStatus } from '@shared/queue/capture-queue';
import { api } from '../api';

/** Items the panel lists: what needs the reader's attention. */
const PROBLEM_LIMIT = 200;

/** The capture queue's status (pushed by the main side as it changes) and its failed and gone items. */
export function useCaptureQueue() {
  const [status, setStatus] = useState<CaptureQueueStatus | null>(null);
  const [problems, setProblems] = useState<CaptureQueueEntry[]>([]);

  const reload = useCallback(async () => {
    const [next, failed] = await Promise.all([
      api.captureQueueStatus(),
      api.listCaptureQueue({ statuses: ['failed', 'gone', 'cancelled'], limit: PROBLEM_LIMIT }),
    ]);
    setStatus(next);
    setProblems(failed);
  }, []);

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

  return { status, problems, act };
}
