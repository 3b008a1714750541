import { describe, expect, it } from 'vitest';
import { readOmnivoreHighlights } from '../../../electron/core/import/formats/omnivore-highlights-md';
import { byTitle, byUrl, readFixture } from './fixtures';

describe('Omnivore export', () => {
  it('reads every metadata batch, with state, progress (0–100 → 0–1), labels, dates and kept nulls', async () => {
    const result = await readFixture('omnivore-export');
    expect(result.format).toBe('omnivore-zip');
    expect(byUrl(result, 'https://example.com/essays/margins')).toMatchObject({
      title: 'A Long Essay, on "Margins"',
      author: 'Ana Ruiz',
      excerpt: 'About writing in margins.',
      archived: true,
      readingProgress: 0.455,
      tags: ['essays', 'to read later'],
      savedAt: '2023-10-30T12:00:00.000Z',
      publishedAt: '2023-10-01T00:00:00.000Z',
      source: { file: 'metadata_0_to_20.json', item: 'a-long-essay-18c2f' },
    });
    expect(byUrl(result, 'https://example.com/nulls')).toMatchObject({
      title: null,
      author: null,
      publishedAt: null,
      archived: false,
      readingProgress: 1,
    });
    expect(byUrl(result, 'https://example.co.il/typography')).toMatchObject({
      title: 'מאמר על טיפוגרפיה',
      tags: ['עברית'],
      readingProgress: 0.12,
    });
  });

  it('uses content/{slug}.html as the article', async () => {
    const result = await readFixture('omnivore-export');
    expect(byUrl(result, 'https://example.com/essays/margins').contentHtml).toContain(
      '<p>Readers have always written in margins.</p>',
    );
    expect(byUrl(result, 'https://example.com/nulls').contentHtml).toBeNull();
  });

  it('keeps a PDF entry and says PDFs cannot be read yet', async () => {
    const result = await readFixture('omnivore-export');
    expect(byUrl(result, 'https://example.com/paper.pdf')).toMatchObject({ pdf: true, contentHtml: null });
    expect(result.warnings).toContainEqual({
      file: 'metadata_0_to_20.json',
      item: 'a-paper-pdf-99aa',
      reason: expect.stringContaining('cannot read yet'),
    });
  });

  it('reads highlights/{slug}.md: multi-paragraph quotes, labels, notes and the article note', async () => {
    const article = byUrl(await readFixture('omnivore-export'), 'https://example.com/essays/margins');
    expect(article.note).toBe('This essay changed how I annotate.');
    expect(article.highlights.map(({ exact, labels, note }) => ({ exact, labels, note }))).toEqual([
      {
        exact: 'The first paragraph of the quote.\n\nThe second paragraph of the quote.',
        labels: ['important', 'margin-notes'],
        note: 'My note on the first highlight,\nover two lines.',
      },
      { exact: 'A short passage.', labels: [], note: '' },
      { exact: 'Readers have always written in margins.', labels: [], note: 'A note without labels.' },
    ]);
    expect(article.highlights[1].source).toEqual({ file: 'highlights/a-long-essay-18c2f.md', line: 12 });
  });

  it('keeps the highlights of an item without a URL, and skips an item with neither', async () => {
    const result = await readFixture('omnivore-export');
    expect(byTitle(result, 'A note without a page')).toMatchObject({ url: null });
    expect(byTitle(result, 'A note without a page').highlights.map((h) => h.exact)).toEqual([
      'Kept even though the item has no URL.',
    ]);
    expect(result.skipped).toEqual([{ file: 'metadata_20_to_40.json', item: 'no-url-nothing', reason: 'no URL' }]);
  });
});

describe('Omnivore highlights without an item', () => {
  it('keeps highlights whose item is missing from the metadata, in a document without a URL', async () => {
    const result = await readFixture('omnivore-export');
    const orphan = byTitle(result, 'orphan-slug');
    expect(orphan).toMatchObject({ url: null, source: { file: 'highlights/orphan-slug.md' } });
    expect(orphan.highlights.map((h) => [h.exact, h.note])).toEqual([
      ['A passage whose item is missing from the metadata.', 'Still mine.'],
    ]);
    expect(result.warnings).toContainEqual({
      file: 'highlights/orphan-slug.md',
      reason: expect.stringContaining('missing'),
    });
  });
});

describe('Omnivore highlights Markdown', () => {
  it('reads a note that stands alone, and a highlight whose quote lost its trailing space', () => {
    const read = readOmnivoreHighlights('Only an article note.\n', 'h.md');
    expect(read).toEqual({ articleNote: 'Only an article note.', highlights: [] });
    const trimmed = readOmnivoreHighlights('> first line\n> second line\n\n#tag\n\nnote\n\n> next\n', 'h.md');
    expect(trimmed.highlights.map((h) => [h.exact, h.labels, h.note])).toEqual([
      ['first line\nsecond line', ['tag'], 'note'],
      ['next', [], ''],
    ]);
  });

  it('takes a #word inside a note as text, not labels', () => {
    const read = readOmnivoreHighlights('> quote \n\nI think #this matters\n', 'h.md');
    expect(read.highlights[0]).toMatchObject({ labels: [], note: 'I think #this matters' });
  });
});
