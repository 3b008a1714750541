/** Capture progress, fanned out to whoever listens (the window, the CLI's terminal). */
import type { CaptureProgress } from '@shared/model';
import type { Logger } from '../logger';
import { errorText } from '../logger';

export type ProgressListener = (p: CaptureProgress) => void;

export class ProgressBus {
  readonly #listeners = new Set<ProgressListener>();

  constructor(private readonly logger: Logger) {}

  listen(listener: ProgressListener): () => void {
    this.#listeners.add(listener);
    return () => void this.#listeners.delete(listener);
  }

  emit(progress: CaptureProgress): void {
    for (const listener of this.#listeners) {
      try {
        listener(progress);
      } catch (error) {
        // A broken listener must not break the save.
        this.logger.warn('A capture progress listener failed', { url: progress.url, error: errorText(error) });
      }
    }
  }

  clear(): void {
    this.#listeners.clear();
  }
}
