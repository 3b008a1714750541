import { useCallback, useEffect, useRef, useState } from 'react';
import type { ArticleMeta } from '@shared/model';

/** One listed article; search results carry a snippet and where the matched words are in it. */
export interface ListRow {
  article: ArticleMeta;
  snippet?: string;
  matches?: Array<[number, number]>;
}

export interface RowPage {
  total: number;
  rows: ListRow[];
  /** Search only: the count is an upper bound. */
  exact?: boolean;
  terms?: string[];
}

export type FetchRows = (offset: number, limit: number) => Promise<RowPage>;

export const PAGE_SIZE = 100;

interface Cache {
  key: string;
  version: number;
  pages: Map<number, { rows: ListRow[]; version: number }>;
  pending: Set<string>;
}

/**
 * A long list fetched one window at a time as it is scrolled: pages stay cached (stale pages
 * keep showing until their refetch lands, so a refresh never flickers), and a new `key`
 * starts from nothing, so another list's rows are never shown under this one.
 */
export function usePagedList(key: string | null, fetchRows: FetchRows) {
  const cache = useRef<Cache>({ key: '', version: 0, pages: new Map(), pending: new Set() });
  const [state, setState] = useState<{
    key: string | null;
    total: number;
    exact: boolean;
    terms: string[];
    error: string | null;
  }>({
    key: null,
    total: 0,
    exact: true,
    terms: [],
    error: null,
  });
  const [, setTick] = useState(0);
  const latestFetch = useRef(fetchRows);
  latestFetch.current = fetchRows;
  const range = useRef<[number, number]>([0, PAGE_SIZE]);

  const load = useCallback((page: number) => {
    const c = cache.current;
    const tag = `${c.key}\n${c.version}\n${page}`;
    const have = c.pages.get(page);
    if ((have && have.version === c.version) || c.pending.has(tag)) return;
    c.pending.add(tag);
    const { key: askedKey, version } = c;
    latestFetch.current(page * PAGE_SIZE, PAGE_SIZE).then(
      (result) => {
        c.pending.delete(tag);
        if (cache.current.key !== askedKey || c.version !== version) return;
        c.pages.set(page, { rows: result.rows, version });
        setState({
          key: askedKey,
          total: result.total,
          exact: result.exact ?? true,
          terms: result.terms ?? [],
          error: null,
        });
        setTick((t) => t + 1);
      },
      (error: Error) => {
        c.pending.delete(tag);
        if (cache.current.key === askedKey) setState((s) => ({ ...s, key: askedKey, error: error.message }));
      },
    );
  }, []);

  const ensure = useCallback(
    (start: number, end: number) => {
      range.current = [start, end];
      const first = Math.floor(Math.max(0, start) / PAGE_SIZE);
      const last = Math.floor(Math.max(0, end - 1) / PAGE_SIZE);
      for (let p = first; p <= last; p++) load(p);
    },
    [load],
  );

  useEffect(() => {
    if (key === null) return;
    cache.current = { key, version: 0, pages: new Map(), pending: new Set() };
    setState({ key: null, total: 0, exact: true, terms: [], error: null });
    ensure(0, PAGE_SIZE);
  }, [key, ensure]);

  /** Refetches what is on screen; everything else is fetched again when scrolled to. */
  const refresh = useCallback(() => {
    cache.current.version++;
    ensure(...range.current);
  }, [ensure]);

  const rowAt = useCallback(
    (index: number): ListRow | undefined =>
      cache.current.pages.get(Math.floor(index / PAGE_SIZE))?.rows[index % PAGE_SIZE],
    [],
  );

  const current = key !== null && state.key === key;
  return {
    total: current ? state.total : 0,
    exact: state.exact,
    terms: current ? state.terms : [],
    loading: !current,
    error: state.error,
    rowAt,
    ensure,
    refresh,
  };
}

export type PagedList = ReturnType<typeof usePagedList>;

/** Every row of a list, page by page (select-all across pages that were never scrolled to). */
export async function fetchAllRows(fetchRows: FetchRows, chunk = 1000): Promise<ListRow[]> {
  const first = await fetchRows(0, chunk);
  const rows = [...first.rows];
  while (rows.length < first.total) {
    const next = await fetchRows(rows.length, chunk);
    if (next.rows.length === 0) break;
    rows.push(...next.rows);
  }
  return rows;
}
