/**
 * first-page.json: a library in today's format (without it) opens as before and gains it on close;
 * from then on the first page is answered before library.json is read, and only while it is exactly
 * the library's first page.
 */
import { existsSync } from 'node:fs';
import { appendFile, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ArticleMeta, Highlight } from '@shared/model';
import type { CaptureQueueStatus } from '@shared/queue/capture-queue';
import { OffprintCore } from '../../../electron/core/offprint-core';
import { FIRST_PAGE_FILE, readFirstPage } from '../../../electron/core/library/first-page';
import { SCHEMA_VERSION } from '../../../electron/core/library/library-index';
import { sampleMeta } from './sample-meta';
import { tempLibraryDir } from './sample-article';

let dir: string;
const cores: OffprintCore[] = [];
const openCore = async (): Promise<OffprintCore> => {
  const core = await OffprintCore.open({
    libraryDir: dir,
    firstPageEarly: true,
    logger: { info: () => undefined, warn: () => undefined, error: () => undefined },
  });
  cores.push(core);
  return core;
};
const closeAll = async (): Promise<void> => {
  for (const core of cores.splice(0)) await core.close();
};

beforeEach(async () => {
  dir = await tempLibraryDir();
});
afterEach(async () => {
  await closeAll();
  await rm(dir, { recursive: true, force: true });
});

const TITLES = ['Delta', 'alpha', 'Charlie', 'bravo', 'Echo'];

/** A library exactly as today's Offprint leaves it after closing: library.json (format 2), an emptied journal, article folders. */
async function libraryInTodaysFormat(): Promise<ArticleMeta[]> {
  const articles = TITLES.map((title, i) =>
    sampleMeta(`a${i}`, {
      title,
      savedAt: `2024-01-0${i + 1}T00:00:00.000Z`,
      archived: i === 4,
      highlightCount: i === 0 ? 1 : 0,
    }),
  );
  const highlights: Highlight[] = [
    {
      id: 'h1',
      articleId: 'a0',
      quote: { type: 'TextQuoteSelector', exact: 'Body', prefix: '', suffix: '' },
      position: { type: 'TextPositionSelector', start: 0, end: 4 },
      color: 'yellow',
      note: '',
      createdAt: '2024-01-01T00:00:00.000Z',
      updatedAt: '2024-01-01T00:00:00.000Z',
    },
  ];
  for (const article of articles) {
    const folder = join(dir, 'articles', article.id);
    await mkdir(folder, { recursive: true });
    await writeFile(join(folder, 'content.html'), '<p>Body text.</p>');
    await writeFile(join(folder, 'text.txt'), 'Body text.');
    await writeFile(
      join(folder, 'meta.json'),
      JSON.stringify({ article, highlights: highlights.filter((h) => h.articleId === article.id) }),
    );
  }
  const settings = { views: { inbox: { sort: { field: 'title', direction: 'asc' } } } };
  await writeFile(
    join(dir, 'library.json'),
    JSON.stringify({ schemaVersion: 2, journal: { id: 'j1', seq: 7 }, settings, articles, highlights }),
  );
  await writeFile(join(dir, 'library.journal'), `${JSON.stringify({ journal: 'j1', seq: 7, ops: [] })}\n`);
  return articles;
}

const ids = (items: readonly ArticleMeta[]): string[] => items.map((a) => a.id);

describe('first-page.json', () => {
  it('opens a library in today’s format from library.json, and writes first-page.json when it closes', async () => {
    await libraryInTodaysFormat();
    const core = await openCore();
    expect(core.firstPageEarly).toBe(false);
    expect(core.notices).toEqual([]);
    const page = await core.listPage({ view: 'inbox', sort: { field: 'title', direction: 'asc' }, limit: 10 });
    expect(page.total).toBe(4);
    expect(page.items.map((a) => a.title)).toEqual(['alpha', 'bravo', 'Charlie', 'Delta']);
    expect((await core.getArticle('a0')).highlights.map((h) => h.id)).toEqual(['h1']);
    await closeAll();
    expect(existsSync(join(dir, FIRST_PAGE_FILE))).toBe(true);
    // library.json keeps its format and everything in it.
    const index = JSON.parse(await readFile(join(dir, 'library.json'), 'utf8'));
    expect(index.schemaVersion).toBe(2);
    expect(index.articles).toHaveLength(5);
    expect(index.highlights).toHaveLength(1);
  });

  it('writes library.json one entry a line (still plain JSON), and reads it back the same, empty lists too', async () => {
    const articles = await libraryInTodaysFormat();
    const core = await openCore();
    await core.setArchived('a1', true);
    await closeAll();
    const text = await readFile(join(dir, 'library.json'), 'utf8');
    const lines = text.trimEnd().split('\n');
    expect(lines).toHaveLength(1 + articles.length + 1 + 1 + 1);
    expect(lines[1]).toMatch(/^\{"id":"a0".*\},$/);
    expect(JSON.parse(text).articles.map((a: ArticleMeta) => a.id)).toEqual(ids(articles));
    const again = await openCore();
    expect(again.notices).toEqual([]);
    expect((await again.listPage({ view: 'archive' })).items.map((a) => a.id).sort()).toEqual(['a1', 'a4']);
    expect((await again.getArticle('a0')).highlights).toHaveLength(1);
    await again.bulkUpdate(ids(articles), { type: 'delete' });
    await again.emptyTrash();
    await closeAll();
    const empty = JSON.parse(await readFile(join(dir, 'library.json'), 'utf8'));
    expect(empty.articles).toEqual([]);
    const last = await openCore();
    expect(last.notices).toEqual([]);
    expect((await last.listPage({ view: 'all' })).total).toBe(0);
  });

  it('answers the first page and the settings before the library has loaded, as the loaded library would', async () => {
    await libraryInTodaysFormat();
    await openCore();
    await closeAll();
    const queries = [
      { view: 'inbox', sort: { field: 'title', direction: 'asc' }, offset: 0, limit: 3 },
      { view: 'inbox', offset: 1, limit: 2 },
      { view: 'all', limit: 1 },
    ] as const;

    const early = await openCore();
    expect(early.firstPageEarly).toBe(true);
    const earlyPages = await Promise.all(queries.map((q) => early.listPage({ ...q })));
    const earlySettings = await early.getSettings();
    await early.loaded();
    expect(early.firstPageEarly).toBe(false);
    const loadedPages = await Promise.all(queries.map((q) => early.listPage({ ...q })));
    expect(earlyPages).toEqual(loadedPages);
    expect(ids(earlyPages[0].items)).toEqual(['a1', 'a3', 'a2']);
    expect(earlySettings).toEqual(await early.getSettings());
    expect(earlySettings.views.inbox.sort).toEqual({ field: 'title', direction: 'asc' });
  });

  it('marks a row whose content is missing in the early first page too', async () => {
    await libraryInTodaysFormat();
    await openCore();
    await closeAll();
    await rm(join(dir, 'articles', 'a3', 'content.html'));
    const core = await openCore();
    expect(core.firstPageEarly).toBe(true);
    const page = await core.listPage({ view: 'inbox', limit: 10 });
    expect(page.items.find((a) => a.id === 'a3')?.contentMissing).toBe(true);
    expect(page.items.find((a) => a.id === 'a2')?.contentMissing).toBeUndefined();
  });

  it('is not used once the journal holds a change since the snapshot', async () => {
    await libraryInTodaysFormat();
    await openCore();
    await closeAll();
    const archived = { ...sampleMeta('a1', { title: 'alpha', savedAt: '2024-01-02T00:00:00.000Z' }), archived: true };
    await appendFile(
      join(dir, 'library.journal'),
      `${JSON.stringify({ seq: 8, ops: [{ op: 'put-article', article: archived }] })}\n`,
    );
    expect(await readFirstPage(dir, SCHEMA_VERSION)).toBeNull();
    const core = await openCore();
    expect(core.firstPageEarly).toBe(false);
    const page = await core.listPage({ view: 'inbox', sort: { field: 'title', direction: 'asc' } });
    expect(ids(page.items)).toEqual(['a3', 'a2', 'a0']);
  });

  it('is not used when library.json is not the snapshot it was written with, or when it is damaged', async () => {
    await libraryInTodaysFormat();
    await openCore();
    await closeAll();
    const index = JSON.parse(await readFile(join(dir, 'library.json'), 'utf8'));
    index.articles = index.articles.filter((a: ArticleMeta) => a.id !== 'a0');
    await writeFile(join(dir, 'library.json'), JSON.stringify(index));
    expect(await readFirstPage(dir, SCHEMA_VERSION)).toBeNull();

    // A new snapshot on close: usable again; then damage it.
    await openCore();
    await closeAll();
    expect(await readFirstPage(dir, SCHEMA_VERSION)).not.toBeNull();
    await writeFile(join(dir, FIRST_PAGE_FILE), '{"format":1,"pages":[');
    const core = await openCore();
    expect(core.firstPageEarly).toBe(false);
    expect((await core.listPage({ view: 'inbox' })).total).toBe(4);
    expect(core.notices).toEqual([]);
  });

  it('carries the capture queue in library.json; a queue change since the snapshot makes the first page unusable', async () => {
    await libraryInTodaysFormat();
    const core = await openCore();
    await core.pauseCaptureQueue();
    await core.enqueueCapture([{ articleId: 'a3', url: 'http://127.0.0.1:9/bravo' }]);
    await closeAll();
    const text = await readFile(join(dir, 'library.json'), 'utf8');
    expect(text.split('\n')[0]).toMatch(/"journal":\{.*"captureQueue":\{"paused":true,"items":\[\{"articleId":"a3"/);
    expect(JSON.parse(text).captureQueue.items).toHaveLength(1);
    expect(await readFirstPage(dir, SCHEMA_VERSION)).not.toBeNull();

    // Opened early with the queue to be worked: every queue call waits for the whole library, and the
    // queue starts from it (a listener taken before the load hears the changes after it).
    const early = await OffprintCore.open({
      libraryDir: dir,
      firstPageEarly: true,
      startCaptureQueue: true,
      logger: { info: () => undefined, warn: () => undefined, error: () => undefined },
    });
    cores.push(early);
    expect(early.firstPageEarly).toBe(true);
    const heard = new Promise<CaptureQueueStatus>((resolve) => early.onCaptureQueueChange(resolve));
    const status = await early.captureQueueStatus();
    expect(early.firstPageEarly).toBe(false);
    expect(status).toMatchObject({ paused: true, running: true, total: 1 });
    expect(status.counts.queued).toBe(1);
    expect((await early.listCaptureQueue()).map((e) => [e.articleId, e.title])).toEqual([['a3', 'bravo']]);
    await early.cancelCapture(['a3']);
    expect((await heard).counts.cancelled).toBe(1);
    await closeAll();
    expect(await readFirstPage(dir, SCHEMA_VERSION)).not.toBeNull();

    // A queue change in the journal is a change since the snapshot like any other.
    const { seq } = JSON.parse((await readFile(join(dir, 'library.journal'), 'utf8')).split('\n')[0]);
    await appendFile(
      join(dir, 'library.journal'),
      `${JSON.stringify({ seq: seq + 1, ops: [{ op: 'queue-paused', paused: false }] })}\n`,
    );
    expect(await readFirstPage(dir, SCHEMA_VERSION)).toBeNull();
    const last = await openCore();
    expect(last.firstPageEarly).toBe(false);
    expect((await last.captureQueueStatus()).paused).toBe(false);
  });

  it('is rewritten with every snapshot, so it follows the changes', async () => {
    await libraryInTodaysFormat();
    const core = await openCore();
    await core.setArchived('a1', true);
    await core.updateSettings({ views: { inbox: { sort: { field: 'saved', direction: 'asc' } } } });
    await closeAll();
    const early = await openCore();
    expect(early.firstPageEarly).toBe(true);
    const page = await early.listPage({ view: 'inbox', sort: { field: 'saved', direction: 'asc' }, limit: 10 });
    expect(ids(page.items)).toEqual(['a0', 'a2', 'a3']);
    expect(page.total).toBe(3);
    // Anything not in first-page.json waits for the library and is still answered.
    expect((await early.listPage({ view: 'archive' })).total).toBe(2);
    expect((await readdir(join(dir, 'backups'))).length).toBeGreaterThan(0);
  });
});
