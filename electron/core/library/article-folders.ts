/** Matching the index against the article folders on disk, after a crash or when the index was lost. */
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { ArticleMeta } from '@shared/model';
import { readArticleRecord, type ArticleRecord } from './article-record';
import { withArticleDefaults } from './library-index';
import { articleDir, articlesDir, TEXT_FILE } from './library-layout';
import type { LibraryState } from './library-state';
import { isId } from './new-id';

export async function articleFolderIds(libraryDir: string): Promise<string[]> {
  const entries = await readdir(articlesDir(libraryDir), { withFileTypes: true }).catch(() => []);
  return entries.filter((e) => e.isDirectory() && isId(e.name)).map((e) => e.name);
}

export interface Reconciled {
  /** Folders the index did not name, taken in. */
  adopted: number;
  /** Entries replaced by a newer meta.json. */
  updated: number;
  /** Trashed entries whose folder is gone (a Trash emptying that was cut short). */
  dropped: number;
  /** Articles whose meta.json must be (re)written from the index. */
  stale: string[];
}

/**
 * After restoring an older index (a backup, or nothing at all): every article folder is taken
 * in, and where its meta.json is newer than the index entry, the meta.json wins.
 */
export async function reconcileWithFolders(libraryDir: string, state: LibraryState): Promise<Reconciled> {
  const result: Reconciled = { adopted: 0, updated: 0, dropped: 0, stale: [] };
  const ids = await articleFolderIds(libraryDir);
  const present = new Set(ids);
  for (const id of ids) {
    const record = await readArticleRecord(libraryDir, id);
    const known = state.articles.get(id);
    if (!known) {
      applyRecord(state, record ?? (await bareRecord(libraryDir, id)));
      result.adopted += 1;
      if (!record) result.stale.push(id);
    } else if (!record) {
      result.stale.push(id);
    } else if (record.article.updatedAt >= known.updatedAt) {
      // meta.json is written right after the journal line: at the same time it is at least as complete.
      applyRecord(state, record);
      result.updated += 1;
    } else if (record.article.updatedAt < known.updatedAt || record.article.progress !== known.progress) {
      result.stale.push(id);
    }
  }
  for (const article of [...state.articles.values()]) {
    if (!present.has(article.id) && article.deletedAt) {
      state.apply({ op: 'drop-article', id: article.id });
      result.dropped += 1;
    }
  }
  return result;
}

/**
 * How many meta.json files are read at once when checking them. The check runs alongside whatever
 * the user does first (at 100,000 articles it reads 100,000 files): more would queue every search's
 * and save's file reads behind its own.
 */
const CHECK_CONCURRENCY = 2;

/** Of the given article folders, those whose meta.json is missing, unreadable or names another article. */
export async function damagedRecords(
  libraryDir: string,
  ids: readonly string[],
  stop: () => boolean = () => false,
): Promise<string[]> {
  const damaged: string[] = [];
  let next = 0;
  const worker = async () => {
    while (next < ids.length && !stop()) {
      const id = ids[next++]!;
      if (!(await readArticleRecord(libraryDir, id))) damaged.push(id);
    }
  };
  await Promise.all(Array.from({ length: Math.min(CHECK_CONCURRENCY, ids.length) }, worker));
  return damaged;
}

/** Puts a folder's record into the state, replacing the entry and highlights it had. */
export function applyRecord(state: LibraryState, record: ArticleRecord): void {
  state.apply({ op: 'put-article', article: record.article });
  state.replaceHighlights(record.article.id, record.highlights);
}

/** A folder without a readable meta.json (a library from before v2): its text still names it. */
async function bareRecord(libraryDir: string, id: string): Promise<ArticleRecord> {
  const dir = articleDir(libraryDir, id);
  const text = await readFile(join(dir, TEXT_FILE), 'utf8').catch(() => '');
  const savedAt = (
    await stat(dir).then(
      (s) => s.mtime,
      () => new Date(0),
    )
  ).toISOString();
  const firstLine = text.trim().split('\n')[0]?.trim().slice(0, 200);
  const article: Partial<ArticleMeta> = {
    id,
    url: `offprint-recovered://${id}`,
    title: firstLine || `Recovered article ${id}`,
    wordCount: text.split(/\s+/).filter(Boolean).length,
    savedAt,
  };
  return { article: withArticleDefaults(article), highlights: [] };
}
