import { useMemo } from 'react';
import type { ListQuery } from '@shared/model';
import { api } from '../api';
import type { FetchRows } from './use-paged-list';

/** Where the list's rows come from: the search index for a query, else the library's view. */
export type ListSource = { kind: 'search'; text: string } | { kind: 'view'; query: ListQuery };

/** The same source gives the same key: the list starts afresh only when the key changes. */
export function sourceKey(source: ListSource): string {
  return JSON.stringify(source);
}

export function rowsOf(source: ListSource): FetchRows {
  if (source.kind === 'search')
    return (offset, limit) =>
      api.searchPage(source.text, { offset, limit }).then((page) => ({
        total: page.total,
        exact: page.exact,
        terms: page.terms,
        rows: page.hits.map((hit) => ({ article: hit.article, snippet: hit.snippet, matches: hit.matches })),
      }));
  return (offset, limit) =>
    api
      .listPage({ ...source.query, offset, limit })
      .then((page) => ({ total: page.total, rows: page.items.map((article) => ({ article })) }));
}

const NOTHING: FetchRows = async () => ({ total: 0, rows: [] });

/** The list's key and its row fetcher, kept while the source stays the same; none until it is known. */
export function useListSource(source: ListSource | null): { key: string | null; fetchRows: FetchRows } {
  const key = source ? sourceKey(source) : null;
  // The key stands for the source: a new source object with the same content keeps the fetcher.
  const fetchRows = useMemo(() => (source ? rowsOf(source) : NOTHING), [key]);
  return { key, fetchRows };
}
