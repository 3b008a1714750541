import type { ArticleMeta, TagCount } from '@shared/model';
import { OffprintError } from '@shared/ipc/envelope';
import { hasTag, tagKey, tidyTag } from '@shared/library/tag-key';

const MAX_TAG_LENGTH = 100;

/** A tag as stored (tidyTag), refused when empty or too long. */
export function cleanTag(tag: string): string {
  const cleaned = tidyTag(tag);
  if (!cleaned) throw new OffprintError('bad-arguments', 'A tag cannot be empty.');
  if (cleaned.length > MAX_TAG_LENGTH) {
    throw new OffprintError('bad-arguments', `A tag can be at most ${MAX_TAG_LENGTH} characters long.`);
  }
  return cleaned;
}

export { hasTag, tagKey } from '@shared/library/tag-key';

/**
 * The article's tags with `tag` added. A tag already used elsewhere in the library keeps
 * the spelling it was first given (`spell` says which: see LibraryStore.tagSpelling), so
 * "JavaScript" and "javascript" never show up as two tags.
 */
export function withTag(tags: readonly string[], tag: string, spell: (cleaned: string) => string = (t) => t): string[] {
  const cleaned = cleanTag(tag);
  if (hasTag(tags, cleaned)) return [...tags];
  return [...tags, spell(cleaned)];
}

/** How a tag is spelled where the library already uses it, else as given (cleaned). */
export function spellingOf(tag: string, library: readonly ArticleMeta[]): string {
  const cleaned = cleanTag(tag);
  const key = tagKey(cleaned);
  for (const article of library) {
    for (const t of article.tags) if (keyOf(t) === key) return t;
  }
  return cleaned;
}

/**
 * tagKey, remembered: a library of 100,000 articles holds a few hundred distinct tags, and folding
 * each of its 150,000 tag uses on every "add tag" took longer than the write itself.
 */
const knownKeys = new Map<string, string>();
function keyOf(tag: string): string {
  let key = knownKeys.get(tag);
  if (key === undefined) {
    if (knownKeys.size >= 10_000) knownKeys.clear();
    knownKeys.set(tag, (key = tagKey(tag)));
  }
  return key;
}

/**
 * The tags with every one of `from` (case-insensitive) replaced by `into`, once, where the first
 * of them stood; with `into` null they are just removed. Null when nothing changes.
 */
export function replaceTags(tags: readonly string[], from: readonly string[], into: string | null): string[] | null {
  const keys = new Set(from.map(tagKey));
  if (!tags.some((t) => keys.has(tagKey(t)))) return null;
  const out: string[] = [];
  for (const t of tags) {
    const replaced = keys.has(tagKey(t)) ? into : t;
    if (replaced !== null && !hasTag(out, replaced)) out.push(replaced);
  }
  return out.length === tags.length && out.every((t, i) => t === tags[i]) ? null : out;
}

export function withoutTag(tags: readonly string[], tag: string): string[] {
  const key = tagKey(tag);
  return tags.filter((t) => tagKey(t) !== key);
}

/** Every tag in the library with how many articles carry it, alphabetically. */
export function countTags(articles: readonly ArticleMeta[]): TagCount[] {
  const counts = new Map<string, TagCount>();
  for (const article of articles) {
    for (const tag of article.tags) {
      const entry = counts.get(tagKey(tag));
      if (entry) entry.count += 1;
      else counts.set(tagKey(tag), { name: tag, count: 1 });
    }
  }
  return [...counts.values()].sort((a, b) => a.name.localeCompare(b.name, undefined, { sensitivity: 'base' }));
}
