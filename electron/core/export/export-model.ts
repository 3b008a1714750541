/**
 * What every export writer reads: a plain list of articles with their highlights, and two
 * accessors for what is too big to hold for the whole library at once (an article's body and
 * its images). The store builds one of these; tests build them by hand. Writers never touch
 * the library's files.
 */
import type { ArticleMeta, Highlight } from '@shared/model';

export interface ExportArticle {
  /** Every field of the index entry: tags, progress, archived, favourite, dates, Trash… */
  article: ArticleMeta;
  /** Its highlights (W3C selectors, note, colour, createdAt), in the store's order. */
  highlights: Highlight[];
}

/** Image file name (as in the body's offprint-asset: URLs) → its bytes. */
export type ArticleImages = ReadonlyMap<string, Uint8Array>;

export interface ExportLibrary {
  articles: readonly ExportArticle[];
  /** The stored body: sanitized HTML whose images point at offprint-asset: URLs; null when it is missing. */
  readContent(articleId: string): Promise<string | null>;
  /** The article's stored images; empty when it has none. */
  readImages(articleId: string): Promise<ArticleImages>;
}

/** An article an export could not include, and why (e.g. a bookmark file cannot hold a document without a web address). */
export interface SkippedArticle {
  id: string;
  reason: string;
}

/** A stored image's name: letters, digits, dots, - and _, never starting with a dot (as the capture names them). */
export const isSafeImageName = (name: string): boolean =>
  /^[A-Za-z0-9_-][A-Za-z0-9._-]{0,199}$/.test(name) && !name.includes('..');

/** Articles with a web address (http or https) that a browser or another service can open. */
export const hasWebUrl = (article: ArticleMeta): boolean => /^https?:\/\/[^\s]+$/i.test(article.url);
