import { mkdir, mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { exportToPath } from '../../../electron/core/export/export-to-path';
import { readOffprintJson } from '../../../electron/core/export/formats/offprint-json-read';
import { folderFiles } from '../../../electron/core/export/export-files';
import { FIXTURE_ARTICLES, fixtureLibrary } from './export-fixtures';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'offprint-export-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('exportToPath', () => {
  it('writes each format where it was asked to', async () => {
    const library = fixtureLibrary();
    const json = await exportToPath(library, 'json', join(dir, 'out', 'lib.json'), { includeContent: true });
    expect(json.articles).toBe(4);
    const read = readOffprintJson(await readFile(join(dir, 'out', 'lib.json'), 'utf8'), folderFiles(join(dir, 'out')));
    expect(read.articles).toStrictEqual(FIXTURE_ARTICLES);
    expect(await readdir(join(dir, 'out', 'lib-content'))).toHaveLength(3);

    const netscape = await exportToPath(library, 'netscape', join(dir, 'bookmarks.html'), { title: 'Inbox' });
    expect(netscape).toMatchObject({ articles: 3, skipped: [{ id: 'doc000000001' }] });
    expect(await readFile(join(dir, 'bookmarks.html'), 'utf8')).toContain('<TITLE>Inbox</TITLE>');

    await exportToPath(library, 'csv', join(dir, 'library.csv'));
    expect((await readFile(join(dir, 'library.csv'), 'utf8')).split('\n')[0]).toBe(
      'url,title,tags,savedAt,archived,favourite,highlights',
    );

    const markdown = await exportToPath(library, 'markdown', join(dir, 'vault'));
    expect(markdown.articles).toBe(4);
    expect((await readdir(join(dir, 'vault'))).filter((n) => n.endsWith('.md'))).toHaveLength(4);

    const epub = await exportToPath(library, 'epub', join(dir, 'book.epub'), { title: 'Inbox' });
    expect(epub.articles).toBe(4);
    expect((await stat(join(dir, 'book.epub'))).size).toBeGreaterThan(1000);
  });

  it('refuses an empty export, and says where a write failed', async () => {
    await expect(exportToPath(fixtureLibrary([]), 'csv', join(dir, 'x.csv'))).rejects.toThrow(/no articles/);
    await mkdir(join(dir, 'taken.csv'));
    await expect(exportToPath(fixtureLibrary(), 'csv', join(dir, 'taken.csv'))).rejects.toMatchObject({
      code: 'export-failed',
      message: expect.stringContaining('taken.csv'),
    });
  });
});
