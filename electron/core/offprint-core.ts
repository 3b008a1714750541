/**
 * The Electron-free core: one library on disk, answering every LibraryApi call.
 * The Electron main process, the browser-test bridge and the CLI all drive this class.
 */
import { OffprintError } from '@shared/ipc/envelope';
import type { LibraryApi } from '@shared/ipc/contract';
import type {
  ArticleMeta,
  ArticleWithContent,
  CaptureProgress,
  Highlight,
  HighlightPatch,
  ListQuery,
  NewHighlight,
  SaveResult,
  SearchHit,
  TagCount,
} from '@shared/model';
import { captureUrl, type FetchLimits } from './capture/capture-url';
import { normalizeUrl, parseHttpUrl } from './capture/normalize-url';
import { ASSET_SCHEME, assetUrl } from './library/asset-path';
import { LibraryStore, type StoreOptions } from './library/library-store';
import { listArticles } from './library/list-articles';
import { countTags, withTag, withoutTag } from './library/tags';
import { SearchIndex } from './search/search-index';

export interface CoreOptions extends StoreOptions {
  libraryDir: string;
  limits?: Partial<FetchLimits>;
}

type ProgressListener = (p: CaptureProgress) => void;

export class OffprintCore implements LibraryApi {
  readonly #listeners = new Set<ProgressListener>();
  readonly #search: SearchIndex;

  private constructor(
    private readonly store: LibraryStore,
    private readonly limits: Partial<FetchLimits> | undefined,
  ) {
    this.#search = new SearchIndex(store);
  }

  static async open(options: CoreOptions): Promise<OffprintCore> {
    const { libraryDir, limits, ...storeOptions } = options;
    return new OffprintCore(await LibraryStore.open(libraryDir, storeOptions), limits);
  }

  get libraryDir(): string {
    return this.store.dir;
  }

  /** What the user should be told about opening the library (e.g. a damaged index set aside). */
  get notices(): readonly string[] {
    return this.store.notices;
  }

  onCaptureProgress(listener: ProgressListener): () => void {
    this.#listeners.add(listener);
    return () => void this.#listeners.delete(listener);
  }

  async close(): Promise<void> {
    this.#listeners.clear();
    await this.store.close();
  }

  // ── Saving ─────────────────────────────────────────────────────────────────

  async saveUrl(input: string): Promise<SaveResult> {
    const requested = normalizeUrl(parseHttpUrl(input));
    const sameOriginal = (original: string): boolean => safeNormalize(original) === requested;
    const saved = this.store.findByUrl(requested, sameOriginal);
    if (saved) return { article: saved, existed: true };

    const url = input.trim();
    const emit = (p: Omit<CaptureProgress, 'url'>): void => this.#emit({ ...p, url });
    const staging = await this.store.beginStaging();
    try {
      const captured = await captureUrl(parseHttpUrl(input).href, {
        assetsDir: staging.assetsDir,
        assetUrl: (fileName) => assetUrl(staging.id, fileName),
        onProgress: (p) => emit(p),
        limits: this.limits,
      });
      emit({ stage: 'saving' });
      const result = await this.store.commitArticle(
        staging,
        {
          url: normalizeUrl(captured.finalUrl),
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
      if (!result.existed) this.#search.setText(result.article.id, captured.textContent);
      emit({ stage: 'done' });
      return result;
    } catch (error) {
      await this.store.discardStaging(staging).catch(() => undefined);
      const failure =
        error instanceof OffprintError
          ? error
          : new OffprintError('capture-failed', `Could not save ${url}: ${error instanceof Error ? error.message : String(error)}`);
      emit({ stage: 'failed', message: failure.message });
      throw failure;
    }
  }

  /** Removes an article, its files and its highlights. */
  async deleteArticle(id: string): Promise<void> {
    await this.store.deleteArticle(id);
    this.#search.remove(id);
  }

  // ── Reading ────────────────────────────────────────────────────────────────

  async listArticles(query: ListQuery): Promise<ArticleMeta[]> {
    return listArticles(this.store.articles(), query);
  }

  async getArticle(id: string): Promise<ArticleWithContent> {
    const meta = this.store.getArticle(id);
    const content = await this.store.readContent(id);
    return { ...meta, content, highlights: this.store.highlightsOf(id) };
  }

  /** The stored plain text of an article (what search and highlights' positions are over). */
  async getArticleText(id: string): Promise<string> {
    return this.store.readText(id);
  }

  async search(query: string): Promise<SearchHit[]> {
    return this.#search.search(query);
  }

  async listTags(): Promise<TagCount[]> {
    return countTags(this.store.articles());
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

  addTag(id: string, tag: string): Promise<ArticleMeta> {
    return this.store.updateArticle(id, (article, all) => ({ tags: withTag(article.tags, tag, all) }));
  }

  removeTag(id: string, tag: string): Promise<ArticleMeta> {
    return this.store.updateArticle(id, (article) => ({ tags: withoutTag(article.tags, tag) }));
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

function safeNormalize(url: string): string | null {
  try {
    return normalizeUrl(url);
  } catch {
    return null;
  }
}
