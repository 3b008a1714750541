import { useCallback, useState } from 'react';
import type { ArticleMeta } from '@shared/model';
import { api } from '../api';
import { useFailureToast, useToast } from '../ui/toast';

/** The open article's state (archived, favourite, tags) and the reader's changes to it. */
export function useArticleMeta(article: ArticleMeta, archiveWhenFinished: boolean) {
  const notify = useToast();
  const fail = useFailureToast();
  const [meta, setMeta] = useState<ArticleMeta>(article);

  const toggleArchived = useCallback(async () => {
    try {
      const next = await api.setArchived(meta.id, !meta.archived);
      setMeta(next);
      notify(next.archived ? 'Moved to Archive' : 'Moved back to Inbox');
    } catch (error) {
      fail(error);
    }
  }, [meta, notify, fail]);

  const toggleFavourite = useCallback(async () => {
    try {
      const next = await api.setFavourite(meta.id, !meta.favourite);
      setMeta(next);
      notify(next.favourite ? 'Added to Favourites' : 'Removed from Favourites');
    } catch (error) {
      fail(error);
    }
  }, [meta, notify, fail]);

  /** Read to the end: archived, when the reader's settings ask for it. */
  const finished = useCallback(() => {
    if (!archiveWhenFinished || meta.archived) return;
    api.setArchived(meta.id, true).then((next) => {
      setMeta(next);
      notify('Finished — moved to the Archive');
    }, fail);
  }, [archiveWhenFinished, meta, notify, fail]);

  const addTag = useCallback(async (tag: string) => setMeta(await api.addTag(meta.id, tag)), [meta.id]);
  const removeTag = useCallback(async (tag: string) => setMeta(await api.removeTag(meta.id, tag)), [meta.id]);

  return { meta, toggleArchived, toggleFavourite, finished, addTag, removeTag };
}
