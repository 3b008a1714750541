import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { CSV_COLUMNS, writeCsv } from '../../../electron/core/export/formats/csv-export';
import { article, FIXTURE_ARTICLES, highlight, HOSTILE_TITLE } from './export-fixtures';

const readBack = (csv: string): Record<string, string>[] => parse(csv, { columns: true, skip_empty_lines: false });

describe('CSV export', () => {
  const csv = writeCsv(FIXTURE_ARTICLES);
  const rows = readBack(csv);

  it('has the header url,title,tags,savedAt,archived,favourite,highlights and one row per article', () => {
    expect(csv.split('\n')[0]).toBe(CSV_COLUMNS.join(','));
    expect(rows).toHaveLength(FIXTURE_ARTICLES.length);
  });

  it('round-trips quotes, commas, newlines, Unicode and right-to-left text through csv-parse', () => {
    expect(rows[0]).toEqual({
      url: 'https://example.com/uni00000001',
      title: 'Ünïcödé: 日本語の記事 — “quotes” & emoji 🧵',
      tags: 'machine learning | Ünicode | a,b',
      savedAt: '2024-03-05T09:12:44.123Z',
      archived: 'false',
      favourite: 'true',
      highlights: '> Café naïve “quotes”\nA note, with "quotes"\nand a second line\n\n> Brot\n> 2,50',
    });
    expect(rows[1]).toMatchObject({ title: 'مرحبا بالعالم — שלום עולם', tags: 'عربي | with space', archived: 'true' });
    expect(rows[2].title).toBe(HOSTILE_TITLE);
    expect(rows[2].url).toBe('https://example.com/q?a=1&b=%22x%22');
    expect(rows[3]).toMatchObject({ url: '', highlights: '' });
  });

  it('defuses cells a spreadsheet would run as formulas, and only those', () => {
    const risky = writeCsv([
      {
        article: article({ id: 'f1', title: '=HYPERLINK("http://evil","x")', tags: ['+1', 'ok'] }),
        highlights: [highlight('f1', 1, 'fine')],
      },
      { article: article({ id: 'f2', title: '@SUM(1)' }), highlights: [] },
    ]);
    const [first, second] = readBack(risky);
    expect(first.title).toBe(`'=HYPERLINK("http://evil","x")`);
    expect(first.tags).toBe(`'+1 | ok`);
    expect(first.highlights).toBe('> fine');
    expect(second.title).toBe(`'@SUM(1)`);
    // The hostile fixture's tags start with "=" too; its highlight note is inside the cell, not at its start.
    expect(rows[2].tags).toBe(`'=cmd|calc | --- | yes`);
    expect(rows[2].highlights).toBe(`> -1+1\n@SUM(A1)\n---\n<b>not bold</b>`);
  });

  it('writes an empty export as the header alone', () => {
    expect(writeCsv([])).toBe(`${CSV_COLUMNS.join(',')}\n`);
  });
});
