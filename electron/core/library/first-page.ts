/**
 * first-page.json: what the window shows first, written beside every snapshot so that opening a
 * large library shows its first page without reading and parsing the whole of library.json.
 *
 * It is derived data, like search-index.bin: it holds the settings and the first rows of the Inbox
 * (in its saved order and in the default one) as they were in the snapshot it was written with. It is
 * used only when it provably still is: it names that snapshot (size and modification time) and the
 * journal that goes on from it, and the journal holds no change since. Otherwise, or when it is
 * missing or damaged, the library opens as before, from library.json.
 */
import { access, open, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { ArticleMeta, ListPage, ListQuery, ViewSettings } from '@shared/model';
import type { JournalPosition } from './journal';
import { isObject } from './library-index';
import { CONTENT_FILE, articleDir, indexPath, journalPath } from './library-layout';
import { DEFAULT_SORT, pageOf, selectArticles } from './list-articles';
import { writeFileAtomic } from './write-file-atomic';

export const FIRST_PAGE_FILE = 'first-page.json';
export const FIRST_PAGE_FORMAT = 1;
/** More than a window shows at once, so the first scroll does not wait either. */
export const FIRST_PAGE_ROWS = 100;

export const firstPagePath = (libraryDir: string): string => join(libraryDir, FIRST_PAGE_FILE);

export interface FirstPageEntry {
  /** The selection (view, sort, filters), without offset and limit. */
  query: ListQuery;
  total: number;
  items: ArticleMeta[];
}

export interface FirstPage {
  format: number;
  schemaVersion: number;
  journal: JournalPosition;
  /** library.json as it was written with this file. */
  snapshot: { size: number; mtimeMs: number };
  settings: Record<string, unknown>;
  pages: FirstPageEntry[];
}

/** The selections the window asks for first: the Inbox as the user sorted it, and as it comes. */
function firstQueries(settings: Record<string, unknown>): ListQuery[] {
  const views = isObject(settings.views) ? settings.views : {};
  const saved = (isObject(views.inbox) ? views.inbox : {}) as ViewSettings;
  const asSaved: ListQuery = { ...(saved.filters ?? {}), view: 'inbox', ...(saved.sort ? { sort: saved.sort } : {}) };
  const queries: ListQuery[] = [{ view: 'inbox' }, { view: 'all' }];
  if (selectionKey(asSaved) !== selectionKey(queries[0])) queries.unshift(asSaved);
  return queries;
}

/** The same selection gives the same key, however the query was written. */
export function selectionKey(query: ListQuery): string {
  const sort = query.sort ?? DEFAULT_SORT;
  return JSON.stringify([
    query.view,
    sort.field,
    sort.direction,
    query.tag?.trim() || null,
    query.site?.trim().toLowerCase() || null,
    query.lang?.trim().toLowerCase() || null,
    query.readState ?? null,
  ]);
}

/** Writes first-page.json for the snapshot just written (atomically; no fsync: it is derived). */
export async function writeFirstPage(
  libraryDir: string,
  data: {
    schemaVersion: number;
    journal: JournalPosition;
    settings: Record<string, unknown>;
    articles: readonly ArticleMeta[];
  },
): Promise<void> {
  const snapshot = await stat(indexPath(libraryDir));
  const pages = firstQueries(data.settings).map((query): FirstPageEntry => {
    const page = pageOf(selectArticles(data.articles, query), { offset: 0, limit: FIRST_PAGE_ROWS });
    return { query, total: page.total, items: page.items };
  });
  const file: FirstPage = {
    format: FIRST_PAGE_FORMAT,
    schemaVersion: data.schemaVersion,
    journal: data.journal,
    snapshot: { size: snapshot.size, mtimeMs: snapshot.mtimeMs },
    settings: data.settings,
    pages,
  };
  await writeFileAtomic(firstPagePath(libraryDir), JSON.stringify(file), { sync: false });
}

/**
 * first-page.json when it still shows the library as it is on disk: the snapshot it names is the
 * current library.json, and the journal goes on from that snapshot with no change since. Else null.
 */
export async function readFirstPage(libraryDir: string, schemaVersion: number): Promise<FirstPage | null> {
  try {
    const file = JSON.parse(await readFile(firstPagePath(libraryDir), 'utf8')) as FirstPage;
    if (!isObject(file) || file.format !== FIRST_PAGE_FORMAT || file.schemaVersion !== schemaVersion) return null;
    if (!isObject(file.journal) || !isObject(file.snapshot) || !Array.isArray(file.pages)) return null;
    const snapshot = await stat(indexPath(libraryDir));
    if (snapshot.size !== file.snapshot.size || snapshot.mtimeMs !== file.snapshot.mtimeMs) return null;
    const header = await journalWithoutChanges(libraryDir);
    if (!header || header.id !== file.journal.id || header.seq !== file.journal.seq) return null;
    return file;
  } catch {
    return null;
  }
}

/** The first page of `query`'s selection when first-page.json holds it, else null. */
export function pageFromFirstPage(file: FirstPage, query: ListQuery): ListPage | null {
  const { offset = 0, limit, ...selection } = query;
  const key = selectionKey(selection);
  const entry = file.pages.find((p) => selectionKey(p.query) === key);
  if (!entry) return null;
  const end = limit === undefined ? entry.total : offset + limit;
  if (Math.min(end, entry.total) > entry.items.length) return null;
  return { total: entry.total, offset: Math.min(offset, entry.total), items: entry.items.slice(offset, end) };
}

/** Marks the rows whose stored body is gone, as the list does. */
export async function withContentMissing(libraryDir: string, page: ListPage): Promise<ListPage> {
  const items = await Promise.all(
    page.items.map(async (a) => {
      const item = structuredClone(a);
      const present = await access(join(articleDir(libraryDir, a.id), CONTENT_FILE)).then(
        () => true,
        () => false,
      );
      if (!present) item.contentMissing = true;
      return item;
    }),
  );
  return { ...page, items };
}

const JOURNAL_PEEK = 4_096;

/** The journal's header when the journal holds nothing but it (no change since the snapshot). */
async function journalWithoutChanges(libraryDir: string): Promise<JournalPosition | null> {
  const handle = await open(journalPath(libraryDir), 'r');
  try {
    const buffer = Buffer.alloc(JOURNAL_PEEK);
    const { bytesRead } = await handle.read(buffer, 0, JOURNAL_PEEK, 0);
    const text = buffer.subarray(0, bytesRead).toString('utf8');
    const end = text.indexOf('\n');
    if (end < 0 || end !== text.length - 1) return null;
    const header = JSON.parse(text.slice(0, end)) as { journal?: unknown; seq?: unknown; ops?: unknown };
    if (typeof header.journal !== 'string' || typeof header.seq !== 'number') return null;
    if (!Array.isArray(header.ops) || header.ops.length > 0) return null;
    return { id: header.journal, seq: header.seq };
  } finally {
    await handle.close();
  }
}
