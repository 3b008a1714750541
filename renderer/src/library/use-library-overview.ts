import { useCallback, useEffect, useState } from 'react';
import type { TagCount } from '@shared/model';
import { api } from '../api';

/** The library as a whole: its tags with their counts, and whether it holds any article at all. */
export function useLibraryOverview() {
  const [tags, setTags] = useState<TagCount[]>([]);
  const [libraryEmpty, setLibraryEmpty] = useState<boolean | null>(null);
  const refresh = useCallback(() => {
    api.listTags().then(setTags, () => undefined);
    api.listPage({ view: 'all', limit: 1 }).then(
      (page) => setLibraryEmpty(page.total === 0),
      () => setLibraryEmpty(false),
    );
  }, []);
  useEffect(refresh, [refresh]);
  return { tags, libraryEmpty, refresh };
}
