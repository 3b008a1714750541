/**
 * Which articles carry each tag, and how the library spells it, kept with the library's state: adding
 * a tag, or searching for one, need not read every article of a library of 100,000.
 */
import type { ArticleMeta } from '@shared/model';
import { tagKey } from '@shared/library/tag-key';

interface TagEntry {
  articles: Set<string>;
  /** Each spelling in use, with how many times it is used. */
  spellings: Map<string, number>;
}

const NO_ARTICLES: ReadonlySet<string> = new Set();

export class TagIndex {
  readonly #byKey = new Map<string, TagEntry>();

  add(article: Pick<ArticleMeta, 'id' | 'tags'>): void {
    for (const tag of article.tags) {
      const key = tagKey(tag);
      let entry = this.#byKey.get(key);
      if (!entry) this.#byKey.set(key, (entry = { articles: new Set(), spellings: new Map() }));
      entry.articles.add(article.id);
      entry.spellings.set(tag, (entry.spellings.get(tag) ?? 0) + 1);
    }
  }

  remove(article: Pick<ArticleMeta, 'id' | 'tags'>): void {
    for (const tag of article.tags) {
      const key = tagKey(tag);
      const entry = this.#byKey.get(key);
      if (!entry) continue;
      entry.articles.delete(article.id);
      const uses = (entry.spellings.get(tag) ?? 1) - 1;
      if (uses > 0) entry.spellings.set(tag, uses);
      else entry.spellings.delete(tag);
      if (entry.articles.size === 0) this.#byKey.delete(key);
    }
  }

  /** The ids of the articles carrying the tag (any spelling), the Trash included. */
  articlesTagged(tag: string): ReadonlySet<string> {
    return this.#byKey.get(tagKey(tag))?.articles ?? NO_ARTICLES;
  }

  /**
   * How the library spells the tag: its one spelling, null when nothing carries it, or undefined
   * when it is spelled in more than one way (then the first article carrying it decides).
   */
  spelling(tag: string): string | null | undefined {
    const spellings = this.#byKey.get(tagKey(tag))?.spellings;
    if (!spellings || spellings.size === 0) return null;
    if (spellings.size > 1) return undefined;
    return spellings.keys().next().value;
  }
}
