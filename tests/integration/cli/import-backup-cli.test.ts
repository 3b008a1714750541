/**
 * `offprint import` of an Offprint JSON backup (`offprint export --format json`), on a library
 * built with the real core from pages on 127.0.0.1: into an empty library it reproduces the
 * library (same ids, every field, bodies and images; exporting again gives the same backup, the
 * undo mark aside); its placeholders are queued and captured; into a library that already holds
 * articles it merges like any import, and a second import adds nothing; and undo takes it back.
 */
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, type CliIo } from '../../../electron/cli/run-cli';
import { OffprintCore } from '../../../electron/core/offprint-core';
import { articlePage } from '../../support/capture-queue-kit';
import { sendBody, startFixtureServer, type FixtureServer } from '../../support/fixture-server';
import { makePng } from '../../support/images';

const SILT = 'Rivers carry silt from the mountains to the sea';

function riverPage(title: string): string {
  return `<!doctype html><html lang="en"><head><title>${title}</title></head><body><article><h1>${title}</h1>
${`<p>${SILT}, and the delta grows each year.</p>`.repeat(3)}
<figure><img src="/img.png" alt="A delta" width="40" height="30"></figure>
${'<p>Filler sentence that keeps the article long enough to be one, about water.</p>'.repeat(5)}
</article></body></html>`;
}

let site: FixtureServer;
let work: string;
let backup: string;
const ids: Record<'rivers' | 'lakes' | 'glaciers' | 'later', string> = {
  rivers: '',
  lakes: '',
  glaciers: '',
  later: '',
};

async function cli(library: string, ...args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { out: (t) => out.push(t), err: (t) => err.push(t), env: {}, interactive: false };
  const code = await runCli(['--library', library, ...args], io);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

async function importJson(library: string, ...args: string[]) {
  const run = await cli(library, 'import', ...args, '--json');
  expect(run.code, run.err).toBe(0);
  return JSON.parse(run.out);
}

async function highlight(core: OffprintCore, id: string, exact: string, note: string) {
  const text = await core.getArticleText(id);
  const start = text.indexOf(exact);
  expect(start).toBeGreaterThanOrEqual(0);
  await core.addHighlight({
    articleId: id,
    quote: { type: 'TextQuoteSelector', exact, prefix: text.slice(Math.max(0, start - 16), start), suffix: '' },
    position: { type: 'TextPositionSelector', start, end: start + exact.length },
    color: 'green',
    note,
  });
}

/** Every file under `folder`, by its relative path, as base64. */
async function tree(folder: string): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  for (const entry of await readdir(folder, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const full = join(entry.parentPath, entry.name);
    files[relative(folder, full)] = (await readFile(full)).toString('base64');
  }
  return files;
}

/** An export as a comparable value: its articles by id, without the export time and the undo mark. */
async function exported(dir: string) {
  const json = JSON.parse(await readFile(join(dir, 'library.json'), 'utf8'));
  const articles = (json.articles as { article: { id: string; importId?: string } }[])
    .map((entry) => {
      const { importId: _mark, ...article } = entry.article;
      return { ...entry, article };
    })
    .sort((a, b) => a.article.id.localeCompare(b.article.id));
  const { 'library.json': _json, ...files } = await tree(dir);
  return { format: json.format, version: json.version, articles, files };
}

async function exportOf(library: string, name: string): Promise<string> {
  const dir = join(work, name);
  const run = await cli(library, 'export', '--format', 'json', '--out', join(dir, 'library.json'));
  expect(run.code, run.err).toBe(0);
  return dir;
}

async function allArticles(core: OffprintCore) {
  return [...(await core.listArticles({ view: 'all' })), ...(await core.listArticles({ view: 'trash' }))];
}

beforeAll(async () => {
  site = await startFixtureServer();
  site.route('/img.png', sendBody(makePng(40, 30, [20, 120, 200]), 'image/png'));
  site.route('/a/rivers', sendBody(riverPage('Rivers and deltas')));
  site.route('/a/lakes', sendBody(articlePage('Lakes', 'Lakes hold still water between the hills.')));
  site.route('/a/glaciers', sendBody(articlePage('Glaciers', 'Glaciers move slowly down the valley.')));
  site.route('/a/later', sendBody(articlePage('Later reading')));
  site.route('/a/other', sendBody(articlePage('Another page', 'Something else entirely, about birds.')));
  work = await mkdtemp(join(tmpdir(), 'offprint-cli-backup-'));
  const source = join(work, 'source');
  const core = await OffprintCore.open({ libraryDir: source });
  try {
    ids.rivers = (await core.saveUrl(site.url('/a/rivers'))).article.id;
    await core.addTag(ids.rivers, 'geography');
    await core.addTag(ids.rivers, 'long read');
    await highlight(core, ids.rivers, SILT, 'Where the delta comes from');
    await core.setArchived(ids.rivers, true);
    await core.setProgress(ids.rivers, 0.5);
    ids.lakes = (await core.saveUrl(site.url('/a/lakes'))).article.id;
    await core.setFavourite(ids.lakes, true);
    await highlight(core, ids.lakes, 'Lakes hold still water', '');
    ids.glaciers = (await core.saveUrl(site.url('/a/glaciers'))).article.id;
    await core.deleteArticles([ids.glaciers]);
    // A placeholder from an import, not captured yet, holding a highlight that waits for it.
    const later = site.url('/a/later');
    const pocket = join(work, 'pocket.csv');
    await writeFile(pocket, `title,url,time_added,tags,status\nLater reading,${later},1700000000,queue,unread\n`);
    await core.importPath(pocket, { capture: false });
    const hypothesis = join(work, 'hypothesis.json');
    const annotation = {
      id: 'h-1',
      created: '2024-03-01T10:00:00.000Z',
      uri: later,
      text: 'Check this',
      tags: [],
      target: [
        {
          source: later,
          selector: [
            { type: 'TextQuoteSelector', exact: 'fetched this page in its turn', prefix: 'The queue ', suffix: '' },
          ],
        },
      ],
    };
    await writeFile(hypothesis, JSON.stringify({ annotations: [annotation] }));
    await core.importPath(hypothesis, { capture: false });
    const placeholder = (await core.listArticles({ view: 'all' })).find((a) => a.url === later)!;
    expect(placeholder.awaitingCapture).toBe(true);
    ids.later = placeholder.id;
  } finally {
    await core.close();
  }
  backup = await exportOf(source, 'backup');
}, 60_000);
afterAll(async () => {
  await site.close();
  await rm(work, { recursive: true, force: true });
});

describe('offprint import of an Offprint JSON backup', () => {
  let emptyImport: { importId: string };

  it('into an empty library reproduces it: same ids, every field, bodies and images', async () => {
    const zipped = join(work, 'backup.zip');
    const files = await tree(backup);
    await writeFile(
      zipped,
      zipSync(Object.fromEntries(Object.entries(files).map(([p, b64]) => [`backup/${p}`, Buffer.from(b64, 'base64')]))),
    );
    const original = await exported(backup);
    expect(original.articles.map((e) => e.article.id).sort()).toEqual(Object.values(ids).sort());
    for (const [name, from] of [
      ['from-json', join(backup, 'library.json')],
      ['from-zip', zipped],
    ]) {
      const library = join(work, name);
      const summary = await importJson(library, from, '--no-capture');
      expect(summary).toMatchObject({
        format: 'offprint-json',
        entries: 4,
        added: 4,
        merged: 0,
        unchanged: 0,
        skipped: 0,
        errors: [],
        highlights: { total: 3, anchored: 2, orphaned: 0, pending: 1, added: 3 },
        awaitingCapture: 1,
        queued: 0,
      });
      expect(summary.importId).not.toBe('');
      if (name === 'from-json') emptyImport = summary;

      expect(await exported(await exportOf(library, `${name}-export`))).toEqual(original);
      const core = await OffprintCore.open({ libraryDir: library });
      try {
        expect(new Set((await allArticles(core)).map((a) => a.importId))).toEqual(new Set([summary.importId]));
      } finally {
        await core.close();
      }
    }
  });

  it('is one change that undo takes back whole', async () => {
    const library = join(work, 'from-json');
    const core = await OffprintCore.open({ libraryDir: library });
    try {
      const undone = await core.undoImport(emptyImport.importId);
      expect(undone).toMatchObject({ removedArticles: 4, removedHighlights: 3 });
      expect(await allArticles(core)).toEqual([]);
      expect(await core.listClips({})).toEqual([]);
    } finally {
      await core.close();
    }
    expect(await readdir(join(library, 'articles')).catch(() => [])).toEqual([]);
  });

  it('queues the entries restored without content, which are captured and their highlights anchored', async () => {
    const library = join(work, 'captured');
    const summary = await importJson(library, join(backup, 'library.json'));
    expect(summary).toMatchObject({ added: 4, awaitingCapture: 1, queued: 1, highlights: { pending: 1 } });
    const show = JSON.parse((await cli(library, 'show', ids.later, '--json')).out);
    expect(show.awaitingCapture).toBeUndefined();
    expect(show.textContent).toContain('fetched this page in its turn');
    expect(show.tags).toEqual(['queue']);
    expect(show.highlights).toMatchObject([
      { exact: 'fetched this page in its turn', note: 'Check this', state: 'anchored' },
    ]);
  });

  it('merges into a library that already holds articles, and importing again adds nothing', async () => {
    const library = join(work, 'not-empty');
    let mine: string;
    const core = await OffprintCore.open({ libraryDir: library });
    try {
      mine = (await core.saveUrl(site.url('/a/rivers'))).article.id;
      await core.addTag(mine, 'mine');
      await highlight(core, mine, 'and the delta grows each year', 'My own note');
      await core.saveUrl(site.url('/a/other'));
    } finally {
      await core.close();
    }
    const first = await importJson(library, join(backup, 'library.json'), '--no-capture');
    expect(first).toMatchObject({
      format: 'offprint-json',
      entries: 4,
      added: 3,
      merged: 1,
      unchanged: 0,
      errors: [],
      highlights: { total: 3, added: 3 },
    });
    const again = await importJson(library, join(backup, 'library.json'), '--no-capture');
    expect(again).toMatchObject({ added: 0, merged: 0, unchanged: 4, highlights: { total: 3, added: 0 } });

    const reopened = await OffprintCore.open({ libraryDir: library });
    try {
      const articles = await allArticles(reopened);
      expect(articles).toHaveLength(5);
      expect(new Set(articles.map((a) => a.url)).size).toBe(5);
      const rivers = articles.find((a) => a.id === mine)!;
      expect(rivers.tags).toEqual(['mine', 'geography', 'long read']);
      const notes = (await reopened.highlightStates(mine)).map(({ highlight: h, state }) => [h.note, state]);
      expect(notes).toEqual(
        expect.arrayContaining([
          ['My own note', 'anchored'],
          ['Where the delta comes from', 'anchored'],
        ]),
      );
      expect(notes).toHaveLength(2);
      // The backup's other articles keep their ids; the one already here keeps its own.
      expect(articles.map((a) => a.id)).toEqual(expect.arrayContaining([ids.lakes, ids.glaciers, ids.later]));
      expect(articles.some((a) => a.id === ids.rivers)).toBe(false);

      await reopened.undoImport(first.importId);
      const after = await allArticles(reopened);
      expect(after.map((a) => a.title).sort()).toEqual(['Another page', 'Rivers and deltas']);
      expect(after.find((a) => a.id === mine)!.tags).toEqual(['mine']);
      expect((await reopened.highlightStates(mine)).map(({ highlight: h }) => h.note)).toEqual(['My own note']);
    } finally {
      await reopened.close();
    }
  });
});
