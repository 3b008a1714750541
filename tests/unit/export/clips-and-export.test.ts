import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ArticleMeta, Highlight } from '@shared/model';
import { groupByArticle, type Clip } from '@shared/transfer/clip';
import { safeFileStem, uniqueFileNames } from '@shared/transfer/export-file-name';
import { articleToMarkdown, blockquote, quoteWithCitation } from '@shared/transfer/markdown-export';
import { toAnnotationCollection, toWebAnnotation } from '@shared/transfer/web-annotation-export';
import { exportHighlights } from '../../../electron/core/export/export-highlights';
import { listClips } from '../../../electron/core/clips/list-clips';

const article = (over: Partial<ArticleMeta> = {}): ArticleMeta => ({
  id: 'a1',
  url: 'https://example.com/essay',
  originalUrl: 'https://example.com/essay',
  title: 'On "Margins": notes',
  byline: 'Ana Ruiz',
  siteName: 'Example Review',
  excerpt: null,
  lang: 'en',
  dir: 'ltr',
  publishedTime: null,
  wordCount: 100,
  readingMinutes: 1,
  leadImage: null,
  extraction: 'readability',
  savedAt: '2024-05-01T10:00:00.000Z',
  updatedAt: '2024-05-01T10:00:00.000Z',
  archived: false,
  favourite: false,
  tags: ['Reading', 'craft'],
  progress: 0,
  highlightCount: 2,
  ...over,
});
const highlight = (id: string, exact: string, start: number, over: Partial<Highlight> = {}): Highlight => ({
  id,
  articleId: 'a1',
  quote: { type: 'TextQuoteSelector', exact, prefix: 'before ', suffix: ' after' },
  position: { type: 'TextPositionSelector', start, end: start + exact.length },
  color: 'yellow',
  note: '',
  createdAt: `2024-05-0${(start % 9) + 1}T00:00:00.000Z`,
  updatedAt: '2024-05-09T00:00:00.000Z',
  ...over,
});

describe('Markdown export', () => {
  it('writes YAML front matter, then each highlight as a quote followed by its note, in reading order', () => {
    const md = articleToMarkdown(article(), [
      highlight('h1', 'First passage.', 5, { note: 'Why it matters.' }),
      highlight('h2', 'Line one\nLine two', 40),
    ]);
    expect(md).toBe(
      [
        '---',
        'title: "On \\"Margins\\": notes"',
        'author: "Ana Ruiz"',
        'site: "Example Review"',
        'url: "https://example.com/essay"',
        'saved: 2024-05-01',
        'tags:',
        '  - "Reading"',
        '  - "craft"',
        '---',
        '',
        '# On "Margins": notes',
        '',
        '[Example Review](https://example.com/essay)',
        '',
        '> First passage.',
        '',
        'Why it matters.',
        '',
        '> Line one',
        '> Line two',
        '',
      ].join('\n'),
    );
  });

  it('keeps the blocks of a passage across table cells or paragraphs apart, from the text as read', () => {
    const across = highlight('h3', 'Rereading10Margin notes', 60, { text: 'Rereading\n10\nMargin notes' });
    const md = articleToMarkdown(article(), [across]);
    expect(md).toContain('> Rereading\n>\n> 10\n>\n> Margin notes\n');
    expect(md).not.toContain('Rereading10');
  });

  it('quotes a passage with its citation for the clipboard', () => {
    expect(quoteWithCitation('A line.\nAnother.', article())).toBe(
      '> A line.\n> Another.\n>\n> — [On "Margins": notes](https://example.com/essay), Example Review\n',
    );
    expect(blockquote('one\n\ntwo')).toBe('> one\n>\n> two');
  });
});

describe('Web Annotation export', () => {
  it('targets the article URL with a TextQuoteSelector and a TextPositionSelector', () => {
    const a = toWebAnnotation(article(), highlight('h1', 'Passage', 12, { note: 'A note', color: 'green' }));
    expect(a).toMatchObject({
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      type: 'Annotation',
      motivation: 'commenting',
      target: {
        source: 'https://example.com/essay',
        selector: [
          { type: 'TextQuoteSelector', exact: 'Passage', prefix: 'before ', suffix: ' after' },
          { type: 'TextPositionSelector', start: 12, end: 19 },
        ],
      },
    });
    expect(a.body).toEqual([
      { type: 'TextualBody', value: 'A note', purpose: 'commenting', format: 'text/plain' },
      { type: 'TextualBody', value: 'green', purpose: 'tagging' },
    ]);
    expect(toAnnotationCollection('All', [{ article: article(), highlights: [highlight('h1', 'x', 1)] }]).total).toBe(
      1,
    );
  });
});

describe('export file names', () => {
  it('are safe on every system and unique within one export', () => {
    expect(safeFileStem('a/b\\c:d*e?"f<g>|h')).toBe('a b c d e f g h');
    expect(safeFileStem('  ...  ')).toBe('Untitled');
    expect(safeFileStem('CON')).toBe('CON_');
    expect(safeFileStem('x'.repeat(300))).toHaveLength(80);
    expect(uniqueFileNames(['Notes', 'notes', 'Notes'], 'md')).toEqual(['Notes.md', 'notes (2).md', 'Notes (3).md']);
  });
});

describe('clips and writing an export', () => {
  const dirs: string[] = [];
  afterEach(async () => Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true }))));

  const source = (text: string) => ({
    articles: [
      article(),
      article({ id: 'a2', title: 'Second', tags: [], deletedAt: null, savedAt: '2024-06-01T00:00:00.000Z' }),
      article({ id: 'a3', title: 'Trashed', deletedAt: '2024-06-02T00:00:00.000Z' }),
    ],
    highlightsOf: async (id: string) =>
      id === 'a1'
        ? [
            highlight('h1', 'quiet library', 4, { color: 'blue', note: 'Café thoughts' }),
            highlight('h2', 'gone passage', 30),
          ]
        : [highlight(`${id}-h`, 'second text', 2, { articleId: id, createdAt: '2024-07-01T00:00:00.000Z' })],
    readText: async () => text,
  });

  it('lists every highlight outside the Trash, newest first, filtered, with orphans flagged', async () => {
    const all = await listClips(source('The quiet library keeps second text.'), {});
    expect(all.map((c) => c.highlight.id)).toEqual(['a2-h', 'h1', 'h2']);
    expect(all.find((c) => c.highlight.id === 'h2')!.orphaned).toBe(true);
    expect(all.find((c) => c.highlight.id === 'h1')!.orphaned).toBe(false);
    expect((await listClips(source(''), { color: 'blue' })).map((c) => c.highlight.id)).toEqual(['h1']);
    expect((await listClips(source(''), { tag: 'READING' })).map((c) => c.highlight.id)).toEqual(['h1', 'h2']);
    expect((await listClips(source(''), { text: 'cafe' })).map((c) => c.highlight.id)).toEqual(['h1']);
  });

  it('writes one Markdown file per article into the chosen folder, or nothing when cancelled', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'offprint-transfer-'));
    dirs.push(dir);
    const clips: Clip[] = await listClips(source('x'), {});
    const core = { listClips: async () => clips };
    expect(await exportHighlights(core, async () => null, { format: 'markdown' })).toEqual({
      written: false,
      files: [],
    });
    const result = await exportHighlights(core, async () => dir, { format: 'markdown' });
    expect(result.files.sort()).toEqual(['On Margins notes.md', 'Second.md']);
    expect((await readdir(dir)).sort()).toEqual(['On Margins notes.md', 'Second.md']);
    const md = await readFile(join(dir, 'On Margins notes.md'), 'utf8');
    expect(md).toBe(articleToMarkdown(article(), groupByArticle(clips).find((g) => g.article.id === 'a1')!.highlights));
    const json = await exportHighlights(core, async () => dir, { format: 'json' });
    const parsed = JSON.parse(await readFile(join(dir, json.files[0]), 'utf8'));
    expect(parsed).toMatchObject({ type: 'AnnotationCollection', total: 3 });
  });

  it('refuses an export with nothing in it', async () => {
    await expect(
      exportHighlights({ listClips: async () => [] }, async () => '/nowhere', { format: 'json' }),
    ).rejects.toThrow(/no highlights/);
  });
});
