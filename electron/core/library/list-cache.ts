/**
 * Windows of a sorted view. Scrolling asks for window after window of the same list, so the list
 * is selected and sorted once per query and library revision.
 */
import type { ArticleMeta, ListPage, ListQuery } from '@shared/model';
import type { LibraryStore } from './library-store';
import { pageOf, selectArticles } from './list-articles';

export class ListCache {
  #selection: { key: string; revision: number; articles: ArticleMeta[] } | null = null;

  constructor(private readonly store: LibraryStore) {}

  async page(query: ListQuery): Promise<ListPage> {
    const { offset, limit, ...selection } = query;
    const key = JSON.stringify(selection);
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
}
