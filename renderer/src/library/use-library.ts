import { useCallback, useEffect, useState } from 'react';
import type { ArticleMeta, LibraryView, SearchHit, TagCount } from '@shared/model';
import { api } from '../api';

export interface LibraryData {
  articles: ArticleMeta[];
  tags: TagCount[];
  /** Whether anything at all is saved (decides between the welcome and an empty view). */
  libraryEmpty: boolean;
  loading: boolean;
  error: string | null;
}

/** The listed view (or tag) and the tag list, reloaded whenever `refresh` is called. */
export function useLibrary(view: LibraryView, tag: string | undefined) {
  const key = `${view}\n${tag ?? ''}`;
  const [data, setData] = useState<LibraryData & { key: string | null }>({
    key: null,
    articles: [],
    tags: [],
    libraryEmpty: false,
    loading: true,
    error: null,
  });
  const [version, setVersion] = useState(0);
  const refresh = useCallback(() => setVersion((v) => v + 1), []);

  useEffect(() => {
    let live = true;
    Promise.all([api.listArticles(tag ? { view, tag } : { view }), api.listTags(), api.listArticles({ view: 'all' })]).then(
      ([articles, tags, all]) =>
        live && setData({ key, articles, tags, libraryEmpty: all.length === 0, loading: false, error: null }),
      (error: Error) => live && setData((d) => ({ ...d, key, articles: [], loading: false, error: error.message })),
    );
    return () => {
      live = false;
    };
  }, [key, view, tag, version]);

  // Another view's list is never shown under this view's heading, not even for a frame.
  const current = data.key === key;
  return { ...data, articles: current ? data.articles : [], loading: !current, refresh };
}

const SEARCH_DELAY_MS = 160;

/** Full-text results for a query, debounced; null while there is no query. */
export function useSearch(query: string, version: number): { hits: SearchHit[] | null; error: string | null } {
  const [result, setResult] = useState<{ hits: SearchHit[] | null; error: string | null }>({ hits: null, error: null });
  const trimmed = query.trim();
  useEffect(() => {
    if (!trimmed) {
      setResult({ hits: null, error: null });
      return;
    }
    let live = true;
    const timer = window.setTimeout(() => {
      api.search(trimmed).then(
        (hits) => live && setResult({ hits, error: null }),
        (error: Error) => live && setResult({ hits: [], error: error.message }),
      );
    }, SEARCH_DELAY_MS);
    return () => {
      live = false;
      window.clearTimeout(timer);
    };
  }, [trimmed, version]);
  return result;
}
