import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { OffprintError } from '@shared/ipc/envelope';
import type { ArticleMeta, NewHighlight } from '@shared/model';
import { FINISHED_AT_PROGRESS } from '@shared/reading/finished';
import { ARTICLE_CHANGE_FIELDS, LibraryStore, type ArticleChange } from '../../../electron/core/library/library-store';
import { SCHEMA_VERSION } from '../../../electron/core/library/library-index';
import { saveSample, tempLibraryDir } from './sample-article';

let root: string;
let dir: string;
const open: LibraryStore[] = [];
const openStore = async (options = {}) => {
  const store = await LibraryStore.open(dir, options);
  open.push(store);
  return store;
};
const readIndex = async () => JSON.parse(await readFile(join(dir, 'library.json'), 'utf8'));

beforeEach(async () => {
  root = await tempLibraryDir();
  dir = root;
});
afterEach(async () => {
  for (const store of open.splice(0)) await store.close();
  await rm(root, { recursive: true, force: true });
});

async function listAll(root: string): Promise<string[]> {
  return (await readdir(root, { recursive: true })).map(String);
}

const highlightFor = (articleId: string): NewHighlight => ({
  articleId,
  quote: { type: 'TextQuoteSelector', exact: 'Body', prefix: '', suffix: ' text' },
  position: { type: 'TextPositionSelector', start: 0, end: 4 },
  color: 'yellow',
  note: '',
});

describe('LibraryStore', () => {
  it('creates a fresh library with the current schemaVersion in a brand-new folder', async () => {
    dir = join(root, 'nested', 'library');
    await openStore();
    expect(await readIndex()).toEqual({
      schemaVersion: SCHEMA_VERSION,
      journal: { id: expect.stringMatching(/^[0-9a-f]{16}$/), seq: 0 },
      articles: [],
      highlights: [],
      settings: {},
    });
  });

  it('keeps articles, their files and their changes across reopening', async () => {
    const store = await openStore();
    const { article, image } = await saveSample(store, {
      url: 'https://example.com/a',
      title: 'First',
      textContent: 'Hello there.',
    });
    expect(article.id).toMatch(/^[A-Za-z0-9_-]{8,}$/);
    await store.updateArticle(article.id, () => ({ archived: true, tags: ['Go'] }));
    await store.close();

    const again = await openStore();
    expect(again.getArticle(article.id)).toMatchObject({ title: 'First', archived: true, tags: ['Go'], progress: 0 });
    expect(await again.readText(article.id)).toBe('Hello there.');
    expect(await again.readContent(article.id)).toContain('<p>Hello there.</p>');
    expect(existsSync(join(dir, 'articles', article.id, 'assets', image))).toBe(true);
    expect((await readIndex()).schemaVersion).toBe(SCHEMA_VERSION);
  });

  it('leaves no temporary files behind after writes, and no staging folder after a save', async () => {
    const store = await openStore();
    for (let i = 0; i < 5; i++) await saveSample(store, { url: `https://example.com/${i}` });
    const files = await listAll(dir);
    expect(files.filter((f) => f.endsWith('.tmp'))).toEqual([]);
    expect(await readdir(join(dir, '.staging'))).toEqual([]);
    // Acknowledged saves are journaled; library.json gets them when the journal is folded in.
    // (after the journal's first line, which names it)
    expect((await readFile(join(dir, 'library.journal'), 'utf8')).trim().split('\n')).toHaveLength(6);
    await store.close();
    expect((await readIndex()).articles).toHaveLength(5);
  });

  it('serializes concurrent changes so none is lost', async () => {
    const store = await openStore();
    const { article } = await saveSample(store, { url: 'https://example.com/a' });
    await Promise.all(
      ['one', 'two', 'three', 'four'].map((tag) =>
        store.updateArticle(article.id, (a) => ({ tags: [...a.tags, tag] })),
      ),
    );
    await store.close();
    expect((await readIndex()).articles[0].tags).toEqual(['one', 'two', 'three', 'four']);
  });

  it('stamps changes in strictly increasing time, even when the clock does not move', async () => {
    const store = await openStore({ now: () => new Date('2026-01-01T00:00:00.000Z') });
    const { article } = await saveSample(store, { url: 'https://example.com/a' });
    const first = await store.addHighlight(highlightFor(article.id));
    const second = await store.addHighlight(highlightFor(article.id));
    expect(first.createdAt < second.createdAt).toBe(true);
  });

  it('writes a change to each field an ArticleChange can carry, and skips one that changes nothing', async () => {
    // Typed exhaustively: a field added to ArticleChange does not compile until it has a value here.
    const changes: { [K in keyof Required<ArticleChange>]: Required<ArticleChange>[K] } = {
      archived: true,
      favourite: true,
      tags: ['kept'],
      deletedAt: '2026-02-01T00:00:00.000Z',
      readAt: '2026-02-02T00:00:00.000Z',
    };
    expect(Object.keys(ARTICLE_CHANGE_FIELDS).sort()).toEqual(Object.keys(changes).sort());
    const store = await openStore();
    const { article } = await saveSample(store, { url: 'https://example.com/a' });
    for (const [field, value] of Object.entries(changes)) {
      const [changed] = await store.updateMany([article.id], () => ({ [field]: value }));
      expect(changed, field).toBeDefined();
      expect((changed as unknown as Record<string, unknown>)[field], field).toEqual(value);
      expect(await store.updateMany([article.id], () => ({ [field]: value })), field).toEqual([]);
    }
    await store.close();
    const [stored] = (await readIndex()).articles;
    for (const [field, value] of Object.entries(changes))
      expect(stored[field as keyof ArticleMeta], field).toEqual(value);
  });

  it('drops a second capture of a page that was saved meanwhile', async () => {
    const store = await openStore();
    const first = await saveSample(store, { url: 'https://example.com/a' });
    const second = await saveSample(store, { url: 'https://example.com/a' });
    expect(second.existed).toBe(true);
    expect(second.article.id).toBe(first.article.id);
    expect(existsSync(second.staging.dir)).toBe(false);
    expect(store.articles()).toHaveLength(1);
  });

  it('on open, sweeps interrupted saves: staging leftovers, unindexed article folders, index temp file', async () => {
    const store = await openStore();
    const { article } = await saveSample(store, { url: 'https://example.com/kept' });
    await store.close();
    // What a crash can leave: a half-captured staging folder, a folder renamed into articles/
    // whose index entry was never written, and steno's temp file.
    await mkdir(join(dir, '.staging', 'halfdone1234', 'assets'), { recursive: true });
    await writeFile(join(dir, '.staging', 'halfdone1234', 'assets', 'x.png'), 'x');
    await mkdir(join(dir, 'articles', 'orphan123456', 'assets'), { recursive: true });
    await writeFile(join(dir, 'articles', 'orphan123456', 'content.html'), '<p>x</p>');
    await writeFile(join(dir, '.library.json.tmp'), '{"half');

    const again = await openStore();
    expect(existsSync(join(dir, '.staging', 'halfdone1234'))).toBe(false);
    expect(existsSync(join(dir, 'articles', 'orphan123456'))).toBe(false);
    expect(existsSync(join(dir, '.library.json.tmp'))).toBe(false);
    expect(again.getArticle(article.id).url).toBe('https://example.com/kept');
    expect(existsSync(join(dir, 'articles', article.id, 'content.html'))).toBe(true);
  });

  it('refuses a library written by a newer format', async () => {
    await writeFile(
      join(dir, 'library.json'),
      JSON.stringify({ schemaVersion: 99, articles: [], highlights: [], settings: {} }),
    );
    await expect(LibraryStore.open(dir)).rejects.toMatchObject({
      code: 'library-too-new',
    });
    expect(JSON.parse(await readFile(join(dir, 'library.json'), 'utf8')).schemaVersion).toBe(99);
  });

  it('lets one store at a time open a library', async () => {
    const store = await openStore();
    await expect(LibraryStore.open(dir)).rejects.toMatchObject({ code: 'library-busy' });
    await store.close();
    await openStore();
  });

  it('takes over a lock left by a process that no longer runs', async () => {
    await writeFile(join(dir, '.lock'), '999999999');
    await openStore();
    expect(JSON.parse(await readFile(join(dir, '.lock'), 'utf8'))).toMatchObject({ pid: process.pid });
  });

  it('reports a missing article as not-found', async () => {
    const store = await openStore();
    expect(() => store.getArticle('nope')).toThrow(OffprintError);
    await expect(store.updateArticle('nope', () => ({ archived: true }))).rejects.toMatchObject({ code: 'not-found' });
    await expect(store.readContent('nope')).rejects.toMatchObject({ code: 'not-found' });
  });

  it('reports a deleted content file clearly', async () => {
    const store = await openStore();
    const { article } = await saveSample(store, { url: 'https://example.com/a' });
    await rm(join(dir, 'articles', article.id, 'content.html'));
    await expect(store.readContent(article.id)).rejects.toMatchObject({ code: 'content-missing' });
  });

  it('keeps highlightCount equal to the article’s highlights', async () => {
    const store = await openStore();
    const { article } = await saveSample(store, { url: 'https://example.com/a' });
    const other = (await saveSample(store, { url: 'https://example.com/b' })).article;
    const h1 = await store.addHighlight(highlightFor(article.id));
    await store.addHighlight(highlightFor(article.id));
    await store.addHighlight(highlightFor(other.id));
    expect(store.getArticle(article.id).highlightCount).toBe(2);

    const changed = await store.updateHighlight(h1.id, { color: 'blue', note: 'why' });
    expect(changed).toMatchObject({ color: 'blue', note: 'why', quote: h1.quote });
    await store.deleteHighlight(h1.id);
    expect(store.getArticle(article.id).highlightCount).toBe(1);
    expect(await store.highlightsOf(article.id)).toHaveLength(1);
    await expect(store.deleteHighlight(h1.id)).rejects.toMatchObject({ code: 'not-found' });
    await expect(store.addHighlight(highlightFor('missing'))).rejects.toMatchObject({ code: 'not-found' });

    await store.close();
    const index = await readIndex();
    index.articles[0].highlightCount = 42; // hand-edited: the highlights are the truth
    await writeFile(join(dir, 'library.json'), JSON.stringify(index));
    const again = await openStore();
    expect(again.getArticle(article.id).highlightCount).toBe(1);
    expect(again.getArticle(other.id).highlightCount).toBe(1);
  });

  it('deletes an article with its folder and highlights', async () => {
    const store = await openStore();
    const { article } = await saveSample(store, { url: 'https://example.com/a' });
    await store.addHighlight(highlightFor(article.id));
    await store.deleteArticle(article.id);
    expect(store.articles()).toEqual([]);
    expect(existsSync(join(dir, 'articles', article.id))).toBe(false);
    await store.close();
    expect((await readIndex()).highlights).toEqual([]);
  });

  it('coalesces progress writes and flushes them on close', async () => {
    const store = await openStore({ progressFlushMs: 60_000 });
    const { article } = await saveSample(store, { url: 'https://example.com/a' });
    for (let i = 1; i <= 50; i++) store.setProgress(article.id, i / 50);
    store.setProgress(article.id, 7);
    expect(store.getArticle(article.id).progress).toBe(1);
    expect(await readFile(join(dir, 'library.journal'), 'utf8')).not.toContain('"op":"progress"'); // not written yet
    store.setProgress(article.id, -3);
    await store.close();
    expect((await readIndex()).articles[0].progress).toBe(0);

    const again = await openStore({ progressFlushMs: 20 });
    again.setProgress(article.id, 0.4);
    // Journaled, never by rewriting library.json.
    await expect.poll(async () => readFile(join(dir, 'library.journal'), 'utf8')).toContain('"progress":0.4');
    expect((await readIndex()).articles[0].progress).toBe(0);
  });

  it('marks an article read when its progress reaches the shared "finished" threshold, not before', async () => {
    const store = await openStore();
    const { article } = await saveSample(store, { url: 'https://example.com/a' });
    store.setProgress(article.id, 0.96);
    expect(store.getArticle(article.id).readAt).toBeFalsy();
    store.setProgress(article.id, FINISHED_AT_PROGRESS);
    expect(store.getArticle(article.id).readAt).toBeTruthy();
  });

  it('refuses work after close', async () => {
    const store = await openStore();
    await store.close();
    await expect(store.beginStaging()).rejects.toMatchObject({ code: 'library-closed' });
  });
});
