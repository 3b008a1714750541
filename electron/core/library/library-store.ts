/**
 * The one module that writes a library (layout in docs/LIBRARY-FORMAT.md). Every change goes
 * through one queue; library.json is written with lowdb's atomic JSONFile, content files with
 * writeFileAtomic. A new article is built in .staging/<id>/, renamed into articles/<id>/, and only
 * then entered in the index, so a crash at any moment leaves a library that opens: leftovers
 * (staging folders, article folders with no index entry) are swept on the next open.
 */
import { mkdir, readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { Low } from 'lowdb';
import { JSONFile } from 'lowdb/node';
import { OffprintError } from '@shared/ipc/envelope';
import type { ArticleMeta, Highlight, HighlightPatch, NewHighlight } from '@shared/model';
import {
  ARTICLES_FOLDER,
  ASSETS_FOLDER,
  CONTENT_FILE,
  INDEX_FILE,
  TEXT_FILE,
  articleDir,
  articlesDir,
  indexPath,
  stagingRoot,
} from './library-layout';
import { checkIndex, emptyIndex, type LibraryIndex } from './library-index';
import { acquireLibraryLock } from './library-lock';
import { isId, newId } from './new-id';
import { writeFileAtomic } from './write-file-atomic';

export interface StoreOptions {
  /**
   * When library.json is missing or unreadable, set it (and the article folders it described)
   * aside under a `.corrupt-<time>` name and start an empty library, instead of refusing to open.
   */
  recoverUnreadableIndex?: boolean;
  /** How long reading-progress changes may wait before they are written. */
  progressFlushMs?: number;
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
  'id' | 'savedAt' | 'updatedAt' | 'archived' | 'favourite' | 'tags' | 'progress' | 'highlightCount'
> & { content: string; textContent: string };

export type ArticleChange = Partial<Pick<ArticleMeta, 'archived' | 'favourite' | 'tags'>>;

const DEFAULT_PROGRESS_FLUSH_MS = 1_500;

export class LibraryStore {
  /** Messages for the user about what happened while opening (e.g. a recovered index). */
  readonly notices: string[] = [];
  #queue: Promise<unknown> = Promise.resolve();
  #progressTimer: NodeJS.Timeout | null = null;
  #closed = false;

  private constructor(
    readonly dir: string,
    private readonly db: Low<LibraryIndex>,
    private readonly releaseLock: () => Promise<void>,
    private readonly progressFlushMs: number,
  ) {}

  static async open(dir: string, options: StoreOptions = {}): Promise<LibraryStore> {
    try {
      await mkdir(dir, { recursive: true });
    } catch (error) {
      throw new OffprintError('library-unavailable', `Cannot create the library folder ${dir}: ${reason(error)}`);
    }
    const releaseLock = await acquireLibraryLock(dir);
    try {
      const db = new Low<LibraryIndex>(new JSONFile<LibraryIndex>(indexPath(dir)), emptyIndex());
      const store = new LibraryStore(dir, db, releaseLock, options.progressFlushMs ?? DEFAULT_PROGRESS_FLUSH_MS);
      await store.#load(options);
      return store;
    } catch (error) {
      await releaseLock();
      throw error;
    }
  }

  // ── Reading ────────────────────────────────────────────────────────────────

  articles(): ArticleMeta[] {
    return this.#data.articles.map(copy);
  }

  getArticle(id: string): ArticleMeta {
    return copy(this.#article(id));
  }

  /** The saved article whose normalised URL (or the URL the user first gave) is `url`. */
  findByUrl(normalizedUrl: string, matchesOriginal: (original: string) => boolean = () => false): ArticleMeta | undefined {
    const found = this.#data.articles.find((a) => a.url === normalizedUrl || matchesOriginal(a.originalUrl));
    return found && copy(found);
  }

  async readContent(id: string): Promise<string> {
    return this.#readArticleFile(id, CONTENT_FILE);
  }

  async readText(id: string): Promise<string> {
    return this.#readArticleFile(id, TEXT_FILE);
  }

  highlightsOf(articleId: string): Highlight[] {
    return this.#data.highlights
      .filter((h) => h.articleId === articleId)
      .sort((a, b) => a.position.start - b.position.start)
      .map(copy);
  }

  // ── Saving an article ──────────────────────────────────────────────────────

  async beginStaging(): Promise<Staging> {
    this.#assertOpen();
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
      await writeFileAtomic(join(staging.dir, CONTENT_FILE), content);
      await writeFileAtomic(join(staging.dir, TEXT_FILE), textContent);
      const finalDir = articleDir(this.dir, staging.id);
      await mkdir(articlesDir(this.dir), { recursive: true });
      await rename(staging.dir, finalDir);

      const now = new Date().toISOString();
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
      try {
        await this.#write((data) => void data.articles.push(entry));
      } catch (error) {
        await rm(finalDir, { recursive: true, force: true });
        throw error;
      }
      return { article: copy(entry), existed: false };
    });
  }

  // ── Changing an article ────────────────────────────────────────────────────

  /** Applies a change computed from the article as it is when the change runs (so none is lost). */
  updateArticle(id: string, change: (article: ArticleMeta, all: readonly ArticleMeta[]) => ArticleChange): Promise<ArticleMeta> {
    return this.#enqueue(async () => {
      this.#article(id);
      await this.#write((data) => {
        const article = data.articles.find((a) => a.id === id)!;
        Object.assign(article, change(article, data.articles), { updatedAt: new Date().toISOString() });
      });
      return this.getArticle(id);
    });
  }

  /**
   * Reading progress changes on every scroll, so it is kept in memory and written at most
   * once per `progressFlushMs` (and on close) instead of rewriting the index each time.
   */
  setProgress(id: string, progress: number): void {
    this.#assertOpen();
    const article = this.#article(id);
    const clamped = Number.isFinite(progress) ? Math.min(1, Math.max(0, progress)) : 0;
    if (article.progress === clamped) return;
    article.progress = clamped;
    if (!this.#progressTimer) {
      this.#progressTimer = setTimeout(() => void this.flushProgress().catch(() => undefined), this.progressFlushMs);
      // close() flushes; a pending flush alone should not keep a process alive.
      this.#progressTimer.unref();
    }
  }

  /** Writes pending progress now. */
  flushProgress(): Promise<void> {
    if (!this.#progressTimer) return Promise.resolve();
    return this.#enqueue(() => this.#write(() => undefined));
  }

  async deleteArticle(id: string): Promise<void> {
    await this.#enqueue(async () => {
      this.#article(id);
      await this.#write((data) => {
        data.articles = data.articles.filter((a) => a.id !== id);
        data.highlights = data.highlights.filter((h) => h.articleId !== id);
      });
      // The index no longer names the folder; if this fails the next open sweeps it.
      await rm(articleDir(this.dir, id), { recursive: true, force: true }).catch(() => undefined);
    });
  }

  // ── Highlights ─────────────────────────────────────────────────────────────

  addHighlight(input: NewHighlight): Promise<Highlight> {
    return this.#enqueue(async () => {
      this.#article(input.articleId);
      const now = new Date().toISOString();
      const highlight: Highlight = {
        id: newId(),
        articleId: input.articleId,
        quote: { ...input.quote },
        position: { ...input.position },
        color: input.color,
        note: input.note,
        createdAt: now,
        updatedAt: now,
      };
      await this.#write((data) => {
        data.highlights.push(highlight);
        recount(data, input.articleId);
      });
      return copy(highlight);
    });
  }

  updateHighlight(id: string, patch: HighlightPatch): Promise<Highlight> {
    return this.#enqueue(async () => {
      this.#highlight(id);
      await this.#write((data) => {
        const highlight = data.highlights.find((h) => h.id === id)!;
        if (patch.color !== undefined) highlight.color = patch.color;
        if (patch.note !== undefined) highlight.note = patch.note;
        highlight.updatedAt = new Date().toISOString();
      });
      return copy(this.#highlight(id));
    });
  }

  deleteHighlight(id: string): Promise<void> {
    return this.#enqueue(async () => {
      const { articleId } = this.#highlight(id);
      await this.#write((data) => {
        data.highlights = data.highlights.filter((h) => h.id !== id);
        recount(data, articleId);
      });
    });
  }

  // ── Closing ────────────────────────────────────────────────────────────────

  async close(): Promise<void> {
    if (this.#closed) return;
    await this.flushProgress().catch(() => undefined);
    await this.#queue.catch(() => undefined);
    this.#closed = true;
    await this.releaseLock();
  }

  // ── Internals ──────────────────────────────────────────────────────────────

  get #data(): LibraryIndex {
    return this.db.data;
  }

  #article(id: string): ArticleMeta {
    const article = this.#data.articles.find((a) => a.id === id);
    if (!article) throw new OffprintError('not-found', 'That article is not in the library (it may have been deleted).');
    return article;
  }

  #highlight(id: string): Highlight {
    const highlight = this.#data.highlights.find((h) => h.id === id);
    if (!highlight) throw new OffprintError('not-found', 'That highlight no longer exists.');
    return highlight;
  }

  #assertOpen(): void {
    if (this.#closed) throw new OffprintError('library-closed', 'The library has been closed.');
  }

  #enqueue<T>(task: () => Promise<T>): Promise<T> {
    this.#assertOpen();
    const run = this.#queue.then(task, task);
    this.#queue = run.catch(() => undefined);
    return run;
  }

  /** Applies a change in memory and writes the index; if the write fails, memory goes back too. */
  async #write(change: (data: LibraryIndex) => void): Promise<void> {
    const before = structuredClone(this.db.data);
    change(this.db.data);
    if (this.#progressTimer) {
      clearTimeout(this.#progressTimer);
      this.#progressTimer = null;
    }
    try {
      await this.db.write();
    } catch (error) {
      this.db.data = before;
      throw new OffprintError('library-write-failed', `Could not write the library index: ${reason(error)}`);
    }
  }

  async #readArticleFile(id: string, file: string): Promise<string> {
    this.#article(id);
    try {
      return await readFile(join(articleDir(this.dir, id), file), 'utf8');
    } catch (error) {
      throw new OffprintError(
        'content-missing',
        `The saved copy of this article is missing or unreadable (${reason(error)}). Save the page again to restore it.`,
      );
    }
  }

  async #load(options: StoreOptions): Promise<void> {
    const problem = await this.#readIndex();
    if (problem) {
      if (!options.recoverUnreadableIndex) {
        throw new OffprintError(
          'library-unreadable',
          `${problem} Nothing has been changed. Restore ${INDEX_FILE} from a backup, or open the library with recovery ` +
            `to set it aside and start an empty library.`,
        );
      }
      await this.#setAside(problem);
    }
    recountAll(this.#data);
    await this.#sweep();
  }

  /** Reads library.json; returns what is wrong with it, or null when it is fine or the library is new. */
  async #readIndex(): Promise<string | null> {
    const path = indexPath(this.dir);
    let raw: unknown;
    try {
      await stat(path);
    } catch {
      if (await hasArticleFolders(this.dir)) {
        return `The library at ${this.dir} has saved articles but its index ${INDEX_FILE} is missing.`;
      }
      this.db.data = emptyIndex();
      await this.db.write();
      return null;
    }
    try {
      raw = await new JSONFile<unknown>(path).read();
    } catch (error) {
      return `The library index ${path} cannot be read (${reason(error)}).`;
    }
    const checked = checkIndex(raw);
    if (checked.ok) {
      this.db.data = checked.index;
      return null;
    }
    if (checked.reason === 'too-new') {
      throw new OffprintError(
        'library-too-new',
        `The library at ${this.dir} was written by a newer Offprint (format ${checked.version}). Update Offprint to open it.`,
      );
    }
    return `The library index ${path} is damaged: ${checked.detail}.`;
  }

  async #setAside(problem: string): Promise<void> {
    const stamp = new Date().toISOString().replace(/[:.]/g, '-');
    const moved: string[] = [];
    for (const name of [INDEX_FILE, ARTICLES_FOLDER]) {
      try {
        await rename(join(this.dir, name), join(this.dir, `${name}.corrupt-${stamp}`));
        moved.push(`${name}.corrupt-${stamp}`);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      }
    }
    this.db.data = emptyIndex();
    await this.db.write();
    this.notices.push(`${problem} It was set aside (${moved.join(', ')}) and a new, empty library was started.`);
  }

  /** Removes what an interrupted save or delete left behind. */
  async #sweep(): Promise<void> {
    await rm(stagingRoot(this.dir), { recursive: true, force: true });
    // steno's temp file, left if the process died mid-write of library.json.
    await rm(join(this.dir, `.${INDEX_FILE}.tmp`), { force: true });
    const known = new Set(this.#data.articles.map((a) => a.id));
    const entries = await readdir(articlesDir(this.dir), { withFileTypes: true }).catch(() => []);
    for (const entry of entries) {
      if (entry.isDirectory() && isId(entry.name) && !known.has(entry.name)) {
        await rm(join(articlesDir(this.dir), entry.name), { recursive: true, force: true });
      }
    }
  }
}

function recount(data: LibraryIndex, articleId: string): void {
  const article = data.articles.find((a) => a.id === articleId);
  if (article) article.highlightCount = data.highlights.filter((h) => h.articleId === articleId).length;
}

/** highlightCount is derived data: trust the highlights, not a count someone may have edited. */
function recountAll(data: LibraryIndex): void {
  const counts = new Map<string, number>();
  for (const h of data.highlights) counts.set(h.articleId, (counts.get(h.articleId) ?? 0) + 1);
  for (const article of data.articles) article.highlightCount = counts.get(article.id) ?? 0;
}

async function hasArticleFolders(dir: string): Promise<boolean> {
  const entries = await readdir(articlesDir(dir)).catch(() => []);
  return entries.some(isId);
}

const copy = <T>(value: T): T => structuredClone(value);
const reason = (error: unknown): string => (error instanceof Error ? error.message : String(error));
