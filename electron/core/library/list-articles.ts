import type { ArticleMeta, LibraryView, ListFilters, ListPage, ListQuery, ListSort, SortField } from '@shared/model';
import { hostOf } from '@shared/url/host-of';
import { hasTag } from './tags';

const notDeleted = (a: ArticleMeta): boolean => !a.deletedAt;

export const inView: Record<LibraryView, (a: ArticleMeta) => boolean> = {
  inbox: (a) => !a.archived && notDeleted(a),
  archive: (a) => a.archived && notDeleted(a),
  favourites: (a) => a.favourite && notDeleted(a),
  all: notDeleted,
  clipped: (a) => a.highlightCount > 0 && notDeleted(a),
  trash: (a) => !notDeleted(a),
};

export const DEFAULT_SORT: ListSort = { field: 'saved', direction: 'desc' };

export const isRead = (a: ArticleMeta): boolean => Boolean(a.readAt);

/** Whether an article passes every filter given. */
export function matchesFilters(filters: ListFilters): (a: ArticleMeta) => boolean {
  const tag = filters.tag?.trim();
  const site = filters.site
    ?.trim()
    .toLowerCase()
    .replace(/^www\./, '');
  const lang = filters.lang?.trim().toLowerCase();
  return (a) =>
    (!tag || hasTag(a.tags, tag)) &&
    (!site || siteMatches(a, site)) &&
    (!lang || langMatches(a.lang, lang)) &&
    (!filters.readState || (filters.readState === 'read') === isRead(a));
}

export function siteMatches(a: ArticleMeta, site: string): boolean {
  const host = hostOf(a.url);
  return host === site || host.endsWith(`.${site}`) || (a.siteName ?? '').toLowerCase() === site;
}

export function langMatches(articleLang: string | null, lang: string): boolean {
  const own = articleLang ?? '';
  if (own === lang) return true;
  // A filter runs over every article: only a tag as long as `lang`, or with "-" right after it, can
  // match. (Lower-casing keeps the length of all but "İ", which becomes two characters.)
  if (own.length !== lang.length && own[lang.length] !== '-' && !own.includes('\u0130')) return false;
  const lower = own.toLowerCase();
  return lower === lang || lower.startsWith(`${lang}-`);
}

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

type Key = (a: ArticleMeta) => string | number;
const keys: Record<SortField, Key> = {
  saved: (a) => a.savedAt,
  published: publishedInstant,
  title: (a) => a.title,
  site: (a) => a.siteName || hostOf(a.url),
  length: (a) => a.wordCount,
  progress: (a) => a.progress,
};

/** Pages state their time at their own UTC offset: compare instants, not strings. Undated articles sort as the oldest. */
function publishedInstant(a: ArticleMeta): number {
  const instant = a.publishedTime ? Date.parse(a.publishedTime) : NaN;
  return Number.isNaN(instant) ? -Infinity : instant;
}

const textual = (field: SortField) => field === 'title' || field === 'site';
const byValue = (x: string | number, y: string | number) => (x < y ? -1 : x > y ? 1 : 0);
const byCollation = (x: string | number, y: string | number) => collator.compare(x as string, y as string);

/** A comparator for `sort`; ties fall back to newest saved, then id, so the order never wobbles. */
export function compareBy(sort: ListSort = DEFAULT_SORT): (a: ArticleMeta, b: ArticleMeta) => number {
  const key = keys[sort.field];
  const sign = sort.direction === 'asc' ? 1 : -1;
  const primary = textual(sort.field) ? byCollation : byValue;
  return (a, b) => sign * primary(key(a), key(b)) || newestFirst(a, b) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** Every article of one view that passes the filters, in the order asked for (no paging). */
export function selectArticles(articles: readonly ArticleMeta[], query: ListQuery): ArticleMeta[] {
  const view = inView[query.view];
  const filter = matchesFilters(query);
  const selected = articles.filter((a) => view(a) && filter(a));
  const sort = query.sort;
  if (sort && (textual(sort.field) || sort.field === 'published')) {
    // Collating 20,000 titles, or parsing as many dates, is the costly part of sorting: compute each key once.
    const key = keys[sort.field];
    const sign = sort.direction === 'asc' ? 1 : -1;
    const primary = textual(sort.field) ? byCollation : byValue;
    const tie = compareBy(DEFAULT_SORT);
    return selected
      .map((a) => ({ a, k: key(a) }))
      .sort((x, y) => sign * primary(x.k, y.k) || tie(x.a, y.a))
      .map((x) => x.a);
  }
  return selected.sort(compareBy(sort));
}

/** One window of a selection. */
export function pageOf(selected: readonly ArticleMeta[], query: Pick<ListQuery, 'offset' | 'limit'>): ListPage {
  const offset = Math.min(query.offset ?? 0, selected.length);
  const end = query.limit === undefined ? selected.length : offset + query.limit;
  return { total: selected.length, offset, items: selected.slice(offset, end) };
}

/** The articles of one view, optionally filtered, sorted (default newest saved first) and paged. */
export function listArticles(articles: readonly ArticleMeta[], query: ListQuery): ArticleMeta[] {
  return pageOf(selectArticles(articles, query), query).items;
}

export function newestFirst(a: ArticleMeta, b: ArticleMeta): number {
  return a.savedAt < b.savedAt ? 1 : a.savedAt > b.savedAt ? -1 : 0;
}
