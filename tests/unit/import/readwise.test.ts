import { describe, expect, it } from 'vitest';
import { byTitle, byUrl, readFixture } from './fixtures';

describe('Readwise highlights CSV', () => {
  it('groups highlights by title and author into documents without a URL', async () => {
    const result = await readFixture('readwise-highlights.csv');
    expect(result.format).toBe('readwise-highlights-csv');
    const book = byTitle(result, 'Thinking in Systems');
    expect(book).toMatchObject({ url: null, author: 'Donella Meadows', tags: ['books', 'non fiction'] });
    expect(
      book.highlights.map(({ exact, note, color, labels, locator, createdAt }) => ({
        exact,
        note,
        color,
        labels,
        locator,
        createdAt,
      })),
    ).toEqual([
      {
        exact: 'A highlight, with "quotes"\nand a newline',
        note: 'My note',
        color: 'yellow',
        labels: ['favorite', 'systems'],
        locator: 'location 1234',
        createdAt: '2023-05-08T14:22:10.000Z',
      },
      {
        exact: 'Second highlight',
        note: '',
        color: 'blue',
        labels: [],
        locator: 'location 1300',
        createdAt: '2023-05-09T10:00:00.000Z',
      },
    ]);
  });

  it('keeps a colour Offprint does not have as none, and right-to-left text as written', async () => {
    const result = await readFixture('readwise-highlights.csv');
    expect(byTitle(result, 'How Tides Work').highlights[0]).toMatchObject({ color: null, locator: 'offset 42' });
    expect(byTitle(result, 'كتاب')).toMatchObject({ author: 'مؤلف' });
    expect(byTitle(result, 'كتاب').highlights[0].exact).toBe('كتاب عربي');
  });

  it('skips a row with neither text nor note, by line', async () => {
    const result = await readFixture('readwise-highlights.csv');
    expect(result.skipped).toEqual([{ line: 6, reason: 'neither highlighted text nor a note' }]);
  });
});

describe('Readwise Reader library CSV', () => {
  it('reads Python-list tags, progress and locations', async () => {
    const result = await readFixture('readwise-reader.csv');
    expect(result.format).toBe('readwise-reader-csv');
    expect(byUrl(result, 'https://example.com/reader-1')).toMatchObject({
      title: 'An article',
      tags: ['a', "it's", 'tag with spaces'],
      savedAt: '2023-05-08T14:22:10.123Z',
      readingProgress: 0.35,
      archived: false,
      favourite: false,
    });
    expect(byUrl(result, 'https://example.com/reader-2')).toMatchObject({
      archived: true,
      readingProgress: 1,
      tags: [],
    });
    expect(byUrl(result, 'https://example.com/reader-3')).toMatchObject({ favourite: true, tags: ['x'] });
    expect(byUrl(result, 'https://example.com/reader-4')).toMatchObject({ readingProgress: null, tags: [] });
  });

  it('skips feed items, which were never saved, with that reason', async () => {
    const result = await readFixture('readwise-reader.csv');
    expect(result.skipped).toEqual([{ line: 5, reason: 'a feed item, never saved to the library' }]);
  });
});
