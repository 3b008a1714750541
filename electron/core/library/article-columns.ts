/**
 * What search filters ask of every article, one typed array per question, by slot (the article's
 * place in the library's list). Reading an article object's fields costs far more than an array
 * read (articles come in several shapes), and a filter alone runs over all 100,000 of them.
 * Hosts, site names and languages are numbered as they are first seen, so a filter is decided once
 * per distinct value rather than once per article.
 */
import type { ArticleMeta } from '@shared/model';
import { hostOf } from '@shared/url/host-of';
import { isRead } from './list-articles';

export const DELETED = 1;
export const ARCHIVED = 2;
export const FAVOURITE = 4;
export const READ = 8;
export const HIGHLIGHTED = 16;

/** Distinct strings, numbered in the order they were first seen. */
class Names {
  readonly list: string[] = [];
  readonly #numbers = new Map<string, number>();

  numberOf(name: string): number {
    let number = this.#numbers.get(name);
    if (number === undefined) {
      number = this.list.length;
      this.list.push(name);
      this.#numbers.set(name, number);
    }
    return number;
  }
}

export class ArticleColumns {
  /** DELETED | ARCHIVED | FAVOURITE | READ | HIGHLIGHTED. */
  flags = new Uint8Array(0);
  /** Numbers in hostNames: hostOf(url). */
  hosts = new Int32Array(0);
  /** Numbers in siteNames: the site name lower-cased ('' for none). */
  siteNames = new Int32Array(0);
  /** Numbers in langs: the language as stored ('' for none). */
  langs = new Int32Array(0);
  readonly hostNames = new Names();
  readonly siteNameKeys = new Names();
  readonly langKeys = new Names();
  #length = 0;

  get length(): number {
    return this.#length;
  }

  /** Fills the columns for every article of `list`, in its slots. */
  static of(list: readonly ArticleMeta[]): ArticleColumns {
    const columns = new ArticleColumns();
    columns.#grow(list.length);
    for (let slot = 0; slot < list.length; slot++) columns.set(slot, list[slot]);
    columns.#length = list.length;
    return columns;
  }

  /** The article in `slot` changed, or was added at the end (slot === length). */
  set(slot: number, article: ArticleMeta): void {
    if (slot >= this.#length) {
      this.#grow(slot + 1);
      this.#length = slot + 1;
    }
    this.flags[slot] = flagsOf(article);
    this.hosts[slot] = this.hostNames.numberOf(hostOf(article.url));
    this.siteNames[slot] = this.siteNameKeys.numberOf((article.siteName ?? '').toLowerCase());
    this.langs[slot] = this.langKeys.numberOf(article.lang ?? '');
  }

  /** Only what can change in place (reading progress, highlights) changed. */
  setFlags(slot: number, article: ArticleMeta): void {
    if (slot < this.#length) this.flags[slot] = flagsOf(article);
  }

  #grow(length: number): void {
    if (length <= this.flags.length) return;
    const size = Math.max(length, Math.ceil(this.flags.length * 1.25));
    const grown = <T extends Uint8Array | Int32Array>(array: T, make: (n: number) => T): T => {
      const next = make(size);
      next.set(array);
      return next;
    };
    this.flags = grown(this.flags, (n) => new Uint8Array(n));
    this.hosts = grown(this.hosts, (n) => new Int32Array(n));
    this.siteNames = grown(this.siteNames, (n) => new Int32Array(n));
    this.langs = grown(this.langs, (n) => new Int32Array(n));
  }
}

function flagsOf(a: ArticleMeta): number {
  return (
    (a.deletedAt ? DELETED : 0) |
    (a.archived ? ARCHIVED : 0) |
    (a.favourite ? FAVOURITE : 0) |
    (isRead(a) ? READ : 0) |
    (a.highlightCount > 0 ? HIGHLIGHTED : 0)
  );
}
