import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '@shared/ipc/dispatch';
import { DEFAULT_SETTINGS, LIMITS } from '@shared/settings/reader-settings';
import type { ArticleMeta } from '@shared/model';
import { OffprintCore } from '../../../electron/core/offprint-core';

let dir: string;
let pages: string;
let core: OffprintCore;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'offprint-organize-'));
  pages = await mkdtemp(join(tmpdir(), 'offprint-pages-'));
  core = await OffprintCore.open({ libraryDir: dir });
});
afterEach(async () => {
  await core.close();
  await rm(dir, { recursive: true, force: true });
  await rm(pages, { recursive: true, force: true });
});

/** Saves a small page from disk through the real capture and store. */
async function save(name: string, title: string, body: string, lang = 'en'): Promise<ArticleMeta> {
  const file = join(pages, `${name}.html`);
  const paragraphs = Array.from(
    { length: 6 },
    (_, i) => `<p>${body} Paragraph ${i} goes on about ${title.toLowerCase()} at some length.</p>`,
  ).join('');
  await writeFile(
    file,
    `<!doctype html><html lang="${lang}"><head><title>${title}</title></head><body><article><h1>${title}</h1>${paragraphs}</article></body></html>`,
  );
  return (await core.saveFile(file)).article;
}

const titles = (items: ArticleMeta[]) => items.map((a) => a.title);

describe('views, sorting, filters and paging', () => {
  it('lists each view, sorted and filtered as asked, one window at a time', async () => {
    const a = await save('a', 'Apples', 'Fruit from trees.');
    const b = await save('b', 'Bananas', 'Fruit from plants, longer text here to count more words than the others do.');
    const c = await save('c', 'Cherries', 'Kirschen aus dem Garten.', 'de');
    await core.setArchived(b.id, true);
    await core.addHighlight({
      articleId: c.id,
      quote: { type: 'TextQuoteSelector', exact: 'Cherries', prefix: '', suffix: '' },
      position: { type: 'TextPositionSelector', start: 0, end: 8 },
      color: 'pink',
      note: '',
    });
    await core.bulkUpdate([a.id], { type: 'read', value: true });

    expect(titles(await core.listArticles({ view: 'inbox' }))).toEqual(['Cherries', 'Apples']);
    expect(titles(await core.listArticles({ view: 'clipped' }))).toEqual(['Cherries']);
    expect(titles(await core.listArticles({ view: 'all', sort: { field: 'title', direction: 'asc' } }))).toEqual([
      'Apples',
      'Bananas',
      'Cherries',
    ]);
    expect(titles(await core.listArticles({ view: 'all', sort: { field: 'length', direction: 'desc' } }))[0]).toBe(
      'Bananas',
    );
    expect(titles(await core.listArticles({ view: 'all', lang: 'de' }))).toEqual(['Cherries']);
    expect(titles(await core.listArticles({ view: 'all', readState: 'read' }))).toEqual(['Apples']);
    expect(
      titles(await core.listArticles({ view: 'all', readState: 'unread', sort: { field: 'saved', direction: 'asc' } })),
    ).toEqual(['Bananas', 'Cherries']);

    const page = await core.listPage({ view: 'all', sort: { field: 'title', direction: 'desc' }, offset: 1, limit: 1 });
    expect(page).toMatchObject({ total: 3, offset: 1 });
    expect(titles(page.items)).toEqual(['Bananas']);
  });

  it('moves to the Trash and back, and empties it, files included', async () => {
    const a = await save('a', 'Apples', 'Fruit.');
    const b = await save('b', 'Bananas', 'Fruit.');
    expect(await core.deleteArticles([a.id, b.id, 'unknown1'])).toEqual({ changed: 2 });
    expect(await core.listArticles({ view: 'all' })).toEqual([]);
    expect((await core.listArticles({ view: 'trash' })).every((x) => x.deletedAt)).toBe(true);
    expect(existsSync(join(dir, 'articles', a.id))).toBe(true); // only emptying removes files

    expect(await core.restoreArticles([a.id])).toEqual({ changed: 1 });
    expect(titles(await core.listArticles({ view: 'inbox' }))).toEqual(['Apples']);
    expect(await core.emptyTrash()).toEqual({ changed: 1 });
    expect(existsSync(join(dir, 'articles', b.id))).toBe(false);
    expect(await core.listArticles({ view: 'trash' })).toEqual([]);
  });

  it('applies bulk actions to many articles at once', async () => {
    const ids = [(await save('a', 'Apples', 'x')).id, (await save('b', 'Bananas', 'x')).id];
    expect(await core.bulkUpdate(ids, { type: 'archive', value: true })).toEqual({ changed: 2 });
    expect(await core.bulkUpdate(ids, { type: 'archive', value: true })).toEqual({ changed: 0 });
    await core.bulkUpdate(ids, { type: 'favourite', value: true });
    await core.bulkUpdate(ids, { type: 'add-tag', tag: '  To Read ' });
    expect((await core.listArticles({ view: 'favourites', tag: 'to read' })).map((a) => a.tags)).toEqual([
      ['To Read'],
      ['To Read'],
    ]);
    await core.bulkUpdate([ids[0]], { type: 'remove-tag', tag: 'TO READ' });
    expect(await core.listTags()).toEqual([{ name: 'To Read', count: 1 }]);
  });
});

describe('tag manager', () => {
  it('renames, merges and deletes tags everywhere, case-insensitively, keeping the user’s case', async () => {
    const a = await save('a', 'Apples', 'x');
    const b = await save('b', 'Bananas', 'x');
    await core.addTag(a.id, 'js');
    await core.addTag(a.id, 'Web');
    await core.addTag(b.id, 'JavaScript');
    await core.addTag(b.id, 'web');

    expect((await core.renameTag('JS', 'ECMAScript')).tags).toEqual([
      { name: 'ECMAScript', count: 1 },
      { name: 'JavaScript', count: 1 },
      { name: 'Web', count: 2 },
    ]);
    const merged = await core.mergeTags(['ecmascript'], 'JavaScript');
    expect(merged).toEqual({
      changed: 1,
      tags: [
        { name: 'JavaScript', count: 2 },
        { name: 'Web', count: 2 },
      ],
    });
    expect((await core.getArticle(a.id)).tags).toEqual(['JavaScript', 'Web']);
    // Renaming onto an existing tag merges them.
    await core.renameTag('web', 'javascript');
    expect((await core.getArticle(b.id)).tags).toEqual(['javascript']);
    expect((await core.deleteTag('JAVASCRIPT')).tags).toEqual([]);
  });
});

describe('settings and the missing-content state', () => {
  it('keeps each view’s sort and filters across reopening', async () => {
    await core.updateSettings({
      views: { inbox: { sort: { field: 'title', direction: 'asc' } }, 'tag:Web': { filters: { readState: 'unread' } } },
    });
    await core.updateSettings({ views: { archive: { sort: { field: 'site', direction: 'desc' } }, 'tag:Web': null } });
    await core.close();
    core = await OffprintCore.open({ libraryDir: dir });
    expect(await core.getSettings()).toEqual({
      views: {
        inbox: { sort: { field: 'title', direction: 'asc' } },
        archive: { sort: { field: 'site', direction: 'desc' } },
      },
    });
  });

  it('keeps the reader settings in the library, clamped to what the reader allows, beside the views', async () => {
    await core.updateSettings({ views: { inbox: { sort: { field: 'title', direction: 'asc' } } } });
    const reader = { ...DEFAULT_SETTINGS, font: 'sans' as const, size: 99, theme: 'sepia' as const, justify: true };
    expect((await core.updateSettings({ reader })).reader).toEqual({ ...reader, size: LIMITS.size.max });
    await core.close();
    core = await OffprintCore.open({ libraryDir: dir });
    expect(await core.getSettings()).toEqual({
      views: { inbox: { sort: { field: 'title', direction: 'asc' } } },
      reader: { ...reader, size: LIMITS.size.max },
    });
    expect(await dispatch(core as never, 'updateSettings', [{ reader: { ...reader, font: 'comic' } }])).toMatchObject({
      ok: false,
      error: { code: 'bad-arguments' },
    });
  });

  it('opens an article whose content.html is gone as "content missing", without failing', async () => {
    const a = await save('a', 'Apples', 'x');
    const b = await save('b', 'Bananas', 'x');
    await rm(join(dir, 'articles', a.id, 'content.html'));
    expect(await core.getArticle(a.id)).toMatchObject({ title: 'Apples', content: '', contentMissing: true });
    expect((await core.getArticle(b.id)).contentMissing).toBeUndefined();
    const { items } = await core.listPage({ view: 'all' });
    expect(Object.fromEntries(items.map((i) => [i.title, i.contentMissing ?? false]))).toEqual({
      Apples: true,
      Bananas: false,
    });
  });

  it('validates the new calls at the IPC boundary', async () => {
    expect(
      await dispatch(core as never, 'listPage', [{ view: 'all', sort: { field: 'colour', direction: 'asc' } }]),
    ).toMatchObject({
      ok: false,
      error: { code: 'bad-arguments' },
    });
    expect(await dispatch(core as never, 'bulkUpdate', [['abc'], { type: 'explode' }])).toMatchObject({
      ok: false,
      error: { code: 'bad-arguments' },
    });
    expect(await dispatch(core as never, 'listPage', [{ view: 'trash', limit: 10 }])).toEqual({
      ok: true,
      value: { total: 0, offset: 0, items: [] },
    });
  });
});
