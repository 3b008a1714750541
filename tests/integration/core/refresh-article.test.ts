/**
 * "Update from the web" against the real news site: the page changes (a paragraph edited, one
 * moved, one removed, one added) and the article is updated in place, keeping the reader's
 * tags, state, progress and highlights; a failed update leaves every byte as it was.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { describeTextRange } from '@shared/anchoring/text-quote';
import type { Highlight } from '@shared/model';
import { resolveAssetPath } from '../../../electron/core/library/asset-path';
import { OffprintCore } from '../../../electron/core/offprint-core';
import { sendBody } from '../../support/fixture-server';
import { ARTICLE_PATH, readSeedArticle, renderNewsPage, startNewsSite, type NewsSite } from '../../support/news-site';

const seed = readSeedArticle();
const MOVED =
  'There is a need to reorganize this relationship so that it is not a target or justification for any party';
const EDITED =
  'US forces in Iraq and Syria have come under frequent rocket attacks since October due to President Biden';
const REMOVED = 'The Pentagon said on Monday that the US has no plans to withdraw from Iraq';
const ADDED = 'Editor’s note: this story was updated on Wednesday with comment from the Iraqi foreign ministry.';

/** The same story a day later: a note added on top, one paragraph edited, one moved to the end, one removed. */
function changedSeed() {
  const paragraphs = seed.paragraphs.map((p) => p.replace('since October', 'since mid-October'));
  const moved = paragraphs.findIndex((p) => p.includes(MOVED));
  const [movedParagraph] = paragraphs.splice(moved, 1);
  return {
    ...seed,
    title: `${seed.title} (updated)`,
    paragraphs: [ADDED, ...paragraphs.filter((p) => !p.includes(REMOVED)), movedParagraph],
  };
}

let site: NewsSite;
let dir: string;
let core: OffprintCore;

beforeAll(async () => {
  site = await startNewsSite();
});
afterAll(async () => {
  await site.close();
});
beforeEach(async () => {
  site.server.route(ARTICLE_PATH, sendBody(renderNewsPage(site.origin, seed)));
  dir = await mkdtemp(join(tmpdir(), 'offprint-refresh-'));
  core = await OffprintCore.open({
    libraryDir: dir,
    limits: { connectTimeoutMs: 2_000, totalTimeoutMs: 5_000, stallTimeoutMs: 2_000 },
  });
});
afterEach(async () => {
  await core.close();
  await rm(dir, { recursive: true, force: true });
});

async function highlight(id: string, phrase: string, note = ''): Promise<Highlight> {
  const text = await core.getArticleText(id);
  const start = text.indexOf(phrase);
  expect(start, phrase).toBeGreaterThanOrEqual(0);
  return core.addHighlight({
    articleId: id,
    ...describeTextRange(text, { start, end: start + phrase.length }),
    color: 'green',
    note,
  });
}

/** Every file of the library except the lock, with its bytes. */
async function libraryFiles(): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  const walk = async (folder: string, prefix: string): Promise<void> => {
    for (const entry of await readdir(folder, { withFileTypes: true })) {
      const rel = `${prefix}${entry.name}`;
      if (entry.isDirectory()) await walk(join(folder, entry.name), `${rel}/`);
      else if (entry.name !== '.lock') files.set(rel, (await readFile(join(folder, entry.name))).toString('base64'));
    }
  };
  await walk(dir, '');
  return files;
}

async function savedWithHighlights() {
  const { article } = await core.saveUrl(site.articleUrl);
  await core.addTag(article.id, 'Iraq');
  await core.setFavourite(article.id, true);
  await core.setArchived(article.id, true);
  await core.setProgress(article.id, 0.4);
  const moved = await highlight(article.id, MOVED, 'the key quote');
  const edited = await highlight(article.id, EDITED);
  const removed = await highlight(article.id, REMOVED, 'check this later');
  return { article, moved, edited, removed };
}

describe('updating an article from the web', () => {
  it('replaces the page and keeps tags, state, progress and every highlight, re-anchored', async () => {
    const { article, moved, edited, removed } = await savedWithHighlights();
    site.server.route(ARTICLE_PATH, sendBody(renderNewsPage(site.origin, changedSeed())));

    const updated = await core.refreshArticle(article.id);

    expect(updated).toMatchObject({
      id: article.id,
      url: article.url,
      savedAt: article.savedAt,
      title: `${seed.title} (updated)`,
      tags: ['Iraq'],
      favourite: true,
      archived: true,
      progress: 0.4,
      highlightCount: 3,
    });
    expect(await core.listArticles({ view: 'all' })).toHaveLength(1);

    const text = await core.getArticleText(article.id);
    expect(text).toContain(ADDED);
    expect(text).toContain('since mid-October');
    expect(text).not.toContain(REMOVED);

    const after = new Map((await core.getArticle(article.id)).highlights.map((h) => [h.id, h]));
    expect([...after.keys()].sort()).toEqual([moved.id, edited.id, removed.id].sort());
    // Moved: found again, exactly, further down.
    const movedNow = after.get(moved.id)!;
    expect(text.slice(movedNow.position.start, movedNow.position.end)).toBe(MOVED);
    expect(movedNow.position.start).toBeGreaterThan(moved.position.start);
    expect(movedNow.note).toBe('the key quote');
    // Edited: found approximately, over the new wording.
    const editedNow = after.get(edited.id)!;
    expect(text.slice(editedNow.position.start, editedNow.position.end)).toMatch(
      /^US forces in Iraq.*since mid-October due to President Biden/,
    );
    // Removed: kept where it was, for the reader to show as orphaned.
    expect(after.get(removed.id)).toEqual(removed);

    // The new copy's pictures are the article's own files, and nothing is left in staging.
    const content = (await core.getArticle(article.id)).content;
    const sources = [...content.matchAll(/<img[^>]*\ssrc="([^"]+)"/g)].map((m) => m[1]);
    expect(sources.length).toBeGreaterThan(0);
    for (const src of sources) {
      expect(src.startsWith(`offprint-asset://${article.id}/`), src).toBe(true);
      expect(existsSync(resolveAssetPath(dir, src)!), src).toBe(true);
    }
    expect(await readdir(join(dir, '.staging'))).toEqual([]);
    expect(await readdir(join(dir, 'articles'))).toEqual([article.id]);
    const search = await core.search('mid-October');
    expect(search.map((h) => h.article.id)).toEqual([article.id]);
  });

  it('finds the new text when only the body changed (same title, same highlights)', async () => {
    const { article } = await core.saveUrl(site.articleUrl);
    expect((await core.search('mid-October')).length).toBe(0);
    site.server.route(ARTICLE_PATH, sendBody(renderNewsPage(site.origin, { ...changedSeed(), title: seed.title })));
    await core.refreshArticle(article.id);
    expect((await core.getArticle(article.id)).title).toBe(article.title);
    await expect.poll(async () => (await core.search('mid-October')).map((h) => h.article.id)).toEqual([article.id]);
  });

  it('keeps the update across a restart', async () => {
    const { article, moved } = await savedWithHighlights();
    site.server.route(ARTICLE_PATH, sendBody(renderNewsPage(site.origin, changedSeed())));
    await core.refreshArticle(article.id);
    await core.close();
    core = await OffprintCore.open({ libraryDir: dir });
    const reopened = await core.getArticle(article.id);
    expect(reopened.title).toBe(`${seed.title} (updated)`);
    expect(reopened.tags).toEqual(['Iraq']);
    expect(reopened.highlights).toHaveLength(3);
    const text = await core.getArticleText(article.id);
    const movedNow = reopened.highlights.find((h) => h.id === moved.id)!;
    expect(text.slice(movedNow.position.start, movedNow.position.end)).toBe(MOVED);
    const record = JSON.parse(await readFile(join(dir, 'articles', article.id, 'meta.json'), 'utf8'));
    expect(record.article.title).toBe(`${seed.title} (updated)`);
    expect(record.highlights).toHaveLength(3);
  });

  it.each([
    ['the page is gone', sendBody('gone', 'text/html', 410), /Could not update .*410 Gone.*kept as it was/],
    ['the server fails', sendBody('oops', 'text/html', 500), /Could not update .*500.*kept as it was/],
    [
      'the page is now a PDF',
      sendBody(Buffer.from('%PDF-1.7\n...'), 'application/pdf'),
      /Could not update .*PDF.*kept as it was/,
    ],
  ])('leaves the article exactly as it was when %s', async (_case, handler, message) => {
    const { article } = await savedWithHighlights();
    await core.flush();
    const before = await libraryFiles();
    const listed = await core.listArticles({ view: 'all' });
    const full = await core.getArticle(article.id);
    site.server.route(ARTICLE_PATH, handler);

    await expect(core.refreshArticle(article.id)).rejects.toThrow(message);

    expect(await core.listArticles({ view: 'all' })).toEqual(listed);
    expect(await core.getArticle(article.id)).toEqual(full);
    expect(await libraryFiles()).toEqual(before);
    expect(await readdir(join(dir, '.staging'))).toEqual([]);
  });

  it('restores an article whose stored copy was lost', async () => {
    const { article } = await savedWithHighlights();
    await rm(join(dir, 'articles', article.id), { recursive: true });
    expect((await core.getArticle(article.id)).contentMissing).toBe(true);
    await core.refreshArticle(article.id);
    const restored = await core.getArticle(article.id);
    expect(restored.contentMissing).toBeUndefined();
    expect(restored.content).toContain('al-Sudani');
    expect(restored.highlights).toHaveLength(3);
  });

  it('refuses a second update of the same article while one runs', async () => {
    const { article } = await savedWithHighlights();
    const first = core.refreshArticle(article.id);
    await expect(core.refreshArticle(article.id)).rejects.toMatchObject({ code: 'busy' });
    await first;
  });

  it('updates an article saved from a file without a web address from that file', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'offprint-refresh-file-'));
    const file = join(folder, 'notes.html');
    const page = (body: string) =>
      `<!doctype html><html lang="en"><head><title>Harbour notes</title></head><body><article><h1>Harbour notes</h1>${`<p>${body} The boats came in late and the harbour master counted them twice before the tide turned.</p>`.repeat(6)}</article></body></html>`;
    try {
      await writeFile(file, page('First draft.'));
      const { article } = await core.saveFile(file);
      await writeFile(file, page('Second draft.'));
      await core.refreshArticle(article.id);
      expect(await core.getArticleText(article.id)).toContain('Second draft.');
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });
});
