/** What one bulk action (archive, favourite, read, tag, untag, Trash, restore) changes on each article. */
import type { ArticleMeta, BulkAction } from '@shared/model';
import type { ArticleChange } from '../library/library-store';
import { withTag, withoutTag } from '../library/tags';

/**
 * `spell` gives a tag's existing spelling in the library (LibraryStore.tagSpelling); `now` stamps
 * readAt and deletedAt on articles that do not have one yet.
 */
export function bulkChange(
  action: BulkAction,
  spell: (tag: string) => string,
  now: string,
): (article: ArticleMeta) => ArticleChange {
  switch (action.type) {
    case 'archive':
      return () => ({ archived: action.value });
    case 'favourite':
      return () => ({ favourite: action.value });
    case 'read':
      return (a) => ({ readAt: action.value ? (a.readAt ?? now) : null });
    case 'add-tag': {
      const spelled = spell(action.tag);
      return (a) => ({ tags: withTag(a.tags, spelled) });
    }
    case 'remove-tag':
      return (a) => ({ tags: withoutTag(a.tags, action.tag) });
    case 'delete':
      return (a) => ({ deletedAt: a.deletedAt ?? now });
    case 'restore':
      return () => ({ deletedAt: null });
  }
}
