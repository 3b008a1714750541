/**
 * A new article's folder is put in place before its journal line, and a crash in between leaves a
 * folder the next open takes in. The first page written with the snapshot would not show it, so
 * first-page.json must be gone by the time such a folder appears (the crash test found the window
 * between them at random; here every folder put in place is checked).
 */
import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FIRST_PAGE_FILE } from '../../../electron/core/library/first-page';
import { LibraryStore } from '../../../electron/core/library/library-store';
import { sampleMeta } from './sample-meta';
import { saveSample, tempLibraryDir } from './sample-article';

/** For each folder made or moved straight into articles/: whether first-page.json was there then. */
const folderMoments = vi.hoisted(() => ({ dir: '', firstPageThere: [] as boolean[] }));

vi.mock('node:fs/promises', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:fs/promises')>();
  const { existsSync: exists } = await import('node:fs');
  const { dirname: parent, join: joined } = await import('node:path');
  const note = (path: string) => {
    if (folderMoments.dir && parent(path) === joined(folderMoments.dir, 'articles'))
      folderMoments.firstPageThere.push(exists(joined(folderMoments.dir, 'first-page.json')));
  };
  return {
    ...actual,
    rename: async (from: string, to: string) => {
      note(to);
      return actual.rename(from, to);
    },
    mkdir: async (path: string, options?: Parameters<typeof actual.mkdir>[1]) => {
      note(path);
      return actual.mkdir(path, options);
    },
  };
});

let dir: string;
beforeEach(async () => {
  dir = await tempLibraryDir();
  folderMoments.dir = dir;
  folderMoments.firstPageThere = [];
});
afterEach(async () => {
  folderMoments.dir = '';
  await rm(dir, { recursive: true, force: true });
});

/** A library closed after a change: its snapshot and first-page.json written, its journal empty. */
async function closedLibrary(): Promise<LibraryStore> {
  const store = await LibraryStore.open(dir);
  await saveSample(store, { url: 'https://a.test/first', title: 'First' });
  await store.close();
  expect(existsSync(join(dir, FIRST_PAGE_FILE))).toBe(true);
  folderMoments.firstPageThere = [];
  return LibraryStore.open(dir);
}

describe('first-page.json and new article folders', () => {
  it('is gone before a saved article’s folder is put in place', async () => {
    const store = await closedLibrary();
    await saveSample(store, { url: 'https://a.test/second', title: 'Second' });
    expect(folderMoments.firstPageThere).toEqual([false]);
    await store.close();
    // Rewritten with the next snapshot.
    expect(existsSync(join(dir, FIRST_PAGE_FILE))).toBe(true);
  });

  it('is gone before an import writes its articles’ folders', async () => {
    const store = await closedLibrary();
    const article = sampleMeta('b1', { title: 'Imported' });
    await store.commitBatch({ created: [{ article, content: { html: '<p>x</p>', text: 'x', images: new Map() } }] });
    expect(folderMoments.firstPageThere.length).toBeGreaterThan(0);
    expect(folderMoments.firstPageThere.every((there) => !there)).toBe(true);
    await store.close();
  });
});
