/**
 * Highlights are not kept in memory: the index holds a summary of each article's, and the whole
 * highlights are read from the article's meta.json (or, when that is missing or behind, from
 * library.json). These tests open libraries in today's format and check nothing is lost or changed.
 */
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Highlight, NewHighlight } from '@shared/model';
import { LibraryStore } from '../../../electron/core/library/library-store';
import { saveSample, tempLibraryDir } from './sample-article';

let dir: string;
const open: LibraryStore[] = [];
const openStore = async () => {
  const store = await LibraryStore.open(dir);
  open.push(store);
  return store;
};
const closeStore = async (store: LibraryStore) => {
  open.splice(open.indexOf(store), 1);
  await store.close();
};
const indexText = () => readFile(join(dir, 'library.json'), 'utf8');
const snapshotHighlights = async (): Promise<Highlight[]> =>
  (JSON.parse(await indexText()) as { highlights: Highlight[] }).highlights;

beforeEach(async () => {
  dir = await tempLibraryDir();
});
afterEach(async () => {
  for (const store of open.splice(0)) await store.close();
  await rm(dir, { recursive: true, force: true });
});

const highlightOn = (articleId: string, start: number, note = ''): NewHighlight => ({
  articleId,
  quote: { type: 'TextQuoteSelector', exact: 'Body', prefix: '', suffix: '' },
  position: { type: 'TextPositionSelector', start, end: start + 4 },
  color: 'yellow',
  note,
});

/** Three articles, two with highlights, folded into library.json. */
async function closedLibrary() {
  const store = await openStore();
  const a = (await saveSample(store, { url: 'https://example.com/a', title: 'Alpha' })).article;
  const b = (await saveSample(store, { url: 'https://example.com/b', title: 'Beta' })).article;
  const c = (await saveSample(store, { url: 'https://example.com/c', title: 'Gamma' })).article;
  const a2 = await store.addHighlight(highlightOn(a.id, 5, 'second'));
  const a1 = await store.addHighlight(highlightOn(a.id, 0, 'first'));
  const b1 = await store.addHighlight(highlightOn(b.id, 0));
  await closeStore(store);
  return { a, b, c, a1, a2, b1 };
}

describe('highlights kept on disk', () => {
  it('reads each article’s highlights, in text order, and keeps untouched ones through a compaction', async () => {
    const { a, b, c, a1, a2, b1 } = await closedLibrary();
    const before = await indexText();
    const store = await openStore();
    expect((await store.highlightsOf(a.id)).map((h) => h.id)).toEqual([a1.id, a2.id]);
    expect(await store.highlightsOf(c.id)).toEqual([]);
    expect(store.getArticle(a.id).highlightCount).toBe(2);
    expect(store.hasNotes(a.id)).toBe(true);
    expect(store.hasNotes(b.id)).toBe(false);
    // Changing one article's highlights leaves the others as library.json had them.
    await store.updateHighlight(b1.id, { note: 'now with a note' });
    const added = await store.addHighlight(highlightOn(c.id, 2));
    await closeStore(store);
    const after = await snapshotHighlights();
    expect(after.map((h) => h.id).sort()).toEqual([a1.id, a2.id, b1.id, added.id].sort());
    expect(after.find((h) => h.id === b1.id)?.note).toBe('now with a note');
    const untouched = (JSON.parse(before) as { highlights: Highlight[] }).highlights.filter(
      (h) => h.articleId === a.id,
    );
    expect(after.filter((h) => h.articleId === a.id)).toEqual(untouched);
    // And the next open reads them back as they were.
    const again = await openStore();
    expect((await again.highlightsOf(b.id))[0].note).toBe('now with a note');
    expect((await again.highlightsOf(c.id)).map((h) => h.id)).toEqual([added.id]);
  });

  it('reads the highlights from library.json when an article’s meta.json is lost or behind, and rewrites it', async () => {
    const { a, b, a1, a2, b1 } = await closedLibrary();
    const metaOfA = join(dir, 'articles', a.id, 'meta.json');
    await rm(metaOfA);
    const metaOfB = join(dir, 'articles', b.id, 'meta.json');
    const record = JSON.parse(await readFile(metaOfB, 'utf8')) as { highlights: Highlight[] };
    await writeFile(metaOfB, JSON.stringify({ ...record, highlights: [] }));
    const store = await openStore();
    await store.recordsChecked;
    expect((await store.highlightsOf(a.id)).map((h) => h.id)).toEqual([a1.id, a2.id]);
    expect((await store.highlightsOf(b.id)).map((h) => h.id)).toEqual([b1.id]);
    await store.deleteHighlight(a2.id);
    await closeStore(store);
    const stored = JSON.parse(await readFile(metaOfB, 'utf8')) as { highlights: Highlight[] };
    expect(stored.highlights.map((h) => h.id)).toEqual([b1.id]);
    expect((await snapshotHighlights()).map((h) => h.id).sort()).toEqual([a1.id, b1.id].sort());
  });

  it('opens a library.json written whole (not one entry a line) with its highlights, and rewrites it one a line', async () => {
    const { a, a1, a2, b1 } = await closedLibrary();
    await writeFile(join(dir, 'library.json'), JSON.stringify(JSON.parse(await indexText()), null, 2));
    await rm(join(dir, 'first-page.json'), { force: true });
    const store = await openStore();
    expect((await store.highlightsOf(a.id)).map((h) => h.id)).toEqual([a1.id, a2.id]);
    await store.compact();
    await closeStore(store);
    const text = await indexText();
    expect(text.split('\n').length).toBeGreaterThan(6);
    expect((await snapshotHighlights()).map((h) => h.id).sort()).toEqual([a1.id, a2.id, b1.id].sort());
  });

  it('replays highlight changes from the journal after a crash, over highlights it did not keep', async () => {
    const { a, b, a1, a2, b1 } = await closedLibrary();
    const store = await openStore();
    await store.deleteHighlight(a1.id);
    const added = await store.addHighlight(highlightOn(b.id, 9, 'late'));
    // A crash: the journal holds the changes, library.json does not; meta.json of a is put back as it was.
    open.splice(open.indexOf(store), 1);
    await rm(join(dir, '.lock'), { force: true });
    const { releaseLockForTests } = await import('./release-lock');
    releaseLockForTests(dir);
    const again = await openStore();
    expect((await again.highlightsOf(a.id)).map((h) => h.id)).toEqual([a2.id]);
    expect((await again.highlightsOf(b.id)).map((h) => h.id)).toEqual([b1.id, added.id]);
    await closeStore(again);
    expect((await snapshotHighlights()).map((h) => h.id).sort()).toEqual([a2.id, b1.id, added.id].sort());
  });
});
