import { describe, expect, it } from 'vitest';
import { byUrl, readFixture } from './fixtures';

describe('Karakeep JSON', () => {
  it('reads links with unix-second dates, tags, lists as tags, notes and archived state', async () => {
    const result = await readFixture('karakeep.json');
    expect(result.format).toBe('karakeep-json');
    expect(byUrl(result, 'https://example.com/kk-1')).toMatchObject({
      title: 'Karakeep link',
      savedAt: '2024-05-29T16:26:40.000Z',
      tags: ['self-hosted', 'tag with spaces', 'Reading queue'],
      note: 'Why I saved it',
      archived: true,
    });
    expect(byUrl(result, 'https://example.com/kk-2')).toMatchObject({ title: null, archived: false, tags: [] });
  });

  it('skips text notes and uploads, saying why', async () => {
    expect((await readFixture('karakeep.json')).skipped).toEqual([
      { item: 'bookmark 3 (A text note)', reason: 'a text note, not a web page' },
      { item: 'bookmark 4 (An uploaded image)', reason: 'no link (an uploaded file or image)' },
    ]);
  });
});
