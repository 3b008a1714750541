/** The library as it is in memory: library.json plus the journal replayed over it. */
import type { CaptureQueueItem } from '@shared/queue/capture-queue';
import type { ArticleMeta, Highlight } from '@shared/model';
import type { JournalOp } from './journal';
import type { LibraryIndex } from './library-index';

export class LibraryState {
  readonly articles = new Map<string, ArticleMeta>();
  readonly highlights = new Map<string, Highlight>();
  readonly #byArticle = new Map<string, Set<string>>();
  settings: Record<string, unknown> = {};
  /** The capture queue, by article id, in the order items were queued. */
  readonly queue = new Map<string, CaptureQueueItem>();
  queuePaused = false;
  /** Bumped on every change, so views computed from the state know when to recompute. */
  revision = 0;
  #list: ArticleMeta[] | null = null;

  static from(index: LibraryIndex): LibraryState {
    const state = new LibraryState();
    for (const article of index.articles) state.articles.set(article.id, article);
    for (const highlight of index.highlights) {
      if (state.articles.has(highlight.articleId)) state.#addHighlight(highlight);
    }
    // highlightCount is derived data: trust the highlights, not a count someone may have edited.
    for (const article of state.articles.values()) article.highlightCount = state.#byArticle.get(article.id)?.size ?? 0;
    state.settings = index.settings;
    for (const item of index.captureQueue?.items ?? []) state.queue.set(item.articleId, item);
    state.queuePaused = index.captureQueue?.paused ?? false;
    return state;
  }

  /** Every article, in the order they were saved; do not modify. */
  list(): readonly ArticleMeta[] {
    this.#list ??= [...this.articles.values()];
    return this.#list;
  }

  highlightsOf(articleId: string): Highlight[] {
    const ids = this.#byArticle.get(articleId);
    return ids ? [...ids].map((id) => this.highlights.get(id)!) : [];
  }

  apply(op: JournalOp): void {
    this.revision += 1;
    switch (op.op) {
      case 'put-article': {
        const article = { ...op.article, highlightCount: this.#byArticle.get(op.article.id)?.size ?? 0 };
        this.articles.set(article.id, article);
        this.#list = null;
        break;
      }
      case 'drop-article':
        for (const id of this.#byArticle.get(op.id) ?? []) this.highlights.delete(id);
        this.#byArticle.delete(op.id);
        this.articles.delete(op.id);
        this.queue.delete(op.id);
        this.#list = null;
        break;
      case 'put-highlight': {
        const previous = this.highlights.get(op.highlight.id);
        if (previous) this.#byArticle.get(previous.articleId)?.delete(previous.id);
        if (!this.articles.has(op.highlight.articleId)) break; // its article is gone: nothing dangles
        this.#addHighlight(op.highlight);
        this.#recount(op.highlight.articleId);
        break;
      }
      case 'drop-highlight': {
        const previous = this.highlights.get(op.id);
        if (!previous) break;
        this.highlights.delete(op.id);
        this.#byArticle.get(previous.articleId)?.delete(op.id);
        this.#recount(previous.articleId);
        break;
      }
      case 'progress': {
        const article = this.articles.get(op.id);
        if (article) {
          article.progress = op.progress;
          setOptional(article, 'readAt', op.readAt);
        }
        break;
      }
      case 'settings':
        this.settings = op.settings;
        break;
      case 'queue-put':
        for (const item of op.items) this.queue.set(item.articleId, item);
        break;
      case 'queue-drop':
        for (const id of op.ids) this.queue.delete(id);
        break;
      case 'queue-paused':
        this.queuePaused = op.paused;
        break;
    }
  }

  toIndex(schemaVersion: number): LibraryIndex {
    return {
      schemaVersion,
      articles: [...this.articles.values()],
      highlights: [...this.highlights.values()],
      settings: this.settings,
      ...(this.queue.size > 0 || this.queuePaused
        ? { captureQueue: { paused: this.queuePaused, items: [...this.queue.values()] } }
        : {}),
    };
  }

  #addHighlight(highlight: Highlight): void {
    this.highlights.set(highlight.id, highlight);
    let ids = this.#byArticle.get(highlight.articleId);
    if (!ids) this.#byArticle.set(highlight.articleId, (ids = new Set()));
    ids.add(highlight.id);
  }

  #recount(articleId: string): void {
    const article = this.articles.get(articleId);
    if (article) article.highlightCount = this.#byArticle.get(articleId)?.size ?? 0;
  }
}

/** Optional fields are left out rather than stored as null, so old and new records look alike. */
export function setOptional<K extends 'deletedAt' | 'readAt'>(
  article: ArticleMeta,
  key: K,
  value: string | null | undefined,
): void {
  if (value) article[key] = value;
  else delete article[key];
}
