import { zipSync, strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readImportPath } from '../../../electron/core/import/read-import';
import { tempDir, writeTemp } from './fixtures';

const ROWS = 20_000;
const HIGHLIGHTED_EVERY = 4;

function pocketExport(): Uint8Array {
  const rows = ['title,url,time_added,tags,status'];
  const annotations = [];
  for (let i = 0; i < ROWS; i++) {
    const url = `https://site${i % 50}.example/articles/${i}?utm_source=feed`;
    rows.push(
      `"Article ${i}, ""quoted""",${url},${1_600_000_000 + i},tag${i % 20}|long read,${i % 3 ? 'unread' : 'archive'}`,
    );
    if (i % HIGHLIGHTED_EVERY === 0) {
      // The annotation names the page without the campaign parameter: pairing goes by normalised URL.
      const bare = `https://site${i % 50}.example/articles/${i}`;
      annotations.push({
        url: bare,
        title: `Article ${i}`,
        highlights: [{ quote: `Passage ${i}`, created_at: 1_600_000_000 + i }],
      });
    }
  }
  return zipSync({
    'part_000000.csv': strToU8(rows.join('\n')),
    'annotations/part_000000.json': strToU8(JSON.stringify(annotations)),
  });
}

describe('reading a large export', () => {
  it(`reads ${ROWS} Pocket rows with ${ROWS / HIGHLIGHTED_EVERY} highlights, every highlight on its item`, async () => {
    const { dir, cleanup } = await tempDir();
    try {
      const path = await writeTemp(dir, 'pocket.zip', pocketExport());
      const result = await readImportPath(path);
      expect(result.format).toBe('pocket-zip');
      expect(result.entries).toHaveLength(ROWS);
      expect(result.entries.reduce((n, e) => n + e.highlights.length, 0)).toBe(ROWS / HIGHLIGHTED_EVERY);
      expect(result.warnings).toEqual([]);
      expect(result.entries[4]).toMatchObject({ title: 'Article 4, "quoted"', highlights: [{ exact: 'Passage 4' }] });
    } finally {
      await cleanup();
    }
  });
});
