/**
 * The capture queue: articles that came without content (an import) are fetched in the
 * background, about four at a time and one at a time per site, with a pause between two pages
 * of the same site. Transient failures are retried with exponential backoff, a bounded number of
 * times; a page that is gone (404, 410) is not retried. Every item lives in the library (journal
 * and library.json), so the queue survives quitting and crashing and goes on at the next start.
 * An item being captured is not written as such: after a crash it is simply queued again, and
 * its capture fills the same article in place, so it can never make a duplicate.
 */
import {
  emptyCaptureCounts,
  type CaptureItemStatus,
  type CaptureQueueEntry,
  type CaptureQueueItem,
  type CaptureQueueQuery,
  type CaptureQueueStatus,
} from '@shared/queue/capture-queue';
import { OffprintError } from '@shared/ipc/envelope';
import type { LibraryStore } from '../library/library-store';
import { errorText, type Logger } from '../logger';
import { backoffMs, failureKind } from './capture-outcome';

/** Calls `fn` after `ms`; returns a function that cancels it. Tests give one driven by their own clock. */
export type QueueTimer = (fn: () => void, ms: number) => () => void;

export interface CaptureQueueOptions {
  /** Pages captured at once, over all sites. */
  concurrency: number;
  /** The pause between the end of one page and the start of the next on the same site (origin). */
  perOriginDelayMs: number;
  /** Attempts for a page that keeps failing transiently (5xx, timeouts, resets) before it is marked failed. */
  maxAttempts: number;
  backoffBaseMs: number;
  backoffMaxMs: number;
  timer: QueueTimer;
}

export const DEFAULT_QUEUE_OPTIONS: CaptureQueueOptions = {
  concurrency: 4,
  perOriginDelayMs: 1_000,
  maxAttempts: 4,
  backoffBaseMs: 10_000,
  backoffMaxMs: 10 * 60_000,
  timer: (fn, ms) => {
    const handle = setTimeout(fn, ms);
    return () => clearTimeout(handle);
  },
};

export interface CaptureQueueDeps {
  store: LibraryStore;
  /** Fills the article's content from `url` in place (the update flow). */
  capture(articleId: string, url: string): Promise<unknown>;
  now: () => Date;
  logger: Logger;
}

const ACTIVE: ReadonlySet<CaptureItemStatus> = new Set(['queued', 'capturing']);
const RETRYABLE: ReadonlySet<CaptureItemStatus> = new Set(['failed', 'gone', 'cancelled']);
/** Completions the pace (and so the estimate of time left) is measured over. */
const PACE_WINDOW = 30;
const STATUS_EVENT_MS = 250;
const DONE_WRITE_MS = 200;
/** How long closing waits for captures under way. */
const CLOSE_WAIT_MS = 10_000;

export class CaptureQueue {
  readonly #options: CaptureQueueOptions;
  /** Items being captured now: article id → origin. */
  readonly #active = new Map<string, string>();
  /** The captures under way, so that closing waits for them instead of leaving them writing. */
  readonly #inFlight = new Set<Promise<void>>();
  /** When each origin may be asked for its next page (ms since the epoch). */
  readonly #originFree = new Map<string, number>();
  readonly #captured = new Set<(articleId: string) => void>();
  readonly #changed = new Set<(status: CaptureQueueStatus) => void>();
  readonly #finishedAt: number[] = [];
  /** Finished pages whose "done" is not written yet: written together, a few times a second. */
  readonly #doneUnwritten = new Map<string, CaptureQueueItem>();
  #doneWrite: Promise<void> | null = null;
  #idleWaiters: (() => void)[] = [];
  #cancelWake: (() => void) | null = null;
  #statusTimer: NodeJS.Timeout | null = null;
  #running = false;
  #closed = false;

  constructor(
    private readonly deps: CaptureQueueDeps,
    options: Partial<CaptureQueueOptions> = {},
  ) {
    this.#options = { ...DEFAULT_QUEUE_OPTIONS, ...options };
  }

  /** Starts working the queue (the app does at once; a CLI command when it is asked to). */
  start(): void {
    if (this.#closed || this.deps.store.readOnly) return;
    this.#running = true;
    this.#pump();
  }

  /** Adds placeholder articles to the queue; an article already waiting or being captured is left as it is. */
  async enqueue(requests: readonly { articleId: string; url: string }[]): Promise<void> {
    const queue = this.deps.store.liveQueue();
    const fresh = new Map<string, CaptureQueueItem>();
    const enqueuedAt = this.deps.now().toISOString();
    for (const { articleId, url } of requests) {
      const existing = queue.get(articleId);
      if ((existing && ACTIVE.has(existing.status)) || fresh.has(articleId)) continue;
      fresh.set(articleId, { articleId, url, status: 'queued', attempts: 0, enqueuedAt });
    }
    if (fresh.size === 0) return;
    // A new batch after the last one finished starts the counts afresh: its finished pages are forgotten.
    if (![...queue.values()].some((i) => ACTIVE.has(i.status))) {
      const done = [...queue.values()].filter((i) => i.status === 'done' && !fresh.has(i.articleId));
      await this.deps.store.dropQueueItems(done.map((i) => i.articleId));
    }
    await this.deps.store.putQueueItems([...fresh.values()]);
    this.#changedNow();
  }

  async pause(): Promise<void> {
    if (!this.deps.store.queuePaused) await this.deps.store.setQueuePaused(true);
    this.#changedNow();
  }

  async resume(): Promise<void> {
    if (this.deps.store.queuePaused) await this.deps.store.setQueuePaused(false);
    this.#changedNow();
  }

  /** Takes items off the queue (all waiting ones when `ids` is absent); a page being fetched finishes. */
  async cancel(ids?: readonly string[]): Promise<number> {
    const items = this.#pick(ids, (i) => ACTIVE.has(i.status));
    await this.deps.store.putQueueItems(items.map((i) => ({ ...this.#base(i), status: 'cancelled' as const })));
    this.#changedNow();
    return items.length;
  }

  /** Puts failed, gone and cancelled items back in the queue (all of them when `ids` is absent). */
  async retry(ids?: readonly string[]): Promise<number> {
    const items = this.#pick(ids, (i) => RETRYABLE.has(i.status));
    await this.deps.store.putQueueItems(
      items.map((i) => ({ ...this.#base(i), status: 'queued' as const, attempts: 0 })),
    );
    this.#changedNow();
    return items.length;
  }

  status(): CaptureQueueStatus {
    const counts = emptyCaptureCounts();
    for (const item of this.deps.store.liveQueue().values()) counts[this.#statusOf(item)] += 1;
    const total = Object.values(counts).reduce((a, b) => a + b, 0);
    const perMs = this.#pacePerMs();
    const left = counts.queued + counts.capturing;
    const paused = this.deps.store.queuePaused;
    return {
      paused,
      running: this.#running,
      counts,
      total,
      etaSeconds: left === 0 ? 0 : perMs > 0 && !paused ? Math.ceil(left / perMs / 1000) : null,
      pagesPerMinute: Math.round(perMs * 60_000 * 10) / 10,
    };
  }

  /** Items in queue order, with their article's title, for the queue panel and the CLI. */
  list(query: CaptureQueueQuery = {}): CaptureQueueEntry[] {
    const wanted = query.statuses?.length ? new Set(query.statuses) : null;
    const offset = query.offset ?? 0;
    const limit = query.limit ?? 100;
    const out: CaptureQueueEntry[] = [];
    let skipped = 0;
    for (const item of this.deps.store.liveQueue().values()) {
      const status = this.#statusOf(item);
      if (wanted && !wanted.has(status)) continue;
      if (skipped++ < offset) continue;
      const title = this.deps.store.peekArticle(item.articleId)?.title ?? item.url;
      out.push({ ...structuredClone(item), status, title });
      if (out.length >= limit) break;
    }
    return out;
  }

  /** Tells `listener` each time an article's capture finished (pending highlights anchor then). */
  onCaptured(listener: (articleId: string) => void): () => void {
    this.#captured.add(listener);
    return () => void this.#captured.delete(listener);
  }

  /** Tells `listener` the queue's status when it changes (at most every quarter second). */
  onChange(listener: (status: CaptureQueueStatus) => void): () => void {
    this.#changed.add(listener);
    return () => void this.#changed.delete(listener);
  }

  /** Settles when nothing is left that this process would capture now or after a backoff (or it is paused). */
  whenIdle(): Promise<void> {
    if (this.#isIdle()) return Promise.resolve();
    return new Promise((resolve) => this.#idleWaiters.push(resolve));
  }

  /**
   * Stops starting captures, lets those under way finish (for at most CLOSE_WAIT_MS; a later result
   * is dropped and the page captured again next time, in place) and writes what finished.
   */
  async close(): Promise<void> {
    this.#running = false;
    this.#cancelWake?.();
    if (this.#inFlight.size > 0) {
      let timer: NodeJS.Timeout | undefined;
      const cap = new Promise<void>((resolve) => (timer = setTimeout(resolve, CLOSE_WAIT_MS)));
      await Promise.race([Promise.allSettled([...this.#inFlight]), cap]);
      clearTimeout(timer);
    }
    if (this.#doneUnwritten.size > 0) await (this.#doneWrite ?? this.#writeDone());
    await this.#doneWrite;
    this.#closed = true;
    this.#running = false;
    this.#cancelWake?.();
    if (this.#statusTimer) clearTimeout(this.#statusTimer);
    this.#captured.clear();
    this.#changed.clear();
    this.#settleIdle();
  }

  // ── Internals ──────────────────────────────────────────────────────────────

  #pump(): void {
    this.#cancelWake?.();
    this.#cancelWake = null;
    if (!this.#running || this.#closed || this.deps.store.queuePaused) return this.#settleIdle();
    const { concurrency } = this.#options;
    const now = this.deps.now().getTime();
    const busy = new Set(this.#active.values());
    const gone: string[] = [];
    let wakeAt = Infinity;
    for (const item of this.deps.store.liveQueue().values()) {
      if (this.#active.size >= concurrency) break;
      if (item.status !== 'queued' || this.#active.has(item.articleId) || this.#doneUnwritten.has(item.articleId))
        continue;
      if (!this.deps.store.hasArticle(item.articleId)) {
        gone.push(item.articleId);
        continue;
      }
      const origin = originOf(item.url);
      if (busy.has(origin)) continue;
      const due = Math.max(item.nextAttemptAt ? Date.parse(item.nextAttemptAt) : 0, this.#originFree.get(origin) ?? 0);
      if (due > now) {
        wakeAt = Math.min(wakeAt, due);
        continue;
      }
      busy.add(origin);
      this.#begin(item, origin);
    }
    if (gone.length > 0) void this.deps.store.dropQueueItems(gone).catch(() => undefined);
    if (wakeAt !== Infinity && this.#active.size < concurrency) {
      this.#cancelWake = this.#options.timer(() => this.#pump(), Math.max(1, wakeAt - now));
    }
    this.#settleIdle();
  }

  #begin(item: Readonly<CaptureQueueItem>, origin: string): void {
    this.#active.set(item.articleId, origin);
    this.#changedSoon();
    const capture = this.deps
      .capture(item.articleId, item.url)
      .then(
        () => this.#finished(item.articleId, null),
        (error: unknown) => this.#finished(item.articleId, error),
      )
      .catch((error: unknown) =>
        this.deps.logger.warn('The capture queue could not record a result', { error: errorText(error) }),
      )
      .finally(() => {
        this.#inFlight.delete(capture);
        this.#active.delete(item.articleId);
        this.#originFree.set(origin, this.deps.now().getTime() + this.#options.perOriginDelayMs);
        this.#changedSoon();
        this.#pump();
      });
    this.#inFlight.add(capture);
  }

  async #finished(articleId: string, error: unknown): Promise<void> {
    if (this.#closed) return;
    const item = this.deps.store.liveQueue().get(articleId);
    if (!item) return;
    const now = this.deps.now();
    const attempts = item.attempts + 1;
    if (error === null) {
      this.#finishedAt.push(now.getTime());
      if (this.#finishedAt.length > PACE_WINDOW) this.#finishedAt.shift();
      // Not awaited one by one: a crash before it is written only means the page is captured again, in place.
      this.#doneUnwritten.set(articleId, {
        ...this.#base(item),
        status: 'done',
        attempts,
        finishedAt: now.toISOString(),
      });
      this.#writeDoneSoon();
      for (const listener of this.#captured) {
        try {
          listener(articleId);
        } catch (failure) {
          this.deps.logger.warn('A capture listener failed', { error: errorText(failure) });
        }
      }
      return;
    }
    const code = error instanceof OffprintError ? error.code : 'capture-failed';
    const reason = errorText(error);
    if (!this.deps.store.hasArticle(articleId)) return void (await this.deps.store.dropQueueItems([articleId]));
    if (item.status === 'cancelled') {
      await this.deps.store.putQueueItems([{ ...this.#base(item), status: 'cancelled', attempts, reason, code }]);
      return;
    }
    const kind = failureKind(error);
    const { maxAttempts, backoffBaseMs, backoffMaxMs } = this.#options;
    if (kind === 'transient' && attempts < maxAttempts) {
      const wait = backoffMs(attempts, backoffBaseMs, backoffMaxMs);
      await this.deps.store.putQueueItems([
        {
          ...this.#base(item),
          status: 'queued',
          attempts,
          reason,
          code,
          nextAttemptAt: new Date(now.getTime() + wait).toISOString(),
        },
      ]);
      return;
    }
    const status = kind === 'gone' ? 'gone' : 'failed';
    const why = kind === 'transient' ? `${reason} (gave up after ${attempts} attempts)` : reason;
    await this.deps.store.putQueueItems([
      { ...this.#base(item), status, attempts, reason: why, code, finishedAt: now.toISOString() },
    ]);
  }

  #writeDoneSoon(): void {
    if (this.#doneWrite) return;
    this.#doneWrite = new Promise<void>((resolve) => setTimeout(resolve, DONE_WRITE_MS)).then(() => this.#writeDone());
  }

  async #writeDone(): Promise<void> {
    const items = [...this.#doneUnwritten.values()];
    try {
      // A page cancelled or re-queued while its "done" waited keeps what the user asked for.
      await this.deps.store.putQueueItems(
        items.filter((i) => this.deps.store.liveQueue().get(i.articleId)?.status === 'queued'),
      );
    } catch (error) {
      this.deps.logger.warn('The capture queue could not record finished pages', { error: errorText(error) });
    } finally {
      for (const item of items)
        if (this.#doneUnwritten.get(item.articleId) === item) this.#doneUnwritten.delete(item.articleId);
      this.#doneWrite = null;
      if (this.#doneUnwritten.size > 0) this.#writeDoneSoon();
      this.#changedSoon();
      this.#settleIdle();
    }
  }

  /** What every new version of an item keeps: who it is, where from, when it was queued. */
  #base(item: Readonly<CaptureQueueItem>): Pick<CaptureQueueItem, 'articleId' | 'url' | 'attempts' | 'enqueuedAt'> {
    return { articleId: item.articleId, url: item.url, attempts: item.attempts, enqueuedAt: item.enqueuedAt };
  }

  #pick(ids: readonly string[] | undefined, eligible: (item: CaptureQueueItem) => boolean): CaptureQueueItem[] {
    const queue = this.deps.store.liveQueue();
    const items = ids ? ids.map((id) => queue.get(id)).filter((i) => i !== undefined) : [...queue.values()];
    return items.filter(eligible);
  }

  #statusOf(item: Readonly<CaptureQueueItem>): CaptureItemStatus {
    if (this.#doneUnwritten.has(item.articleId) && item.status === 'queued') return 'done';
    return item.status === 'queued' && this.#active.has(item.articleId) ? 'capturing' : item.status;
  }

  #pacePerMs(): number {
    const times = this.#finishedAt;
    if (times.length < 2) return 0;
    const span = times[times.length - 1] - times[0];
    return span > 0 ? (times.length - 1) / span : 0;
  }

  #isIdle(): boolean {
    if (this.#closed) return true;
    if (!this.#running || this.deps.store.queuePaused) return this.#active.size === 0 && this.#doneUnwritten.size === 0;
    if (this.#active.size > 0 || this.#doneUnwritten.size > 0) return false;
    for (const item of this.deps.store.liveQueue().values()) if (item.status === 'queued') return false;
    return true;
  }

  #settleIdle(): void {
    if (this.#idleWaiters.length === 0 || !this.#isIdle()) return;
    const waiters = this.#idleWaiters;
    this.#idleWaiters = [];
    for (const resolve of waiters) resolve();
  }

  /** A change the user made: the queue works on it at once and says so. */
  #changedNow(): void {
    this.#pump();
    this.#changedSoon();
  }

  #changedSoon(): void {
    if (this.#statusTimer || this.#changed.size === 0) return;
    this.#statusTimer = setTimeout(() => {
      this.#statusTimer = null;
      const status = this.status();
      for (const listener of this.#changed) listener(status);
    }, STATUS_EVENT_MS);
    this.#statusTimer.unref();
  }
}

/** The site a page is on, for politeness (one page at a time per origin). */
function originOf(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return url;
  }
}
