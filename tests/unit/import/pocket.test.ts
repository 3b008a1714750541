import { appendFile, cp } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { readPocketCsv } from '../../../electron/core/import/formats/pocket-csv';
import { readImportPath } from '../../../electron/core/import/read-import';
import { byUrl, fixture, readFixture, tempDir } from './fixtures';

describe('Pocket CSV (2025)', () => {
  it('reads titles with quotes, commas and newlines, tags with spaces, states and dates', async () => {
    const result = await readFixture('pocket-2025.csv');
    expect(result.format).toBe('pocket-csv');
    const quoted = byUrl(result, 'https://example.com/quotes?a=1&b=2');
    expect(quoted).toMatchObject({
      title: 'Quotes "inside", commas, and\na newline',
      tags: ['reading list', 'long read'],
      archived: false,
      savedAt: '2023-11-14T22:13:20.000Z',
      source: { line: 2 },
    });
    expect(byUrl(result, 'https://example.net/unicode')).toMatchObject({
      title: 'Ünïcödé — “Title” 日本語',
      tags: ['café', 'tag with spaces'],
      archived: true,
    });
  });

  it('reads an untitled item (its URL as title) as having no title', async () => {
    const result = await readFixture('pocket-2025.csv');
    expect(byUrl(result, 'https://example.com/untitled')).toMatchObject({ title: null, archived: true });
  });

  it('keeps right-to-left titles and tags as written', async () => {
    const result = await readFixture('pocket-2025.csv');
    expect(byUrl(result, 'https://example.org/ar/خط')).toMatchObject({
      title: 'مقالة عن الخط العربي',
      tags: ['عربي', 'typography'],
    });
  });

  it('skips rows without a usable URL with their line and reason, and imports the rest', async () => {
    const result = await readFixture('pocket-2025.csv');
    expect(result.entries).toHaveLength(4);
    expect(result.skipped).toEqual([
      { line: 6, reason: 'no URL' },
      { line: 7, reason: 'not a web address (javascript: link)' },
    ]);
  });
});

describe('Pocket CSV (2024, with the leaked cursor column)', () => {
  it('reads columns by name, so the cursor column changes nothing', async () => {
    const result = await readFixture('pocket-2024.csv');
    expect(result.format).toBe('pocket-csv');
    expect(result.entries.map((e) => [e.url, e.tags, e.archived, e.savedAt])).toEqual([
      ['https://example.com/one', ['news', 'tech'], false, '2020-09-13T12:26:40.000Z'],
      ['https://example.com/two', [], true, '2020-09-13T12:28:20.000Z'],
    ]);
  });
});

describe('Pocket export zip (read here as its unzipped folder)', () => {
  it('pairs highlights with items by URL, with their creation time', async () => {
    const result = await readFixture('pocket-export');
    expect(result.format).toBe('pocket-zip');
    const article = byUrl(result, 'https://example.com/highlighted');
    expect(article).toMatchObject({ title: 'Highlighted article', archived: true, tags: ['essays'] });
    expect(article.highlights.map((h) => [h.exact, h.createdAt])).toEqual([
      ['The first passage, with "quotes".', '2024-03-09T16:08:20.000Z'],
      ['A second passage', '2024-03-09T16:10:00.000Z'],
    ]);
    expect(byUrl(result, 'https://example.com/plain').highlights).toEqual([]);
  });

  it('keeps highlights whose page is not among the items as an entry of their own', async () => {
    const result = await readFixture('pocket-export');
    const orphan = byUrl(result, 'https://example.com/not-in-items');
    expect(orphan.title).toBe('Only in annotations');
    expect(orphan.highlights.map((h) => h.exact)).toEqual(['Orphan passage']);
    expect(result.warnings).toEqual([
      expect.objectContaining({ file: 'annotations/part_000000.json', reason: expect.stringContaining('not among') }),
    ]);
  });

  it('says which file a skipped row is in', async () => {
    const { dir, cleanup } = await tempDir();
    try {
      await cp(fixture('pocket-export'), dir, { recursive: true });
      await appendFile(`${dir}/part_000000.csv`, 'No URL here,,1710000200,,unread\n');
      const result = await readImportPath(dir);
      expect(result.skipped).toEqual([{ file: 'part_000000.csv', line: 4, reason: 'no URL' }]);
    } finally {
      await cleanup();
    }
  });
});

describe('Pocket legacy ril_export.html', () => {
  it('reads the Unread and Read Archive sections, dates and tags', async () => {
    const result = await readFixture('ril_export.html');
    expect(result.format).toBe('pocket-html');
    expect(result.entries.map((e) => [e.url, e.title, e.archived, e.tags, e.savedAt])).toEqual([
      ['https://example.com/unread-one', 'Unread & one', false, ['a', 'tag with spaces'], '2017-07-14T02:40:00.000Z'],
      ['https://example.com/unread-two', null, false, [], '2017-07-14T02:41:40.000Z'],
      ['https://example.com/archived', 'Archived one', true, ['old'], '2014-05-13T16:53:20.000Z'],
    ]);
    expect(result.skipped).toEqual([{ item: 'link 4', reason: 'not a web address (mailto: link)' }]);
  });
});

describe('Pocket CSV with a broken row', () => {
  it('reports the row whose quote never closes, with its line, and imports the rows around it', () => {
    const csv = [
      'title,url,time_added,tags,status',
      'Fine,https://example.com/1,1700000000,,unread',
      '"Broken title,https://example.com/2,1700000001,,unread',
      'Also fine,https://example.com/3,1700000002,,archive',
      'Short row',
    ].join('\n');
    const result = readPocketCsv(csv);
    expect(result.entries.map((e) => [e.url, e.source.line])).toEqual([
      ['https://example.com/1', 2],
      ['https://example.com/3', 4],
    ]);
    expect(result.skipped).toEqual([
      { line: 3, reason: 'a quoted field is never closed; the row is skipped' },
      { line: 5, reason: 'no URL' },
    ]);
  });
});
