/**
 * The Electron-free core: one library on disk, answering every LibraryApi call.
 * The Electron main process, the browser-test bridge and the CLI all drive this class.
 */
import { OffprintError } from '@shared/ipc/envelope';
import type { LibraryApi } from '@shared/ipc/contract';
import type {
  ArticleMeta,
  ArticleWithContent,
  BulkAction,
  BulkResult,
  CaptureProgress,
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
import { resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { captureFile } from './capture/capture-file';
import { captureRenderedPage } from './connector/capture-rendered';
import type { RenderedPage } from './connector/rendered-page';
import type { PageRenderer } from './capture/page-renderer';
import { captureUrl, type CaptureOptions, type CapturedArticle, type FetchLimits } from './capture/capture-url';
import { normalizeUrl, parseHttpUrl } from './capture/normalize-url';
import { ASSET_SCHEME, assetUrl } from './library/asset-path';
import { searchIndexPath } from './library/library-layout';
import { LibraryStore, type ArticleChange, type Staging, type StoreOptions } from './library/library-store';
import { pageOf, selectArticles } from './library/list-articles';
import { refreshedArticle } from './library/refresh-article';
import { readSettings, withSettingsPatch } from './library/library-settings';
import { cleanTag, countTags, replaceTags, spellingOf, tagKey, withTag, withoutTag } from './library/tags';
import { SearchIndex } from './search/search-index';
import { listClips } from './transfer/list-clips';
import type { Clip, ClipQuery } from '@shared/transfer/clip';

export interface CoreOptions extends StoreOptions {
  libraryDir: string;
  limits?: Partial<FetchLimits>;
  /** Renders pages that need JavaScript (the app's hidden window); without it they are read as fetched. */
  pageRenderer?: PageRenderer;
}

type ProgressListener = (p: CaptureProgress) => void;

/** The search index is written this long after the last change (and on close). */
const SEARCH_PERSIST_MS = 30_000;

export class OffprintCore implements LibraryApi {
  readonly #listeners = new Set<ProgressListener>();
  readonly #search: SearchIndex;
  #selection: { key: string; revision: number; articles: ArticleMeta[] } | null = null;
  #persistTimer: NodeJS.Timeout | null = null;
  readonly #refreshing = new Set<string>();

  private constructor(
    private readonly store: LibraryStore,
    private readonly limits: Partial<FetchLimits> | undefined,
    private readonly renderer: PageRenderer | undefined,
  ) {
    this.#search = new SearchIndex(store, { path: searchIndexPath(store.dir) });
    store.onChange((event) => {
      if (event.type === 'articles-removed') this.#search.remove(event.ids);
      else if (event.type === 'content-replaced')
        void this.#search.update([event.id], { textChanged: true }).catch(() => undefined);
      else
        void this.#search
          .update(event.type === 'articles-changed' ? event.ids : [event.articleId])
          .catch(() => undefined);
      this.#schedulePersist();
    });
  }

  static async open(options: CoreOptions): Promise<OffprintCore> {
    const { libraryDir, limits, pageRenderer, ...storeOptions } = options;
    return new OffprintCore(await LibraryStore.open(libraryDir, storeOptions), limits, pageRenderer);
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
    this.#listeners.add(listener);
    return () => void this.#listeners.delete(listener);
  }

  async close(): Promise<void> {
    this.#listeners.clear();
    if (this.#persistTimer) clearTimeout(this.#persistTimer);
    await this.store.close();
    await this.#search.persist().catch(() => undefined);
  }

  // ── Saving ─────────────────────────────────────────────────────────────────

  async saveUrl(input: string): Promise<SaveResult> {
    const requested = normalizeUrl(parseHttpUrl(input));
    const sameOriginal = (original: string): boolean => safeNormalize(original) === requested;
    const saved = this.store.findByUrl(requested, sameOriginal);
    if (saved) return { article: saved, existed: true };
    const url = input.trim();
    return this.#save(url, sameOriginal, (options) => captureUrl(parseHttpUrl(input).href, options));
  }

  /** Saves a web page stored on disk (.html/.htm, e.g. a browser's "Web page, complete"). */
  async saveFile(path: string): Promise<SaveResult> {
    const fileUrl = pathToFileURL(resolve(path)).href;
    return this.#save(
      fileUrl,
      (original) => original === fileUrl,
      (options) => captureFile(path, options),
    );
  }

  /** Saves a page as the user's browser rendered it, handed over by the browser connector. */
  async saveRenderedPage(page: RenderedPage): Promise<SaveResult> {
    const requested = normalizeUrl(parseHttpUrl(page.url));
    const sameOriginal = (original: string): boolean => safeNormalize(original) === requested;
    const saved = this.store.findByUrl(requested, sameOriginal);
    if (saved) return { article: saved, existed: true };
    return this.#save(page.url, sameOriginal, (options) => captureRenderedPage(page, options));
  }

  async #save(
    url: string,
    sameOriginal: (original: string) => boolean,
    capture: (options: CaptureOptions) => Promise<CapturedArticle>,
  ): Promise<SaveResult> {
    const emit = (p: Omit<CaptureProgress, 'url'>): void => this.#emit({ ...p, url });
    const staging = await this.store.beginStaging();
    try {
      const captured = await capture({
        assetsDir: staging.assetsDir,
        assetUrl: (fileName) => assetUrl(staging.id, fileName),
        onProgress: (p) => emit(p),
        limits: this.limits,
        renderer: this.renderer,
      });
      emit({ stage: 'saving' });
      const result = await this.store.commitArticle(
        staging,
        {
          url: safeNormalize(captured.finalUrl) ?? captured.finalUrl,
          originalUrl: url,
          title: captured.title,
          byline: captured.byline,
          siteName: captured.siteName,
          excerpt: captured.excerpt,
          lang: captured.lang,
          dir: captured.dir,
          publishedTime: captured.publishedTime,
          wordCount: captured.wordCount,
          readingMinutes: captured.readingMinutes,
          leadImage: captured.leadImage?.startsWith(`${ASSET_SCHEME}:`) ? captured.leadImage : null,
          extraction: captured.extraction,
          content: captured.content,
          textContent: captured.textContent,
        },
        sameOriginal,
      );
      emit({ stage: 'done' });
      return result;
    } catch (error) {
      await this.store.discardStaging(staging).catch(() => undefined);
      const failure =
        error instanceof OffprintError
          ? error
          : new OffprintError(
              'capture-failed',
              `Could not save ${url}: ${error instanceof Error ? error.message : String(error)}`,
            );
      emit({ stage: 'failed', message: failure.message });
      throw failure;
    }
  }

  /**
   * Updates an article from the web: its page is captured again into staging and swapped in for
   * the stored copy, keeping tags, state, progress and highlights (re-anchored in the new text).
   * An article saved from a file with no web address is read again from that file.
   */
  async refreshArticle(id: string): Promise<ArticleMeta> {
    const article = this.store.getArticle(id);
    if (this.#refreshing.has(id)) throw new OffprintError('busy', `“${article.title}” is already being updated.`);
    const source = refreshSource(article);
    const emit = (p: Omit<CaptureProgress, 'url'>): void => this.#emit({ ...p, url: article.url });
    this.#refreshing.add(id);
    let staging: Staging | null = null;
    try {
      staging = await this.store.beginStaging();
      const { assetsDir } = staging;
      const captured = await (source.kind === 'web' ? captureUrl : captureFile)(source.location, {
        assetsDir,
        // The new copy takes the article's place, so its pictures are addressed under the article's id.
        assetUrl: (fileName) => assetUrl(id, fileName),
        onProgress: (p) => emit(p),
        limits: this.limits,
        renderer: this.renderer,
      });
      emit({ stage: 'saving' });
      const leadImage = captured.leadImage?.startsWith(`${ASSET_SCHEME}:`) ? captured.leadImage : null;
      const updated = await this.store.replaceArticle(id, staging, (current, highlights) =>
        refreshedArticle(current, highlights, captured, leadImage, new Date().toISOString()),
      );
      emit({ stage: 'done' });
      return updated;
    } catch (error) {
      if (staging) await this.store.discardStaging(staging).catch(() => undefined);
      const reason = (error instanceof Error ? error.message : String(error)).replace(/([^.!?])$/, '$1.');
      const failure = new OffprintError(
        error instanceof OffprintError ? error.code : 'refresh-failed',
        `Could not update “${article.title}”: ${reason} The saved copy was kept as it was.`,
      );
      emit({ stage: 'failed', message: failure.message });
      throw failure;
    } finally {
      this.#refreshing.delete(id);
    }
  }

  /** Removes an article for good: its files and its highlights (the CLI's remove; the app uses the Trash). */
  async deleteArticle(id: string): Promise<void> {
    await this.store.deleteArticle(id);
  }

  // ── Reading ────────────────────────────────────────────────────────────────

  async listArticles(query: ListQuery): Promise<ArticleMeta[]> {
    return (await this.listPage(query)).items;
  }

  async listPage(query: ListQuery): Promise<ListPage> {
    const { offset, limit, ...selection } = query;
    const key = JSON.stringify(selection);
    // Scrolling asks for window after window of the same list: sort it once per change.
    if (this.#selection?.key !== key || this.#selection.revision !== this.store.revision) {
      this.#selection = {
        key,
        revision: this.store.revision,
        articles: selectArticles(this.store.liveArticles(), selection),
      };
    }
    const page = pageOf(this.#selection.articles, { offset, limit });
    const items = await Promise.all(
      page.items.map(async (a) => {
        const item = structuredClone(a);
        if (!(await this.store.hasContent(a.id))) item.contentMissing = true;
        return item;
      }),
    );
    return { ...page, items };
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
    const now = new Date().toISOString();
    let change: (article: ArticleMeta) => ArticleChange;
    switch (action.type) {
      case 'archive':
        change = () => ({ archived: action.value });
        break;
      case 'favourite':
        change = () => ({ favourite: action.value });
        break;
      case 'read':
        change = (a) => ({ readAt: action.value ? (a.readAt ?? now) : null });
        break;
      case 'add-tag': {
        const spelled = spellingOf(action.tag, this.store.liveArticles());
        change = (a) => ({ tags: withTag(a.tags, spelled, []) });
        break;
      }
      case 'remove-tag':
        change = (a) => ({ tags: withoutTag(a.tags, action.tag) });
        break;
      case 'delete':
        change = (a) => ({ deletedAt: a.deletedAt ?? now });
        break;
      case 'restore':
        change = () => ({ deletedAt: null });
        break;
    }
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

  async getSettings(): Promise<LibrarySettings> {
    return readSettings(this.store.settings());
  }

  async updateSettings(patch: SettingsPatch): Promise<LibrarySettings> {
    return readSettings(await this.store.updateSettings((settings) => withSettingsPatch(settings, patch)));
  }

  // ── Internals ──────────────────────────────────────────────────────────────

  /** Replaces tags `from` by `into` (its case as given) on every article, the Trash included. */
  async #replaceTag(from: string[], into: string | null): Promise<TagChangeResult> {
    const target = into === null ? null : cleanTag(into);
    const keys = new Set(from.map((t) => tagKey(cleanTag(t))));
    const ids = this.store
      .liveArticles()
      .filter((a) => a.tags.some((t) => keys.has(tagKey(t))))
      .map((a) => a.id);
    const changed = await this.store.updateMany(ids, (a) => {
      const tags = replaceTags(a.tags, [...keys], target);
      return tags ? { tags } : {};
    });
    return { changed: changed.length, tags: await this.listTags() };
  }

  #schedulePersist(): void {
    if (this.#persistTimer) return;
    this.#persistTimer = setTimeout(() => {
      this.#persistTimer = null;
      void this.#search.persist().catch(() => undefined);
    }, SEARCH_PERSIST_MS);
    this.#persistTimer.unref();
  }

  #emit(progress: CaptureProgress): void {
    for (const listener of this.#listeners) {
      try {
        listener(progress);
      } catch {
        // A broken listener must not break the save.
      }
    }
  }
}

/** Where an update reads the page from: the web address it is saved under, else the file it came from. */
function refreshSource(article: ArticleMeta): { kind: 'web' | 'file'; location: string } {
  if (/^https?:/i.test(article.url)) return { kind: 'web', location: article.url };
  if (/^file:/i.test(article.originalUrl)) return { kind: 'file', location: fileURLToPath(article.originalUrl) };
  throw new OffprintError('invalid-url', `“${article.title}” has no web address to update it from.`);
}

function safeNormalize(url: string): string | null {
  try {
    return normalizeUrl(url);
  } catch {
    return null;
  }
}
