/**
 * The lossless promise of Offprint JSON: a library built with the real core (pages saved from a
 * local server, then tagged, archived, favourited, read, highlighted and trashed), exported with
 * content and restored into an empty library, comes back the same — every article field, tags,
 * highlights with their selectors, notes and colours, progress, body, plain text and images.
 */
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { HIGHLIGHT_COLORS, type ArticleWithContent } from '@shared/model';
import { OffprintCore } from '../../../electron/core/offprint-core';
import { sendBody, startFixtureServer, type FixtureServer } from '../../support/fixture-server';
import { makePng } from '../../support/images';

const WORDS = ['delta', 'silt', 'harbour', 'lantern', 'orchard', 'quarry', 'meadow', 'glacier', 'ferry', 'moss'];
const TAGS = ['research', 'Later', 'long read', 'café'];

const articleSpec = fc.record({
  sentences: fc.array(fc.array(fc.constantFrom(...WORDS), { minLength: 6, maxLength: 12 }), {
    minLength: 4,
    maxLength: 7,
  }),
  withImage: fc.boolean(),
  tags: fc.subarray(TAGS),
  archived: fc.boolean(),
  favourite: fc.boolean(),
  progress: fc.integer({ min: 0, max: 100 }),
  trashed: fc.boolean(),
  highlights: fc.array(
    fc.record({
      sentence: fc.nat(),
      color: fc.constantFrom(...HIGHLIGHT_COLORS),
      note: fc.oneof(fc.constant(''), fc.string({ maxLength: 40 })),
    }),
    { maxLength: 3 },
  ),
});

let server: FixtureServer;
let work: string;
let run = 0;

beforeAll(async () => {
  server = await startFixtureServer();
  server.route('/img.png', sendBody(makePng(40, 30, [20, 120, 200]), 'image/png'));
  work = await mkdtemp(join(tmpdir(), 'offprint-round-trip-'));
});
afterAll(async () => {
  await server.close();
  await rm(work, { recursive: true, force: true });
});

function page(title: string, sentences: string[][], withImage: boolean): string {
  const paragraphs = sentences.map((words) => `<p>${title} says ${words.join(' ')}, and that is all.</p>`).join('\n');
  const image = withImage ? `<figure><img src="/img.png" alt="A picture" width="40" height="30"></figure>` : '';
  return `<!doctype html><html lang="en"><head><title>${title}</title></head><body><article><h1>${title}</h1>
${paragraphs}${image}${'<p>Filler sentence that keeps the article long enough to be one.</p>'.repeat(4)}</article></body></html>`;
}

async function snapshot(core: OffprintCore, dir: string) {
  const ids = [...(await core.listArticles({ view: 'all' })), ...(await core.listArticles({ view: 'trash' }))].map(
    (a) => a.id,
  );
  const articles: Record<string, { article: ArticleWithContent; text: string; images: Record<string, string> }> = {};
  for (const id of ids.sort()) {
    const assets = join(dir, 'articles', id, 'assets');
    const names = await readdir(assets).catch(() => []);
    const images: Record<string, string> = {};
    for (const name of names.sort()) images[name] = (await readFile(join(assets, name))).toString('base64');
    articles[id] = { article: await core.getArticle(id), text: await core.getArticleText(id), images };
  }
  return articles;
}

it('an Offprint JSON export restored into an empty library reproduces the library', async () => {
  await fc.assert(
    fc.asyncProperty(fc.array(articleSpec, { minLength: 1, maxLength: 3 }), async (specs) => {
      run += 1;
      const source = join(work, `source-${run}`);
      const target = join(work, `target-${run}`);
      const backup = join(work, `backup-${run}`, 'library.json');
      const core = await OffprintCore.open({ libraryDir: source });
      try {
        for (const [i, spec] of specs.entries()) {
          const path = `/run-${run}/article-${i}`;
          const title = `Article ${run}-${i}`;
          server.route(path, sendBody(page(title, spec.sentences, spec.withImage)));
          const { id } = (await core.saveUrl(server.url(path))).article;
          const text = await core.getArticleText(id);
          for (const h of spec.highlights) {
            const words = spec.sentences[h.sentence % spec.sentences.length];
            const exact = words.join(' ');
            const start = text.indexOf(exact);
            await core.addHighlight({
              articleId: id,
              quote: {
                type: 'TextQuoteSelector',
                exact,
                prefix: text.slice(Math.max(0, start - 20), start),
                suffix: text.slice(start + exact.length, start + exact.length + 20),
              },
              position: { type: 'TextPositionSelector', start, end: start + exact.length },
              color: h.color,
              note: h.note,
            });
          }
          for (const tag of spec.tags) await core.addTag(id, tag);
          if (spec.archived) await core.setArchived(id, true);
          if (spec.favourite) await core.setFavourite(id, true);
          await core.setProgress(id, spec.progress / 100);
          if (spec.trashed) await core.deleteArticles([id]);
        }
        await core.exportArticles({ format: 'json', includeContent: true }, backup);
        const before = await snapshot(core, source);

        const restored = await OffprintCore.open({ libraryDir: target });
        try {
          const outcome = await restored.importOffprintJson(backup);
          expect(outcome.articles).toBe(specs.length);
          expect(outcome.withoutContent).toBe(0);
          expect(await snapshot(restored, target)).toEqual(before);
        } finally {
          await restored.close();
        }
        // Reopened from disk, the restored library is still the same.
        const reopened = await OffprintCore.open({ libraryDir: target });
        try {
          expect(await snapshot(reopened, target)).toEqual(before);
        } finally {
          await reopened.close();
        }
      } finally {
        await core.close();
      }
    }),
    { numRuns: 4 },
  );
}, 120_000);

it('refuses to restore into a library that already holds articles', async () => {
  const dir = join(work, 'not-empty');
  const core = await OffprintCore.open({ libraryDir: dir });
  try {
    server.route('/single', sendBody(page('Single', [WORDS, WORDS, WORDS, WORDS], false)));
    await core.saveUrl(server.url('/single'));
    const backup = join(work, 'single-backup', 'library.json');
    await core.exportArticles({ format: 'json', includeContent: true }, backup);
    await expect(core.importOffprintJson(backup)).rejects.toThrow(/empty library/);
  } finally {
    await core.close();
  }
}, 30_000);

it('finds restored articles by their words (the search index follows the restore)', async () => {
  const source = await OffprintCore.open({ libraryDir: join(work, 'search-source') });
  const backup = join(work, 'search-backup', 'library.json');
  try {
    server.route('/zebra', sendBody(page('Zebra crossings', [WORDS, ['zanzibar', ...WORDS], WORDS, WORDS], false)));
    await source.saveUrl(server.url('/zebra'));
    await source.exportArticles({ format: 'json', includeContent: true }, backup);
  } finally {
    await source.close();
  }
  const target = await OffprintCore.open({ libraryDir: join(work, 'search-target') });
  try {
    expect(await target.search('zanzibar')).toEqual([]);
    await target.importOffprintJson(backup);
    const hits = await target.search('zanzibar');
    expect(hits.map((h) => h.article.title)).toEqual(['Zebra crossings']);
  } finally {
    await target.close();
  }
}, 30_000);
