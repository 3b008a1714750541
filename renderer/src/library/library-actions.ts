import type { ArticleMeta, BulkAction } from '@shared/model';
import { hasTag as tagsInclude, sameTag } from '@shared/library/tag-key';
import { api } from '../api';

/** A change to some articles and how to take it back (only the articles it actually changed). */
export interface Applied {
  message: string;
  undo: (() => Promise<unknown>) | null;
}

const hasTag = (a: ArticleMeta, tag: string) => tagsInclude(a.tags, tag);
const count = (n: number) => (n === 1 ? '1 article' : `${n.toLocaleString()} articles`);
const ids = (list: ArticleMeta[]) => list.map((a) => a.id);
const named = (list: ArticleMeta[]) => (list.length === 1 ? `“${list[0].title}”` : count(list.length));

export type ListAction =
  | { type: 'archive'; value: boolean }
  | { type: 'favourite'; value: boolean }
  | { type: 'add-tag'; tag: string }
  | { type: 'remove-tag'; tag: string }
  | { type: 'delete' }
  | { type: 'restore' };

/** Runs `action` on `targets` through the core, and says what happened. */
export async function applyAction(targets: ArticleMeta[], action: ListAction): Promise<Applied> {
  const bulk = async (list: ArticleMeta[], change: BulkAction) => {
    if (list.length) await api.bulkUpdate(ids(list), change);
  };
  switch (action.type) {
    case 'archive': {
      const changed = targets.filter((a) => a.archived !== action.value);
      await bulk(changed, action);
      return {
        message:
          changed.length === 0
            ? 'Nothing to change'
            : action.value
              ? `Archived ${named(changed)}`
              : `Moved ${named(changed)} back to Inbox`,
        undo: changed.length ? () => bulk(changed, { type: 'archive', value: !action.value }) : null,
      };
    }
    case 'favourite': {
      const changed = targets.filter((a) => a.favourite !== action.value);
      await bulk(changed, action);
      return {
        message:
          changed.length === 0
            ? 'Nothing to change'
            : action.value
              ? `Added ${named(changed)} to Favourites`
              : `Removed ${named(changed)} from Favourites`,
        undo: changed.length ? () => bulk(changed, { type: 'favourite', value: !action.value }) : null,
      };
    }
    case 'add-tag': {
      const changed = targets.filter((a) => !hasTag(a, action.tag));
      await bulk(changed, action);
      return {
        message: `Tagged ${named(changed.length ? changed : targets)} “${action.tag}”`,
        undo: changed.length ? () => bulk(changed, { type: 'remove-tag', tag: action.tag }) : null,
      };
    }
    case 'remove-tag': {
      const changed = targets.filter((a) => hasTag(a, action.tag));
      await bulk(changed, action);
      return {
        message: `Removed “${action.tag}” from ${named(changed)}`,
        undo: changed.length ? () => bulk(changed, { type: 'add-tag', tag: action.tag }) : null,
      };
    }
    case 'delete': {
      const changed = targets.filter((a) => !a.deletedAt);
      if (changed.length) await api.deleteArticles(ids(changed));
      return {
        message: `Moved ${named(changed)} to the Trash`,
        undo: changed.length ? () => api.restoreArticles(ids(changed)) : null,
      };
    }
    case 'restore': {
      const changed = targets.filter((a) => a.deletedAt);
      if (changed.length) await api.restoreArticles(ids(changed));
      return {
        message: `Restored ${named(changed)}`,
        undo: changed.length ? () => api.deleteArticles(ids(changed)) : null,
      };
    }
  }
}

/** The articles as they are after `action` (for a tag dialog that stays open). */
export function afterAction(list: ArticleMeta[], action: ListAction): ArticleMeta[] {
  if (action.type === 'add-tag')
    return list.map((a) => (hasTag(a, action.tag) ? a : { ...a, tags: [...a.tags, action.tag] }));
  if (action.type === 'remove-tag')
    return list.map((a) => ({ ...a, tags: a.tags.filter((t) => !sameTag(t, action.tag)) }));
  return list;
}
