/**
 * What the store keeps beside its articles so that a tag write or a search filter need not read
 * every article: tag spellings and members, each article's slot, and the filters' per-slot arrays.
 * Each must say what reading the articles themselves would say, after every kind of change.
 */
import { rm } from 'node:fs/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ArticleMeta } from '@shared/model';
import { FINISHED_AT_PROGRESS } from '@shared/reading/finished';
import { hostOf } from '@shared/url/host-of';
import { ARCHIVED, DELETED, FAVOURITE, HIGHLIGHTED, READ } from '../../../electron/core/library/article-columns';
import { LibraryStore } from '../../../electron/core/library/library-store';
import { hasTag, spellingOf } from '../../../electron/core/library/tags';
import { saveSample, tempLibraryDir } from './sample-article';

let dir: string;
const stores: LibraryStore[] = [];
const openStore = async () => {
  const store = await LibraryStore.open(dir);
  stores.push(store);
  return store;
};

beforeEach(async () => {
  dir = await tempLibraryDir();
});
afterEach(async () => {
  for (const store of stores.splice(0)) await store.close();
  await rm(dir, { recursive: true, force: true });
});

/** Everything the views say, checked against the articles themselves. */
function expectViewsToAgree(store: LibraryStore): void {
  const list = store.liveArticles();
  const columns = store.articleColumns();
  expect(columns.length).toBe(list.length);
  list.forEach((article: ArticleMeta, slot) => {
    expect(store.slotOf(article.id)).toBe(slot);
    expect(store.peekArticle(article.id)).toBe(article);
    const flags =
      (article.deletedAt ? DELETED : 0) |
      (article.archived ? ARCHIVED : 0) |
      (article.favourite ? FAVOURITE : 0) |
      (article.readAt ? READ : 0) |
      (article.highlightCount > 0 ? HIGHLIGHTED : 0);
    expect(columns.flags[slot], article.title).toBe(flags);
    expect(columns.hostNames.list[columns.hosts[slot]]).toBe(hostOf(article.url));
    expect(columns.siteNameKeys.list[columns.siteNames[slot]]).toBe((article.siteName ?? '').toLowerCase());
    expect(columns.langKeys.list[columns.langs[slot]]).toBe(article.lang ?? '');
  });
  for (const tag of new Set(list.flatMap((a) => a.tags))) {
    const carrying = list.filter((a) => hasTag(a.tags, tag)).map((a) => a.id);
    expect([...store.articlesTagged(tag.toUpperCase())].sort()).toEqual(carrying.sort());
    expect(store.tagSpelling(` ${tag.toLowerCase()} `)).toBe(spellingOf(tag, list));
  }
}

describe('the views the store keeps of its articles', () => {
  it('follow every kind of change, and come back the same on reopening', async () => {
    let store = await openStore();
    const saved = [];
    for (let i = 0; i < 5; i++) {
      saved.push(
        (
          await saveSample(store, {
            url: `https://www.site${i % 2}.test/${i}`,
            title: `Article ${i}`,
            siteName: i === 0 ? 'The Site' : null,
            lang: i === 1 ? 'fr-CA' : 'en',
          })
        ).article,
      );
    }
    const [a, b, c, d, e] = saved;
    store.articleColumns(); // built now, so every change below must keep it in step
    expectViewsToAgree(store);

    await store.updateArticle(a.id, () => ({ archived: true, favourite: true, tags: ['News'] }));
    await store.updateArticle(b.id, () => ({ tags: ['news', 'Long Reads'] }));
    await store.updateArticle(c.id, () => ({ deletedAt: new Date().toISOString() }));
    store.setProgress(d.id, FINISHED_AT_PROGRESS);
    const highlight = await store.addHighlight({
      articleId: e.id,
      quote: { type: 'TextQuoteSelector', exact: 'Body', prefix: '', suffix: ' text' },
      position: { type: 'TextPositionSelector', start: 0, end: 4 },
      color: 'yellow',
      note: 'why',
    });
    expectViewsToAgree(store);
    // Spelled two ways: the first article carrying it decides, as a scan of the library would.
    expect(store.tagSpelling('NEWS')).toBe('News');

    const epoch = store.slotEpoch;
    await store.purgeArticles([c.id]);
    expect(store.slotEpoch).not.toBe(epoch);
    await store.updateArticle(a.id, () => ({ tags: [] }));
    expect(store.tagSpelling('NEWS')).toBe('news');
    await store.updateArticle(b.id, () => ({ tags: ['Long Reads'] }));
    expect(store.tagSpelling('NEWS')).toBe('NEWS');
    expect(store.articlesTagged('news').size).toBe(0);
    await store.deleteHighlight(highlight.id);
    await store.flushProgress();
    const f = (await saveSample(store, { url: 'https://other.test/f', title: 'Added late', lang: null })).article;
    await store.updateArticle(f.id, () => ({ tags: ['Late'] }));
    expectViewsToAgree(store);

    await store.close();
    store = await openStore();
    expectViewsToAgree(store);
    expect(store.peekArticle(d.id)?.readAt).toBeTruthy();
  });
});
