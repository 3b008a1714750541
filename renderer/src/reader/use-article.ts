import { useCallback, useEffect, useState } from 'react';
import type { ArticleWithContent } from '@shared/model';
import { api } from '../api';

export interface LoadedArticle {
  article?: ArticleWithContent;
  error?: string;
}

/** The article with its content, read again on `reload` ("Update from the web" wrote a new copy). */
export function useArticle(id: string): LoadedArticle & { reload(): void } {
  const [loaded, setLoaded] = useState<LoadedArticle & { id: string }>({ id });
  const [version, setVersion] = useState(0);
  const reload = useCallback(() => setVersion((v) => v + 1), []);
  useEffect(() => {
    let live = true;
    api.getArticle(id).then(
      (article) => live && setLoaded({ article, id }),
      (error: Error) => live && setLoaded({ error: error.message, id }),
    );
    return () => {
      live = false;
    };
  }, [id, version]);
  return loaded.id === id ? { article: loaded.article, error: loaded.error, reload } : { reload };
}
