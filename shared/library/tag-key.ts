/**
 * Tag identity: two spellings are the same tag when they differ only in case and white space
 * ("Java Script", " java  script"). Core, CLI and renderer compare tags only through this.
 */
/** A tag's spelling as stored: trimmed, inner runs of white space collapsed, case kept. */
export const tidyTag = (tag: string): string => tag.trim().replace(/\s+/g, ' ');

export const tagKey = (tag: string): string => tidyTag(tag).toLocaleLowerCase();

export const sameTag = (a: string, b: string): boolean => tagKey(a) === tagKey(b);

export const hasTag = (tags: readonly string[], tag: string): boolean => tags.some((t) => sameTag(t, tag));
