/**
 * Builds the ExportLibrary the writers read from what the store holds, for one view (with an
 * optional tag), or for a selection of ids. The composition root passes the store's reads in:
 * export never opens the library itself.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { OffprintError } from '@shared/ipc/envelope';
import type { ArticleMeta, Highlight, LibraryView } from '@shared/model';
import { selectArticles } from '../library/list-articles';
import { isSafeImageName, type ExportLibrary } from './export-model';

export interface ExportSource {
  /** Every article the library holds, Trash included. */
  articles: readonly ArticleMeta[];
  /** Read from disk: at 100,000 articles the library does not keep them all in memory. */
  highlightsOf(articleId: string): Promise<Highlight[]>;
  /** The stored body; throws OffprintError 'content-missing' when it is lost. */
  readContent(articleId: string): Promise<string>;
  /** `<library>/articles/<id>/assets/`. */
  assetsDir(articleId: string): string;
}

/**
 * Which articles to export: a view (default all) narrowed by a tag, exactly these ids, or the
 * whole library, Trash included (what a lossless Offprint JSON backup holds).
 */
export type ExportSelection =
  | { view?: LibraryView; tag?: string; ids?: undefined; whole?: undefined }
  | { ids: readonly string[]; whole?: undefined }
  | { whole: true; ids?: undefined };

/** The articles an export of `selection` writes. */
export function exportedArticles(articles: readonly ArticleMeta[], selection: ExportSelection): ArticleMeta[] {
  return selection.whole
    ? byView(articles, { view: 'all' }).concat(byView(articles, { view: 'trash' }))
    : selection.ids
      ? byIds(articles, selection.ids)
      : byView(articles, selection);
}

export async function exportLibraryOf(source: ExportSource, selection: ExportSelection): Promise<ExportLibrary> {
  const chosen = exportedArticles(source.articles, selection);
  const articles = [];
  for (const article of chosen) {
    articles.push({ article, highlights: article.highlightCount > 0 ? await source.highlightsOf(article.id) : [] });
  }
  return {
    articles,
    async readContent(id) {
      try {
        return await source.readContent(id);
      } catch (error) {
        if (error instanceof OffprintError && error.code === 'content-missing') return null;
        throw error;
      }
    },
    readImages: (id) => readImages(source.assetsDir(id)),
  };
}

function byView(articles: readonly ArticleMeta[], selection: { view?: LibraryView; tag?: string }): ArticleMeta[] {
  return selectArticles(articles, { view: selection.view ?? 'all', tag: selection.tag });
}

/** The selection in the order given; ids the library does not hold are refused, not skipped silently. */
function byIds(articles: readonly ArticleMeta[], ids: readonly string[]): ArticleMeta[] {
  const byId = new Map(articles.map((a) => [a.id, a]));
  return [...new Set(ids)].map((id) => {
    const article = byId.get(id);
    if (!article) throw new OffprintError('not-found', `No article with id ${id}.`);
    return article;
  });
}

async function readImages(dir: string): Promise<Map<string, Uint8Array>> {
  const images = new Map<string, Uint8Array>();
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return images;
    throw error;
  }
  for (const name of names.filter(isSafeImageName).sort()) {
    images.set(name, new Uint8Array(await readFile(join(dir, name))));
  }
  return images;
}
