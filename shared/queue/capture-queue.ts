/**
 * The capture queue as the app, the CLI and the core see it: entries that came without content
 * (an import) wait here to be fetched, one item per article.
 */

/**
 * queued: waiting (or waiting out a backoff); capturing: being fetched now; done: the article has its
 * content; failed: could not be captured (see reason), retry offered; gone: the site answered 404 or
 * 410, not retried; cancelled: taken off the queue by the user (retry puts it back).
 */
export type CaptureItemStatus = 'queued' | 'capturing' | 'done' | 'failed' | 'gone' | 'cancelled';

export const CAPTURE_ITEM_STATUSES = [
  'queued',
  'capturing',
  'done',
  'failed',
  'gone',
  'cancelled',
] as const satisfies readonly CaptureItemStatus[];

export interface CaptureQueueItem {
  /** The placeholder article the capture fills in. */
  articleId: string;
  url: string;
  status: CaptureItemStatus;
  /** Attempts made so far (a transient failure is retried with backoff up to a bound). */
  attempts: number;
  enqueuedAt: string;
  /** A queued item that failed transiently waits until then. */
  nextAttemptAt?: string;
  finishedAt?: string;
  /** Why the last attempt failed, in words fit for the user. */
  reason?: string;
  /** The error code of the last failure (error-codes.ts). */
  code?: string;
}

export type CaptureCounts = Record<CaptureItemStatus, number>;

export interface CaptureQueueStatus {
  /** Paused queue-wide: nothing new starts until resumed (kept across restarts). */
  paused: boolean;
  /** Whether this process is working the queue (the app does; a CLI command only when asked). */
  running: boolean;
  counts: CaptureCounts;
  total: number;
  /** Seconds until the queued items are done at the recent pace, or null while there is no pace yet. */
  etaSeconds: number | null;
  /** Recent pace, pages per minute (0 before the first page). */
  pagesPerMinute: number;
}

/** One item as the queue panel lists it: the item and its article's title. */
export interface CaptureQueueEntry extends CaptureQueueItem {
  title: string;
}

export interface CaptureQueueQuery {
  /** Only items with these statuses (all when absent). */
  statuses?: CaptureItemStatus[];
  offset?: number;
  limit?: number;
}

export const emptyCaptureCounts = (): CaptureCounts => ({
  queued: 0,
  capturing: 0,
  done: 0,
  failed: 0,
  gone: 0,
  cancelled: 0,
});
