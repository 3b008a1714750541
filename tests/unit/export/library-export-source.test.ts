import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OffprintError } from '@shared/ipc/envelope';
import {
  exportedArticles,
  exportLibraryOf,
  type ExportSource,
} from '../../../electron/core/export/library-export-source';
import { article } from './export-fixtures';

let dir: string;
let source: ExportSource;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'offprint-export-source-'));
  await mkdir(join(dir, 'a1'), { recursive: true });
  await writeFile(join(dir, 'a1', 'photo.png'), 'png bytes');
  await writeFile(join(dir, 'a1', '.hidden'), 'not an image name');
  source = {
    articles: [
      article({ id: 'a1', title: 'Inbox one', savedAt: '2024-01-02T00:00:00.000Z', tags: ['research'] }),
      article({ id: 'a2', title: 'Archived', savedAt: '2024-01-03T00:00:00.000Z', archived: true }),
      article({
        id: 'a3',
        title: 'Trashed',
        savedAt: '2024-01-04T00:00:00.000Z',
        deletedAt: '2024-02-01T00:00:00.000Z',
      }),
    ],
    highlightsOf: async () => [],
    readContent: async (id) => {
      if (id === 'a2') throw new OffprintError('content-missing', 'gone');
      return `<p>${id}</p>`;
    },
    assetsDir: (id) => join(dir, id),
  };
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const ids = (selection: Parameters<typeof exportLibraryOf>[1]) =>
  exportedArticles(source.articles, selection).map((a) => a.id);

describe('exportLibraryOf', () => {
  it('follows the list rules: a view newest first, a tag, the Trash only when asked, the whole library', () => {
    expect(ids({})).toEqual(['a2', 'a1']);
    expect(ids({ view: 'inbox' })).toEqual(['a1']);
    expect(ids({ view: 'all', tag: 'RESEARCH' })).toEqual(['a1']);
    expect(ids({ view: 'trash' })).toEqual(['a3']);
    expect(ids({ whole: true })).toEqual(['a2', 'a1', 'a3']);
  });

  it('takes a selection in the order given and refuses an id the library does not hold', () => {
    expect(ids({ ids: ['a3', 'a1', 'a3'] })).toEqual(['a3', 'a1']);
    expect(() => ids({ ids: ['a1', 'nope'] })).toThrow(/No article with id nope/);
  });

  it('reads a lost body as null and only safely named images', async () => {
    const library = await exportLibraryOf(source, { whole: true });
    expect(await library.readContent('a1')).toBe('<p>a1</p>');
    expect(await library.readContent('a2')).toBeNull();
    expect([...(await library.readImages('a1')).keys()]).toEqual(['photo.png']);
    expect((await library.readImages('a2')).size).toBe(0);
  });
});
