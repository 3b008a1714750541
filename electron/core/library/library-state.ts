/** The library as it is in memory: library.json plus the journal replayed over it. */
import type { CaptureQueueItem } from '@shared/queue/capture-queue';
import type { ArticleMeta, Highlight } from '@shared/model';
import type { JournalOp } from './journal';
import type { LibraryIndex } from './library-index';
import { summarize, type HighlightSummary } from './highlight-summary';
import { TagIndex } from './tag-index';
import { ArticleColumns } from './article-columns';

export class LibraryState {
  readonly articles = new Map<string, ArticleMeta>();
  /** Each highlight's article. */
  readonly #owner = new Map<string, string>();
  readonly #summaries = new Map<string, HighlightSummary>();
  /**
   * The whole highlights of the articles whose highlights are held in memory: those changed since
   * `base` was written (they are written from here at the next compaction), or all when there is no base.
   */
  readonly #held = new Map<string, Highlight[]>();
  /**
   * The snapshot file (one entry a line) whose highlights section holds the highlights of every
   * article not held in memory; null when all of them are held.
   */
  base: string | null = null;
  settings: Record<string, unknown> = {};
  /** The capture queue, by article id, in the order items were queued. */
  readonly queue = new Map<string, CaptureQueueItem>();
  queuePaused = false;
  /** Bumped on every change, so views computed from the state know when to recompute. */
  revision = 0;
  readonly tags = new TagIndex();
  /**
   * The articles in saving order, and each one's place in it (its slot). A change to an article
   * replaces it in its slot; only removing one renumbers them (and bumps slotEpoch).
   */
  #list: ArticleMeta[] | null = null;
  readonly #slots = new Map<string, number>();
  #slotEpoch = 0;
  /** Built when first asked for, then kept in step with list(). */
  #columns: ArticleColumns | null = null;

  /**
   * The state of a snapshot. Its highlights come either as a list (all held in memory) or, read a
   * line at a time from `base`, as summaries with the few the journal is about to change.
   */
  static from(
    index: LibraryIndex,
    table?: { base: string; summaries: Map<string, HighlightSummary>; kept: Map<string, Highlight[]> },
  ): LibraryState {
    const state = new LibraryState();
    for (const article of index.articles) state.#putArticle(article);
    if (table) {
      state.base = table.base;
      for (const [articleId, summary] of table.summaries) {
        if (!state.articles.has(articleId)) continue;
        state.#summaries.set(articleId, summary);
        for (const id of summary.ids) state.#owner.set(id, articleId);
      }
      for (const [articleId, highlights] of table.kept)
        if (state.articles.has(articleId)) state.#held.set(articleId, highlights);
    } else {
      const byArticle = new Map<string, Map<string, Highlight>>();
      for (const highlight of index.highlights) {
        if (!state.articles.has(highlight.articleId)) continue;
        let list = byArticle.get(highlight.articleId);
        if (!list) byArticle.set(highlight.articleId, (list = new Map()));
        list.set(highlight.id, highlight);
      }
      for (const [articleId, list] of byArticle) state.#setHighlights(articleId, [...list.values()]);
    }
    // highlightCount is derived data: trust the highlights, not a count someone may have edited.
    for (const article of state.articles.values())
      article.highlightCount = state.#summaries.get(article.id)?.ids.length ?? 0;
    state.settings = index.settings;
    for (const item of index.captureQueue?.items ?? []) state.queue.set(item.articleId, item);
    state.queuePaused = index.captureQueue?.paused ?? false;
    return state;
  }

  /** Every article, in the order they were saved; do not modify. */
  list(): readonly ArticleMeta[] {
    if (!this.#list) {
      this.#list = [...this.articles.values()];
      this.#slots.clear();
      for (let slot = 0; slot < this.#list.length; slot++) this.#slots.set(this.#list[slot].id, slot);
      this.#slotEpoch += 1;
      this.#columns = null;
    }
    return this.#list;
  }

  /** What search filters ask of each article, by slot of list(). */
  columns(): ArticleColumns {
    const list = this.list();
    this.#columns ??= ArticleColumns.of(list);
    return this.#columns;
  }

  /** The article's reading state was changed in place (LibraryStore.setProgress). */
  refresh(id: string): void {
    const slot = this.#columns ? this.#slots.get(id) : undefined;
    if (slot !== undefined) this.#columns!.setFlags(slot, this.#list![slot]);
  }

  /** The article's place in list(); the same until slotEpoch changes. */
  slotOf(id: string): number | undefined {
    this.list();
    return this.#slots.get(id);
  }

  /** Changes whenever articles move to other slots of list(). */
  get slotEpoch(): number {
    this.list();
    return this.#slotEpoch;
  }

  ownerOf(highlightId: string): string | undefined {
    return this.#owner.get(highlightId);
  }

  summaryOf(articleId: string): HighlightSummary | undefined {
    return this.#summaries.get(articleId);
  }

  /** The article's highlights when they are in memory (none counts as in memory), else undefined: read them from disk. */
  heldHighlights(articleId: string): Highlight[] | undefined {
    if (!this.#summaries.has(articleId)) return [];
    return this.#held.get(articleId);
  }

  /** Articles whose highlights are held in memory (the compaction writes theirs from here). */
  heldArticles(): ReadonlyMap<string, Highlight[]> {
    return this.#held;
  }

  /**
   * Keeps the article's highlights (read from disk) in memory from now on, so changes can be applied
   * to them. They must be what the summary says.
   */
  hold(articleId: string, highlights: Highlight[]): void {
    if (this.articles.has(articleId) && !this.#held.has(articleId)) this.#held.set(articleId, highlights);
  }

  /** After a compaction wrote everything to `base`: what is held need not be any more. */
  rebase(base: string): void {
    this.base = base;
    this.#held.clear();
  }

  /** Replaces the article's highlights whole (an article folder's record taken in). */
  replaceHighlights(articleId: string, highlights: Highlight[]): void {
    this.revision += 1;
    this.#setHighlights(articleId, highlights);
    this.#recount(articleId);
  }

  apply(op: JournalOp): void {
    this.revision += 1;
    switch (op.op) {
      case 'put-article': {
        this.#putArticle({ ...op.article, highlightCount: this.#summaries.get(op.article.id)?.ids.length ?? 0 });
        break;
      }
      case 'drop-article':
        this.#setHighlights(op.id, []);
        this.#held.delete(op.id);
        this.#dropArticle(op.id);
        this.queue.delete(op.id);
        break;
      case 'put-highlight': {
        const { highlight } = op;
        const previous = this.#owner.get(highlight.id);
        if (previous !== undefined && previous !== highlight.articleId) {
          this.#setHighlights(
            previous,
            this.#mustHold(previous).filter((h) => h.id !== highlight.id),
          );
          this.#recount(previous);
        }
        if (!this.articles.has(highlight.articleId)) break; // its article is gone: nothing dangles
        const list = this.#mustHold(highlight.articleId);
        const at = list.findIndex((h) => h.id === highlight.id);
        this.#setHighlights(
          highlight.articleId,
          at < 0 ? [...list, highlight] : [...list.slice(0, at), ...list.slice(at + 1), highlight],
        );
        this.#recount(highlight.articleId);
        break;
      }
      case 'drop-highlight': {
        const articleId = this.#owner.get(op.id);
        if (articleId === undefined) break;
        this.#setHighlights(
          articleId,
          this.#mustHold(articleId).filter((h) => h.id !== op.id),
        );
        this.#recount(articleId);
        break;
      }
      case 'progress': {
        const article = this.articles.get(op.id);
        if (article) {
          article.progress = op.progress;
          setOptional(article, 'readAt', op.readAt);
          this.refresh(op.id);
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

  /** The snapshot without its highlights (the snapshot writer takes those from `base` and what is held). */
  toIndex(schemaVersion: number): LibraryIndex {
    return {
      schemaVersion,
      articles: [...this.articles.values()],
      highlights: [],
      settings: this.settings,
      ...(this.queue.size > 0 || this.queuePaused
        ? { captureQueue: { paused: this.queuePaused, items: [...this.queue.values()] } }
        : {}),
    };
  }

  #putArticle(article: ArticleMeta): void {
    const previous = this.articles.get(article.id);
    if (previous) this.tags.remove(previous);
    this.tags.add(article);
    this.articles.set(article.id, article);
    if (!this.#list) return;
    const slot = this.#slots.get(article.id);
    if (slot !== undefined) {
      this.#list[slot] = article;
      this.#columns?.set(slot, article);
    } else {
      this.#slots.set(article.id, this.#list.length);
      this.#columns?.set(this.#list.length, article);
      this.#list.push(article);
    }
  }

  #dropArticle(id: string): void {
    const previous = this.articles.get(id);
    if (!previous) return;
    this.tags.remove(previous);
    this.articles.delete(id);
    this.#list = null;
    this.#columns = null;
  }

  #mustHold(articleId: string): Highlight[] {
    const list = this.heldHighlights(articleId);
    // The store reads an article's highlights in before it changes them (LibraryStore.#holdFor).
    if (!list) throw new Error(`The highlights of article ${articleId} were changed before they were read.`);
    return list;
  }

  #setHighlights(articleId: string, highlights: Highlight[]): void {
    for (const id of this.#summaries.get(articleId)?.ids ?? []) {
      if (this.#owner.get(id) === articleId) this.#owner.delete(id);
    }
    if (highlights.length === 0) {
      this.#summaries.delete(articleId);
      // Held as "none" while a base still lists its old ones, so the compaction leaves those out.
      if (this.base !== null && this.articles.has(articleId)) this.#held.set(articleId, []);
      else this.#held.delete(articleId);
      return;
    }
    this.#summaries.set(articleId, summarize(highlights));
    for (const h of highlights) this.#owner.set(h.id, articleId);
    this.#held.set(articleId, highlights);
  }

  #recount(articleId: string): void {
    const article = this.articles.get(articleId);
    if (!article) return;
    article.highlightCount = this.#summaries.get(articleId)?.ids.length ?? 0;
    this.refresh(articleId);
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
