/**
 * Keeps the search index following the library: every change is applied to the index, and the
 * index is written some time after the last change (and on close).
 */
import type { LibraryStore } from './library/library-store';
import { errorText, type Logger } from './logger';
import type { SearchIndex } from './search/search-index';

/** The search index is written this long after the last change (and on close). */
const SEARCH_PERSIST_MS = 30_000;

export class SearchSync {
  #persistTimer: NodeJS.Timeout | null = null;
  readonly #stop: () => void;

  constructor(
    store: LibraryStore,
    private readonly search: SearchIndex,
    private readonly logger: Logger,
  ) {
    this.#stop = store.onChange((event) => {
      if (event.type === 'articles-removed') this.search.remove(event.ids);
      else if (event.type === 'content-replaced') this.#update([event.id], true);
      else this.#update(event.type === 'articles-changed' ? event.ids : [event.articleId], false);
      this.#schedulePersist();
    });
  }

  /** Stops following the library and writes the index; call it after the store is closed. */
  async close(): Promise<void> {
    this.#stop();
    if (this.#persistTimer) clearTimeout(this.#persistTimer);
    this.#persistTimer = null;
    await this.#persist();
    this.search.close();
  }

  async #persist(): Promise<void> {
    try {
      await this.search.persist();
    } catch (error) {
      // The index is derived: the next open re-indexes whatever the file missed.
      this.logger.error('Could not write the search index', { error: errorText(error) });
    }
  }

  #update(ids: readonly string[], textChanged: boolean): void {
    this.search.update(ids, { textChanged }).catch((error: unknown) => {
      this.logger.error('Could not update the search index', { ids: ids.length, error: errorText(error) });
    });
  }

  #schedulePersist(): void {
    if (this.#persistTimer) return;
    this.#persistTimer = setTimeout(() => {
      this.#persistTimer = null;
      void this.#persist();
    }, SEARCH_PERSIST_MS);
    this.#persistTimer.unref();
  }
}
