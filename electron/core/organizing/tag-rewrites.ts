/** Renaming, merging and deleting a tag on every article that has it, the Trash included. */
import type { LibraryStore } from '../library/library-store';
import { cleanTag, replaceTags, tagKey } from '../library/tags';

/** Replaces tags `from` by `into` (its case as given; null deletes them); returns how many articles changed. */
export async function replaceTagEverywhere(
  store: LibraryStore,
  from: readonly string[],
  into: string | null,
): Promise<number> {
  const target = into === null ? null : cleanTag(into);
  const keys = new Set(from.map((t) => tagKey(cleanTag(t))));
  const ids = store
    .liveArticles()
    .filter((a) => a.tags.some((t) => keys.has(tagKey(t))))
    .map((a) => a.id);
  const changed = await store.updateMany(ids, (a) => {
    const tags = replaceTags(a.tags, [...keys], target);
    return tags ? { tags } : {};
  });
  return changed.length;
}
