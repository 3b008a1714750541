import type { ArticleMeta, SearchHit } from '@shared/model';
import { foldText, queryWords } from './fold-text';
import { makeSnippet } from './make-snippet';
import { newestFirst } from '../library/list-articles';

/** Where the index gets what it searches. */
export interface SearchSource {
  articles(): ArticleMeta[];
  readText(id: string): Promise<string>;
}

interface CachedText {
  text: string;
  folded: string;
}

interface Scored {
  hit: SearchHit;
  titleWords: number;
  matches: number;
}

const LOAD_CONCURRENCY = 16;
/** Counting stops here: a word found this often is "very often" and the rest is wasted work. */
const MAX_COUNTED = 1_000;

/**
 * Full-text search over the library. The plain text of every article is read once, on the
 * first search, and kept in memory (folded) so later searches never touch the disk.
 */
export class SearchIndex {
  readonly #texts = new Map<string, CachedText>();

  constructor(private readonly source: SearchSource) {}

  /** Every word must occur in the title, byline, site or body; title matches first, then by number of matches. */
  async search(query: string): Promise<SearchHit[]> {
    const words = queryWords(query);
    if (words.length === 0) return [];
    const articles = this.source.articles();
    await this.#load(articles);

    const scored: Scored[] = [];
    for (const article of articles) {
      const body = this.#texts.get(article.id) ?? { text: '', folded: '' };
      const title = foldText(article.title);
      const meta = foldText(`${article.byline ?? ''}\n${article.siteName ?? ''}`);
      let titleWords = 0;
      let matches = 0;
      let first: { foldedStart: number; foldedEnd: number } | null = null;
      let everyWord = true;
      for (const word of words) {
        const inTitle = count(title, word);
        const inMeta = count(meta, word);
        const at = body.folded.indexOf(word);
        const inBody = at < 0 ? 0 : count(body.folded, word, at);
        if (inTitle + inMeta + inBody === 0) {
          everyWord = false;
          break;
        }
        if (inTitle > 0) titleWords += 1;
        matches += inTitle + inMeta + inBody;
        if (at >= 0 && (!first || at < first.foldedStart)) first = { foldedStart: at, foldedEnd: at + word.length };
      }
      if (!everyWord) continue;
      const snippet = makeSnippet(body.text, first) || article.excerpt || '';
      scored.push({ hit: { article, snippet }, titleWords, matches });
    }
    return scored
      .sort((a, b) => b.titleWords - a.titleWords || b.matches - a.matches || newestFirst(a.hit.article, b.hit.article))
      .map((s) => s.hit);
  }

  /** Records the text of a newly saved article. */
  setText(id: string, text: string): void {
    this.#texts.set(id, { text, folded: foldText(text) });
  }

  remove(id: string): void {
    this.#texts.delete(id);
  }

  async #load(articles: ArticleMeta[]): Promise<void> {
    const missing = articles.filter((a) => !this.#texts.has(a.id)).map((a) => a.id);
    const next = async (): Promise<void> => {
      for (let id = missing.shift(); id !== undefined; id = missing.shift()) {
        // An article whose text file is missing is still found by its title.
        this.setText(id, await this.source.readText(id).catch(() => ''));
      }
    };
    await Promise.all(Array.from({ length: Math.min(LOAD_CONCURRENCY, missing.length) }, next));
  }
}

function count(haystack: string, needle: string, from = haystack.indexOf(needle)): number {
  let n = 0;
  for (let at = from; at >= 0 && n < MAX_COUNTED; at = haystack.indexOf(needle, at + needle.length)) n += 1;
  return n;
}
