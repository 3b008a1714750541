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
import type { HighlightState, ImportSummary, UndoImportResult } from '@shared/import/import-summary';
import { noCapture, type CaptureHandoff } from './import/capture-handoff';
import { importIntoLibrary, type ImportOptions } from './import/merge/import-into-library';
import { highlightState } from './import/merge/imported-highlights';
import { undoImport } from './import/merge/undo-import';
import { readExportPath, UnknownImportFormatError, type ReadExport } from './import/read-import';
import type { RenderedPageCapture } from './capture/capture-rendered';
import type { FetchLimits } from './capture/capture-url';
import { SiteIconCache } from './capture/site-icon-cache';
import { listClips } from './clips/list-clips';
import { exportedArticles, exportLibraryOf, type ExportSelection } from './export/library-export-source';
import { exportToPath, type ExportOutcome } from './export/export-to-path';
import { pageFromFirstPage, readFirstPage, withContentMissing, type FirstPage } from './library/first-page';
import { ASSETS_FOLDER, articleDir, searchIndexPath } from './library/library-layout';
import { readSettings, withSettingsPatch } from './library/library-settings';
import { LibraryStore, type StoreOptions } from './library/library-store';
import { ListCache } from './library/list-cache';
import { countTags, withTag, withoutTag } from './library/tags';
import { stderrLogger, type Logger } from './logger';
import { bulkChange } from './organizing/bulk-actions';
import { importBackup, restoreOffprintJson, type RestoreOutcome } from './organizing/restore-backup';
import { CURRENT_SCHEMA } from './library/migrations';
import { replaceTagEverywhere } from './organizing/tag-rewrites';
import { ArticleSaver } from './saving/article-saver';
import { CaptureQueue, type CaptureQueueOptions } from './saving/capture-queue';
import { fetchedPageSource, type PageSource } from './saving/page-source';
import { ProgressBus, type ProgressListener } from './saving/progress-bus';
import type { SearchEngine } from './search/search-engine';
import type { ImportProgress } from '@shared/import/import-summary';
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
  /**
   * Where an import hands the entries it recorded without content: the capture queue unless
   * another is given (the browser-test bridge keeps them, so a test never reaches the web).
   */
  importCaptures?: CaptureHandoff;
  // `now` (from StoreOptions) is the one clock: the store's stamps and the core's alike.
  // `logger` (from StoreOptions) likewise: stderr unless another is given.
}

/** What the core wires up once the library is loaded. */
interface CoreParts {
  store: LibraryStore;
  search: SearchIndex;
  searchSync: SearchSync;
  lists: ListCache;
  saver: ArticleSaver;
  queue: CaptureQueue;
}

export class OffprintCore implements LibraryApi {
  readonly #progress: ProgressBus;
  readonly #libraryDir: string;
  #parts: CoreParts | null = null;
  readonly #loading: Promise<CoreParts>;
  /** The first page as written with the snapshot, answered while the rest of the library loads. */
  #firstPage: FirstPage | null;
  /** Where an import's entries without content go, when not to the capture queue. */
  readonly #importCaptures: CaptureHandoff | undefined;
  readonly #importListeners = new Set<(progress: ImportProgress) => void>();
  readonly #logger: Logger;

  private constructor(
    libraryDir: string,
    storeOpening: Promise<LibraryStore>,
    firstPage: FirstPage | null,
    private readonly now: () => Date,
    options: CoreOptions,
  ) {
    const logger = options.logger ?? stderrLogger();
    this.#logger = logger;
    this.#libraryDir = libraryDir;
    this.#firstPage = firstPage;
    this.#importCaptures = options.importCaptures;
    this.#progress = new ProgressBus(logger);
    this.#loading = storeOpening.then((store) => {
      const source = {
        liveArticles: () => store.liveArticles(),
        slotOf: (id: string) => store.slotOf(id),
        get slotEpoch() {
          return store.slotEpoch;
        },
        articlesTagged: (tag: string) => store.articlesTagged(tag),
        articleColumns: () => store.articleColumns(),
        peekArticle: (id: string) => store.peekArticle(id),
        highlightsOf: (id: string) => store.highlightsOf(id),
        highlightKey: (id: string) => store.highlightKey(id),
        hasNotes: (id: string) => store.hasNotes(id),
        readText: (id: string) => store.readText(id),
      };
      const search = new SearchIndex(source, {
        path: searchIndexPath(store.dir),
        engine: options.searchEngine,
        logger,
      });
      const saver = new ArticleSaver(
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
      const queue = new CaptureQueue(
        { store, capture: (id, url) => saver.captureInto(id, url), now, logger },
        options.captureQueue,
      );
      this.#parts = {
        store,
        search,
        searchSync: new SearchSync(store, search, logger),
        lists: new ListCache(store),
        saver,
        queue,
      };
      this.#firstPage = null;
      // Only now: the queue works from the library's whole state, never from the first page alone.
      if (options.startCaptureQueue) queue.start();
      return this.#parts;
    });
    // Whoever calls next sees a failure to load; it must not count as unhandled meanwhile.
    this.#loading.catch(() => undefined);
  }

  /**
   * Opens the library. With `firstPageEarly`, it resolves as soon as the library is locked and
   * its first page (first-page.json) is known good, and loads the rest in the background: the
   * first page and the settings are answered at once, every other call waits for the load.
   */
  static async open(options: CoreOptions & { firstPageEarly?: boolean }): Promise<OffprintCore> {
    const now = options.now ?? (() => new Date());
    const {
      libraryDir,
      limits: _limits,
      pageSource: _pages,
      searchEngine: _engine,
      captureQueue: _queue,
      startCaptureQueue: _start,
      importCaptures: _captures,
      firstPageEarly,
      ...store
    } = options;
    const logger = options.logger ?? stderrLogger();
    const schemaVersion = (store.schema ?? CURRENT_SCHEMA).version;
    let locked!: () => void;
    const lockTaken = new Promise<void>((resolve) => (locked = resolve));
    const opening = LibraryStore.open(libraryDir, { ...store, now, logger, onLocked: () => locked() });
    const firstPage = firstPageEarly
      ? await Promise.race([lockTaken, opening]).then(() => readFirstPage(libraryDir, schemaVersion))
      : null;
    const core = new OffprintCore(libraryDir, opening, firstPage, now, { ...options, logger });
    if (!firstPage) await core.#loading;
    return core;
  }

  /** Whether the first page is answered from first-page.json while the rest still loads. */
  get firstPageEarly(): boolean {
    return this.#firstPage !== null;
  }

  /** Resolves once the whole library is loaded (at once, unless it was opened with `firstPageEarly`). */
  async loaded(): Promise<void> {
    await this.#loading;
  }

  get libraryDir(): string {
    return this.#libraryDir;
  }

  /** What the user should be told about opening the library (e.g. a recovered index); complete once loaded. */
  get notices(): readonly string[] {
    return this.#parts?.store.notices ?? [];
  }

  async getNotices(): Promise<string[]> {
    const { store } = await this.#loading;
    return [...store.notices];
  }

  /** Loads the search index in the background (call once the first page is on screen). */
  async warmUpSearch(): Promise<void> {
    const { search } = await this.#loading;
    await search.ready();
  }

  onCaptureProgress(listener: ProgressListener): () => void {
    return this.#progress.listen(listener);
  }

  async close(): Promise<void> {
    // A library that failed to load was never opened (its lock is already released).
    const parts = await this.#loading.catch(() => null);
    await parts?.queue.close();
    this.#progress.clear();
    this.#importListeners.clear();
    if (!parts) return;
    const { store, searchSync } = parts;
    await store.close();
    await searchSync.close();
  }

  // ── Saving ─────────────────────────────────────────────────────────────────

  async saveUrl(input: string): Promise<SaveResult> {
    return (await this.#loading).saver.saveUrl(input);
  }

  /** Saves a web page stored on disk (.html/.htm, e.g. a browser's "Web page, complete"). */
  async saveFile(path: string): Promise<SaveResult> {
    return (await this.#loading).saver.saveFile(path);
  }

  /** Saves a page as the user's browser rendered it, handed over by the browser connector. */
  async saveRenderedPage(page: RenderedPageCapture): Promise<SaveResult> {
    return (await this.#loading).saver.saveRenderedPage(page);
  }

  /**
   * Updates an article from the web, keeping tags, state, progress and highlights (re-anchored in
   * the new text). An article saved from a file with no web address is read again from that file.
   */
  async refreshArticle(id: string): Promise<ArticleMeta> {
    return (await this.#loading).saver.refreshArticle(id);
  }

  /** Removes an article for good: its files and its highlights (the CLI's remove; the app uses the Trash). */
  async deleteArticle(id: string): Promise<void> {
    const { store } = await this.#loading;
    await store.deleteArticle(id);
  }

  // ── Importing ──────────────────────────────────────────────────────────────

  /**
   * Imports an export (a file, a zip or a folder; the format is read from the content) as one
   * undoable change. Entries without content are handed to the capture queue unless `capture` is false.
   * An Offprint JSON backup is restored (same ids, bodies and images) where the library does not
   * hold its articles, and merged like any import where it does.
   */
  async importPath(path: string, options: Omit<ImportOptions, 'onProgress'> = {}): Promise<ImportSummary> {
    return this.#import(await readExportPath(path), options);
  }

  /**
   * The app's import of a dropped or chosen file. Null for an .html file that is a web page rather
   * than an export (one Offprint does not read as bookmarks, or that merely holds links): the app
   * saves it as a page instead. Any other file that is not an export is refused with why.
   */
  async importFile(path: string): Promise<ImportSummary | null> {
    const page = /\.html?$/i.test(path);
    let read: ReadExport;
    try {
      read = await readExportPath(path);
    } catch (error) {
      if (page && error instanceof UnknownImportFormatError) return null;
      throw error;
    }
    if (page && read.format === 'url-list') return null;
    return this.#import(read, {});
  }

  async #import(read: ReadExport, options: Omit<ImportOptions, 'onProgress'>): Promise<ImportSummary> {
    const { store, queue } = await this.#loading;
    const captures = this.#importCaptures ?? { enqueueCapture: (items) => queue.enqueue(items) };
    const deps = { store, captures: options.capture === false ? noCapture : captures, now: this.now };
    const withProgress = { ...options, onProgress: (p: ImportProgress) => this.#importListeners.forEach((l) => l(p)) };
    if (read.format === 'offprint-json') {
      return importBackup({ ...deps, logger: this.#logger }, read.backup, withProgress);
    }
    return importIntoLibrary(deps, read, withProgress);
  }

  /** Removes what an import added: the articles it created, and the highlights and tags it added to others. */
  async undoImport(importId: string): Promise<UndoImportResult> {
    const { store } = await this.#loading;
    return undoImport(store, importId, this.now().toISOString());
  }

  onImportProgress(listener: (progress: ImportProgress) => void): () => void {
    this.#importListeners.add(listener);
    return () => void this.#importListeners.delete(listener);
  }

  /** Each highlight of an article with where it stands: anchored, orphaned, or pending a capture. */
  async highlightStates(id: string): Promise<{ highlight: Highlight; state: HighlightState }[]> {
    const { store } = await this.#loading;
    const article = store.getArticle(id);
    const text = article.awaitingCapture ? null : await store.readText(id).catch(() => null);
    return (await store.highlightsOf(id)).map((highlight) => ({
      highlight,
      state: highlightState(article, highlight, text),
    }));
  }

  // ── Capture queue ──────────────────────────────────────────────────────────

  /** Queues placeholder articles (entries without content) to be captured from their URL, in place. */
  async enqueueCapture(items: { articleId: string; url: string }[]): Promise<void> {
    const { queue } = await this.#loading;
    return queue.enqueue(items);
  }

  /** Tells `listener` when an article's queued capture finished (its content is in). */
  onCaptured(listener: (articleId: string) => void): () => void {
    return this.#onceLoaded(({ queue }) => queue.onCaptured(listener));
  }

  onCaptureQueueChange(listener: (status: CaptureQueueStatus) => void): () => void {
    return this.#onceLoaded(({ queue }) => queue.onChange(listener));
  }

  /** Starts working the queue in this process (the app does on start; the CLI when asked), once the library is loaded. */
  startCaptureQueue(): void {
    void this.#loading.then(
      ({ queue }) => queue.start(),
      () => undefined, // the next call reports the failure to load
    );
  }

  /** Settles when nothing is left to capture now or after a backoff (or the queue is paused). */
  async captureQueueIdle(): Promise<void> {
    const { queue } = await this.#loading;
    return queue.whenIdle();
  }

  async captureQueueStatus(): Promise<CaptureQueueStatus> {
    const { queue } = await this.#loading;
    return queue.status();
  }

  async listCaptureQueue(query: CaptureQueueQuery = {}): Promise<CaptureQueueEntry[]> {
    const { queue } = await this.#loading;
    return queue.list(query);
  }

  async pauseCaptureQueue(): Promise<CaptureQueueStatus> {
    const { queue } = await this.#loading;
    await queue.pause();
    return queue.status();
  }

  async resumeCaptureQueue(): Promise<CaptureQueueStatus> {
    const { queue } = await this.#loading;
    await queue.resume();
    return queue.status();
  }

  /** Cancels the given items, or every waiting one. */
  async cancelCapture(ids?: string[]): Promise<CaptureQueueStatus> {
    const { queue } = await this.#loading;
    await queue.cancel(ids);
    return queue.status();
  }

  /** Puts failed, gone and cancelled items (the given ones, or all) back in the queue. */
  async retryCapture(ids?: string[]): Promise<CaptureQueueStatus> {
    const { queue } = await this.#loading;
    await queue.retry(ids);
    return queue.status();
  }

  // ── Reading ────────────────────────────────────────────────────────────────

  async listArticles(query: ListQuery): Promise<ArticleMeta[]> {
    return (await this.listPage(query)).items;
  }

  async listPage(query: ListQuery): Promise<ListPage> {
    const early = this.#firstPage && pageFromFirstPage(this.#firstPage, query);
    if (early) return withContentMissing(this.#libraryDir, early);
    return (await this.#loading).lists.page(query);
  }

  async getArticle(id: string): Promise<ArticleWithContent> {
    const { store } = await this.#loading;
    const meta = store.getArticle(id);
    const highlights = await store.highlightsOf(id);
    try {
      return { ...meta, content: await store.readContent(id), highlights };
    } catch (error) {
      if (!(error instanceof OffprintError) || error.code !== 'content-missing') throw error;
      return { ...meta, content: '', highlights, contentMissing: true };
    }
  }

  /** The stored plain text of an article (what search and highlights' positions are over). */
  async getArticleText(id: string): Promise<string> {
    const { store } = await this.#loading;
    return store.readText(id);
  }

  async search(query: string): Promise<SearchHit[]> {
    return (await this.#loading).search.search(query);
  }

  async searchPage(query: string, options?: SearchOptions): Promise<SearchPage> {
    return (await this.#loading).search.searchPage(query, options);
  }

  /** Tags of the articles not in the Trash, with counts, alphabetically. */
  async listTags(): Promise<TagCount[]> {
    const { store } = await this.#loading;
    return countTags(store.liveArticles().filter((a) => !a.deletedAt));
  }

  // ── Changing ───────────────────────────────────────────────────────────────

  async setArchived(id: string, archived: boolean): Promise<ArticleMeta> {
    const { store } = await this.#loading;
    return store.updateArticle(id, () => ({ archived }));
  }

  async setFavourite(id: string, favourite: boolean): Promise<ArticleMeta> {
    const { store } = await this.#loading;
    return store.updateArticle(id, () => ({ favourite }));
  }

  async setProgress(id: string, progress: number): Promise<void> {
    const { store } = await this.#loading;
    store.setProgress(id, progress);
  }

  /** Makes pending reading progress durable now (it is otherwise journaled within 1.5 s). */
  async flush(): Promise<void> {
    const { store } = await this.#loading;
    return store.flushProgress();
  }

  async addTag(id: string, tag: string): Promise<ArticleMeta> {
    const { store } = await this.#loading;
    return store.updateArticle(id, (article) => ({ tags: withTag(article.tags, tag, (t) => store.tagSpelling(t)) }));
  }

  async removeTag(id: string, tag: string): Promise<ArticleMeta> {
    const { store } = await this.#loading;
    return store.updateArticle(id, (article) => ({ tags: withoutTag(article.tags, tag) }));
  }

  async bulkUpdate(ids: string[], action: BulkAction): Promise<BulkResult> {
    const { store } = await this.#loading;
    const change = bulkChange(action, (tag) => store.tagSpelling(tag), this.now().toISOString());
    return { changed: (await store.updateMany(ids, change)).length };
  }

  deleteArticles(ids: string[]): Promise<BulkResult> {
    return this.bulkUpdate(ids, { type: 'delete' });
  }

  restoreArticles(ids: string[]): Promise<BulkResult> {
    return this.bulkUpdate(ids, { type: 'restore' });
  }

  async emptyTrash(): Promise<BulkResult> {
    const { store } = await this.#loading;
    const trashed = store
      .liveArticles()
      .filter((a) => a.deletedAt)
      .map((a) => a.id);
    return { changed: await store.purgeArticles(trashed) };
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

  async addHighlight(input: NewHighlight): Promise<Highlight> {
    const { store } = await this.#loading;
    return store.addHighlight(input);
  }

  async updateHighlight(id: string, patch: HighlightPatch): Promise<Highlight> {
    const { store } = await this.#loading;
    return store.updateHighlight(id, patch);
  }

  async deleteHighlight(id: string): Promise<void> {
    const { store } = await this.#loading;
    return store.deleteHighlight(id);
  }

  async listClips(query: ClipQuery): Promise<Clip[]> {
    const { store } = await this.#loading;
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
  async countExport(request: ArticleExportRequest): Promise<number> {
    const { store } = await this.#loading;
    return exportedArticles(store.liveArticles(), this.#exportSelection(request)).length;
  }

  /**
   * Writes the articles of a view (default all, Trash excluded), a tag, or a selection of ids
   * to `path` in one of the export formats (see docs/EXPORT-FORMAT.md). Offprint JSON of no
   * particular view, tag or selection is a backup: the whole library, Trash included.
   */
  async exportArticles(request: ArticleExportRequest, path: string): Promise<ExportOutcome> {
    const { store } = await this.#loading;
    await store.flushProgress();
    const title = request.ids ? 'Offprint — selection' : `Offprint — ${request.tag ?? request.view ?? 'all'}`;
    return exportToPath(await this.#exportLibrary(store, request), request.format, path, {
      includeContent: request.includeContent,
      title,
    });
  }

  /** Restores an Offprint JSON backup (see `npm run cli -- export --format json`) into this library, which must be empty. */
  async importOffprintJson(path: string): Promise<RestoreOutcome> {
    return restoreOffprintJson((await this.#loading).store, path);
  }

  async getSettings(): Promise<LibrarySettings> {
    if (this.#firstPage) return readSettings(structuredClone(this.#firstPage.settings));
    return readSettings((await this.#loading).store.settings());
  }

  async updateSettings(patch: SettingsPatch): Promise<LibrarySettings> {
    const { store } = await this.#loading;
    return readSettings(await store.updateSettings((settings) => withSettingsPatch(settings, patch)));
  }

  // ── Internals ──────────────────────────────────────────────────────────────

  #exportSelection(request: ArticleExportRequest): ExportSelection {
    const whole = request.format === 'json' && !request.ids && !request.view && !request.tag;
    return whole ? { whole: true } : request.ids ? { ids: request.ids } : { view: request.view, tag: request.tag };
  }

  #exportLibrary(store: LibraryStore, request: ArticleExportRequest) {
    const selection = this.#exportSelection(request);
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

  /**
   * Subscribes through the loaded parts: at once when the library is loaded, else when it is.
   * The returned function unsubscribes either way (before the load, the subscription never happens).
   */
  #onceLoaded(subscribe: (parts: CoreParts) => () => void): () => void {
    if (this.#parts) return subscribe(this.#parts);
    let unsubscribe: (() => void) | null = null;
    let cancelled = false;
    void this.#loading.then(
      (parts) => {
        if (!cancelled) unsubscribe = subscribe(parts);
      },
      () => undefined,
    );
    return () => {
      cancelled = true;
      unsubscribe?.();
    };
  }

  async #replaceTag(from: string[], into: string | null): Promise<TagChangeResult> {
    const { store } = await this.#loading;
    return { changed: await replaceTagEverywhere(store, from, into), tags: await this.listTags() };
  }
}
