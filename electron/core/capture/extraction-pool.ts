/**
 * Extraction off the main thread: a pool of worker threads, one per core. Each page has a
 * time limit; a worker that overruns it (or runs out of memory) is terminated and replaced,
 * and the page fails with a clear message instead of freezing the app.
 */
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { OffprintError, type ErrorInfo } from '@shared/ipc/envelope';
import type { ExtractedArticle, ExtractedPage } from './extract-article';
import type { ExtractRequest } from './extract-worker';

export interface ExtractionPoolOptions {
  /** Worker count; defaults to the number of cores. */
  size?: number;
  /** Per-page limit; defaults to 20 s. */
  timeoutMs?: number;
  /** Heap limit per worker; a page needing more fails instead of exhausting the machine. */
  maxHeapMb?: number;
  /** The worker script; defaults to extract-worker next to this module (see workerScript). */
  workerUrl?: URL;
}

export interface ExtractionPool {
  readonly size: number;
  extractPage(html: string, pageUrl: string): Promise<ExtractedPage>;
  extract(html: string, pageUrl: string): Promise<ExtractedArticle>;
  /** Terminates every worker; pending pages fail with 'cancelled'. */
  close(): Promise<void>;
}

export const DEFAULT_EXTRACT_TIMEOUT_MS = 20_000;
const DEFAULT_MAX_HEAP_MB = 512;

interface Task extends ExtractRequest {
  resolve(page: ExtractedPage): void;
  reject(error: unknown): void;
}

type Reply = { id: number; ok: true; page: ExtractedPage } | { id: number; ok: false; error: ErrorInfo };

interface Slot {
  worker: Worker;
  task: Task | null;
  timer?: NodeJS.Timeout;
}

/**
 * From TypeScript source (tsx, vitest) the worker runs the .ts entry through tsx's loader;
 * in the bundled app it is extract-worker.js beside the bundle (a separate build entry).
 */
function workerScript(override?: URL): { source: URL | string; eval: boolean } {
  if (override) return { source: override, eval: false };
  if (!import.meta.url.endsWith('.ts')) return { source: new URL('./extract-worker.js', import.meta.url), eval: false };
  // Node 20 applies `--import tsx` to a worker only after loading its entry, so the entry is
  // imported through tsx's API from a small bootstrap instead.
  const tsxApi = pathToFileURL(
    createRequire(import.meta.url)
      .resolve('tsx/esm/api')
      .replace(/\.cjs$/, '.mjs'),
  ).href;
  const entry = new URL('./extract-worker.ts', import.meta.url).href;
  const tsconfig = fileURLToPath(new URL('../../../tsconfig.node.json', import.meta.url));
  const bootstrap = `import(${JSON.stringify(tsxApi)}).then((api) => api.tsImport(${JSON.stringify(entry)}, { parentURL: ${JSON.stringify(entry)}, tsconfig: ${JSON.stringify(tsconfig)} }));`;
  return { source: bootstrap, eval: true };
}

export function createExtractionPool(options: ExtractionPoolOptions = {}): ExtractionPool {
  const size = Math.max(1, options.size ?? availableParallelism());
  const timeoutMs = options.timeoutMs ?? DEFAULT_EXTRACT_TIMEOUT_MS;
  const script = workerScript(options.workerUrl);
  const slots = new Set<Slot>();
  const queue: Task[] = [];
  let nextId = 1;
  let closed = false;

  const spawn = (): Slot => {
    const worker = new Worker(script.source, {
      eval: script.eval,
      resourceLimits: { maxOldGenerationSizeMb: options.maxHeapMb ?? DEFAULT_MAX_HEAP_MB },
    });
    const slot: Slot = { worker, task: null };
    worker.on('message', (reply: Reply) => {
      const task = slot.task;
      if (!task || task.id !== reply.id) return;
      finish(slot);
      if (reply.ok) task.resolve(reply.page);
      else task.reject(new OffprintError(reply.error.code, reply.error.message));
    });
    worker.on('error', (error: Error & { code?: string }) => fail(slot, crashError(error)));
    worker.on('exit', () => fail(slot, new OffprintError('extract-failed', 'Reading this page failed unexpectedly.')));
    worker.unref();
    slots.add(slot);
    return slot;
  };

  const finish = (slot: Slot) => {
    clearTimeout(slot.timer);
    slot.task = null;
    slot.worker.unref();
    setImmediate(dispatch);
  };

  /** A worker that crashed or overran is gone for good; the next page gets a fresh one. */
  const fail = (slot: Slot, error: OffprintError) => {
    if (!slots.delete(slot)) return;
    const task = slot.task;
    clearTimeout(slot.timer);
    slot.task = null;
    void slot.worker.terminate();
    task?.reject(error);
    setImmediate(dispatch);
  };

  const dispatch = () => {
    while (queue.length > 0 && !closed) {
      const slot = [...slots].find((s) => !s.task) ?? (slots.size < size ? spawn() : null);
      if (!slot) return;
      const task = queue.shift() as Task;
      slot.task = task;
      slot.worker.ref();
      slot.timer = setTimeout(() => fail(slot, timeoutError(timeoutMs)), timeoutMs);
      slot.worker.postMessage({ id: task.id, html: task.html, pageUrl: task.pageUrl } satisfies ExtractRequest);
    }
  };

  const extractPage = (html: string, pageUrl: string) =>
    new Promise<ExtractedPage>((resolve, reject) => {
      if (closed) return reject(new OffprintError('cancelled', 'Saving was stopped because Offprint is closing.'));
      queue.push({ id: nextId++, html, pageUrl, resolve, reject });
      dispatch();
    });

  return {
    size,
    extractPage,
    extract: async (html, pageUrl) => (await extractPage(html, pageUrl)).article,
    async close() {
      closed = true;
      for (const task of queue.splice(0))
        task.reject(new OffprintError('cancelled', 'Saving was stopped because Offprint is closing.'));
      const all = [...slots];
      slots.clear();
      for (const slot of all) {
        clearTimeout(slot.timer);
        slot.task?.reject(new OffprintError('cancelled', 'Saving was stopped because Offprint is closing.'));
      }
      await Promise.all(all.map((s) => s.worker.terminate()));
    },
  };
}

function timeoutError(ms: number): OffprintError {
  return new OffprintError(
    'extract-timeout',
    `This page took longer than ${Math.round(ms / 1000)} s to read, so Offprint stopped. It may be unusually large or malformed.`,
  );
}

function crashError(error: Error & { code?: string }): OffprintError {
  if (error.code === 'ERR_WORKER_OUT_OF_MEMORY') {
    return new OffprintError('too-large', 'This page needs more memory to read than Offprint allows for one article.');
  }
  return new OffprintError('extract-failed', `Reading this page failed: ${error.message}`);
}

let shared: ExtractionPool | null = null;

/** The pool capture uses, created on first use. */
export function sharedExtractionPool(): ExtractionPool {
  shared ??= createExtractionPool();
  return shared;
}

/** Ends the shared pool (tests, CLI shutdown); the next capture creates a new one. */
export async function closeExtractionPool(): Promise<void> {
  const pool = shared;
  shared = null;
  await pool?.close();
}
