/**
 * The seam between an import and whatever captures the entries it recorded without content.
 * The persistent capture queue (stored in the library, with retries) plugs in here; until then
 * the core uses `memoryCaptureQueue`, which captures in this session only.
 */
export interface CaptureRequest {
  articleId: string;
  url: string;
}

export interface CaptureQueue {
  enqueueCapture(items: readonly CaptureRequest[]): void | Promise<void>;
}

export interface MemoryCaptureQueue extends CaptureQueue {
  /** Settles once every request handed in so far has been tried. */
  idle(): Promise<void>;
}

/** Captures each request with `capture`, `concurrency` at a time; a failure leaves the entry waiting. */
export function memoryCaptureQueue(
  capture: (request: CaptureRequest) => Promise<unknown>,
  { concurrency = 4 } = {},
): MemoryCaptureQueue {
  const waiting: CaptureRequest[] = [];
  let running = 0;
  let settle: (() => void) | null = null;
  let idle: Promise<void> = Promise.resolve();

  const pump = (): void => {
    while (running < concurrency && waiting.length > 0) {
      const next = waiting.shift()!;
      running += 1;
      void capture(next)
        .catch(() => undefined)
        .finally(() => {
          running -= 1;
          pump();
        });
    }
    if (running === 0 && waiting.length === 0 && settle) {
      settle();
      settle = null;
    }
  };

  return {
    enqueueCapture(items) {
      if (items.length === 0) return;
      if (!settle) idle = new Promise<void>((resolve) => (settle = resolve));
      waiting.push(...items);
      pump();
    },
    idle: () => idle,
  };
}

/** Records nothing and captures nothing (a --no-capture import, or a core without a capture). */
export const noCaptureQueue: CaptureQueue = { enqueueCapture: () => undefined };
