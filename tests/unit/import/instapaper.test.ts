import { describe, expect, it } from 'vitest';
import { byUrl, readFixture } from './fixtures';

describe('Instapaper CSV', () => {
  it('reads the 6-column form: JSON tags in a cell, quotes, commas and newlines', async () => {
    const result = await readFixture('instapaper.csv');
    expect(result.format).toBe('instapaper-csv');
    expect(byUrl(result, 'https://example.com/a')).toMatchObject({
      title: 'Title with "quotes", and commas',
      tags: ['tag with spaces', 'news'],
      archived: false,
      favourite: false,
      savedAt: '2022-04-15T05:20:00.000Z',
      source: { line: 2 },
    });
  });

  it('takes Selection as an excerpt, never as a highlight', async () => {
    const entry = byUrl(await readFixture('instapaper.csv'), 'https://example.com/a');
    expect(entry.excerpt).toBe('Selected text\nover two lines');
    expect(entry.highlights).toEqual([]);
  });

  it('maps Archive and Starred to states, and a custom folder to a tag', async () => {
    const result = await readFixture('instapaper.csv');
    expect(byUrl(result, 'https://example.com/b')).toMatchObject({ archived: true, favourite: false, tags: [] });
    expect(byUrl(result, 'https://example.com/c')).toMatchObject({ archived: false, favourite: true, tags: [] });
    expect(byUrl(result, 'https://example.com/d')).toMatchObject({ archived: false, tags: ['Research Papers', 'ml'] });
    expect(byUrl(result, 'https://example.com/e').title).toBe('כותרת בעברית');
  });

  it('skips a row without a URL, by its line (after a field with a newline)', async () => {
    const result = await readFixture('instapaper.csv');
    expect(result.skipped).toEqual([{ line: 7, reason: 'no URL' }]);
    expect(result.entries).toHaveLength(5);
  });

  it('reads older 5- and 4-column exports', async () => {
    const five = await readFixture('instapaper-5col.csv');
    expect(five.format).toBe('instapaper-csv');
    expect(five.entries[0]).toMatchObject({ url: 'https://example.com/five', archived: true, tags: [] });
    expect(five.entries[0].savedAt).toBe('2015-12-13T09:46:40.000Z');
    const four = await readFixture('instapaper-4col.csv');
    expect(four.format).toBe('instapaper-csv');
    expect(four.entries[0]).toMatchObject({ url: 'https://example.com/four', savedAt: null, excerpt: 'A selection' });
  });
});
