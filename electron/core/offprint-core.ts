/**
 * The Electron-free core: one library on disk, answering every LibraryApi call.
 * The Electron main process, the browser-test bridge and the CLI all drive this class.
 * It is the composition root: it opens the store, wires the parts (saving, search, lists,
 * organizing) and hands each call to the part whose job it is. What the core depends on — the
 * page source, the clock, the search engine, the logger — comes in through CoreOptions.
 */
import type { LibraryApi } from '@shared/ipc/contract';
import { OffprintError } from '@shared/ipc/envelope';
import type {
  ArticleMeta,
  ArticleWithContent,
  BulkAction,
  BulkResult,
  Highlight,
  HighlightPatch,
  LibrarySettings,
  ListPage,
  ListQuery,
  NewHighlight,
  SaveResult,
  SearchHit,
  SearchOptions,
  SearchPage,
  SettingsPatch,
  TagChangeResult,
  TagCount,
} from '@shared/model';
import type { CaptureQueueEntry, CaptureQueueQuery, CaptureQueueStatus } from '@shared/queue/capture-queue';
import type { ArticleExportRequest } from '@shared/transfer/article-export';
import type { Clip, ClipQuery } from '@shared/transfer/clip';
import type { RenderedPageCapture } from './capture/capture-rendered';
import type { FetchLimits } from './capture/capture-url';
import { SiteIconCache } from './capture/site-icon-cache';
import { listClips } from './clips/list-clips';
import { exportLibraryOf, type ExportSelection } from './export/library-export-source';
import { exportToPath, type ExportOutcome } from './export/export-to-path';
import { ASSETS_FOLDER, articleDir, searchIndexPath } from './library/library-layout';
import { readSettings, withSettingsPatch } from './library/library-settings';
import { LibraryStore, type StoreOptions } from './library/library-store';
import { ListCache } from './library/list-cache';
import { countTags, withTag, withoutTag } from './library/tags';
import { stderrLogger } from './logger';
import { bulkChange } from './organizing/bulk-actions';
import { restoreOffprintJson, type RestoreOutcome } from './organizing/restore-backup';
import { replaceTagEverywhere } from './organizing/tag-rewrites';
import { ArticleSaver } from './saving/article-saver';
import { CaptureQueue, type CaptureQueueOptions } from './saving/capture-queue';
import { fetchedPageSource, type PageSource } from './saving/page-source';
import { ProgressBus, type ProgressListener } from './saving/progress-bus';
import type { SearchEngine } from './search/search-engine';
import { SearchIndex } from './search/search-index';
import { SearchSync } from './search-sync';
import { join } from 'node:path';

export interface CoreOptions extends StoreOptions {
  libraryDir: string;
  limits?: Partial<FetchLimits>;
  /** Where pages come from; fetched over HTTP (or read from a file) unless another is given. */
  pageSource?: PageSource;
  /** Ranks search results; BM25 unless another is given. */
  searchEngine?: SearchEngine;
  /** How the capture queue paces itself (tests give a timer driven by their clock). */
  captureQueue?: Partial<CaptureQueueOptions>;
  /** Work the capture queue from the start (the app does; the CLI only when a command asks). */
  startCaptureQueue?: boolean;
  // `now` (from StoreOptions) is the one clock: the store's stamps and the core's alike.
  // `logger` (from StoreOptions) likewise: stderr unless another is given.
}

export class OffprintCore implements LibraryApi {
  readonly #progress: ProgressBus;
  readonly #search: SearchIndex;
  readonly #searchSync: SearchSync;
  readonly #lists: ListCache;
  readonly #saver: ArticleSaver;
  readonly #queue: CaptureQueue;

  private constructor(
    private readonly store: LibraryStore,
    private readonly now: () => Date,
    options: CoreOptions,
  ) {
    const logger = options.logger ?? stderrLogger();
    this.#progress = new ProgressBus(logger);
    this.#search = new SearchIndex(store, {
      path: searchIndexPath(store.dir),
      engine: options.searchEngine,
      logger,
    });
    this.#searchSync = new SearchSync(store, this.#search, logger);
    this.#lists = new ListCache(store);
    this.#saver = new ArticleSaver(
      {
        store,
        pages: options.pageSource ?? fetchedPageSource,
        progress: this.#progress,
        logger,
        limits: options.limits,
        siteIcons: new SiteIconCache(),
      },
      now,
    );
    this.#queue = new CaptureQueue(
      { store, capture: (id, url) => this.#saver.captureInto(id, url), now, logger },
      options.captureQueue,
    );
    if (options.startCaptureQueue) this.#queue.start();
  }

  static async open(options: CoreOptions): Promise<OffprintCore> {
    const now = options.now ?? (() => new Date());
    const {
      libraryDir,
      limits: _limits,
      pageSource: _pages,
      searchEngine: _engine,
      captureQueue: _queue,
      startCaptureQueue: _start,
      ...store
    } = options;
    const logger = options.logger ?? stderrLogger();
    return new OffprintCore(await LibraryStore.open(libraryDir, { ...store, now, logger }), now, {
      ...options,
      logger,
    });
  }

  get libraryDir(): string {
    return this.store.dir;
  }

  /** What the user should be told about opening the library (e.g. a recovered index). */
  get notices(): readonly string[] {
    return this.store.notices;
  }

  async getNotices(): Promise<string[]> {
    return [...this.store.notices];
  }

  /** Loads the search index in the background (call once the first page is on screen). */
  warmUpSearch(): Promise<void> {
    return this.#search.ready().then(() => undefined);
  }

  onCaptureProgress(listener: ProgressListener): () => void {
    return this.#progress.listen(listener);
  }

  async close(): Promise<void> {
    await this.#queue.close();
    this.#progress.clear();
    await this.store.close();
    await this.#searchSync.close();
  }

  // ── Saving ─────────────────────────────────────────────────────────────────

  saveUrl(input: string): Promise<SaveResult> {
    return this.#saver.saveUrl(input);
  }

  /** Saves a web page stored on disk (.html/.htm, e.g. a browser's "Web page, complete"). */
  saveFile(path: string): Promise<SaveResult> {
    return this.#saver.saveFile(path);
  }

  /** Saves a page as the user's browser rendered it, handed over by the browser connector. */
  saveRenderedPage(page: RenderedPageCapture): Promise<SaveResult> {
    return this.#saver.saveRenderedPage(page);
  }

  /**
   * Updates an article from the web, keeping tags, state, progress and highlights (re-anchored in
   * the new text). An article saved from a file with no web address is read again from that file.
   */
  refreshArticle(id: string): Promise<ArticleMeta> {
    return this.#saver.refreshArticle(id);
  }

  /** Removes an article for good: its files and its highlights (the CLI's remove; the app uses the Trash). */
  async deleteArticle(id: string): Promise<void> {
    await this.store.deleteArticle(id);
  }

  // ── Capture queue ──────────────────────────────────────────────────────────

  /** Queues placeholder articles (entries without content) to be captured from their URL, in place. */
  enqueueCapture(items: { articleId: string; url: string }[]): Promise<void> {
    return this.#queue.enqueue(items);
  }

  /** Tells `listener` when an article's queued capture finished (its content is in). */
  onCaptured(listener: (articleId: string) => void): () => void {
    return this.#queue.onCaptured(listener);
  }

  onCaptureQueueChange(listener: (status: CaptureQueueStatus) => void): () => void {
    return this.#queue.onChange(listener);
  }

  /** Starts working the queue in this process (the app does on start; the CLI when asked). */
  startCaptureQueue(): void {
    this.#queue.start();
  }

  /** Settles when nothing is left to capture now or after a backoff (or the queue is paused). */
  captureQueueIdle(): Promise<void> {
    return this.#queue.whenIdle();
  }

  async captureQueueStatus(): Promise<CaptureQueueStatus> {
    return this.#queue.status();
  }

  async listCaptureQueue(query: CaptureQueueQuery = {}): Promise<CaptureQueueEntry[]> {
    return this.#queue.list(query);
  }

  async pauseCaptureQueue(): Promise<CaptureQueueStatus> {
    await this.#queue.pause();
    return this.#queue.status();
  }

  async resumeCaptureQueue(): Promise<CaptureQueueStatus> {
    await this.#queue.resume();
    return this.#queue.status();
  }

  /** Cancels the given items, or every waiting one. */
  async cancelCapture(ids?: string[]): Promise<CaptureQueueStatus> {
    await this.#queue.cancel(ids);
    return this.#queue.status();
  }

  /** Puts failed, gone and cancelled items (the given ones, or all) back in the queue. */
  async retryCapture(ids?: string[]): Promise<CaptureQueueStatus> {
    await this.#queue.retry(ids);
    return this.#queue.status();
  }

  // ── Reading ────────────────────────────────────────────────────────────────

  async listArticles(query: ListQuery): Promise<ArticleMeta[]> {
    return (await this.listPage(query)).items;
  }

  listPage(query: ListQuery): Promise<ListPage> {
    return this.#lists.page(query);
  }

  async getArticle(id: string): Promise<ArticleWithContent> {
    const meta = this.store.getArticle(id);
    const highlights = this.store.highlightsOf(id);
    try {
      return { ...meta, content: await this.store.readContent(id), highlights };
    } catch (error) {
      if (!(error instanceof OffprintError) || error.code !== 'content-missing') throw error;
      return { ...meta, content: '', highlights, contentMissing: true };
    }
  }

  /** The stored plain text of an article (what search and highlights' positions are over). */
  async getArticleText(id: string): Promise<string> {
    return this.store.readText(id);
  }

  async search(query: string): Promise<SearchHit[]> {
    return this.#search.search(query);
  }

  async searchPage(query: string, options?: SearchOptions): Promise<SearchPage> {
    return this.#search.searchPage(query, options);
  }

  /** Tags of the articles not in the Trash, with counts, alphabetically. */
  async listTags(): Promise<TagCount[]> {
    return countTags(this.store.liveArticles().filter((a) => !a.deletedAt));
  }

  // ── Changing ───────────────────────────────────────────────────────────────

  setArchived(id: string, archived: boolean): Promise<ArticleMeta> {
    return this.store.updateArticle(id, () => ({ archived }));
  }

  setFavourite(id: string, favourite: boolean): Promise<ArticleMeta> {
    return this.store.updateArticle(id, () => ({ favourite }));
  }

  async setProgress(id: string, progress: number): Promise<void> {
    this.store.setProgress(id, progress);
  }

  /** Makes pending reading progress durable now (it is otherwise journaled within 1.5 s). */
  flush(): Promise<void> {
    return this.store.flushProgress();
  }

  addTag(id: string, tag: string): Promise<ArticleMeta> {
    return this.store.updateArticle(id, (article, all) => ({ tags: withTag(article.tags, tag, all) }));
  }

  removeTag(id: string, tag: string): Promise<ArticleMeta> {
    return this.store.updateArticle(id, (article) => ({ tags: withoutTag(article.tags, tag) }));
  }

  async bulkUpdate(ids: string[], action: BulkAction): Promise<BulkResult> {
    const change = bulkChange(action, this.store.liveArticles(), this.now().toISOString());
    return { changed: (await this.store.updateMany(ids, change)).length };
  }

  deleteArticles(ids: string[]): Promise<BulkResult> {
    return this.bulkUpdate(ids, { type: 'delete' });
  }

  restoreArticles(ids: string[]): Promise<BulkResult> {
    return this.bulkUpdate(ids, { type: 'restore' });
  }

  async emptyTrash(): Promise<BulkResult> {
    const trashed = this.store
      .liveArticles()
      .filter((a) => a.deletedAt)
      .map((a) => a.id);
    return { changed: await this.store.purgeArticles(trashed) };
  }

  /** Also the way to change a tag's case; renaming onto an existing tag merges them under the new spelling. */
  renameTag(from: string, to: string): Promise<TagChangeResult> {
    return this.#replaceTag([from, to], to);
  }

  mergeTags(from: string[], into: string): Promise<TagChangeResult> {
    return this.#replaceTag([...from, into], into);
  }

  deleteTag(name: string): Promise<TagChangeResult> {
    return this.#replaceTag([name], null);
  }

  addHighlight(input: NewHighlight): Promise<Highlight> {
    return this.store.addHighlight(input);
  }

  updateHighlight(id: string, patch: HighlightPatch): Promise<Highlight> {
    return this.store.updateHighlight(id, patch);
  }

  deleteHighlight(id: string): Promise<void> {
    return this.store.deleteHighlight(id);
  }

  async listClips(query: ClipQuery): Promise<Clip[]> {
    const store = this.store;
    const clips = await listClips(
      {
        articles: store.liveArticles(),
        highlightsOf: (id) => store.highlightsOf(id),
        readText: (id) => store.readText(id),
      },
      query,
    );
    return structuredClone(clips);
  }

  // ── Exporting ──────────────────────────────────────────────────────────────

  /** How many articles an export of this view, tag or selection would write. */
  countExport(request: ArticleExportRequest): number {
    return this.#exportLibrary(request).articles.length;
  }

  /**
   * Writes the articles of a view (default all, Trash excluded), a tag, or a selection of ids
   * to `path` in one of the export formats (see docs/EXPORT-FORMAT.md). Offprint JSON of no
   * particular view, tag or selection is a backup: the whole library, Trash included.
   */
  async exportArticles(request: ArticleExportRequest, path: string): Promise<ExportOutcome> {
    await this.store.flushProgress();
    const title = request.ids ? 'Offprint — selection' : `Offprint — ${request.tag ?? request.view ?? 'all'}`;
    return exportToPath(this.#exportLibrary(request), request.format, path, {
      includeContent: request.includeContent,
      title,
    });
  }

  /** Restores an Offprint JSON backup (see `npm run cli -- export --format json`) into this library, which must be empty. */
  importOffprintJson(path: string): Promise<RestoreOutcome> {
    return restoreOffprintJson(this.store, path);
  }

  async getSettings(): Promise<LibrarySettings> {
    return readSettings(this.store.settings());
  }

  async updateSettings(patch: SettingsPatch): Promise<LibrarySettings> {
    return readSettings(await this.store.updateSettings((settings) => withSettingsPatch(settings, patch)));
  }

  // ── Internals ──────────────────────────────────────────────────────────────

  #exportLibrary(request: ArticleExportRequest) {
    const store = this.store;
    const whole = request.format === 'json' && !request.ids && !request.view && !request.tag;
    const selection: ExportSelection = whole
      ? { whole: true }
      : request.ids
        ? { ids: request.ids }
        : { view: request.view, tag: request.tag };
    return exportLibraryOf(
      {
        articles: store.liveArticles(),
        highlightsOf: (id) => store.highlightsOf(id),
        readContent: (id) => store.readContent(id),
        assetsDir: (id) => join(articleDir(store.dir, id), ASSETS_FOLDER),
      },
      selection,
    );
  }

  async #replaceTag(from: string[], into: string | null): Promise<TagChangeResult> {
    return { changed: await replaceTagEverywhere(this.store, from, into), tags: await this.listTags() };
  }
}
