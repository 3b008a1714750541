import type { ArticleMeta, TagCount } from '@shared/model';
import { OffprintError } from '@shared/ipc/envelope';

const MAX_TAG_LENGTH = 100;

/** A tag as stored: trimmed, inner runs of white space collapsed, case kept. */
export function cleanTag(tag: string): string {
  const cleaned = tag.trim().replace(/\s+/g, ' ');
  if (!cleaned) throw new OffprintError('bad-arguments', 'A tag cannot be empty.');
  if (cleaned.length > MAX_TAG_LENGTH) {
    throw new OffprintError('bad-arguments', `A tag can be at most ${MAX_TAG_LENGTH} characters long.`);
  }
  return cleaned;
}

export const tagKey = (tag: string): string => tag.trim().replace(/\s+/g, ' ').toLocaleLowerCase();

export const hasTag = (tags: readonly string[], tag: string): boolean => tags.some((t) => tagKey(t) === tagKey(tag));

/**
 * The article's tags with `tag` added. A tag already used elsewhere in the library keeps
 * the spelling it was first given, so "JavaScript" and "javascript" never show up as two tags.
 */
export function withTag(tags: readonly string[], tag: string, library: readonly ArticleMeta[]): string[] {
  const cleaned = cleanTag(tag);
  if (hasTag(tags, cleaned)) return [...tags];
  const known = library.flatMap((a) => a.tags).find((t) => tagKey(t) === tagKey(cleaned));
  return [...tags, known ?? cleaned];
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
