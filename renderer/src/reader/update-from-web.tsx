import { useCallback, useEffect, useRef, useState } from 'react';
import type { ArticleMeta, CaptureProgress } from '@shared/model';
import { api } from '../api';
import { describeCapture } from '../library/capture-stage';
import { relativeTime } from '../ui/relative-time';
import '../styles/capture-updates.css';

export interface UpdateFromWeb {
  running: boolean;
  progress: CaptureProgress | null;
  error: string | null;
  run(): Promise<void>;
  dismissError(): void;
}

/** Runs "Update from the web" for one article, following its capture progress. */
export function useUpdateFromWeb(meta: ArticleMeta, onUpdated: (updated: ArticleMeta) => void): UpdateFromWeb {
  const [state, setState] = useState<{ running: boolean; progress: CaptureProgress | null; error: string | null }>({
    running: false,
    progress: null,
    error: null,
  });
  const running = useRef(false);
  useEffect(
    () =>
      api.on('captureProgress', (progress) => {
        if (running.current && progress.url === meta.url) setState((s) => ({ ...s, progress }));
      }),
    [meta.url],
  );
  const run = useCallback(async () => {
    if (running.current) return;
    running.current = true;
    setState({ running: true, progress: null, error: null });
    try {
      const updated = await api.refreshArticle(meta.id);
      running.current = false;
      setState({ running: false, progress: null, error: null });
      onUpdated(updated);
    } catch (error) {
      running.current = false;
      setState({ running: false, progress: null, error: (error as Error).message });
    }
  }, [meta.id, onUpdated]);
  const dismissError = useCallback(() => setState((s) => ({ ...s, error: null })), []);
  return { ...state, run, dismissError };
}

/** The update's progress bar while it runs, and its message (with a retry) when it fails. */
export function UpdateStatus({ update }: { update: UpdateFromWeb }) {
  if (update.running) {
    const { label, fraction } = describeCapture(update.progress);
    return (
      <div className="update-status" role="status" aria-live="polite">
        <div className="capture-track">
          <div className="capture-fill" style={{ transform: `scaleX(${fraction})` }} />
        </div>
        <span>Updating from the web — {label}</span>
      </div>
    );
  }
  if (!update.error) return null;
  return (
    <div className="update-status update-failed" role="alert">
      <span>{update.error}</span>
      <button type="button" className="text-button" onClick={() => void update.run()}>
        Try again
      </button>
      <button type="button" className="text-button" onClick={update.dismissError}>
        Dismiss
      </button>
    </div>
  );
}

/** Shown when saving a page that was already saved opened it here instead. */
export function AlreadySavedNotice({
  meta,
  update,
  onClose,
}: {
  meta: ArticleMeta;
  update: UpdateFromWeb;
  onClose(): void;
}) {
  return (
    <div className="already-saved" role="status">
      <span>Already in your library — saved {relativeTime(meta.savedAt)}.</span>
      <button
        type="button"
        className="primary-button small"
        disabled={update.running}
        onClick={() => void update.run()}
      >
        Update from the web
      </button>
      <button type="button" className="text-button" onClick={onClose}>
        Keep this copy
      </button>
    </div>
  );
}
