import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OffprintCore } from '../../../electron/core/offprint-core';
import { sendBody } from '../../support/fixture-server';
import { startNewsSite, type NewsSite } from '../../support/news-site';
import { runCli as cli } from '../../support/run-cli';

const NOTE_PAGE = `<!doctype html><html lang="en"><head><title>Field notes on rivers</title></head><body><article>
<h1>Field notes on rivers</h1>${'<p>Rivers carry silt from the mountains to the sea, and the delta grows each year.</p>'.repeat(8)}
</article></body></html>`;

let site: NewsSite;
let work: string;
let library: string;
let newsId: string;
let notesId: string;
let trashedId: string;

beforeAll(async () => {
  site = await startNewsSite();
  site.server.route('/notes/rivers', sendBody(NOTE_PAGE));
  site.server.route('/notes/lakes', sendBody(NOTE_PAGE.replaceAll('Rivers', 'Lakes').replaceAll('rivers', 'lakes')));
  work = await mkdtemp(join(tmpdir(), 'offprint-export-cli-'));
  library = join(work, 'library');
  const core = await OffprintCore.open({ libraryDir: library });
  try {
    newsId = (await core.saveUrl(site.articleUrl)).article.id;
    notesId = (await core.saveUrl(site.server.url('/notes/rivers'))).article.id;
    await core.addTag(notesId, 'geography');
    await core.setArchived(notesId, true);
    trashedId = (await core.saveUrl(site.server.url('/notes/lakes'))).article.id;
    await core.deleteArticles([trashedId]);
    const text = await core.getArticleText(newsId);
    await core.addHighlight({
      articleId: newsId,
      quote: { type: 'TextQuoteSelector', exact: text.slice(0, 40), prefix: '', suffix: text.slice(40, 72) },
      position: { type: 'TextPositionSelector', start: 0, end: 40 },
      note: 'Worth rereading',
      color: 'yellow',
    });
  } finally {
    await core.close();
  }
}, 60_000);
afterAll(async () => {
  await site.close();
  await rm(work, { recursive: true, force: true });
});

describe('offprint export', () => {
  it('writes Offprint JSON of the whole library, Trash included, with bodies and images beside it', async () => {
    const out = join(work, 'json', 'library.json');
    const run = await cli(['--library', library, 'export', '--format', 'json', '--out', out]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout.trim()).toBe(`Exported 3 article(s) to ${out}`);
    const exported = JSON.parse(await readFile(out, 'utf8'));
    const text = JSON.stringify(exported);
    expect(text).toContain(newsId);
    expect(text).toContain(notesId);
    expect(text).toContain(trashedId);
    expect(text).toContain('Worth rereading');
    expect(text).toContain('geography');
    const beside = await readdir(join(work, 'json'), { recursive: true });
    expect(beside.some((f) => f.endsWith('.png'))).toBe(true);
    expect(beside.some((f) => f.endsWith('.html'))).toBe(true);
  });

  it('narrows to a view and a tag: only the archived, tagged article goes into the CSV', async () => {
    const out = join(work, 'geo.csv');
    const run = await cli([
      '--library',
      library,
      'export',
      '--format=csv',
      `--out=${out}`,
      '--view',
      'archive',
      '--tag',
      'geography',
    ]);
    expect(run.code).toBe(0);
    const rows = (await readFile(out, 'utf8')).trim().split(/\r?\n/);
    expect(rows[0]).toBe('url,title,tags,savedAt,archived,favourite,highlights');
    expect(rows).toHaveLength(2);
    expect(rows[1]).toContain('Field notes on rivers');
    expect(rows[1]).toContain('geography');
  });

  it('writes a Markdown folder, bookmarks and an EPUB', async () => {
    const vault = join(work, 'vault');
    expect((await cli(['--library', library, 'export', '--format', 'markdown', '--out', vault])).code).toBe(0);
    const files = await readdir(vault, { recursive: true });
    expect(files.filter((f) => f.endsWith('.md'))).toHaveLength(2);
    expect(files.some((f) => f.endsWith('.png'))).toBe(true);

    expect(files.some((f) => f.includes('Lakes'))).toBe(false);

    const bookmarks = join(work, 'bookmarks.html');
    expect((await cli(['--library', library, 'export', '--format', 'netscape', '--out', bookmarks])).code).toBe(0);
    const html = await readFile(bookmarks, 'utf8');
    expect(html).toContain('TAGS="geography"');
    expect(html).toContain(site.articleUrl);

    const epub = join(work, 'library.epub');
    expect((await cli(['--library', library, 'export', '--format', 'epub', '--out', epub])).code).toBe(0);
    expect((await readFile(epub)).subarray(0, 2).toString()).toBe('PK');
  }, 60_000);

  it('refuses a missing or unknown format, a missing --out and an unknown view with exit 2', async () => {
    const out = join(work, 'x.csv');
    for (const args of [
      ['export', '--out', out],
      ['export', '--format', 'pdf', '--out', out],
      ['export', '--format', 'csv'],
      ['export', '--format', 'csv', '--out', out, '--view', 'later'],
      ['export', '--format', 'csv', '--out', out, '--no-content'],
    ]) {
      const run = await cli(['--library', library, ...args]);
      expect(run.code, args.join(' ')).toBe(2);
      expect(run.stderr).toMatch(/^offprint: /);
    }
  }, 60_000);

  it('fails (exit 1) when the view holds nothing to export', async () => {
    const run = await cli([
      '--library',
      library,
      'export',
      '--format',
      'csv',
      '--out',
      join(work, 'none.csv'),
      '--view',
      'favourites',
    ]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('no articles to export');
  });
});
