import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { OffprintError } from '@shared/ipc/envelope';
import type { CaptureProgress } from '@shared/model';
import { resolveAssetPath } from '../../../electron/core/library/asset-path';
import { OffprintCore } from '../../../electron/core/offprint-core';
import { startNewsSite, type NewsSite } from '../../support/news-site';

let site: NewsSite;
let dir: string;
let core: OffprintCore;
let progress: CaptureProgress[];

beforeAll(async () => {
  site = await startNewsSite();
});
afterAll(async () => {
  await site.close();
});
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'offprint-core-'));
  core = await OffprintCore.open({ libraryDir: dir });
  progress = [];
  core.onCaptureProgress((p) => progress.push(p));
});
afterEach(async () => {
  await core.close();
  await rm(dir, { recursive: true, force: true });
});

const imageSources = (html: string): string[] => [
  ...new Set([...html.matchAll(/<img[^>]*\ssrc="([^"]+)"/g)].map((m) => m[1])),
];
const snapshot = async () => ({
  index: await readFile(join(dir, 'library.json'), 'utf8'),
  articles: await readdir(join(dir, 'articles')).catch(() => []),
  staging: await readdir(join(dir, '.staging')).catch(() => []),
});

describe('OffprintCore against a real news site', () => {
  it('saves an article with its images as files, reporting progress', async () => {
    const { article, existed } = await core.saveUrl(site.articleUrl);
    expect(existed).toBe(false);
    expect(article.title).toBe(site.expected.title);
    expect(article.byline).toContain(site.expected.byline);
    expect(article.url).toBe(site.articleUrl);
    expect(article.wordCount).toBeGreaterThan(100);

    const stages = progress.map((p) => p.stage);
    expect(stages).toContain('saving');
    expect(stages.at(-1)).toBe('done');
    expect(progress.every((p) => p.url === site.articleUrl)).toBe(true);

    const full = await core.getArticle(article.id);
    const text = await core.getArticleText(article.id);
    for (const paragraph of site.expected.paragraphs)
      expect(text.replace(/\s+/g, ' ')).toContain(paragraph.replace(/\s+/g, ' '));
    for (const junk of site.expected.junkPhrases) expect(full.content).not.toContain(junk);

    const sources = imageSources(full.content);
    expect(sources).toHaveLength(site.expected.imageCount);
    for (const src of sources) {
      const file = resolveAssetPath(dir, src);
      expect(file, src).not.toBeNull();
      expect(existsSync(file!), file!).toBe(true);
      expect(file!.startsWith(join(dir, 'articles', article.id, 'assets'))).toBe(true);
    }
    expect(await readdir(join(dir, '.staging'))).toEqual([]);
  });

  it('recognises the same page behind campaign parameters or an anchor without fetching it again', async () => {
    const { article } = await core.saveUrl(site.articleUrl);
    const requests = site.server.requests.length;
    for (const variant of [
      `${site.articleUrl}?utm_source=newsletter&utm_medium=email`,
      `${site.articleUrl}#comments`,
    ]) {
      const again = await core.saveUrl(variant);
      expect(again).toEqual({ article, existed: true });
    }
    expect(site.server.requests.length).toBe(requests);
    expect(await core.listArticles({ view: 'all' })).toHaveLength(1);
  });

  it('leaves the library unchanged when a page cannot be fetched', async () => {
    await core.saveUrl(site.articleUrl);
    const before = await snapshot();
    const error = await core.saveUrl(`${site.origin}/news/missing-page`).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OffprintError);
    expect((error as OffprintError).message).toMatch(/404/);
    expect(await snapshot()).toEqual(before);
    const failed = progress.filter((p) => p.stage === 'failed');
    expect(failed).toHaveLength(1);
    expect(failed[0].message).toBe((error as OffprintError).message);
  });

  it('refuses a broken address before touching anything', async () => {
    await expect(core.saveUrl('javascript:alert(1)')).rejects.toMatchObject({ code: 'invalid-url' });
    expect(await core.listArticles({ view: 'all' })).toEqual([]);
  });

  it('keeps the article, its state and its highlights across reopening, and finds it by search', async () => {
    const { article } = await core.saveUrl(site.articleUrl);
    await core.setFavourite(article.id, true);
    await core.addTag(article.id, 'Middle East');
    await core.addTag(article.id, 'middle east');
    await core.setProgress(article.id, 0.5);
    const text = await core.getArticleText(article.id);
    const exact = site.expected.paragraphs[0].slice(0, 40);
    const start = text.indexOf(exact);
    const highlight = await core.addHighlight({
      articleId: article.id,
      quote: { type: 'TextQuoteSelector', exact, prefix: '', suffix: '' },
      position: { type: 'TextPositionSelector', start, end: start + exact.length },
      color: 'green',
      note: 'key point',
    });
    await core.close();

    core = await OffprintCore.open({ libraryDir: dir });
    const reopened = await core.getArticle(article.id);
    expect(reopened).toMatchObject({ favourite: true, tags: ['Middle East'], progress: 0.5, highlightCount: 1 });
    expect(reopened.highlights).toEqual([highlight]);
    expect(await core.listTags()).toEqual([{ name: 'Middle East', count: 1 }]);
    expect((await core.listArticles({ view: 'favourites', tag: 'MIDDLE EAST' })).map((a) => a.id)).toEqual([
      article.id,
    ]);

    const word = site.expected.paragraphs[1].split(/\s+/).find((w) => /^[A-Za-z]{7,}$/.test(w))!;
    const hits = await core.search(word.toUpperCase());
    expect(hits.map((h) => h.article.id)).toEqual([article.id]);
    expect(hits[0].snippet.toLowerCase()).toContain(word.toLowerCase());

    await core.deleteArticle(article.id);
    expect(await core.search(word)).toEqual([]);
    expect(existsSync(join(dir, 'articles', article.id))).toBe(false);
  });

  it('answers not-found for an unknown article', async () => {
    await expect(core.getArticle('nosuchid')).rejects.toMatchObject({ code: 'not-found' });
    await expect(core.setArchived('nosuchid', true)).rejects.toMatchObject({ code: 'not-found' });
  });
});
