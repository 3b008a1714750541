/**
 * Importing exports into a real library: articles with their state and tags, highlights anchored,
 * orphaned or pending (never dropped), re-import adding nothing twice, tags merged by identity,
 * pending highlights anchoring once the capture finishes, and the whole import undone at once.
 */
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { countHighlights } from '@shared/import/import-model';
import type { CapturedArticle } from '../../../electron/core/capture/capture-url';
import { htmlToText } from '../../../electron/core/capture/sanitize-article';
import { readImportPath } from '../../../electron/core/import/read-import';
import { OffprintCore } from '../../../electron/core/offprint-core';
import type { PageSource } from '../../../electron/core/saving/page-source';

const FIXTURES = resolve(import.meta.dirname, '../../fixtures/import');

let dir: string;
let work: string;
let core: OffprintCore;
const captured: string[] = [];
const warnings: string[] = [];
const logger = { info: () => {}, warn: (m: string) => warnings.push(m), error: (m: string) => warnings.push(m) };

/** Pages as a site would serve them, by URL: what the capture of a placeholder finds. */
const PAGES = new Map<string, string>([
  [
    'https://example.com/later',
    '<p>Later is better than never. The point is that a pending highlight anchors after capture.</p>',
  ],
]);

const pageSource: PageSource = {
  async capture(location): Promise<CapturedArticle> {
    if (location.kind !== 'web') throw new Error('web pages only');
    captured.push(location.url);
    const content = PAGES.get(location.url);
    if (!content) throw new Error(`no page at ${location.url}`);
    const textContent = htmlToText(content);
    return {
      finalUrl: location.url,
      canonicalUrl: null,
      title: 'Later (captured)',
      byline: null,
      siteName: 'Example',
      excerpt: null,
      lang: 'en',
      dir: 'ltr',
      publishedTime: null,
      wordCount: 15,
      readingMinutes: 1,
      extraction: 'readability',
      content,
      textContent,
      leadImage: null,
      siteIcon: null,
      assets: [],
    };
  },
};

const wallabag = (entries: object[]) => JSON.stringify(entries);
const entry = (fields: Record<string, unknown>) => ({
  is_archived: 0,
  is_starred: 0,
  tags: [],
  content: '',
  created_at: '2024-03-05T11:12:44+0200',
  annotations: [],
  ...fields,
});

const FIRST = wallabag([
  entry({
    title: 'How Tides Work',
    url: 'https://example.com/tides',
    is_archived: 1,
    tags: ['Science', 'long read'],
    content: '<p>The moon pulls the sea. Twice a day the water rises.</p><img src="https://example.com/x.png" alt="">',
    annotations: [
      { text: 'Check the numbers', quote: 'Twice a day the water rises.', ranges: [] },
      { text: 'not in the text', quote: 'A sentence this article never had.', ranges: [] },
    ],
  }),
  entry({
    title: 'עמוד בעברית',
    url: 'https://example.com/later',
    is_starred: 1,
    tags: ['עברית'],
    annotations: [{ text: '', quote: 'a pending highlight anchors', ranges: [] }],
  }),
]);

async function write(name: string, text: string): Promise<string> {
  const path = join(work, name);
  await writeFile(path, text);
  return path;
}

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'offprint-import-lib-'));
  work = await mkdtemp(join(tmpdir(), 'offprint-import-files-'));
  captured.length = 0;
  warnings.length = 0;
  core = await OffprintCore.open({ libraryDir: dir, pageSource, progressFlushMs: 10, logger });
});
afterEach(async () => {
  await core.close();
  await rm(dir, { recursive: true, force: true });
  await rm(work, { recursive: true, force: true });
});

const all = () => core.listArticles({ view: 'all' });

describe('importing into the library', () => {
  it('records articles with state, tags and content, and counts every highlight', async () => {
    const summary = await core.importPath(await write('wallabag.json', FIRST), { capture: false });
    expect(summary).toMatchObject({ format: 'wallabag-json', entries: 2, added: 2, merged: 0, queued: 0 });
    expect(summary.highlights).toEqual({ total: 3, anchored: 1, orphaned: 1, pending: 1, added: 3 });
    expect(captured).toEqual([]);

    const articles = await all();
    const tides = articles.find((a) => a.url === 'https://example.com/tides')!;
    expect(tides).toMatchObject({ title: 'How Tides Work', archived: true, favourite: false, highlightCount: 2 });
    expect(tides.tags).toEqual(['Science', 'long read']);
    expect(tides.awaitingCapture).toBeUndefined();
    const read = await core.getArticle(tides.id);
    expect(read.content).toContain('Twice a day the water rises.');
    expect(read.content).not.toContain('example.com/x.png'); // nothing is fetched, no remote picture kept

    const later = articles.find((a) => a.url === 'https://example.com/later')!;
    expect(later).toMatchObject({ title: 'עמוד בעברית', dir: 'rtl', favourite: true, awaitingCapture: true });
    expect((await core.highlightStates(later.id)).map((h) => h.state)).toEqual(['pending']);
    const tidesStates = (await core.highlightStates(tides.id)).map((h) => h.state).sort();
    expect(tidesStates).toEqual(['anchored', 'orphaned']);

    // Orphaned and pending highlights are listed in the Clips view with their quotes.
    const clips = await core.listClips({});
    expect(clips.find((c) => c.article.id === later.id)).toMatchObject({ pending: true, orphaned: false });
    expect(clips.filter((c) => c.orphaned).map((c) => c.highlight.quote.exact)).toEqual([
      'A sentence this article never had.',
    ]);
    expect(clips.map((c) => c.highlight.quote.exact).sort()).toEqual([
      'A sentence this article never had.',
      'Twice a day the water rises.',
      'a pending highlight anchors',
    ]);
  });

  it('re-importing the same file adds no article and no highlight', async () => {
    const path = await write('wallabag.json', FIRST);
    await core.importPath(path, { capture: false });
    const again = await core.importPath(path, { capture: false });
    expect(again).toMatchObject({ added: 0, merged: 0, unchanged: 2, importId: '' });
    expect(again.highlights).toEqual({ total: 3, anchored: 1, orphaned: 1, pending: 1, added: 0 });
    const articles = await all();
    expect(articles).toHaveLength(2);
    expect(articles.reduce((n, a) => n + a.highlightCount, 0)).toBe(3);
  });

  it('merges new tags (by tag identity) and new highlights into an article already there', async () => {
    await core.importPath(await write('first.json', FIRST), { capture: false });
    const second = wallabag([
      entry({
        title: 'Tides again',
        url: 'https://example.com/tides?utm_source=newsletter#top',
        tags: ['science', 'LONG READ', 'oceans'],
        annotations: [
          { text: 'Check the numbers', quote: 'Twice a day the water rises.', ranges: [] },
          { text: 'new', quote: 'The moon pulls the sea.', ranges: [] },
        ],
      }),
    ]);
    const summary = await core.importPath(await write('second.json', second), { capture: false });
    expect(summary).toMatchObject({ added: 0, merged: 1 });
    expect(summary.highlights).toMatchObject({ total: 2, anchored: 2, added: 1 });
    const tides = (await all()).filter((a) => a.url.startsWith('https://example.com/tides'));
    expect(tides).toHaveLength(1);
    expect(tides[0].tags).toEqual(['Science', 'long read', 'oceans']);
    expect(tides[0].highlightCount).toBe(3);
    expect(tides[0].title).toBe('How Tides Work');
  });

  it('undoes an import: its articles go, and the tags and highlights it added to others', async () => {
    await core.importPath(await write('first.json', FIRST), { capture: false });
    const before = await all();
    const second = wallabag([
      entry({
        url: 'https://example.com/tides',
        title: 'x',
        tags: ['oceans'],
        annotations: [{ text: 'new', quote: 'The moon pulls the sea.', ranges: [] }],
      }),
      entry({ url: 'https://example.com/brand-new', title: 'Brand new', tags: ['fresh'] }),
    ]);
    const summary = await core.importPath(await write('second.json', second), { capture: false });
    expect(summary.added).toBe(1);
    expect(await all()).toHaveLength(3);
    const brandNew = (await all()).find((a) => a.url.endsWith('/brand-new'))!;

    const undone = await core.undoImport(summary.importId);
    expect(undone).toEqual({ removedArticles: 1, removedHighlights: 1, untagged: 1 });
    const after = await all();
    expect(after.map((a) => [a.url, a.tags, a.highlightCount]).sort()).toEqual(
      before.map((a) => [a.url, a.tags, a.highlightCount]).sort(),
    );
    expect((await core.listTags()).map((t) => t.name)).not.toContain('fresh');
    expect(await readdir(join(dir, 'articles'))).not.toContain(brandNew.id);
    await expect(core.undoImport(summary.importId)).rejects.toMatchObject({ code: 'not-found' });
    expect(warnings).toEqual([]); // a placeholder has no folder to mark deleted, and that is no problem

    // Undone, and still so after reopening.
    await core.close();
    core = await OffprintCore.open({ libraryDir: dir, pageSource });
    expect((await all()).map((a) => a.url).sort()).toEqual(before.map((a) => a.url).sort());
  });

  it('hands placeholders to the capture queue; their pending highlights anchor when the capture finishes', async () => {
    const summary = await core.importPath(await write('first.json', FIRST));
    expect(summary).toMatchObject({ queued: 1, awaitingCapture: 1 });
    expect(await core.captureQueueStatus()).toMatchObject({ total: 1, counts: { queued: 1 } });
    core.startCaptureQueue();
    await core.captureQueueIdle();
    expect(captured).toEqual(['https://example.com/later']);
    const later = (await all()).find((a) => a.url === 'https://example.com/later')!;
    expect(later.awaitingCapture).toBeUndefined();
    expect(later.tags).toEqual(['עברית']);
    expect(later.favourite).toBe(true);
    const [state] = await core.highlightStates(later.id);
    expect(state.state).toBe('anchored');
    expect(state.highlight.position.start).toBeGreaterThan(0);
  });

  it('survives a reopen: imported articles and highlights are journaled', async () => {
    await core.importPath(await write('first.json', FIRST), { capture: false });
    // A placeholder has no folder until its capture; the article with content has its own.
    expect(await readdir(join(dir, 'articles'))).toHaveLength(1);
    await core.close();
    core = await OffprintCore.open({ libraryDir: dir, pageSource });
    const articles = await all();
    expect(articles).toHaveLength(2);
    expect(articles.find((a) => a.url.endsWith('/later'))?.awaitingCapture).toBe(true);
  });

  it('turns Kindle books into documents without a URL that hold their highlights', async () => {
    const path = join(FIXTURES, 'My Clippings.txt');
    const result = await readImportPath(path);
    const summary = await core.importPath(path, { capture: false });
    expect(summary.added).toBe(result.entries.length);
    const books = await all();
    expect(books.every((b) => b.url === '' && !b.awaitingCapture)).toBe(true);
    expect(summary.highlights.total).toBe(countHighlights(result));
    expect(summary.highlights.pending).toBe(0);
    const quotes = result.entries.flatMap((e) => e.highlights.filter((h) => h.exact).map((h) => h.exact));
    expect(summary.highlights.anchored).toBe(quotes.length);
    const again = await core.importPath(path, { capture: false });
    expect(again.added).toBe(0);
    expect(again.highlights.added).toBe(0);
  });

  it.each(['omnivore-export', 'pocket-export', 'readwise-highlights.csv', 'hypothesis.json', 'pocket-2025.csv'])(
    'keeps every highlight of %s: in = anchored + orphaned + pending',
    async (name) => {
      const path = join(FIXTURES, name);
      const result = await readImportPath(path);
      const notes = result.entries.filter((e) => e.note?.trim()).length;
      const summary = await core.importPath(path, { capture: false });
      const { total, anchored, orphaned, pending } = summary.highlights;
      expect(total).toBe(countHighlights(result) + notes);
      expect(anchored + orphaned + pending).toBe(total);
      const stored = (await all()).reduce((n, a) => n + a.highlightCount, 0);
      expect(stored).toBe(total);
      expect(summary.added + summary.merged + summary.unchanged).toBe(
        result.entries.length - summary.skipped.length + result.skipped.length,
      );
    },
  );

  it('merges a row repeated after its article was written in an earlier batch, and undoes it all', async () => {
    const rows = ['title,url,time_added,tags,status'];
    for (let i = 0; i < 2_500; i++) rows.push(`Row ${i},https://example.com/r/${i},${1_700_000_000 + i},batch,unread`);
    rows.push('Row 0 again,https://example.com/r/0?utm_source=x,1700009999,Later Tag|BATCH,archive');
    const summary = await core.importPath(await write('pocket.csv', rows.join('\n')), { capture: false });
    expect(summary).toMatchObject({ added: 2_500, merged: 1, skipped: [] });
    const first = (await all()).find((a) => a.url === 'https://example.com/r/0')!;
    expect(first.tags).toEqual(['batch', 'Later Tag']);
    expect(first.archived).toBe(false);
    await core.undoImport(summary.importId);
    expect(await all()).toEqual([]);
  });

  it('importFile answers null for a web page (saved as a page instead) and imports bookmarks HTML', async () => {
    const page = await write(
      'story.html',
      '<!doctype html><title>A story</title><p>See https://example.com/a for more.</p>',
    );
    expect(await core.importFile(page)).toBeNull();
    expect(await core.importFile(await write('plain.html', '<!doctype html><p>Nothing to import.</p>'))).toBeNull();
    const bookmarks = await core.importFile(join(FIXTURES, 'bookmarks.html'));
    expect(bookmarks?.format).toBe('netscape-html');
    expect(bookmarks?.added).toBeGreaterThan(0);
    await expect(core.importFile(await write('notes.txt', 'no links here'))).rejects.toMatchObject({
      code: 'import-format-unknown',
    });
  });
});
