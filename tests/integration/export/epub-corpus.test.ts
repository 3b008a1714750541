/**
 * Real pages through the real capture (Readability, the sanitizer), then into one EPUB that
 * epubcheck must accept: the XHTML rebuilding meets what the web actually sends, not just the
 * fixtures written for it. Skips, saying why, without the corpus or epubcheck.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../../electron/core/capture/extract-article';
import { finalizeArticleHtml } from '../../../electron/core/capture/sanitize-article';
import type { ExportArticle } from '../../../electron/core/export/export-model';
import { writeEpub } from '../../../electron/core/export/formats/epub';
import { article } from '../../unit/export/export-fixtures';
import { epubcheck, epubcheckMissing } from './epubcheck';

const CORPUS = join(import.meta.dirname, '../../../../shared/corpora/readability-test-pages');
const missing = !existsSync(CORPUS) ? `${CORPUS} is absent` : epubcheckMissing();
if (missing) console.log(`Skipping the EPUB corpus test: ${missing}.`);

describe.skipIf(!!missing)('EPUB export of real pages', () => {
  it('turns 130 captured pages into well-formed XHTML that epubcheck accepts', async () => {
    const folders = (await readdir(CORPUS, { withFileTypes: true })).filter((e) => e.isDirectory()).map((e) => e.name);
    const bodies = new Map<string, string>();
    const articles: ExportArticle[] = [];
    for (const [i, folder] of folders.entries()) {
      const html = await readFile(join(CORPUS, folder, 'source.html'), 'utf8');
      const extracted = extractArticle(html, 'http://fakehost/test/page.html');
      const id = `page${String(i).padStart(4, '0')}`;
      // No image was stored: each becomes its alt text, as in an article whose images failed.
      bodies.set(id, finalizeArticleHtml(extracted.content, new Map()));
      const { title, lang, dir } = extracted;
      articles.push({ article: article({ id, title: title || folder, lang, dir }), highlights: [] });
    }
    const { bytes } = await writeEpub(
      { articles, readContent: async (id) => bodies.get(id) ?? null, readImages: async () => new Map() },
      { title: 'Readability test pages', language: 'en' },
    );
    const files = unzipSync(bytes);
    for (const [name, data] of Object.entries(files)) {
      if (!name.endsWith('.xhtml')) continue;
      expect(() => new JSDOM(strFromU8(data), { contentType: 'application/xhtml+xml' }), name).not.toThrow();
    }
    const dir = await mkdtemp(join(tmpdir(), 'offprint-epub-corpus-'));
    try {
      const file = join(dir, 'corpus.epub');
      await writeFile(file, bytes);
      const report = await epubcheck(file);
      expect(report.problems).toEqual([]);
      expect(report.counts).toMatchObject({ nFatal: 0, nError: 0, nWarning: 0 });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 300_000);
});
