import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EXTRACTION_KINDS, HIGHLIGHT_COLORS, type ArticleMeta, type Highlight } from '@shared/model';
import type { ExportLibrary } from '../../../electron/core/export/export-model';
import { folderFiles, folderSink, type ExportSink } from '../../../electron/core/export/export-files';
import { writeOffprintJson } from '../../../electron/core/export/formats/offprint-json';
import { isOffprintJson, readOffprintJson } from '../../../electron/core/export/formats/offprint-json-read';
import { fixtureLibrary, FIXTURE_ARTICLES, PNG, PNG_NAME } from './export-fixtures';

const text = fc.string({ unit: 'grapheme', maxLength: 40 });
const iso = fc
  .date({ min: new Date('1990-01-01'), max: new Date('2090-01-01'), noInvalidDate: true })
  .map((d) => d.toISOString());
const nullable = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: null });

const articleArb = (id: string): fc.Arbitrary<ArticleMeta> =>
  fc.record(
    {
      id: fc.constant(id),
      url: text,
      originalUrl: text,
      title: text,
      byline: nullable(text),
      siteName: nullable(text),
      excerpt: nullable(text),
      lang: nullable(text),
      dir: nullable(fc.constantFrom('ltr' as const, 'rtl' as const)),
      publishedTime: nullable(iso),
      wordCount: fc.nat(),
      readingMinutes: fc.nat(),
      leadImage: nullable(text),
      extraction: fc.constantFrom(...EXTRACTION_KINDS),
      savedAt: iso,
      updatedAt: iso,
      archived: fc.boolean(),
      favourite: fc.boolean(),
      tags: fc.array(text, { maxLength: 4 }),
      progress: fc.double({ min: 0, max: 1, noNaN: true }),
      highlightCount: fc.nat(),
      deletedAt: nullable(iso),
      readAt: nullable(iso),
      contentMissing: fc.boolean(),
      awaitingCapture: fc.boolean(),
      importId: text,
    },
    // The optional fields are sometimes absent, which must stay absent.
    {
      requiredKeys: [
        ...['id', 'url', 'originalUrl', 'title', 'byline', 'siteName', 'excerpt', 'lang', 'dir'],
        ...['publishedTime', 'wordCount', 'readingMinutes', 'leadImage', 'extraction', 'savedAt', 'updatedAt'],
        ...['archived', 'favourite', 'tags', 'progress', 'highlightCount'],
      ] as (keyof ArticleMeta)[],
    },
  );

const highlightArb = (articleId: string, id: string): fc.Arbitrary<Highlight> =>
  fc.record(
    {
      id: fc.constant(id),
      articleId: fc.constant(articleId),
      quote: fc.record({ type: fc.constant('TextQuoteSelector' as const), exact: text, prefix: text, suffix: text }),
      position: fc.record({ type: fc.constant('TextPositionSelector' as const), start: fc.nat(), end: fc.nat() }),
      color: fc.constantFrom(...HIGHLIGHT_COLORS),
      note: text,
      text,
      labels: fc.array(text, { maxLength: 3 }),
      importId: text,
      createdAt: iso,
      updatedAt: iso,
    },
    { requiredKeys: ['id', 'articleId', 'quote', 'position', 'color', 'note', 'createdAt', 'updatedAt'] },
  );

interface Generated {
  articles: { article: ArticleMeta; highlights: Highlight[] }[];
  content: Map<string, string | null>;
  images: Map<string, Map<string, Uint8Array>>;
}

const imageName = fc.stringMatching(/^[a-z0-9][a-z0-9._-]{0,20}$/).filter((n) => !n.includes('..'));

const libraryArb: fc.Arbitrary<Generated> = fc
  .uniqueArray(fc.stringMatching(/^[a-z0-9]{12}$/), { maxLength: 6 })
  .chain((ids) =>
    fc.tuple(
      ...ids.map((id) =>
        fc.record({
          article: articleArb(id),
          highlights: fc
            .uniqueArray(fc.stringMatching(/^[a-z0-9]{8}$/), { maxLength: 3 })
            .chain((hids) => fc.tuple(...hids.map((hid) => highlightArb(id, hid)))),
          content: nullable(fc.string({ unit: 'grapheme', maxLength: 200 })),
          images: fc.dictionary(imageName, fc.uint8Array({ maxLength: 64 }), { maxKeys: 3 }),
        }),
      ),
    ),
  )
  .map((entries) => ({
    articles: entries.map(({ article, highlights }) => ({ article, highlights })),
    content: new Map(entries.map((e) => [e.article.id, e.content])),
    images: new Map(entries.map((e) => [e.article.id, new Map(Object.entries(e.images))])),
  }));

function memoryFiles(): {
  sink: ExportSink;
  open: (path: string) => Promise<Uint8Array>;
  files: Map<string, Uint8Array>;
} {
  const files = new Map<string, Uint8Array>();
  return {
    files,
    sink: {
      writeFile: async (path, data) => {
        files.set(path, typeof data === 'string' ? new TextEncoder().encode(data) : data);
      },
    },
    open: async (path) => {
      const bytes = files.get(path);
      if (!bytes) throw new Error(`no file ${path}`);
      return bytes;
    },
  };
}

const asLibrary = (g: Generated): ExportLibrary => ({
  articles: g.articles,
  readContent: async (id) => g.content.get(id) ?? null,
  readImages: async (id) => g.images.get(id) ?? new Map(),
});

describe('Offprint JSON export', () => {
  it('reads back exactly the library it wrote, with and without content (generated libraries)', async () => {
    await fc.assert(
      fc.asyncProperty(libraryArb, fc.boolean(), async (generated, includeContent) => {
        const { sink, open, files } = memoryFiles();
        await writeOffprintJson(asLibrary(generated), sink, {
          fileName: 'library.json',
          includeContent,
          exportedAt: '2024-01-01T00:00:00.000Z',
        });
        const json = new TextDecoder().decode(files.get('library.json'));
        expect(isOffprintJson(json)).toBe(true);
        const read = readOffprintJson(json, open);
        expect(read.articles).toStrictEqual(structuredClone(generated.articles));
        expect(read.exportedAt).toBe('2024-01-01T00:00:00.000Z');
        for (const { article } of generated.articles) {
          const content = await read.readContent(article.id);
          const images = await read.readImages(article.id);
          if (!includeContent) {
            expect(content).toBeNull();
            expect(images.size).toBe(0);
            continue;
          }
          expect(content).toBe(generated.content.get(article.id));
          const expected = content === null ? new Map() : generated.images.get(article.id);
          expect(new Map(images)).toStrictEqual(expected);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('writes its content beside the JSON file in a folder, and reads it back from there', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'offprint-json-'));
    try {
      const result = await writeOffprintJson(fixtureLibrary(), folderSink(dir), {
        fileName: 'my export.json',
        includeContent: true,
      });
      expect(result.files.at(-1)).toBe('my export.json');
      expect(result.files).toContain(`my export-content/uni00000001/images/${PNG_NAME}`);
      const json = await readFile(join(dir, 'my export.json'), 'utf8');
      const read = readOffprintJson(json, folderFiles(dir));
      expect(read.articles).toStrictEqual(FIXTURE_ARTICLES);
      expect(read.hasContent).toBe(true);
      expect(await read.readContent('uni00000001')).toBe(await fixtureLibrary().readContent('uni00000001'));
      expect((await read.readImages('uni00000001')).get(PNG_NAME)).toEqual(PNG);
      expect(await read.readContent('doc000000001')).toBeNull();
      // The Trash, progress and selectors are all there.
      expect(JSON.parse(json).articles[3].article.deletedAt).toBe('2024-04-01T00:00:00.000Z');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('refuses files that are not its format, a newer version, damage, and paths outside the folder', async () => {
    const { sink, files } = memoryFiles();
    await writeOffprintJson(fixtureLibrary(), sink, { fileName: 'x.json', includeContent: true });
    const good = JSON.parse(new TextDecoder().decode(files.get('x.json')));
    const bad = (change: (doc: typeof good) => void) => {
      const doc = structuredClone(good);
      change(doc);
      return () => readOffprintJson(JSON.stringify(doc));
    };
    expect(() => readOffprintJson('{"format":"wallabag"}')).toThrow(/not an Offprint JSON export/);
    expect(() => readOffprintJson('{not json')).toThrow(/not valid JSON/);
    expect(bad((d) => (d.version = 2))).toThrow(/version 2/);
    expect(bad((d) => (d.articles[0].article.progress = 'half'))).toThrow(/articles\.0\.article\.progress/);
    expect(bad((d) => (d.articles[0].highlights[0].articleId = 'other'))).toThrow(/does not belong/);
    expect(bad((d) => d.articles.push(d.articles[0]))).toThrow(/twice/);
    expect(bad((d) => (d.articles[0].content.html = '../../etc/passwd'))).toThrow(/outside its folder/);
    expect(bad((d) => (d.articles[0].content.images[0].path = '/etc/passwd'))).toThrow(/outside its folder/);
    expect(isOffprintJson('{"articles":[]}')).toBe(false);
  });
});
