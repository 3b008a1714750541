import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveAssetPath } from '../../../electron/core/library/asset-path';
import { renderNewsPage, startNewsSite, type NewsSite } from '../../support/news-site';
import { runCli as cli, type CliRun } from '../../support/run-cli';

const stderrLines = (run: CliRun) => run.stderr.trim().split('\n').filter(Boolean);

let site: NewsSite;
let library: string;
let work: string;
let savedId: string;

beforeAll(async () => {
  site = await startNewsSite();
  work = await mkdtemp(join(tmpdir(), 'offprint-cli-'));
  library = join(work, 'library');
});
afterAll(async () => {
  await site.close();
  await rm(work, { recursive: true, force: true });
});

describe('offprint CLI', () => {
  it('add saves an article into an empty library and prints its id and title', async () => {
    const run = await cli(['--library', library, 'add', site.articleUrl]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const [id, title] = run.stdout.trim().split('\t');
    expect(id).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(title).toBe(site.expected.title);
    savedId = id;
  });

  it('add of the same page again says it is already saved, without failing', async () => {
    const run = await cli(['add', `${site.articleUrl}?utm_campaign=x#top`, `--library=${library}`]);
    expect(run.code).toBe(0);
    expect(run.stdout.trim()).toBe(`${savedId}\t${site.expected.title}\t(already saved)`);
  });

  it('show --json returns the article, its paragraphs, no clutter, and images stored in the library', async () => {
    const run = await cli(['show', savedId, '--json'], { OFFPRINT_LIBRARY: library });
    expect(run.code).toBe(0);
    const article = JSON.parse(run.stdout);
    expect(article.title).toBe(site.expected.title);
    expect(article.byline).toContain(site.expected.byline);
    const text = article.textContent.replace(/\s+/g, ' ');
    for (const paragraph of site.expected.paragraphs) expect(text).toContain(paragraph.replace(/\s+/g, ' '));
    for (const junk of site.expected.junkPhrases) {
      expect(article.content).not.toContain(junk);
      expect(article.textContent).not.toContain(junk);
    }
    const sources = [
      ...new Set([...article.content.matchAll(/<img[^>]*\ssrc="([^"]+)"/g)].map((m: RegExpMatchArray) => m[1])),
    ];
    expect(sources).toHaveLength(site.expected.imageCount);
    for (const src of sources) {
      const file = resolveAssetPath(library, src as string);
      expect(file && existsSync(file), String(src)).toBe(true);
    }
  });

  it('list --json lists the saved article', async () => {
    const run = await cli(['--library', library, 'list', '--json']);
    expect(run.code).toBe(0);
    const list = JSON.parse(run.stdout);
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ id: savedId, url: site.articleUrl, title: site.expected.title });
    expect(Date.parse(list[0].savedAt)).not.toBeNaN();
  });

  it('search --json finds the article by a word of its body', async () => {
    const word = site.expected.paragraphs[2].split(/\s+/).find((w) => /^[A-Za-z]{7,}$/.test(w))!;
    const run = await cli(['--library', library, 'search', word, '--json']);
    expect(run.code).toBe(0);
    const hits = JSON.parse(run.stdout);
    expect(hits.map((h: { id: string }) => h.id)).toEqual([savedId]);
    expect(hits[0].snippet.toLowerCase()).toContain(word.toLowerCase());

    const none = await cli(['--library', library, 'search', 'zzqxv', '--json']);
    expect(JSON.parse(none.stdout)).toEqual([]);
  });

  it('add saves a page stored as a local .html file', async () => {
    // Its own library, so the other tests' counts stay as they are; named like its title either way.
    const own = join(library, '..', 'file-library');
    const file = join(library, '..', 'Heron Morning.html');
    const body = Array.from(
      { length: 5 },
      (_, i) => `<p>Paragraph ${i} about the heron that stood in the reeds all morning long.</p>`,
    ).join('');
    await writeFile(
      file,
      `<!doctype html><html lang="en"><head><title>Heron Morning</title></head><body><article><h1>Heron Morning</h1>${body}</article></body></html>`,
    );
    try {
      const run = await cli(['--library', own, 'add', file]);
      expect(run.code).toBe(0);
      expect(run.stdout.trim().split('\t')[1]).toBe('Heron Morning');
      const again = await cli(['--library', own, 'search', '--json', 'heron', 'reeds']);
      expect(JSON.parse(again.stdout).map((a: { title: string }) => a.title)).toContain('Heron Morning');
    } finally {
      await rm(file, { force: true });
    }
  });

  it('extract prints one JSON line per local file without touching any library', async () => {
    const page = join(work, 'page.html');
    await writeFile(page, renderNewsPage(site.origin));
    const missing = join(work, 'missing.html');
    const run = await cli(['extract', page, missing, '--url', site.articleUrl], {
      OFFPRINT_LIBRARY: join(work, 'untouched'),
    });
    const lines = run.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatchObject({ file: page, title: site.expected.title, lang: expect.any(String) });
    expect(lines[0].byline).toContain(site.expected.byline);
    expect(lines[0].wordCount).toBeGreaterThan(100);
    expect(lines[0].textContent).toContain(site.expected.paragraphs[0]);
    for (const key of ['excerpt', 'siteName', 'dir', 'publishedTime', 'content']) expect(lines[0]).toHaveProperty(key);
    expect(lines[1]).toEqual({ file: missing, error: expect.stringMatching(/no such file/) });
    expect(run.code).toBe(1);
    expect(stderrLines(run)).toHaveLength(1);
    expect(existsSync(join(work, 'untouched'))).toBe(false);
  });

  it.each([
    ['an unknown command', ['frobnicate'], /Unknown command "frobnicate"/],
    ['a missing argument', ['add'], /add needs <url\|file>/],
    ['a bad URL', ['add', 'ftp://example.com/file'], /Only http and https/],
    ['an unknown id', ['show', 'nosuchid'], /not in the library/],
    ['an unknown option', ['list', '--jsn'], /does not understand --jsn/],
    ['the retired --recover-library', ['list', '--recover-library'], /does not understand --recover-library/],
  ])('fails on %s with one line on stderr', async (_name, args, message) => {
    const run = await cli(['--library', library, ...args]);
    expect(run.code).not.toBe(0);
    expect(stderrLines(run)).toHaveLength(1);
    expect(run.stderr).toMatch(message);
    expect(run.stdout).toBe('');
  });

  it('fails on a page that cannot be fetched, leaving the library as it was', async () => {
    const run = await cli(['--library', library, 'add', `${site.origin}/news/gone`]);
    expect(run.code).toBe(1);
    expect(stderrLines(run)).toHaveLength(1);
    expect(run.stderr).toMatch(/404/);
    const list = await cli(['--library', library, 'list', '--json']);
    expect(JSON.parse(list.stdout)).toHaveLength(1);
  });

  it('help prints the commands', async () => {
    const run = await cli(['help']);
    expect(run.code).toBe(0);
    for (const command of ['add', 'list', 'show', 'search', 'extract']) expect(run.stdout).toContain(`  ${command} `);
  });
});
