import { describe, expect, it } from 'vitest';
import { byUrl, readFixture } from './fixtures';

describe('Netscape bookmark HTML', () => {
  it('turns enclosing folders into tags, but not the browser’s own roots', async () => {
    const result = await readFixture('bookmarks.html');
    expect(result.format).toBe('netscape-html');
    expect(byUrl(result, 'https://example.com/seconds')).toMatchObject({
      title: 'Seconds & more',
      tags: ['Reading List', 'x', 'tag with spaces'],
      excerpt: 'A description',
    });
    expect(byUrl(result, 'https://example.com/milliseconds').tags).toEqual(['Reading List', 'Deep Folder']);
    expect(byUrl(result, 'https://example.com/in-bar').tags).toEqual([]);
  });

  it('reads ADD_DATE in seconds, milliseconds and microseconds', async () => {
    const result = await readFixture('bookmarks.html');
    expect(byUrl(result, 'https://example.com/seconds').savedAt).toBe('2020-09-13T12:26:40.000Z');
    expect(byUrl(result, 'https://example.com/milliseconds').savedAt).toBe('2020-09-13T12:26:40.123Z');
    expect(byUrl(result, 'https://example.com/micro').savedAt).toBe('2020-09-13T12:26:40.000Z');
  });

  it('keeps Unicode and right-to-left titles, and skips javascript: bookmarklets', async () => {
    const result = await readFixture('bookmarks.html');
    expect(byUrl(result, 'https://example.org/ﬁ/مرحبا').title).toBe('مرحبا بالعالم');
    expect(result.skipped).toEqual([
      { item: 'bookmark 4 (Bookmarklet)', reason: 'not a web address (javascript: link)' },
    ]);
    expect(result.entries).toHaveLength(5);
  });
});
