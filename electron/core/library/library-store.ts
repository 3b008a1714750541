/**
 * The one module that writes a library (layout in docs/LIBRARY-FORMAT.md). Every change goes
 * through one queue and is acknowledged once its line is fsync'd in library.journal; the journal
 * is folded into library.json (lowdb, temp file + rename) when it grows large and on close, after
 * the previous library.json is copied into backups/. Each article folder keeps its own meta.json,
 * so the index can be rebuilt from the folders. A new article is built in .staging/<id>/, renamed
 * into articles/<id>/, and only then journaled, so a crash at any moment leaves a library that opens.
 */
import { access, mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Low } from 'lowdb';
import type { CaptureQueueItem } from '@shared/queue/capture-queue';
import { OffprintError } from '@shared/ipc/envelope';
import type { ArticleMeta, Highlight, HighlightPatch, NewHighlight } from '@shared/model';
import { TRASH_RETENTION_DAYS } from '@shared/library/trash';
import { isFinished } from '@shared/reading/finished';
import { applyRecord, articleFolderIds, damagedRecords, reconcileWithFolders } from './article-folders';
import { readArticleRecord, writeArticleRecord, type ArticleRecord } from './article-record';
import { Journal, type JournalOp, type JournalPosition, type JournalRead } from './journal';
import { emptyIndex, type LibraryIndex } from './library-index';
import {
  ASSETS_FOLDER,
  CONTENT_FILE,
  INDEX_FILE,
  JOURNAL_FILE,
  META_FILE,
  TEXT_FILE,
  articleDir,
  articlesDir,
  indexPath,
  journalPath,
  stagingRoot,
} from './library-layout';
import { describeFileError } from './file-errors';
import { firstPagePath, readFirstPage, writeFirstPage } from './first-page';
import { acquireLibraryLock } from './library-lock';
import {
  allBackups,
  backupBeforeMigration,
  corruptName,
  highlightLineIds,
  openSnapshotDb,
  readSnapshot,
  readSnapshotHighlights,
  rotateBackup,
  snapshotHighlightLines,
  writeSnapshot,
  type SnapshotHighlights,
} from './library-snapshot';
import { inTextOrder, keyOf, type HighlightSummary } from './highlight-summary';
import { LibraryState, setOptional } from './library-state';
import { cleanTag, spellingOf } from './tags';
import type { ArticleColumns } from './article-columns';
import { CURRENT_SCHEMA, type Schema } from './migrations';
import { isId, newId } from './new-id';
import { writeFileAtomic } from './write-file-atomic';
import { errorText, stderrLogger, type Logger } from '../logger';

export interface StoreOptions {
  /** How long reading-progress changes may wait before they are journaled. */
  progressFlushMs?: number;
  /** The journal is folded into library.json once it is this big. */
  compactJournalBytes?: number;
  /** Articles stay in the Trash this many days; older ones are removed when the library opens. */
  trashDays?: number;
  /** The current format and its migrations (tests use their own). */
  schema?: Schema;
  now?: () => Date;
  /** Called once the library is locked for this process, before its index is read. */
  onLocked?: () => void;
  /** Where failures the store survives (a meta.json not rewritten, a failed cleanup) are reported. */
  logger?: Logger;
}

/** A capture in progress: its files go to `assetsDir` until it is committed or discarded. */
export interface Staging {
  id: string;
  dir: string;
  assetsDir: string;
}

/** What a capture produced, before the library adds its own bookkeeping. */
export type NewArticle = Omit<
  ArticleMeta,
  | 'id'
  | 'savedAt'
  | 'updatedAt'
  | 'archived'
  | 'favourite'
  | 'tags'
  | 'progress'
  | 'highlightCount'
  | 'deletedAt'
  | 'readAt'
> & { content: string; textContent: string };

/** An article's new stored copy, with its index entry and highlights as they are to be after the replacement. */
export interface ArticleReplacement {
  article: ArticleMeta;
  highlights: Highlight[];
  content: string;
  textContent: string;
}

/** A new article an import records at once, with its stored body when the export carried one. */
export interface BatchArticle {
  article: ArticleMeta;
  /** Sanitized HTML and its text (and images, named as the HTML names them); absent for an entry that waits for a capture. */
  content?: { html: string; text: string; images?: ReadonlyMap<string, Uint8Array> };
}

/**
 * Many changes written as one journal line (all or nothing): new articles with their folders,
 * existing articles replaced whole (merged tags), highlights added or dropped, settings replaced.
 */
export interface LibraryBatch {
  created?: BatchArticle[];
  updated?: ArticleMeta[];
  highlights?: Highlight[];
  dropHighlights?: string[];
  settings?: (settings: Record<string, unknown>) => Record<string, unknown>;
}

/** Folders of a batch are written this many at a time. */
const FOLDER_WRITE_CONCURRENCY = 32;

export type ArticleChange = Partial<Pick<ArticleMeta, 'archived' | 'favourite' | 'tags' | 'deletedAt' | 'readAt'>>;

/** What a change did, for whoever keeps derived data (the search index) up to date. */
export type LibraryEvent =
  | { type: 'articles-changed'; ids: string[] }
  /** An article's stored content and text were replaced (an update from the web). */
  | { type: 'content-replaced'; id: string }
  | { type: 'highlights-changed'; articleId: string }
  | { type: 'articles-removed'; ids: string[] };

const DEFAULT_PROGRESS_FLUSH_MS = 1_500;
const DEFAULT_COMPACT_BYTES = 8 * 1024 * 1024;

export class LibraryStore {
  /** Messages for the user about what happened while opening (e.g. a recovered index). */
  readonly notices: string[] = [];
  #state = new LibraryState();
  #journal: Journal | null = null;
  #queue: Promise<unknown> = Promise.resolve();
  #pendingProgress = new Set<string>();
  #progressTimer: NodeJS.Timeout | null = null;
  /** meta.json files that could not be written yet; retried on the next compaction. */
  #staleRecords = new Set<string>();
  #listeners = new Set<(event: LibraryEvent) => void>();
  #snapshotGood = false;
  #closed = false;
  #closing = false;
  #recordCheck: Promise<void> = Promise.resolve();
  #recordsToCheck: ((id: string) => boolean) | null = null;
  #lastStamp = 0;

  private constructor(
    readonly dir: string,
    private readonly db: Low<LibraryIndex>,
    private readonly releaseLock: () => Promise<void>,
    private readonly options: Required<Omit<StoreOptions, 'onLocked'>>,
    /** Why the library could not be opened for writing (a read-only or full disk), or null. */
    readonly readOnly: string | null = null,
  ) {}

  get #log(): Logger {
    return this.options.logger;
  }

  static async open(dir: string, options: StoreOptions = {}): Promise<LibraryStore> {
    try {
      await mkdir(dir, { recursive: true });
    } catch (error) {
      const exists = await access(dir).then(
        () => true,
        () => false,
      );
      if (!exists) {
        throw new OffprintError(
          'library-unavailable',
          `Cannot create the library folder ${dir}: ${describeFileError(error, dir)}.`,
        );
      }
    }
    const lock = await acquireLibraryLock(dir);
    options.onLocked?.();
    const store = new LibraryStore(
      dir,
      openSnapshotDb(dir),
      lock.release,
      {
        progressFlushMs: options.progressFlushMs ?? DEFAULT_PROGRESS_FLUSH_MS,
        compactJournalBytes: options.compactJournalBytes ?? DEFAULT_COMPACT_BYTES,
        trashDays: options.trashDays ?? TRASH_RETENTION_DAYS,
        schema: options.schema ?? CURRENT_SCHEMA,
        now: options.now ?? (() => new Date()),
        logger: options.logger ?? stderrLogger(),
      },
      lock.readOnly,
    );
    try {
      if (lock.readOnly) {
        store.notices.push(
          `The library is open for reading only, because ${lock.readOnly}. Changes cannot be saved until that is fixed.`,
        );
      }
      await store.#load();
      if (!lock.readOnly) await store.#expireTrash();
      if (!lock.readOnly) await store.#ensureFirstPage();
      store.#recordCheck = store
        .#repairRecords()
        .catch((error: unknown) =>
          store.#log.error('Could not check the article records', { dir, error: errorText(error) }),
        );
      return store;
    } catch (error) {
      await store.#journal?.close();
      await lock.release();
      throw error;
    }
  }

  // ── Reading ────────────────────────────────────────────────────────────────

  /** Copies of every article (Trash included), in the order they were saved. */
  articles(): ArticleMeta[] {
    return this.#state.list().map(copy);
  }

  /** Every article without copying, for reading only (lists, counts, search); changes with each write. */
  liveArticles(): readonly ArticleMeta[] {
    return this.#state.list();
  }

  /** Bumped by every change. */
  get revision(): number {
    return this.#state.revision;
  }

  hasArticle(id: string): boolean {
    return this.#state.articles.has(id);
  }

  /** The article without copying it (read only), or undefined. */
  peekArticle(id: string): Readonly<ArticleMeta> | undefined {
    return this.#state.articles.get(id);
  }

  getArticle(id: string): ArticleMeta {
    return copy(this.#article(id));
  }

  /** The saved article whose normalised URL (or the URL the user first gave) is `url`. */
  findByUrl(
    normalizedUrl: string,
    matchesOriginal: (original: string) => boolean = () => false,
  ): ArticleMeta | undefined {
    const found = this.#state.list().find((a) => a.url === normalizedUrl || matchesOriginal(a.originalUrl));
    return found && copy(found);
  }

  async readContent(id: string): Promise<string> {
    return this.#readArticleFile(id, CONTENT_FILE);
  }

  /** Whether the article's stored body is on disk (a lost one shows as "content missing"). */
  async hasContent(id: string): Promise<boolean> {
    return access(join(articleDir(this.dir, id), CONTENT_FILE)).then(
      () => true,
      () => false,
    );
  }

  async readText(id: string): Promise<string> {
    return this.#readArticleFile(id, TEXT_FILE);
  }

  /** The article's highlights in text order (copies; read from its meta.json unless they are in memory). */
  async highlightsOf(articleId: string): Promise<Highlight[]> {
    return inTextOrder(await this.#highlightList(articleId)).map(copy);
  }

  /** What is kept in memory of the article's highlights (undefined when it has none). */
  highlightSummary(articleId: string): Readonly<HighlightSummary> | undefined {
    return this.#state.summaryOf(articleId);
  }

  /** See SearchSource.highlightKey. */
  highlightKey(articleId: string): string {
    return this.#state.summaryOf(articleId)?.key ?? '';
  }

  hasNotes(articleId: string): boolean {
    return this.#state.summaryOf(articleId)?.notes ?? false;
  }

  /** How the library already spells a tag (the first article carrying it decides), else as given (cleaned). */
  tagSpelling(tag: string): string {
    const cleaned = cleanTag(tag);
    const known = this.#state.tags.spelling(cleaned);
    if (known === null) return cleaned;
    return known ?? spellingOf(cleaned, this.#state.list());
  }

  /** The ids of the articles carrying a tag (any spelling), the Trash included; read only. */
  articlesTagged(tag: string): ReadonlySet<string> {
    return this.#state.tags.articlesTagged(tag);
  }

  /** What search filters ask of each article, by its place in liveArticles(); read only. */
  articleColumns(): Readonly<ArticleColumns> {
    return this.#state.columns();
  }

  /** The article's place in liveArticles(), the same until slotEpoch changes. */
  slotOf(id: string): number | undefined {
    return this.#state.slotOf(id);
  }

  /** Changes whenever articles move to other places in liveArticles() (when one is removed). */
  get slotEpoch(): number {
    return this.#state.slotEpoch;
  }

  hasHighlight(id: string): boolean {
    return this.#state.ownerOf(id) !== undefined;
  }

  settings(): Record<string, unknown> {
    return copy(this.#state.settings);
  }

  /** Tells `listener` about every change; returns a function that stops it. */
  onChange(listener: (event: LibraryEvent) => void): () => void {
    this.#listeners.add(listener);
    return () => void this.#listeners.delete(listener);
  }

  // ── Saving an article ──────────────────────────────────────────────────────

  async beginStaging(): Promise<Staging> {
    this.#assertWritable();
    const id = newId();
    const dir = join(stagingRoot(this.dir), id);
    const assetsDir = join(dir, ASSETS_FOLDER);
    await mkdir(assetsDir, { recursive: true });
    return { id, dir, assetsDir };
  }

  async discardStaging(staging: Staging): Promise<void> {
    await rm(staging.dir, { recursive: true, force: true });
  }

  /**
   * Moves a finished capture into the library. If the same page was saved meanwhile
   * (two saves of one URL racing), the capture is dropped and the saved one returned.
   */
  commitArticle(
    staging: Staging,
    article: NewArticle,
    matchesOriginal?: (original: string) => boolean,
  ): Promise<{ article: ArticleMeta; existed: boolean }> {
    return this.#enqueue(async () => {
      const existing = this.findByUrl(article.url, matchesOriginal);
      if (existing) {
        await this.discardStaging(staging);
        return { article: existing, existed: true };
      }
      const { content, textContent, ...meta } = article;
      const now = this.#now();
      const entry: ArticleMeta = {
        id: staging.id,
        ...meta,
        savedAt: now,
        updatedAt: now,
        archived: false,
        favourite: false,
        tags: [],
        progress: 0,
        highlightCount: 0,
      };
      await writeFileAtomic(join(staging.dir, CONTENT_FILE), content);
      await writeFileAtomic(join(staging.dir, TEXT_FILE), textContent);
      await writeFileAtomic(
        join(staging.dir, META_FILE),
        JSON.stringify({ article: entry, highlights: [] } satisfies ArticleRecord),
      );
      const finalDir = articleDir(this.dir, staging.id);
      await this.#readyForNewFolders();
      await rename(staging.dir, finalDir);
      try {
        await this.#commit([{ op: 'put-article', article: entry }], { records: false });
      } catch (error) {
        await rm(finalDir, { recursive: true, force: true });
        throw error;
      }
      this.#emit({ type: 'articles-changed', ids: [entry.id] });
      return { article: copy(entry), existed: false };
    });
  }

  /**
   * Puts an article back exactly as an Offprint JSON backup holds it: same id, every field,
   * its highlights, and its files (none when the backup was made without content, which then
   * reads as "content missing"). The folder is completed in staging and only then journaled.
   * Refused when the library already holds that id.
   */
  restoreArticle(
    record: ArticleRecord,
    files: { content: string; text: string; images: ReadonlyMap<string, Uint8Array> } | null,
  ): Promise<ArticleMeta> {
    return this.#enqueue(async () => {
      const { article, highlights } = record;
      if (!isId(article.id) || this.#state.articles.has(article.id)) {
        throw new OffprintError('bad-export', `The library already holds article ${article.id}.`);
      }
      const staging = join(stagingRoot(this.dir), article.id);
      await mkdir(join(staging, ASSETS_FOLDER), { recursive: true });
      try {
        if (files) {
          await writeFileAtomic(join(staging, CONTENT_FILE), files.content);
          await writeFileAtomic(join(staging, TEXT_FILE), files.text);
          for (const [name, bytes] of files.images) {
            await writeFileAtomic(join(staging, ASSETS_FOLDER, name), bytes);
          }
        }
        await writeFileAtomic(join(staging, META_FILE), JSON.stringify(record satisfies ArticleRecord));
        await this.#readyForNewFolders();
        await rename(staging, articleDir(this.dir, article.id));
      } catch (error) {
        await rm(staging, { recursive: true, force: true });
        throw error;
      }
      try {
        await this.#commit(
          [
            { op: 'put-article', article },
            ...highlights.map((highlight) => ({ op: 'put-highlight', highlight }) as const),
          ],
          { records: false },
        );
      } catch (error) {
        await rm(articleDir(this.dir, article.id), { recursive: true, force: true });
        throw error;
      }
      this.#emit({ type: 'articles-changed', ids: [article.id] });
      return copy(article);
    });
  }

  /**
   * Replaces an article's stored copy with a finished capture (an update from the web). The new
   * folder is completed in staging, swapped in for the old one, and only then journaled; if any
   * step fails the old folder is put back. `update` runs inside the write queue, against the
   * article and its highlights as they are at that moment, so no change made meanwhile is lost.
   */
  replaceArticle(
    id: string,
    staging: Staging,
    update: (article: ArticleMeta, highlights: Highlight[]) => ArticleReplacement,
  ): Promise<ArticleMeta> {
    return this.#enqueue(async () => {
      const current = this.#article(id);
      const { article, highlights, content, textContent } = update(copy(current), await this.highlightsOf(id));
      if (article.id !== id || highlights.some((h) => h.articleId !== id))
        throw new Error('A replacement must keep the article id.');
      await writeFileAtomic(join(staging.dir, CONTENT_FILE), content);
      await writeFileAtomic(join(staging.dir, TEXT_FILE), textContent);
      await writeFileAtomic(
        join(staging.dir, META_FILE),
        JSON.stringify({ article, highlights } satisfies ArticleRecord),
      );
      const finalDir = articleDir(this.dir, id);
      const oldDir = join(stagingRoot(this.dir), `${staging.id}-replaced`);
      const hadFolder = await rename(finalDir, oldDir).then(
        () => true,
        (error: NodeJS.ErrnoException) => {
          if (error.code === 'ENOENT') return false; // the stored copy was lost: the update restores it
          throw error;
        },
      );
      const putBack = async () => {
        if (hadFolder) await rename(oldDir, finalDir);
      };
      try {
        await mkdir(articlesDir(this.dir), { recursive: true });
        await rename(staging.dir, finalDir);
      } catch (error) {
        await putBack();
        throw error;
      }
      try {
        await this.#commit(
          [
            { op: 'put-article', article },
            ...highlights.map((highlight): JournalOp => ({ op: 'put-highlight', highlight })),
          ],
          { records: false },
        );
      } catch (error) {
        await rm(finalDir, { recursive: true, force: true });
        await putBack();
        throw error;
      }
      if (hadFolder)
        await rm(oldDir, { recursive: true, force: true }).catch((error: unknown) =>
          this.#log.warn('Could not remove an old article folder', { id, dir: oldDir, error: errorText(error) }),
        );
      this.#emit({ type: 'content-replaced', id });
      return copy(this.#article(id));
    });
  }

  /**
   * Writes a batch (an import's) as one journal line. New articles' folders (meta.json, and the
   * body when given; none for a placeholder awaiting its capture) are written first, unsynced but complete, and only then is the line
   * appended and fsync'd once: a crash before it leaves folders the next open adopts from their
   * meta.json, never a half-applied line. Updated articles must exist; their meta.json follows.
   */
  commitBatch(batch: LibraryBatch): Promise<void> {
    return this.#enqueue(async () => {
      const created = batch.created ?? [];
      const taken = created.find(({ article }) => !isId(article.id) || this.#state.articles.has(article.id));
      if (taken) throw new OffprintError('bad-export', `The library already holds article ${taken.article.id}.`);
      const updated = (batch.updated ?? []).filter((a) => this.#state.articles.has(a.id));
      const highlights = batch.highlights ?? [];
      const dropHighlights = (batch.dropHighlights ?? []).filter((id) => this.hasHighlight(id));
      const byArticle = new Map<string, Highlight[]>();
      for (const h of highlights) byArticle.set(h.articleId, [...(byArticle.get(h.articleId) ?? []), h]);
      await this.#readyForNewFolders();
      const written: string[] = [];
      // An article waiting for its capture has no folder yet: the capture makes it (see #writeRecords).
      const withFolders = created.filter(({ article }) => !article.awaitingCapture);
      try {
        for (let i = 0; i < withFolders.length; i += FOLDER_WRITE_CONCURRENCY) {
          // Settled, not all: no folder may still be being written when a failure removes them.
          const results = await Promise.allSettled(
            withFolders.slice(i, i + FOLDER_WRITE_CONCURRENCY).map(async ({ article, content }) => {
              const dir = articleDir(this.dir, article.id);
              await mkdir(dir);
              written.push(article.id);
              if (content) {
                await writeFile(join(dir, CONTENT_FILE), content.html);
                await writeFile(join(dir, TEXT_FILE), content.text);
                if (content.images?.size) {
                  await mkdir(join(dir, ASSETS_FOLDER));
                  for (const [name, bytes] of content.images) await writeFile(join(dir, ASSETS_FOLDER, name), bytes);
                }
              }
              const record: ArticleRecord = { article, highlights: byArticle.get(article.id) ?? [] };
              await writeFile(join(dir, META_FILE), JSON.stringify(record));
            }),
          );
          const failed = results.find((r) => r.status === 'rejected');
          if (failed) throw failed.reason;
        }
        const ops: JournalOp[] = [
          ...created.map(({ article }): JournalOp => ({ op: 'put-article', article })),
          ...updated.map((article): JournalOp => ({ op: 'put-article', article })),
          ...highlights.map((highlight): JournalOp => ({ op: 'put-highlight', highlight })),
          ...dropHighlights.map((id): JournalOp => ({ op: 'drop-highlight', id })),
        ];
        if (batch.settings) ops.push({ op: 'settings', settings: batch.settings(copy(this.#state.settings)) });
        await this.#commit(ops, { records: false });
      } catch (error) {
        for (const id of written) await rm(articleDir(this.dir, id), { recursive: true, force: true });
        throw error;
      }
      const createdIds = new Set(created.map((c) => c.article.id));
      const touched = new Set([...updated.map((a) => a.id), ...highlights.map((h) => h.articleId)]);
      for (const id of createdIds) touched.delete(id);
      await this.#writeRecords(touched);
      const ids = [...createdIds, ...touched];
      if (ids.length > 0) this.#emit({ type: 'articles-changed', ids });
    });
  }

  // ── Changing articles ──────────────────────────────────────────────────────

  /** Applies a change computed from the article as it is when the change runs (so none is lost). */
  updateArticle(
    id: string,
    change: (article: ArticleMeta, all: readonly ArticleMeta[]) => ArticleChange,
  ): Promise<ArticleMeta> {
    return this.#enqueue(async () => {
      const [changed] = await this.#updateMany([id], change, true);
      return copy(changed ?? this.#article(id));
    });
  }

  /**
   * Applies a change to many articles as one journal line (all or nothing). Unknown ids are
   * skipped; returns the articles that changed.
   */
  updateMany(
    ids: readonly string[],
    change: (article: ArticleMeta, all: readonly ArticleMeta[]) => ArticleChange,
  ): Promise<ArticleMeta[]> {
    return this.#enqueue(async () => (await this.#updateMany(ids, change, false)).map(copy));
  }

  /**
   * Reading progress changes on every scroll, so it is kept in memory and journaled at most
   * once per `progressFlushMs` (and on close, and with the next other change): it never rewrites the index.
   */
  setProgress(id: string, progress: number): void {
    this.#assertOpen();
    // Scrolling is not a change the user asked to save: in a read-only library it is not kept.
    if (this.readOnly) return;
    const article = this.#article(id);
    const clamped = Number.isFinite(progress) ? Math.min(1, Math.max(0, progress)) : 0;
    if (article.progress === clamped) return;
    article.progress = clamped;
    if (isFinished(clamped) && !article.readAt) {
      article.readAt = this.#now();
      this.#state.refresh(id);
    }
    this.#pendingProgress.add(id);
    if (!this.#progressTimer) {
      this.#progressTimer = setTimeout(
        () =>
          void this.flushProgress().catch((error: unknown) =>
            this.#log.error('Could not save reading progress', { error: errorText(error) }),
          ),
        this.options.progressFlushMs,
      );
      // close() flushes; a pending flush alone should not keep a process alive.
      this.#progressTimer.unref();
    }
  }

  /** Journals pending progress now; resolves once it is durable. */
  flushProgress(): Promise<void> {
    if (this.#pendingProgress.size === 0) return Promise.resolve();
    return this.#enqueue(() => this.#commit([]));
  }

  /** Removes articles for good: index entries, highlights and folders. */
  async purgeArticles(ids: readonly string[]): Promise<number> {
    return this.#enqueue(async () => {
      const articles = ids.map((id) => this.#state.articles.get(id)).filter((a) => a !== undefined);
      if (articles.length === 0) return 0;
      const now = this.#now();
      // Marked deleted in its own meta.json first: a folder left behind by a crash is then known as trash, not adopted.
      for (const article of articles) {
        if (article.deletedAt) continue;
        await this.#highlightList(article.id)
          .then((highlights) =>
            writeArticleRecord(this.dir, { article: { ...article, deletedAt: now }, highlights: [...highlights] }),
          )
          .catch((error: unknown) => {
            // A placeholder waiting for its capture has no folder to mark.
            if (article.awaitingCapture && (error as NodeJS.ErrnoException).code === 'ENOENT') return;
            this.#log.warn('Could not mark a purged article deleted in its meta.json', {
              id: article.id,
              error: errorText(error),
            });
          });
      }
      await this.#commit(
        articles.map((a): JournalOp => ({ op: 'drop-article', id: a.id })),
        { records: false },
      );
      const removed = articles.map((a) => a.id);
      this.#emit({ type: 'articles-removed', ids: removed });
      // The index no longer names the folders; if this fails the next open sweeps them.
      for (const id of removed)
        await rm(articleDir(this.dir, id), { recursive: true, force: true }).catch((error: unknown) =>
          this.#log.warn('Could not remove a purged article folder', { id, error: errorText(error) }),
        );
      return removed.length;
    });
  }

  async deleteArticle(id: string): Promise<void> {
    this.#article(id);
    await this.purgeArticles([id]);
  }

  // ── Highlights ─────────────────────────────────────────────────────────────

  addHighlight(input: NewHighlight): Promise<Highlight> {
    return this.#enqueue(async () => {
      const article = this.#article(input.articleId);
      const now = this.#now();
      const highlight: Highlight = {
        id: newId(),
        articleId: input.articleId,
        quote: { ...input.quote },
        position: { ...input.position },
        color: input.color,
        note: input.note,
        ...(input.text ? { text: input.text } : {}),
        createdAt: now,
        updatedAt: now,
      };
      await this.#commit([
        { op: 'put-highlight', highlight },
        { op: 'put-article', article: { ...article, updatedAt: now } },
      ]);
      this.#emit({ type: 'highlights-changed', articleId: article.id });
      return copy(highlight);
    });
  }

  updateHighlight(id: string, patch: HighlightPatch): Promise<Highlight> {
    return this.#enqueue(async () => {
      const now = this.#now();
      const highlight = { ...(await this.#highlight(id)), updatedAt: now };
      if (patch.color !== undefined) highlight.color = patch.color;
      if (patch.note !== undefined) highlight.note = patch.note;
      const article = this.#article(highlight.articleId);
      await this.#commit([
        { op: 'put-highlight', highlight },
        { op: 'put-article', article: { ...article, updatedAt: now } },
      ]);
      this.#emit({ type: 'highlights-changed', articleId: article.id });
      return copy(highlight);
    });
  }

  deleteHighlight(id: string): Promise<void> {
    return this.#enqueue(async () => {
      const { articleId } = await this.#highlight(id);
      const article = this.#article(articleId);
      await this.#commit([
        { op: 'drop-highlight', id },
        { op: 'put-article', article: { ...article, updatedAt: this.#now() } },
      ]);
      this.#emit({ type: 'highlights-changed', articleId });
    });
  }

  // ── Settings ───────────────────────────────────────────────────────────────

  updateSettings(
    change: (settings: Record<string, unknown>) => Record<string, unknown>,
  ): Promise<Record<string, unknown>> {
    return this.#enqueue(async () => {
      const settings = change(copy(this.#state.settings));
      await this.#commit([{ op: 'settings', settings }], { records: false });
      return copy(settings);
    });
  }

  // ── Capture queue ──────────────────────────────────────────────────────────

  /** The queue's items without copying, in the order they were queued (read only; changes with each write). */
  liveQueue(): ReadonlyMap<string, Readonly<CaptureQueueItem>> {
    return this.#state.queue;
  }

  get queuePaused(): boolean {
    return this.#state.queuePaused;
  }

  /** Adds or changes queue items (whole records), durably, as one journal line. */
  putQueueItems(items: readonly CaptureQueueItem[]): Promise<void> {
    if (items.length === 0) return Promise.resolve();
    return this.#enqueue(() => this.#commit([{ op: 'queue-put', items: items.map(copy) }], { records: false }));
  }

  dropQueueItems(ids: readonly string[]): Promise<void> {
    if (ids.length === 0) return Promise.resolve();
    return this.#enqueue(() => this.#commit([{ op: 'queue-drop', ids: [...ids] }], { records: false }));
  }

  setQueuePaused(paused: boolean): Promise<void> {
    return this.#enqueue(() => this.#commit([{ op: 'queue-paused', paused }], { records: false }));
  }

  // ── Closing ────────────────────────────────────────────────────────────────

  /** Folds the journal into library.json now (after backing up the current one). */
  compact(): Promise<void> {
    if (this.readOnly) return Promise.resolve();
    return this.#enqueue(() => this.#compact());
  }

  /**
   * Settles once every article's meta.json has been checked after opening (it runs alongside,
   * so opening a large library is not held up); a damaged one is rewritten and a notice added.
   */
  get recordsChecked(): Promise<void> {
    return this.#recordCheck;
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closing = true;
    await this.#recordCheck;
    if (!this.readOnly) {
      await this.flushProgress().catch((error: unknown) =>
        this.#log.error('Could not save reading progress on close', { error: errorText(error) }),
      );
    }
    // Each queued task's failure already reached its caller; here we only wait for the queue to drain.
    await this.#queue;
    await this.#compact().catch((error: unknown) =>
      this.#log.error('Could not compact the library journal on close', { error: errorText(error) }),
    );
    this.#closed = true;
    if (this.#progressTimer) clearTimeout(this.#progressTimer);
    await this.#journal?.close();
    this.#listeners.clear();
    await this.releaseLock();
  }

  // ── Internals ──────────────────────────────────────────────────────────────

  #article(id: string): ArticleMeta {
    const article = this.#state.articles.get(id);
    if (!article)
      throw new OffprintError('not-found', 'That article is not in the library (it may have been deleted).');
    return article;
  }

  async #highlight(id: string): Promise<Highlight> {
    const articleId = this.#state.ownerOf(id);
    const highlight = articleId && (await this.#highlightList(articleId)).find((h) => h.id === id);
    if (!highlight) throw new OffprintError('not-found', 'That highlight no longer exists.');
    return highlight;
  }

  /** The article's highlights, read only: held in memory, or read from its meta.json (checked against the summary). */
  async #highlightList(articleId: string): Promise<readonly Highlight[]> {
    const held = this.#state.heldHighlights(articleId);
    if (held) return held;
    const summary = this.#state.summaryOf(articleId)!;
    const record = await readArticleRecord(this.dir, articleId);
    if (record && keyOf(record.highlights) === summary.key) return record.highlights;
    // meta.json is missing, damaged or behind: the snapshot has them (a slow path: it reads the whole file).
    const base = this.#state.base;
    const found = base ? ((await readSnapshotHighlights(base, new Set([articleId]))).get(articleId) ?? []) : [];
    if (keyOf(found) !== summary.key) {
      throw new OffprintError('library-unreadable', `The highlights of article ${articleId} could not be read.`);
    }
    this.#log.warn('An article meta.json did not hold its highlights; they were read from the index', {
      id: articleId,
    });
    this.#state.hold(articleId, found);
    this.#staleRecords.add(articleId);
    return found;
  }

  /** Reads in the highlights a change is about to alter, so the state can apply it. */
  async #holdFor(ops: readonly JournalOp[]): Promise<void> {
    const articles = new Set<string>();
    for (const op of ops) {
      if (op.op === 'put-highlight') {
        articles.add(op.highlight.articleId);
        const owner = this.#state.ownerOf(op.highlight.id);
        if (owner) articles.add(owner);
      } else if (op.op === 'drop-highlight') {
        const owner = this.#state.ownerOf(op.id);
        if (owner) articles.add(owner);
      }
    }
    for (const id of articles) {
      if (!this.#state.articles.has(id) || this.#state.heldHighlights(id)) continue;
      this.#state.hold(id, [...(await this.#highlightList(id))]);
    }
  }

  /** Strictly increasing within a session, so "newest first" never ties on a fast machine. */
  #now(): string {
    const ms = Math.max(this.options.now().getTime(), this.#lastStamp + 1);
    this.#lastStamp = ms;
    return new Date(ms).toISOString();
  }

  #assertOpen(): void {
    if (this.#closed) throw new OffprintError('library-closed', 'The library has been closed.');
  }

  #assertWritable(): void {
    this.#assertOpen();
    if (this.readOnly) {
      throw new OffprintError(
        'library-read-only',
        `The change was not saved: the library is open for reading only, because ${this.readOnly}.`,
      );
    }
  }

  #enqueue<T>(task: () => Promise<T>): Promise<T> {
    this.#assertOpen();
    try {
      this.#assertWritable();
    } catch (error) {
      return Promise.reject(error as Error);
    }
    const run = this.#queue.then(task, task);
    // The caller gets the failure through `run`; the queue itself only orders the next task.
    this.#queue = run.catch(() => undefined);
    return run;
  }

  #emit(event: LibraryEvent): void {
    for (const listener of this.#listeners) {
      try {
        listener(event);
      } catch (error) {
        // Derived data failing to follow must not fail the write; it is rebuilt when found stale.
        this.#log.error('A library listener failed', { event: event.type, error: errorText(error) });
      }
    }
  }

  async #updateMany(
    ids: readonly string[],
    change: (article: ArticleMeta, all: readonly ArticleMeta[]) => ArticleChange,
    strict: boolean,
  ): Promise<ArticleMeta[]> {
    const now = this.#now();
    const all = this.#state.list();
    const changed: ArticleMeta[] = [];
    for (const id of new Set(ids)) {
      const article = strict ? this.#article(id) : this.#state.articles.get(id);
      if (!article) continue;
      const next = { ...article, tags: [...article.tags] };
      const patch = change(article, all);
      for (const [key, value] of Object.entries(patch) as [keyof ArticleChange, unknown][]) {
        if (key === 'deletedAt' || key === 'readAt') setOptional(next, key, value as string | null);
        else (next as unknown as Record<string, unknown>)[key] = value;
      }
      if (sameArticle(article, next)) continue;
      next.updatedAt = now;
      changed.push(next);
    }
    if (changed.length === 0) return [];
    await this.#commit(changed.map((article): JournalOp => ({ op: 'put-article', article })));
    this.#emit({ type: 'articles-changed', ids: changed.map((a) => a.id) });
    return changed.map((a) => this.#article(a.id));
  }

  /**
   * Journals `ops` (with any pending progress), then applies them in memory and refreshes the
   * meta.json of every article they touch. The journal append is the acknowledgement.
   */
  async #commit(ops: JournalOp[], { records = true } = {}): Promise<void> {
    const progress = [...this.#pendingProgress].filter((id) => this.#state.articles.has(id));
    const all: JournalOp[] = [
      ...progress.map((id): JournalOp => {
        const a = this.#state.articles.get(id)!;
        return { op: 'progress', id, progress: a.progress, readAt: a.readAt ?? null };
      }),
      ...ops,
    ];
    if (all.length === 0) return;
    await this.#holdFor(ops);
    try {
      await this.#journal!.append(all);
    } catch (error) {
      if (error instanceof OffprintError) throw error;
      throw new OffprintError('library-write-failed', `Could not write the library journal: ${reason(error)}`);
    }
    this.#pendingProgress.clear();
    if (this.#progressTimer) {
      clearTimeout(this.#progressTimer);
      this.#progressTimer = null;
    }
    for (const op of ops) this.#state.apply(op);
    const touched = new Set(progress);
    if (records) for (const op of ops) touched.add(articleOf(op, this.#state) ?? '');
    touched.delete('');
    await this.#writeRecords(touched);
    // The change is saved (journaled): a compaction that fails (a full disk) is retried with the next one.
    if (this.#journal!.bytes >= this.options.compactJournalBytes) {
      await this.#compact().catch((error: unknown) =>
        this.#log.error('Could not compact the library journal; retried with the next change', {
          error: errorText(error),
        }),
      );
    }
  }

  async #writeRecords(ids: Iterable<string>): Promise<void> {
    for (const id of ids) {
      const article = this.#state.articles.get(id);
      // An imported placeholder lives in the index alone until its capture gives it a folder.
      if (!article || article.awaitingCapture) continue;
      try {
        await writeArticleRecord(this.dir, { article, highlights: [...(await this.#highlightList(id))] });
        this.#staleRecords.delete(id);
      } catch (error) {
        // The journal holds the change; the meta.json is rewritten at the next compaction.
        this.#staleRecords.add(id);
        this.#log.error('Could not rewrite an article meta.json', { id, error: errorText(error) });
      }
    }
  }

  /** `force`: write the snapshot even when the journal holds no changes (it must name a new journal). */
  async #compact({ force = false } = {}): Promise<void> {
    if (!this.#journal) return;
    if (this.#staleRecords.size > 0) await this.#writeRecords([...this.#staleRecords]);
    if (this.#journal.bytes === 0 && this.#snapshotGood && !force) return;
    if (this.#snapshotGood) await rotateBackup(this.dir, this.options.now().getTime());
    const index = { ...this.#state.toIndex(this.options.schema.version), journal: this.#journal.position };
    await writeSnapshot(this.db, this.dir, index, () => this.#snapshotHighlights());
    this.#state.rebase(indexPath(this.dir));
    this.#snapshotGood = true;
    // Derived, like the search index: without it the next open reads library.json first.
    await writeFirstPage(this.dir, index).catch(() =>
      rm(firstPagePath(this.dir), { force: true }).catch(() => undefined),
    );
    await this.#journal.reset();
  }

  /**
   * Every highlight, as JSON text, for the snapshot being written: those of the current snapshot
   * (the base) as they are, except the articles whose highlights are held in memory, then those.
   */
  async *#snapshotHighlights(): AsyncGenerator<string> {
    const state = this.#state;
    const held = state.heldArticles();
    if (state.base) {
      for await (const line of snapshotHighlightLines(state.base)) {
        const { id, articleId } = highlightLineIds(line);
        if (!held.has(articleId) && state.articles.has(articleId) && state.ownerOf(id) === articleId) yield line;
      }
    }
    for (const highlights of held.values()) for (const h of highlights) yield JSON.stringify(h);
  }

  /**
   * A new article's folder is put in place before its journal line: a crash in between leaves a folder
   * the next open takes in (#sweep), which the first page written with the snapshot does not show.
   * Once the journal holds a change that file is out of date anyway, so it goes now, before the folder
   * (and articles/ is made, for a library's first).
   */
  async #readyForNewFolders(): Promise<void> {
    await mkdir(articlesDir(this.dir), { recursive: true });
    if (this.#journal && this.#journal.bytes === 0) await rm(firstPagePath(this.dir), { force: true });
  }

  /**
   * A library last written without first-page.json (by an older Offprint, or closed without a
   * change) gets one now, while library.json and the journal still hold the same state.
   */
  async #ensureFirstPage(): Promise<void> {
    if (!this.#journal || this.#journal.bytes > 0 || !this.#snapshotGood) return;
    const version = this.options.schema.version;
    if (await readFirstPage(this.dir, version)) return;
    await writeFirstPage(this.dir, {
      schemaVersion: version,
      journal: this.#journal.position,
      settings: this.#state.settings,
      articles: this.#state.list(),
    }).catch(() => undefined);
  }

  async #readArticleFile(id: string, file: string): Promise<string> {
    this.#article(id);
    try {
      return await readFile(join(articleDir(this.dir, id), file), 'utf8');
    } catch (error) {
      throw new OffprintError(
        'content-missing',
        `The saved copy of this article is missing or unreadable (${reason(error)}). Update it from the web to restore it.`,
      );
    }
  }

  // ── Opening ────────────────────────────────────────────────────────────────

  async #load(): Promise<void> {
    const { schema } = this.options;
    const readOnly = this.readOnly !== null;
    // Highlights stay on disk; those of the articles the journal changes are kept whole as the snapshot is read.
    const keep = { keep: articlesIn(await Journal.read(journalPath(this.dir))) };
    const snapshot = await readSnapshot(
      indexPath(this.dir),
      schema,
      this.dir,
      async (version) => {
        if (readOnly) return; // migrated in memory only; the file stays as it is
        const name = await backupBeforeMigration(this.dir, version, this.options.now());
        this.notices.push(
          `The library was updated from format ${version} to ${schema.version}; the old index was kept as backups/${name}.`,
        );
      },
      keep,
    );
    let highlights: SnapshotHighlights | undefined;
    let problem: string | null = null;
    let index: LibraryIndex | null = null;
    /** Where the snapshot says the journal goes on from; checked once the journal is read. */
    let expected: JournalPosition | null = null;
    if (snapshot.kind === 'ok') {
      expected = snapshot.index.journal ?? null;
      index = snapshot.index;
      highlights = snapshot.highlights;
      this.#snapshotGood = snapshot.migratedFrom === null;
    } else if (snapshot.kind === 'bad') {
      problem = `The library index ${INDEX_FILE} was damaged (${snapshot.detail}).`;
    } else if ((await articleFolderIds(this.dir)).length > 0 || (await allBackups(this.dir)).length > 0) {
      problem = `The library index ${INDEX_FILE} was missing.`;
    }

    let restoredFrom: string | null = null;
    if (problem) {
      const setAside = readOnly ? null : await this.#setAsideIndex();
      if (setAside) problem += ` It was set aside as ${setAside}.`;
      for (const path of await allBackups(this.dir)) {
        const backup = await readSnapshot(path, schema, this.dir, undefined, keep).catch((error: unknown) => {
          this.#log.warn('Could not read a library backup', { path, error: errorText(error) });
          return null;
        });
        if (backup?.kind === 'ok') {
          index = backup.index;
          highlights = backup.highlights;
          restoredFrom = path;
          break;
        }
      }
    }

    this.#state = LibraryState.from(index ?? emptyIndex(schema.version), highlights);
    const { journal, read } = readOnly
      ? { journal: null, read: await Journal.read(journalPath(this.dir)) }
      : await Journal.open(journalPath(this.dir));
    this.#journal = journal;
    const replayed = new Set<string>();
    for (const line of read.lines) {
      await this.#holdFor(line.ops);
      for (const op of line.ops) {
        this.#state.apply(op);
        const id = articleOf(op, this.#state);
        if (id) replayed.add(id);
      }
    }
    const gap = problem || !expected ? null : journalGap(expected, read);
    if (read.damagedLines > 0) {
      this.notices.push(
        `${read.damagedLines} damaged change(s) in ${journalPath(this.dir)} could not be read and were skipped.`,
      );
    }

    if (readOnly) {
      if (problem || gap) await reconcileWithFolders(this.dir, this.#state);
      if (problem) this.notices.push(`${problem} It was read from the article folders for now, and not repaired.`);
      if (gap)
        this.notices.push(`${gapNotice(gap)} They were read from the article folders for now, and not repaired.`);
      return;
    }
    if (gap) {
      // library.json is good but older than the lost changes: each folder's meta.json has them.
      const result = await reconcileWithFolders(this.dir, this.#state);
      await this.#writeRecords(result.stale);
      this.notices.push(
        `${gapNotice(gap)} They were recovered from the article folders (${result.updated} article(s) updated, ` +
          `${result.adopted} taken in); settings changed since then may have to be set again.`,
      );
    }
    if (problem) {
      const result = await reconcileWithFolders(this.dir, this.#state);
      await this.#writeRecords(result.stale);
      const count = this.#state.articles.size;
      this.notices.push(
        restoredFrom
          ? `${problem} The library was restored from the backup ${restoredFrom} and the article folders: ${count} article(s).`
          : `${problem} No good backup was found, so the index was rebuilt from the article folders: ${count} article(s).`,
      );
    } else {
      await this.#writeRecords(replayed);
      this.#recordsToCheck = (id) => !replayed.has(id);
      await this.#sweep();
    }
    if (problem || gap || !this.#snapshotGood || read.damagedLines > 0 || !read.header) {
      await this.#compact({ force: true });
    }
  }

  /** Rewrites from the index every article's meta.json that is missing or damaged, and says so. */
  async #repairRecords(): Promise<void> {
    const wanted = this.#recordsToCheck;
    if (!wanted) return;
    const named = (await articleFolderIds(this.dir)).filter((id) => this.#state.articles.has(id) && wanted(id));
    const damaged = await damagedRecords(this.dir, named, () => this.#closing);
    if (damaged.length === 0 || this.#closing) return;
    // Through the queue: written from the index as it is then, never over a newer change.
    await this.#enqueue(() => this.#writeRecords(damaged));
    const titles = damaged.slice(0, 3).map((id) => `“${this.#state.articles.get(id)!.title}”`);
    const more = damaged.length > 3 ? ` and ${damaged.length - 3} more` : '';
    this.notices.push(
      `The record (${META_FILE}) of ${damaged.length} article(s) was missing or damaged and was rewritten from the index: ${titles.join(', ')}${more}.`,
    );
  }

  /** Renames a damaged library.json out of the way (it is never deleted). */
  async #setAsideIndex(): Promise<string | null> {
    const name = corruptName(this.options.now());
    try {
      await rename(indexPath(this.dir), join(this.dir, name));
      return name;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  }

  /**
   * Removes what an interrupted save or Trash emptying left behind. An article folder the index
   * does not name is taken in when its meta.json is complete and not trashed (a save that landed
   * just before a crash), and removed otherwise.
   */
  async #sweep(): Promise<void> {
    await rm(stagingRoot(this.dir), { recursive: true, force: true });
    await rm(join(this.dir, `.${INDEX_FILE}.tmp`), { force: true });
    const temps = (
      await readdir(this.dir).catch((error: unknown) => {
        this.#log.warn('Could not list the library folder for leftover temp files', { error: errorText(error) });
        return [] as string[];
      })
    ).filter((n) => n.endsWith('.tmp'));
    for (const name of temps) await rm(join(this.dir, name), { force: true });
    for (const id of await articleFolderIds(this.dir)) {
      if (this.#state.articles.has(id)) continue;
      const record = await readArticleRecord(this.dir, id);
      if (record && !record.article.deletedAt) {
        await this.#journal!.append(adoptOps(record));
        applyRecord(this.#state, record);
      } else {
        await rm(articleDir(this.dir, id), { recursive: true, force: true });
      }
    }
  }

  async #expireTrash(): Promise<void> {
    const cutoff = this.options.now().getTime() - this.options.trashDays * 24 * 60 * 60 * 1000;
    const expired = this.#state
      .list()
      .filter((a) => a.deletedAt && Date.parse(a.deletedAt) < cutoff)
      .map((a) => a.id);
    if (expired.length > 0) await this.purgeArticles(expired);
  }
}

/**
 * Why the journal does not go on from where library.json says it does, or null when it does:
 * it is gone, it is another one, or changes between the two are missing.
 */
function journalGap(expected: JournalPosition, read: JournalRead): string | null {
  if (!read.existed) return `was missing`;
  if (!read.header) return read.lines.length > 0 ? null : `was emptied`;
  if (read.header.id !== expected.id) return `is not the one the index was written with`;
  const first = read.lines.find((l) => typeof l.seq === 'number')?.seq ?? read.header.seq + 1;
  if (read.header.seq > expected.seq || first > expected.seq + 1) return `is missing changes`;
  return null;
}

const gapNotice = (gap: string): string =>
  `The change journal ${JOURNAL_FILE} ${gap}, so changes made since the index ${INDEX_FILE} was last written were not in it.`;

function adoptOps(record: ArticleRecord): JournalOp[] {
  return [
    { op: 'put-article', article: record.article },
    ...record.highlights.map((highlight): JournalOp => ({ op: 'put-highlight', highlight })),
  ];
}

/** The articles a journal's changes are about. */
function articlesIn(read: JournalRead): Set<string> {
  const ids = new Set<string>();
  for (const line of read.lines) {
    for (const op of line.ops) {
      if (op.op === 'put-article') ids.add(op.article.id);
      else if (op.op === 'put-highlight') ids.add(op.highlight.articleId);
    }
  }
  return ids;
}

function articleOf(op: JournalOp, state: LibraryState): string | null {
  switch (op.op) {
    case 'put-article':
      return op.article.id;
    case 'put-highlight':
      return op.highlight.articleId;
    case 'progress':
      return op.id;
    case 'drop-highlight':
      return state.ownerOf(op.id) ?? null;
    default:
      return null;
  }
}

/**
 * Every field an ArticleChange can carry. The type makes a field added to ArticleChange fail to
 * compile until it is listed here, so sameArticle cannot overlook it and drop the change.
 */
export const ARTICLE_CHANGE_FIELDS: { readonly [K in keyof Required<ArticleChange>]: K } = {
  archived: 'archived',
  favourite: 'favourite',
  tags: 'tags',
  deletedAt: 'deletedAt',
  readAt: 'readAt',
};

function sameArticle(a: ArticleMeta, b: ArticleMeta): boolean {
  return Object.values(ARTICLE_CHANGE_FIELDS).every((field) => sameValue(a[field] ?? null, b[field] ?? null));
}

function sameValue(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => sameValue(x, b[i]));
  return a === b;
}

const copy = <T>(value: T): T => structuredClone(value);
const reason = (error: unknown): string => (error instanceof Error ? error.message : String(error));
