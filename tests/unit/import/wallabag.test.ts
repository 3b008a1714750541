import { describe, expect, it } from 'vitest';
import { readWallabagJson } from '../../../electron/core/import/formats/wallabag-json';
import { byTitle, byUrl, readFixture } from './fixtures';

describe('Wallabag JSON', () => {
  it('reads states, tags with spaces, content, authors and +0200 dates', async () => {
    const result = await readFixture('wallabag.json');
    expect(result.format).toBe('wallabag-json');
    expect(byUrl(result, 'https://example.com/tides')).toMatchObject({
      title: 'How Tides Work',
      archived: true,
      favourite: false,
      tags: ['science', 'long read'],
      contentHtml: '<p>The moon pulls the sea. Twice a day the water rises.</p>',
      author: 'R. Carson',
      savedAt: '2024-03-05T09:12:44.000Z',
      publishedAt: '2024-02-28T07:00:00.000Z',
    });
    expect(byUrl(result, 'https://example.co.il/page')).toMatchObject({
      title: 'עמוד בעברית',
      favourite: true,
      contentHtml: null,
    });
  });

  it('reads annotations: quote is the highlight, text the note', async () => {
    const tides = byUrl(await readFixture('wallabag.json'), 'https://example.com/tides');
    expect(tides.highlights.map((h) => [h.exact, h.note, h.createdAt])).toEqual([
      ['Twice a day the water rises.', 'Check the numbers', '2024-03-05T10:00:00.000Z'],
      ['The moon pulls the sea.', '', null],
    ]);
  });

  it('keeps the annotations of an entry with a broken URL, and skips an entry with nothing', async () => {
    const result = await readFixture('wallabag.json');
    expect(byTitle(result, 'Broken URL with a note')).toMatchObject({ url: null });
    expect(byTitle(result, 'Broken URL with a note').highlights.map((h) => h.note)).toEqual(['keep me']);
    expect(result.skipped).toEqual([{ item: 'entry 4 (Broken and empty)', reason: 'no URL' }]);
  });
});

describe('Wallabag annotations with nothing in them', () => {
  it('reports an annotation with neither quote nor note instead of importing an empty highlight', () => {
    const json = JSON.stringify([
      {
        title: 'T',
        url: 'https://example.com/t',
        annotations: [
          { quote: '', text: '' },
          { quote: 'kept', text: '' },
        ],
      },
    ]);
    const result = readWallabagJson(json);
    expect(result.entries[0].highlights.map((h) => h.exact)).toEqual(['kept']);
    expect(result.skipped).toEqual([
      { item: 'entry 1 (T), annotation 1', reason: 'an annotation with neither a quote nor a note' },
    ]);
  });
});

describe('Wallabag API-shaped entries', () => {
  it('reads tags given as {label} objects and true/false states', () => {
    const json = JSON.stringify([
      {
        title: 'T',
        url: 'https://example.com/api',
        is_archived: true,
        is_starred: false,
        tags: [{ id: 1, label: 'tag with spaces', slug: 'tag-with-spaces' }],
      },
    ]);
    expect(readWallabagJson(json).entries[0]).toMatchObject({
      archived: true,
      favourite: false,
      tags: ['tag with spaces'],
    });
  });
});
