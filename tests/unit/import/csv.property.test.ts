import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readInstapaperCsv } from '../../../electron/core/import/formats/instapaper-csv';
import { readPocketCsv } from '../../../electron/core/import/formats/pocket-csv';

/** Characters that break naive CSV handling, and text from other scripts. */
const tricky = fc.constantFrom('"', ',', '\n', '\r\n', ' ', '|', 'a', 'Z', 'é', 'ש', 'ع', '日', '😀', "'", '[', ']');
const text = fc.string({ unit: tricky, maxLength: 24 });
/** Tags with spaces and quotes; never `|`, Pocket's separator. */
const tag = fc
  .string({ unit: fc.constantFrom('a', 'b', ' ', 'é', 'ש', '"', ',', '日'), minLength: 1, maxLength: 10 })
  .map((t) => t.trim())
  .filter((t) => t.length > 0);

/** RFC 4180 quoting, as the exporting services write it. */
const cell = (value: string) => `"${value.replaceAll('"', '""')}"`;

interface Row {
  title: string;
  tags: string[];
  archived: boolean;
  seconds: number;
}

const rows = fc.array(
  fc.record({
    title: text,
    tags: fc.uniqueArray(tag, { maxLength: 4 }),
    archived: fc.boolean(),
    seconds: fc.integer({ min: 1_000_000_000, max: 2_000_000_000 }),
  }),
  { maxLength: 30 },
);

/** What a title becomes once read: line endings unified, outer space trimmed. */
const readTitle = (title: string) => title.replace(/\r\n?/g, '\n').trim() || null;

describe('CSV fields with quotes, commas, newlines and any script survive reading', () => {
  it('Pocket CSV', () => {
    fc.assert(
      fc.property(rows, (generated: Row[]) => {
        const lines = generated.map(
          (r, i) =>
            `${cell(r.title)},https://example.com/${i},${r.seconds},${cell(r.tags.join('|'))},${r.archived ? 'archive' : 'unread'}`,
        );
        const result = readPocketCsv(['title,url,time_added,tags,status', ...lines].join('\r\n'));
        expect(result.skipped).toEqual([]);
        expect(
          result.entries.map((e) => ({ title: e.title, tags: e.tags, archived: e.archived, savedAt: e.savedAt })),
        ).toEqual(
          generated.map((r) => ({
            title: readTitle(r.title),
            tags: r.tags,
            archived: r.archived,
            savedAt: new Date(r.seconds * 1000).toISOString(),
          })),
        );
      }),
      { numRuns: 200 },
    );
  });

  it('Instapaper CSV, with tags as a JSON array in a cell', () => {
    fc.assert(
      fc.property(rows, (generated: Row[]) => {
        const lines = generated.map(
          (r, i) => `https://example.com/${i},${cell(r.title)},,Unread,${r.seconds},${cell(JSON.stringify(r.tags))}`,
        );
        const result = readInstapaperCsv(['URL,Title,Selection,Folder,Timestamp,Tags', ...lines].join('\n'));
        expect(result.skipped).toEqual([]);
        expect(result.entries.map((e) => [e.source.line, e.title, e.tags])).toEqual(
          generated.map((r, i) => [
            // Each row starts after the lines the earlier rows' titles spread over.
            2 + generated.slice(0, i).reduce((n, p) => n + (p.title.match(/\r\n|\r|\n/g)?.length ?? 0), 0) + i,
            readTitle(r.title),
            r.tags,
          ]),
        );
      }),
      { numRuns: 200 },
    );
  });
});
