import { describe, expect, it } from 'vitest';
import type { ArticleMeta } from '@shared/model';
import { listArticles } from '../../../electron/core/library/list-articles';
import { cleanTag, countTags, spellingOf, withTag, withoutTag } from '../../../electron/core/library/tags';
import { sampleMeta } from './sample-meta';

const meta = sampleMeta;

describe('tags', () => {
  it('trims and collapses white space, refusing empty or overlong tags', () => {
    expect(cleanTag('  long   reads ')).toBe('long reads');
    expect(() => cleanTag('   ')).toThrow(/cannot be empty/);
    expect(() => cleanTag('x'.repeat(101))).toThrow(/at most 100/);
  });

  it('adds a tag once, whatever its case, keeping the user’s spelling', () => {
    expect(withTag([], ' TypeScript ')).toEqual(['TypeScript']);
    expect(withTag(['TypeScript'], 'typescript')).toEqual(['TypeScript']);
  });

  it('reuses the spelling a tag already has elsewhere in the library', () => {
    const library = [meta('a', { tags: ['JavaScript'] })];
    expect(withTag(['News'], 'javascript', (t) => spellingOf(t, library))).toEqual(['News', 'JavaScript']);
  });

  it('removes a tag case-insensitively', () => {
    expect(withoutTag(['News', 'Long Reads'], 'long  READS ')).toEqual(['News']);
    expect(withoutTag(['News'], 'other')).toEqual(['News']);
  });

  it('counts tags across articles, case-insensitively, alphabetically', () => {
    const counts = countTags([meta('a', { tags: ['news', 'Art'] }), meta('b', { tags: ['News'] }), meta('c')]);
    expect(counts).toEqual([
      { name: 'Art', count: 1 },
      { name: 'news', count: 2 },
    ]);
  });
});

describe('listArticles', () => {
  const articles = [
    meta('old', { savedAt: '2024-01-01T00:00:00.000Z', tags: ['News'] }),
    meta('new', { savedAt: '2024-03-01T00:00:00.000Z', favourite: true }),
    meta('done', { savedAt: '2024-02-01T00:00:00.000Z', archived: true, favourite: true, tags: ['news'] }),
  ];
  const ids = (view: ArticleMeta[]) => view.map((a) => a.id);

  it('shows each view newest saved first', () => {
    expect(ids(listArticles(articles, { view: 'inbox' }))).toEqual(['new', 'old']);
    expect(ids(listArticles(articles, { view: 'archive' }))).toEqual(['done']);
    expect(ids(listArticles(articles, { view: 'favourites' }))).toEqual(['new', 'done']);
    expect(ids(listArticles(articles, { view: 'all' }))).toEqual(['new', 'done', 'old']);
  });

  it('filters by tag case-insensitively', () => {
    expect(ids(listArticles(articles, { view: 'all', tag: 'NEWS' }))).toEqual(['done', 'old']);
    expect(ids(listArticles(articles, { view: 'inbox', tag: 'news' }))).toEqual(['old']);
    expect(ids(listArticles(articles, { view: 'all', tag: 'missing' }))).toEqual([]);
  });
  it('sorts by the moment published, whatever offset each page stated it at; undated last', () => {
    const dated = [
      meta('tokyo', { publishedTime: '2025-06-26T08:00:00.000+09:00' }), // 23:00 UTC on the 25th
      meta('undated'),
      meta('newyork', { publishedTime: '2025-06-25T20:57:54.000-04:00' }), // 00:57 UTC on the 26th
      meta('utc', { publishedTime: '2025-06-25T12:00:00.000Z' }),
    ];
    const newest = { view: 'all', sort: { field: 'published', direction: 'desc' } } as const;
    expect(ids(listArticles(dated, newest))).toEqual(['newyork', 'tokyo', 'utc', 'undated']);
    expect(ids(listArticles(dated, { ...newest, sort: { field: 'published', direction: 'asc' } }))).toEqual([
      'undated',
      'utc',
      'tokyo',
      'newyork',
    ]);
  });
});
