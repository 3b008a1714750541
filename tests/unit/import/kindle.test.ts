import { describe, expect, it } from 'vitest';
import { readKindleClippings } from '../../../electron/core/import/formats/kindle-clippings';
import { byTitle, readFixture } from './fixtures';

const local = (...parts: [number, number, number, number, number, number]) => new Date(...parts).toISOString();

describe('Kindle My Clippings.txt', () => {
  it('makes each book a document without a URL, title and author split, BOMs gone', async () => {
    const result = await readFixture('My Clippings.txt');
    expect(result.format).toBe('kindle-clippings');
    expect(result.entries.map((e) => [e.title, e.author, e.url])).toEqual([
      ['The Pragmatic Reader', 'Jane Q. Author', null],
      ['Der Prozess', 'Kafka, Franz', null],
      ['Le Petit Prince', 'Antoine de Saint-Exupéry', null],
      ['吾輩は猫である', '夏目漱石', null],
      ['Kalevala', 'Elias Lönnrot', null],
      ['ספר בעברית', 'מחבר', null],
    ]);
  });

  it('keeps the newest version of an edited highlight and joins a note to the highlight at its location', async () => {
    const book = byTitle(await readFixture('My Clippings.txt'), 'The Pragmatic Reader');
    expect(book.highlights.map(({ exact, note, locator, createdAt }) => ({ exact, note, locator, createdAt }))).toEqual(
      [
        {
          exact: 'Short first version, now with a longer span',
          note: 'My note on the edited highlight',
          locator: 'page 12 · location 170-175',
          createdAt: local(2023, 2, 6, 9, 0, 0),
        },
        {
          exact: 'Another passage,\nover two lines',
          note: '',
          locator: 'page 40 · location 600-601',
          createdAt: local(2023, 2, 7, 12, 30, 0),
        },
        // A note with no highlight at its location is kept on its own.
        {
          exact: '',
          note: 'A note with no highlight',
          locator: 'page 90 · location 1400',
          createdAt: local(2023, 2, 7, 12, 31, 0),
        },
      ],
    );
  });

  it('reads device languages it knows, and keeps a highlight whose date it cannot read, saying so', async () => {
    const result = await readFixture('My Clippings.txt');
    const march5 = local(2023, 2, 5, 23, 12, 44);
    for (const title of ['Der Prozess', 'Le Petit Prince', '吾輩は猫である', 'ספר בעברית']) {
      expect(byTitle(result, title).highlights[0].createdAt).toBe(march5);
    }
    expect(byTitle(result, 'Der Prozess').highlights[0].locator).toBe('location 88-90');
    expect(byTitle(result, 'Kalevala').highlights[0]).toMatchObject({ exact: 'Mieleni minun tekevi', createdAt: null });
    expect(result.warnings).toContainEqual({ line: 47, reason: expect.stringContaining('could not be read') });
  });

  it('skips bookmarks and reports the superseded version of an edited highlight', async () => {
    const result = await readFixture('My Clippings.txt');
    // Skipped rather than imported: the edit replaces it.
    expect(result.skipped).toEqual([
      { line: 1, reason: 'an earlier version of the highlight at line 11: the newest is kept' },
      { line: 6, reason: 'a bookmark marks a place and holds no text' },
    ]);
    expect(result.warnings).toEqual([{ line: 47, reason: expect.stringContaining('could not be read') }]);
  });

  it('reads old Kindles’ shortened location ranges', () => {
    const text =
      'Book (A)\n- Highlight Loc. 1170-72  | Added on Sunday, March 5, 2023 11:12:44 PM\n\nOld style\n==========\n';
    expect(readKindleClippings(text).entries[0].highlights[0].locator).toBe('location 1170-1172');
  });
});

describe('Kindle highlights that share a location', () => {
  it('keeps two different highlights in one location', () => {
    const clip = (text: string) =>
      `Book (A)\n- Your Highlight on Location 170-170 | Added on Sunday, March 5, 2023 11:12:44 PM\n\n${text}\n==========\n`;
    const result = readKindleClippings(clip('First words') + clip('Other words'));
    expect(result.entries[0].highlights.map((h) => h.exact)).toEqual(['First words', 'Other words']);
    expect(result.skipped).toEqual([]);
  });
});

describe('Kindle notes repeated by a second sync', () => {
  it('keeps a note repeated word for word once, saying so', () => {
    const clip = (kind: string, where: string, text: string) =>
      `Book (A)\n- Your ${kind} on Location ${where} | Added on Sunday, March 5, 2023 11:12:44 PM\n\n${text}\n==========\n`;
    const text =
      clip('Highlight', '10-12', 'A passage') + clip('Note', '12', 'My note') + clip('Note', '12', 'My note');
    const result = readKindleClippings(text);
    expect(result.entries[0].highlights.map((h) => [h.exact, h.note])).toEqual([['A passage', 'My note']]);
    expect(result.skipped).toEqual([{ line: 11, reason: 'the same note again at the same place: kept once' }]);
  });
});
