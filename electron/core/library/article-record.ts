/**
 * articles/<id>/meta.json: an article's own copy of its index entry and its highlights, so the
 * index can be rebuilt from the article folders alone if library.json and its backups are lost.
 */
import { readFile } from 'node:fs/promises';
import type { ArticleMeta, Highlight } from '@shared/model';
import { isObject, withArticleDefaults } from './library-index';
import { metaPath } from './library-layout';
import { writeFileAtomic } from './write-file-atomic';

export interface ArticleRecord {
  article: ArticleMeta;
  highlights: Highlight[];
}

/** Not fsync'd: after a power cut the journal, replayed on open, rewrites it. */
export async function writeArticleRecord(libraryDir: string, record: ArticleRecord): Promise<void> {
  await writeFileAtomic(metaPath(libraryDir, record.article.id), JSON.stringify(record), { sync: false });
}

/** The record in an article folder, or null when it is missing or unreadable. */
export async function readArticleRecord(libraryDir: string, id: string): Promise<ArticleRecord | null> {
  try {
    return parseArticleRecord(await readFile(metaPath(libraryDir, id), 'utf8'), id);
  } catch {
    return null;
  }
}

export function parseArticleRecord(raw: string, id: string): ArticleRecord | null {
  const value: unknown = JSON.parse(raw);
  if (!isObject(value) || !isObject(value.article)) return null;
  const article = value.article as Partial<ArticleMeta>;
  if (article.id !== id || typeof article.url !== 'string') return null;
  const highlights = Array.isArray(value.highlights)
    ? (value.highlights as Highlight[]).filter((h) => isObject(h) && typeof h.id === 'string' && h.articleId === id)
    : [];
  return { article: withArticleDefaults(article), highlights };
}
