import { describe, expect, it } from 'vitest';
import { readRaindropCsv } from '../../../electron/core/import/formats/raindrop-csv';
import { byUrl, readFixture } from './fixtures';

describe('Raindrop CSV', () => {
  it('reads notes, excerpts, favourites, nested folders and tags as tags', async () => {
    const result = await readFixture('raindrop.csv');
    expect(result.format).toBe('raindrop-csv');
    expect(byUrl(result, 'https://example.com/rd-1')).toMatchObject({
      title: 'Raindrop one',
      note: 'A note',
      excerpt: 'An excerpt, with a comma',
      favourite: true,
      tags: ['Reading', 'Essays', 'a', 'tag with spaces'],
      savedAt: '2023-07-01T10:00:00.000Z',
    });
    expect(byUrl(result, 'https://example.com/rd-2')).toMatchObject({ favourite: false, tags: [] });
  });

  it('reads the highlights cell with its notes', async () => {
    const entry = byUrl(await readFixture('raindrop.csv'), 'https://example.com/rd-1');
    expect(entry.highlights.map((h) => [h.exact, h.note])).toEqual([
      ['First passage', 'Why it matters'],
      ['Second passage', ''],
    ]);
  });

  it('skips a row without a URL by its line', async () => {
    expect((await readFixture('raindrop.csv')).skipped).toEqual([{ line: 7, reason: 'no URL' }]);
  });
});

describe('Raindrop CSV, short form', () => {
  it('reads whichever of its columns are there, in any order', () => {
    const result = readRaindropCsv(
      'folder,url,title,note,tags,created\nA/B,https://example.com/s,Short,,"x, y",1629980125\n',
    );
    expect(result.entries[0]).toMatchObject({
      url: 'https://example.com/s',
      title: 'Short',
      tags: ['A', 'B', 'x', 'y'],
      savedAt: '2021-08-26T12:15:25.000Z',
      highlights: [],
    });
  });
});
