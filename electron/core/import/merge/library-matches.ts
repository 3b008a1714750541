/**
 * How an import finds what the library already holds: an article by its normalised URL (or the
 * URL it was first saved from), a document without a URL by its title, and a tag by its key, in
 * the spelling the library already uses.
 */
import { tagKey } from '@shared/library/tag-key';
import type { ArticleMeta } from '@shared/model';
import { foldText } from '@shared/text/fold-text';
import { normalizeUrl, parseHttpUrl } from '../../capture/normalize-url';

export interface LibraryMatches {
  byUrl: Map<string, ArticleMeta>;
  byTitle: Map<string, ArticleMeta>;
  /** Tag key → the spelling the library uses. */
  spelling: Map<string, string>;
}

export const titleKey = (title: string): string => foldText(title).replace(/\s+/g, ' ').trim();

/** The normalised form of a web address, or null for anything that cannot be saved. */
export function webUrl(url: string): string | null {
  try {
    return normalizeUrl(parseHttpUrl(url));
  } catch {
    return null;
  }
}

export function libraryMatches(articles: readonly ArticleMeta[]): LibraryMatches {
  const matches: LibraryMatches = { byUrl: new Map(), byTitle: new Map(), spelling: new Map() };
  for (const article of articles) {
    if (article.url) {
      matches.byUrl.set(article.url, article);
      const original = article.originalUrl && webUrl(article.originalUrl);
      if (original && !matches.byUrl.has(original)) matches.byUrl.set(original, article);
    }
    rememberTitle(matches, article);
    for (const tag of article.tags) if (!matches.spelling.has(tagKey(tag))) matches.spelling.set(tagKey(tag), tag);
  }
  return matches;
}

/** Makes an article this import created findable by what follows it in the export. */
export function rememberArticle(matches: LibraryMatches, article: ArticleMeta, url: string | null): void {
  if (url) matches.byUrl.set(url, article);
  rememberTitle(matches, article);
}

function rememberTitle(matches: LibraryMatches, article: ArticleMeta): void {
  const key = titleKey(article.title);
  if (key && !matches.byTitle.has(key)) matches.byTitle.set(key, article);
}
