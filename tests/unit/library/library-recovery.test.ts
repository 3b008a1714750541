import { existsSync } from 'node:fs';
import { appendFile, mkdir, readdir, readFile, rm, truncate, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TRASH_RETENTION_DAYS, TRASH_RETENTION_TEXT } from '@shared/library/trash';
import type { NewHighlight } from '@shared/model';
import { LibraryStore, type StoreOptions } from '../../../electron/core/library/library-store';
import { SCHEMA_VERSION } from '../../../electron/core/library/library-index';
import { CURRENT_SCHEMA, planMigrations, type Migration } from '../../../electron/core/library/migrations';
import { saveSample, tempLibraryDir } from './sample-article';

let dir: string;
const open: LibraryStore[] = [];
const openStore = async (options: StoreOptions = {}) => {
  const store = await LibraryStore.open(dir, options);
  open.push(store);
  return store;
};
const readJson = async (...path: string[]) => JSON.parse(await readFile(join(dir, ...path), 'utf8'));

beforeEach(async () => {
  dir = await tempLibraryDir();
});
afterEach(async () => {
  for (const store of open.splice(0)) await store.close();
  await rm(dir, { recursive: true, force: true });
});

const highlightFor = (articleId: string, note = ''): NewHighlight => ({
  articleId,
  quote: { type: 'TextQuoteSelector', exact: 'Body', prefix: '', suffix: ' text' },
  position: { type: 'TextPositionSelector', start: 0, end: 4 },
  color: 'green',
  note,
});

/** A library with two closed snapshots (so one backup), then more changes left in the journal only. */
async function libraryWithHistory() {
  const store = await openStore();
  const a = (await saveSample(store, { url: 'https://example.com/a', title: 'Alpha' })).article;
  await store.close();
  const again = await openStore();
  const b = (await saveSample(again, { url: 'https://example.com/b', title: 'Beta' })).article;
  await again.updateArticle(a.id, () => ({ tags: ['Kept'], archived: true }));
  const highlight = await again.addHighlight(highlightFor(b.id, 'a note'));
  await again.close();
  const third = await openStore();
  const c = (await saveSample(third, { url: 'https://example.com/c', title: 'Gamma' })).article;
  await third.updateArticle(b.id, () => ({ favourite: true }));
  // Simulate a crash: the journal holds the last changes, library.json does not.
  await simulateCrash(third);
  return { a, b, c, highlight };
}

/** Drops a store without closing it (no compaction), as a killed process would, and frees its lock. */
async function simulateCrash(store: LibraryStore) {
  open.splice(open.indexOf(store), 1);
  await rm(join(dir, '.lock'), { force: true });
  // Make the in-memory lock bookkeeping forget it too: close() compacts, so close a throwaway copy instead.
  (store as unknown as { close(): Promise<void> }).close = async () => undefined;
  const { releaseLockForTests } = await import('./release-lock');
  releaseLockForTests(dir);
}

async function expectFullHistory(
  store: LibraryStore,
  ids: { a: { id: string }; b: { id: string }; c: { id: string } },
) {
  expect(store.getArticle(ids.a.id)).toMatchObject({ title: 'Alpha', tags: ['Kept'], archived: true });
  expect(store.getArticle(ids.b.id)).toMatchObject({ title: 'Beta', favourite: true, highlightCount: 1 });
  expect((await store.highlightsOf(ids.b.id))[0]).toMatchObject({ note: 'a note', color: 'green' });
  expect(store.getArticle(ids.c.id).title).toBe('Gamma');
  expect(store.articles()).toHaveLength(3);
}

describe('journal', () => {
  it('acknowledges a change once it is in library.journal, replays it on open, and folds it in on close', async () => {
    const ids = await libraryWithHistory();
    expect((await readJson('library.json')).articles).toHaveLength(2); // Gamma is only in the journal
    const store = await openStore();
    await expectFullHistory(store, ids);
    expect(store.notices).toEqual([]);
    await store.close();
    const index = await readJson('library.json');
    expect(index.articles).toHaveLength(3);
    // Emptied down to its first line, which names it and the change it goes on from (as library.json records).
    const journal = (await readFile(join(dir, 'library.journal'), 'utf8')).trim().split('\n');
    expect(journal.map((line) => JSON.parse(line))).toEqual([
      { journal: index.journal.id, seq: index.journal.seq, ops: [] },
    ]);
  });

  it('discards a torn last line (a write that was never acknowledged)', async () => {
    const ids = await libraryWithHistory();
    await appendFile(join(dir, 'library.journal'), '{"ops":[{"op":"put-article","article":{"id":"x');
    const store = await openStore();
    await expectFullHistory(store, ids);
    expect((await readFile(join(dir, 'library.journal'), 'utf8')).endsWith('\n')).toBe(true);
  });

  it('keeps each article’s own meta.json up to date, highlights included', async () => {
    const { b } = await libraryWithHistory();
    const record = await readJson('articles', b.id, 'meta.json');
    expect(record.article).toMatchObject({ id: b.id, title: 'Beta', favourite: true });
    expect(record.highlights).toHaveLength(1);
  });

  it('keeps the last three snapshots as rotating backups', async () => {
    for (let i = 0; i < 5; i++) {
      const store = await openStore();
      await saveSample(store, { url: `https://example.com/${i}` });
      await store.close();
    }
    const backups = (await readdir(join(dir, 'backups'))).filter((n) => n.startsWith('library-'));
    expect(backups).toHaveLength(3);
    const newest = JSON.parse(await readFile(join(dir, 'backups', backups.sort().at(-1)!), 'utf8'));
    expect(newest.articles).toHaveLength(4);
  });
});

describe('a journal that does not go on from library.json', () => {
  it('notices a missing library.journal and recovers the changes since the snapshot from the article folders', async () => {
    const ids = await libraryWithHistory();
    await rm(join(dir, 'library.journal'));
    const store = await openStore();
    await expectFullHistory(store, ids);
    expect(store.notices).toHaveLength(1);
    expect(store.notices[0]).toMatch(/change journal library\.journal was missing.*recovered from the article folders/);
    await store.close();
    // Repaired for good: the next open is quiet and complete.
    const again = await openStore();
    await expectFullHistory(again, ids);
    expect(again.notices.join(' ')).toBe('');
  });

  it('notices changes missing from the start of library.journal', async () => {
    const ids = await libraryWithHistory();
    const [header, , ...rest] = (await readFile(join(dir, 'library.journal'), 'utf8')).split('\n');
    await writeFile(join(dir, 'library.journal'), [header, ...rest].join('\n'));
    const store = await openStore();
    await expectFullHistory(store, ids);
    expect(store.notices[0]).toMatch(/library\.journal is missing changes/);
  });

  it('reports a damaged meta.json and rewrites it from the index', async () => {
    const ids = await libraryWithHistory();
    await (await openStore()).close();
    await writeFile(join(dir, 'articles', ids.a.id, 'meta.json'), '{"article": {"id": "trunc');
    const store = await openStore();
    await expectFullHistory(store, ids);
    await store.recordsChecked;
    expect(store.notices).toHaveLength(1);
    expect(store.notices[0]).toMatch(/meta\.json.*1 article.*damaged.*rewritten from the index: “Alpha”/);
    const record = await readJson('articles', ids.a.id, 'meta.json');
    expect(record.article).toMatchObject({ id: ids.a.id, title: 'Alpha', tags: ['Kept'], archived: true });
  });
});

describe('recovery of a damaged library.json', () => {
  for (const [name, damage] of [
    ['truncated', (path: string) => truncate(path, 25)],
    ['emptied', (path: string) => writeFile(path, '')],
    ['filled with garbage', (path: string) => writeFile(path, '\u0000\u0013garbage{{{')],
    [
      'of the wrong shape',
      (path: string) => writeFile(path, '{"schemaVersion":2,"articles":[{"title":"x"}],"highlights":[]}'),
    ],
  ] as const) {
    it(`restores a library.json ${name} from the newest backup, the journal and the folders, and says so`, async () => {
      const ids = await libraryWithHistory();
      await damage(join(dir, 'library.json'));
      const store = await openStore();
      await expectFullHistory(store, ids);
      expect(store.notices).toHaveLength(1);
      expect(store.notices[0]).toMatch(
        /library\.json was damaged .*set aside as library\.json\.corrupt-.*restored from the backup/,
      );
      const names = await readdir(dir);
      expect(names.some((n) => n.startsWith('library.json.corrupt-'))).toBe(true); // never deleted
      expect((await readJson('library.json')).articles).toHaveLength(3); // a good index again
    });
  }

  it('rebuilds the index from the article folders when there is no good backup', async () => {
    const ids = await libraryWithHistory();
    await rm(join(dir, 'backups'), { recursive: true });
    await writeFile(join(dir, 'library.json'), 'garbage');
    await writeFile(join(dir, 'library.journal'), '');
    const store = await openStore();
    await expectFullHistory(store, ids);
    expect(store.notices[0]).toMatch(
      /No good backup was found, so the index was rebuilt from the article folders: 3 article/,
    );
  });

  it('rebuilds a missing library.json, and takes in a folder without meta.json by its text', async () => {
    const ids = await libraryWithHistory();
    await rm(join(dir, 'library.json'));
    await rm(join(dir, 'backups'), { recursive: true });
    await mkdir(join(dir, 'articles', 'bare12345678'));
    await writeFile(join(dir, 'articles', 'bare12345678', 'text.txt'), 'A title line\n\nBody.');
    const store = await openStore();
    expect(store.getArticle(ids.a.id).tags).toEqual(['Kept']);
    expect(store.getArticle(ids.b.id)).toMatchObject({ favourite: true, highlightCount: 1 });
    expect(store.getArticle(ids.c.id).title).toBe('Gamma');
    expect(store.getArticle('bare12345678').title).toBe('A title line');
    expect(store.notices[0]).toMatch(/was missing/);
  });

  it('refuses a library written by a newer format without touching it', async () => {
    await writeFile(
      join(dir, 'library.json'),
      JSON.stringify({ schemaVersion: 99, articles: [], highlights: [], settings: {} }),
    );
    await expect(LibraryStore.open(dir)).rejects.toMatchObject({ code: 'library-too-new' });
    expect((await readJson('library.json')).schemaVersion).toBe(99);
    await openStore({ schema: { version: 99, migrations: [] } }); // and the lock was released
  });
});

describe('sweeping after a crash', () => {
  it('takes in a fully written article folder whose save was never journaled, and removes a trashed one', async () => {
    const store = await openStore();
    const kept = (await saveSample(store, { url: 'https://example.com/kept' })).article;
    await store.close();
    const landed = { ...kept, id: 'landed123456', url: 'https://example.com/landed', title: 'Landed' };
    await mkdir(join(dir, 'articles', landed.id));
    await writeFile(join(dir, 'articles', landed.id, 'meta.json'), JSON.stringify({ article: landed, highlights: [] }));
    const purged = { ...landed, id: 'purged123456', deletedAt: new Date().toISOString() };
    await mkdir(join(dir, 'articles', purged.id));
    await writeFile(join(dir, 'articles', purged.id, 'meta.json'), JSON.stringify({ article: purged, highlights: [] }));

    const again = await openStore();
    expect(again.getArticle(landed.id).title).toBe('Landed');
    expect(existsSync(join(dir, 'articles', purged.id))).toBe(false);
  });
});

describe('trash', () => {
  it(`empties articles trashed more than ${TRASH_RETENTION_TEXT} ago when the library opens, files included`, async () => {
    const day = 24 * 60 * 60 * 1000;
    const opened = Date.parse('2020-03-01T00:00:00.000Z');
    const daysBefore = (days: number) => new Date(opened - days * day).toISOString();
    const store = await openStore();
    const old = (await saveSample(store, { url: 'https://example.com/old' })).article;
    const recent = (await saveSample(store, { url: 'https://example.com/recent' })).article;
    await store.updateArticle(old.id, () => ({ deletedAt: daysBefore(TRASH_RETENTION_DAYS + 1) }));
    await store.updateArticle(recent.id, () => ({ deletedAt: daysBefore(TRASH_RETENTION_DAYS - 1) }));
    await store.close();

    const later = await openStore({ now: () => new Date(opened) });
    expect(later.hasArticle(old.id)).toBe(false);
    expect(existsSync(join(dir, 'articles', old.id))).toBe(false);
    expect(later.getArticle(recent.id).deletedAt).toBe(daysBefore(TRASH_RETENTION_DAYS - 1));
  });
});

describe('schema migrations', () => {
  const v1ToV2: Migration = {
    from: 1,
    to: 2,
    description: 'renames "settings.sortOrder" to "settings.sort"',
    async up(index) {
      const settings = { ...(index.settings as Record<string, unknown>) };
      settings.sort = settings.sortOrder;
      delete settings.sortOrder;
      return { ...index, settings };
    },
  };
  const v1Index = { schemaVersion: 1, articles: [], highlights: [], settings: { sortOrder: 'title' } };

  it('runs the migrations in order at open, after backing up the old index, and says so', async () => {
    await writeFile(join(dir, 'library.json'), JSON.stringify(v1Index));
    const store = await openStore({ schema: { version: 2, migrations: [v1ToV2] } });
    expect(store.settings()).toEqual({ sort: 'title' });
    expect(store.notices[0]).toMatch(/updated from format 1 to 2.*backups\/pre-migration-v1-/);
    const backup = (await readdir(join(dir, 'backups'))).find((n) => n.startsWith('pre-migration-v1-'))!;
    expect(JSON.parse(await readFile(join(dir, 'backups', backup), 'utf8'))).toEqual(v1Index);
    expect(await readJson('library.json')).toMatchObject({ schemaVersion: 2, settings: { sort: 'title' } });
  });

  it('refuses a format it has no way to migrate from', () => {
    expect(() => planMigrations(1, { version: 3, migrations: [v1ToV2] })).toThrow(
      /cannot update a library from format 2/,
    );
    expect(planMigrations(SCHEMA_VERSION, CURRENT_SCHEMA)).toEqual([]);
  });

  it('migrates a real v1 library (no meta.json files) to the current format', async () => {
    const store = await openStore();
    const { article } = await saveSample(store, { url: 'https://example.com/a', title: 'Old one' });
    await store.addHighlight(highlightFor(article.id));
    await store.close();
    const index = await readJson('library.json');
    await writeFile(join(dir, 'library.json'), JSON.stringify({ ...index, schemaVersion: 1 }));
    await rm(join(dir, 'articles', article.id, 'meta.json'));

    const again = await openStore();
    expect(again.getArticle(article.id)).toMatchObject({ title: 'Old one', highlightCount: 1 });
    expect((await readJson('articles', article.id, 'meta.json')).highlights).toHaveLength(1);
    expect((await readJson('library.json')).schemaVersion).toBe(SCHEMA_VERSION);
  });
});
