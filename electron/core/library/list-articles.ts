import type { ArticleMeta, ListQuery } from '@shared/model';
import { hasTag } from './tags';

const inView: Record<ListQuery['view'], (a: ArticleMeta) => boolean> = {
  inbox: (a) => !a.archived,
  archive: (a) => a.archived,
  favourites: (a) => a.favourite,
  all: () => true,
};

/** The articles of one view, optionally of one tag, newest saved first. */
export function listArticles(articles: readonly ArticleMeta[], query: ListQuery): ArticleMeta[] {
  const tag = query.tag?.trim();
  return articles
    .filter((a) => inView[query.view](a) && (!tag || hasTag(a.tags, tag)))
    .sort(newestFirst);
}

export function newestFirst(a: ArticleMeta, b: ArticleMeta): number {
  return a.savedAt < b.savedAt ? 1 : a.savedAt > b.savedAt ? -1 : 0;
}
