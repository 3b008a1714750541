/**
 * The parent side of the process boundary: the core's API (CoreApi) answered by a core running in
 * a child process (an Electron utilityProcess in the app, child_process.fork in tests and scripts).
 * If the child dies, the calls it had not answered fail with 'core-crashed' (what it acknowledged
 * is on disk: the store fsyncs its journal before answering), the crash is reported, and a new
 * child opens the library again; calls made meanwhile wait for it.
 */
import type { CoreStatus } from '@shared/ipc/contract';
import { OffprintError, toErrorInfo } from '@shared/ipc/envelope';
import type { PageRenderer } from '../capture/page-renderer';
import { errorText, type Logger } from '../logger';
import {
  CORE_METHODS,
  type CoreApi,
  type CoreEventName,
  type CoreEvents,
  type CoreMethod,
  type FromHost,
  type HostOptions,
  type ToHost,
} from './core-protocol';

/** A started child process, in the shape of Electron's UtilityProcess. */
export interface CoreProcess {
  readonly pid: number | undefined;
  postMessage(message: ToHost): void;
  onMessage(listener: (message: FromHost) => void): void;
  onExit(listener: (code: number | null, signal: string | null) => void): void;
  /** Ends the child at once (it is asked to close first; this is for one that does not). */
  kill(): void;
}

export interface CoreClientOptions {
  spawn: () => CoreProcess;
  host: HostOptions;
  logger: Logger;
  /** Renders pages that need JavaScript when the core asks (HostOptions.renderPages). */
  renderer?: PageRenderer;
  /** Crashes tolerated within `crashWindowMs` before restarting stops. Default 3 in a minute. */
  maxCrashes?: number;
  crashWindowMs?: number;
  /** How long a child is given to close the library before it is killed. Default 30 s. */
  closeTimeoutMs?: number;
  now?: () => number;
}

const MESSAGES = {
  crashed:
    'Offprint’s library process stopped unexpectedly and is being restarted. Everything saved before this is kept; what was under way may need doing again.',
  restarted: 'The library is back. What was under way when it stopped may need doing again.',
  stopped:
    'The library process keeps stopping, so Offprint has stopped restarting it. Your articles are safe on disk: quit Offprint and start it again. Help → Show Logs says what happened.',
} satisfies Record<CoreStatus['state'], string>;

const crashedCall = (method: string) =>
  new OffprintError(
    'core-crashed',
    `The library process stopped before “${method}” was done; Offprint is restarting it. Try again in a moment.`,
  );

interface Pending {
  method: string;
  resolve(value: unknown): void;
  reject(error: unknown): void;
}

/** One child process: its calls under way, and whether it has opened the library. */
interface Run {
  child: CoreProcess;
  pending: Map<number, Pending>;
  opened: boolean;
  exited: boolean;
  onExit: (() => void)[];
}

type State = 'open' | 'restarting' | 'stopped' | 'closing' | 'closed';

export class CoreClient {
  readonly api: CoreApi;
  readonly #options: CoreClientOptions;
  #state: State = 'restarting';
  #run: Run | null = null;
  #ready: Promise<Run>;
  #closing: Promise<void> | null = null;
  #nextId = 0;
  #crashes: number[] = [];
  #libraryDir = '';
  #firstPageEarly = false;
  readonly #listeners = new Map<CoreEventName, Set<(payload: never) => void>>();
  readonly #statusListeners = new Set<(status: CoreStatus) => void>();

  private constructor(options: CoreClientOptions) {
    this.#options = options;
    const api: Record<string, unknown> = {};
    for (const method of CORE_METHODS) api[method] = (...args: unknown[]) => this.#call(method, args);
    this.api = Object.freeze(api) as unknown as CoreApi;
    this.#ready = this.#launch().then((run) => {
      this.#state = 'open';
      return run;
    });
    this.#ready.catch(() => undefined);
  }

  /** Starts the child and opens the library there; rejects with the core's error if it cannot be opened. */
  static async start(options: CoreClientOptions): Promise<CoreClient> {
    const client = new CoreClient(options);
    await client.#ready;
    return client;
  }

  get libraryDir(): string {
    return this.#libraryDir;
  }

  /** Whether the first page is answered before the whole library is loaded. */
  get firstPageEarly(): boolean {
    return this.#firstPageEarly;
  }

  /** The child's process id (undefined between a crash and the restart). */
  get pid(): number | undefined {
    return this.#run && !this.#run.exited ? this.#run.child.pid : undefined;
  }

  on<E extends CoreEventName>(event: E, listener: (payload: CoreEvents[E]) => void): () => void {
    const listeners = this.#listeners.get(event) ?? new Set();
    this.#listeners.set(event, listeners);
    listeners.add(listener);
    return () => void listeners.delete(listener);
  }

  /** Told when the child crashes, once it is back, and if it cannot be brought back. */
  onStatus(listener: (status: CoreStatus) => void): () => void {
    this.#statusListeners.add(listener);
    return () => void this.#statusListeners.delete(listener);
  }

  /** Asks the child to close the library (journal flushed, snapshot written, lock released) and waits for it to end. */
  close(): Promise<void> {
    if (!this.#closing) {
      this.#state = 'closing';
      this.#closing = this.#closeRun();
    }
    return this.#closing;
  }

  async #closeRun(): Promise<void> {
    const run = await this.#ready.catch(() => null);
    if (run && !run.exited) {
      const exited = new Promise<void>((resolve) => run.onExit.push(resolve));
      const timer = setTimeout(() => {
        this.#options.logger.error('The library process did not close in time; stopping it');
        run.child.kill();
      }, this.#options.closeTimeoutMs ?? 30_000);
      this.#post(run, { type: 'close' });
      await exited;
      clearTimeout(timer);
    }
    this.#state = 'closed';
  }

  async #call(method: CoreMethod, args: unknown[]): Promise<unknown> {
    if (this.#state === 'closing' || this.#state === 'closed') {
      throw new OffprintError('library-closed', 'The library is closing.');
    }
    const run = await this.#ready;
    return new Promise((resolve, reject) => {
      if (run.exited) return reject(crashedCall(method));
      const id = ++this.#nextId;
      run.pending.set(id, { method, resolve, reject });
      this.#post(run, { type: 'call', id, method, args });
    });
  }

  #launch(): Promise<Run> {
    const run: Run = { child: this.#options.spawn(), pending: new Map(), opened: false, exited: false, onExit: [] };
    this.#run = run;
    return new Promise<Run>((resolve, reject) => {
      run.child.onMessage((message) => {
        if (message.type === 'opened') {
          run.opened = true;
          this.#libraryDir = message.libraryDir;
          this.#firstPageEarly = message.firstPageEarly;
          resolve(run);
        } else if (message.type === 'open-failed') {
          reject(new OffprintError(message.error.code, message.error.message));
        } else {
          this.#receive(run, message);
        }
      });
      run.child.onExit((code, signal) => {
        run.exited = true;
        for (const { method, reject: fail } of run.pending.values()) fail(crashedCall(method));
        run.pending.clear();
        for (const done of run.onExit.splice(0)) done();
        if (!run.opened) {
          reject(
            new OffprintError(
              'core-crashed',
              `The library process stopped before opening the library (${exitText(code, signal)}).`,
            ),
          );
        } else if (run === this.#run && this.#state === 'open') {
          this.#crashed(code, signal);
        }
      });
    });
  }

  #receive(run: Run, message: FromHost): void {
    switch (message.type) {
      case 'ready':
        this.#post(run, { type: 'open', options: this.#options.host });
        return;
      case 'result': {
        const pending = run.pending.get(message.id);
        run.pending.delete(message.id);
        if (!pending) return;
        if (message.result.ok) pending.resolve(message.result.value);
        else pending.reject(new OffprintError(message.result.error.code, message.result.error.message));
        return;
      }
      case 'event':
        for (const listener of this.#listeners.get(message.name) ?? []) {
          (listener as (payload: unknown) => void)(message.payload);
        }
        return;
      case 'render':
        void this.#render(run, message.id, message.url, message.budgetMs);
        return;
      case 'log':
        this.#options.logger[message.level](message.message, message.context);
        return;
    }
  }

  async #render(run: Run, id: number, url: string, budgetMs: number): Promise<void> {
    const renderer = this.#options.renderer;
    try {
      if (!renderer) throw new OffprintError('not-available', 'Pages are not rendered here.');
      this.#post(run, { type: 'rendered', id, result: { ok: true, value: await renderer.render(url, { budgetMs }) } });
    } catch (error) {
      this.#post(run, { type: 'rendered', id, result: { ok: false, error: toErrorInfo(error) } });
    }
  }

  #post(run: Run, message: ToHost): void {
    if (run.exited) return;
    try {
      run.child.postMessage(message);
    } catch (error) {
      // The child is going; its exit rejects what waits on it.
      this.#options.logger.warn('Could not reach the library process', {
        message: message.type,
        error: errorText(error),
      });
    }
  }

  #crashed(code: number | null, signal: string | null): void {
    const { logger, now = Date.now, maxCrashes = 3, crashWindowMs = 60_000 } = this.#options;
    logger.error('The library process stopped unexpectedly', { exit: exitText(code, signal) });
    const at = now();
    this.#crashes = [...this.#crashes.filter((t) => at - t < crashWindowMs), at];
    this.#status('crashed');
    if (this.#crashes.length > maxCrashes) {
      this.#stop(new OffprintError('library-unavailable', MESSAGES.stopped));
      return;
    }
    this.#state = 'restarting';
    this.#ready = this.#launch().then(
      (run) => {
        if (this.#state === 'restarting') this.#state = 'open';
        logger.info('Restarted the library process', { libraryDir: this.#libraryDir });
        this.#status('restarted');
        return run;
      },
      (error: unknown) => {
        logger.error('Could not restart the library process', { error: errorText(error) });
        this.#stop(new OffprintError('library-unavailable', MESSAGES.stopped));
        throw error;
      },
    );
    this.#ready.catch(() => undefined);
  }

  #stop(reason: OffprintError): void {
    this.#state = 'stopped';
    this.#ready = Promise.reject(reason);
    this.#ready.catch(() => undefined);
    this.#status('stopped');
  }

  #status(state: CoreStatus['state']): void {
    const status: CoreStatus = { state, message: MESSAGES[state] };
    for (const listener of this.#statusListeners) listener(status);
  }
}

const exitText = (code: number | null, signal: string | null): string =>
  signal ? `signal ${signal}` : `exit code ${code ?? 'unknown'}`;
