import { useEffect, useRef, useState } from 'react';
import type { CaptureQueueEntry, CaptureQueueStatus } from '@shared/queue/capture-queue';
import { api } from '../api';
import { useCaptureQueue } from './use-capture-queue';

/**
 * The queue of imported links waiting to be captured: how far it is, how long is left, the links
 * still waiting (each can be taken off the queue), and what could not be captured and why, with a
 * retry. It shows while anything is waiting or went wrong.
 */
export function CaptureQueuePanel({ onCaptured }: { onCaptured?: () => void }) {
  const [showWaiting, setShowWaiting] = useState(false);
  const { status, problems, waiting: waitingItems, act } = useCaptureQueue(showWaiting);
  const [open, setOpen] = useState(false);
  // Captured pages have their real titles now: the list around the panel shows them.
  const done = status?.counts.done ?? 0;
  const seen = useRef(done);
  const captured = useRef(onCaptured);
  captured.current = onCaptured;
  useEffect(() => {
    if (done > seen.current) captured.current?.();
    seen.current = done;
  }, [done]);
  if (!status || status.total === 0) return null;
  const { counts } = status;
  const waiting = counts.queued + counts.capturing;
  const troubled = counts.failed + counts.gone + counts.cancelled;
  if (waiting === 0 && troubled === 0) return null;
  const finished = status.total - waiting;
  const percent = Math.round((finished / status.total) * 100);

  return (
    <section className="capture-queue" aria-label="Capture queue">
      <div className="capture-queue-head">
        <div className="capture-queue-title">
          <h2>{waiting > 0 ? 'Capturing imported links' : 'Imported links that could not be captured'}</h2>
          <p className="capture-queue-summary" aria-live="polite">
            {summary(status)}
          </p>
        </div>
        <div className="capture-queue-actions">
          {waiting > 0 &&
            (status.paused ? (
              <button
                type="button"
                className="primary-button small"
                onClick={() => act(() => api.resumeCaptureQueue())}
              >
                Resume
              </button>
            ) : (
              <button type="button" className="text-button" onClick={() => act(() => api.pauseCaptureQueue())}>
                Pause
              </button>
            ))}
          {waiting > 0 && (
            <button type="button" className="text-button" onClick={() => act(() => api.cancelCapture())}>
              Cancel all
            </button>
          )}
          {waiting > 0 && (
            <button
              type="button"
              className="text-button"
              aria-expanded={showWaiting}
              onClick={() => setShowWaiting(!showWaiting)}
            >
              {showWaiting ? 'Hide waiting' : `Show waiting (${waiting})`}
            </button>
          )}
          {troubled > 0 && (
            <button type="button" className="text-button" aria-expanded={open} onClick={() => setOpen(!open)}>
              {open ? 'Hide problems' : `Show problems (${troubled})`}
            </button>
          )}
        </div>
      </div>
      <div
        className={`capture-queue-bar${status.paused ? ' paused' : ''}`}
        role="progressbar"
        aria-label="Links captured"
        aria-valuemin={0}
        aria-valuemax={status.total}
        aria-valuenow={finished}
      >
        <span style={{ width: `${percent}%` }} />
      </div>
      <ul className="capture-queue-counts">
        <Count label="captured" value={counts.done} tone="done" />
        <Count label="waiting" value={counts.queued} />
        <Count label="capturing" value={counts.capturing} />
        <Count label="failed" value={counts.failed} tone="bad" />
        <Count label="gone" value={counts.gone} tone="bad" />
        <Count label="cancelled" value={counts.cancelled} />
      </ul>
      {showWaiting && waiting > 0 && (
        <div className="capture-queue-problems capture-queue-waiting">
          <ul aria-label="Links waiting to be captured">
            {waitingItems.map((item) => (
              <QueueItem
                key={item.articleId}
                item={item}
                action="Cancel"
                onAction={() => act(() => api.cancelCapture([item.articleId]))}
              />
            ))}
          </ul>
          {waiting > waitingItems.length && waitingItems.length > 0 && (
            <p className="capture-queue-more">…and {(waiting - waitingItems.length).toLocaleString()} more</p>
          )}
        </div>
      )}
      {open && troubled > 0 && (
        <div className="capture-queue-problems">
          <div className="capture-queue-problems-bar">
            <span>Their entries are kept with their title, tags and highlights.</span>
            <button type="button" className="primary-button small" onClick={() => act(() => api.retryCapture())}>
              Retry all
            </button>
          </div>
          <ul>
            {problems.map((item) => (
              <QueueItem
                key={item.articleId}
                item={item}
                action="Retry"
                onAction={() => act(() => api.retryCapture([item.articleId]))}
              />
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}

function Count({ label, value, tone }: { label: string; value: number; tone?: 'done' | 'bad' }) {
  if (value === 0 && label !== 'captured') return null;
  return (
    <li className={tone ? `tone-${tone}` : undefined}>
      <strong>{value.toLocaleString()}</strong> {label}
    </li>
  );
}

const BADGES: Record<CaptureQueueEntry['status'], string> = {
  queued: 'Waiting',
  capturing: 'Capturing',
  done: 'Captured',
  failed: 'Failed',
  gone: 'Gone',
  cancelled: 'Cancelled',
};

/** One link of the queue: its state, title, address and why it failed, with one action on it. */
function QueueItem({ item, action, onAction }: { item: CaptureQueueEntry; action: string; onAction: () => void }) {
  return (
    <li className="capture-queue-problem">
      <span className={`capture-queue-badge ${item.status}`}>{BADGES[item.status]}</span>
      <div className="capture-queue-problem-text">
        <span className="capture-queue-problem-title">{item.title}</span>
        <span className="capture-queue-problem-url">{item.url}</span>
        {item.reason && <span className="capture-queue-problem-reason">{item.reason}</span>}
      </div>
      <button type="button" className="text-button" onClick={onAction} aria-label={`${action} ${item.title}`}>
        {action}
      </button>
    </li>
  );
}

function summary(status: CaptureQueueStatus): string {
  const { counts } = status;
  const waiting = counts.queued + counts.capturing;
  const done = `${counts.done.toLocaleString()} of ${status.total.toLocaleString()} captured`;
  if (waiting === 0) return done;
  if (status.paused) return `${done} · paused`;
  return `${done} · ${timeLeft(status.etaSeconds)}`;
}

function timeLeft(seconds: number | null): string {
  if (seconds === null) return 'estimating the time left…';
  if (seconds < 60) return 'less than a minute left';
  if (seconds < 3_600) return `about ${Math.round(seconds / 60)} min left`;
  const hours = Math.floor(seconds / 3_600);
  return `about ${hours} h ${Math.round((seconds % 3_600) / 60)} min left`;
}
