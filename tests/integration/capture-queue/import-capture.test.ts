/**
 * An import hands its placeholders to the persistent capture queue: a Pocket export whose item
 * lives on a real HTTP server on 127.0.0.1 is recorded without content (no folder, its highlight
 * pending), the queue fetches it into the same article, and the highlight anchors.
 */
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { OffprintCore } from '../../../electron/core/offprint-core';
import { articlePage } from '../../support/capture-queue-kit';

const QUOTE = 'The queue fetched this page in its turn.';

let dir: string;
let core: OffprintCore | null = null;
let server: Server;
let origin: string;
const requested: string[] = [];

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'offprint-import-queue-'));
  requested.length = 0;
  server = createServer((req, res) => {
    requested.push(req.url ?? '/');
    if (req.url !== '/story') return void res.writeHead(404).end('gone');
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(articlePage('A story', QUOTE));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterEach(async () => {
  await core?.close();
  core = null;
  await new Promise<void>((resolve) => {
    server.closeAllConnections();
    server.close(() => resolve());
  });
  await rm(dir, { recursive: true, force: true });
});

/** An unzipped Pocket export: one item, and one highlight on it in annotations/. */
async function pocketExport(): Promise<string> {
  const folder = join(dir, 'pocket');
  await mkdir(join(folder, 'annotations'), { recursive: true });
  await writeFile(
    join(folder, 'part_000000.csv'),
    `title,url,time_added,tags,status\nA story,${origin}/story,1710000000,essays|later,unread\n`,
  );
  await writeFile(
    join(folder, 'annotations', 'part_000000.json'),
    JSON.stringify([
      { url: `${origin}/story`, title: 'A story', highlights: [{ quote: QUOTE, created_at: 1710000500 }] },
    ]),
  );
  return folder;
}

it('captures an imported placeholder in place through the queue, and its pending highlight anchors', async () => {
  const libraryDir = join(dir, 'library');
  core = await OffprintCore.open({ libraryDir, captureQueue: { perOriginDelayMs: 0 } });
  const summary = await core.importPath(await pocketExport());
  expect(summary).toMatchObject({ added: 1, queued: 1, awaitingCapture: 1 });
  expect(summary.highlights).toMatchObject({ total: 1, pending: 1 });
  expect(requested).toEqual([]); // nothing is fetched while importing

  const [placeholder] = await core.listArticles({ view: 'all' });
  expect(placeholder.awaitingCapture).toBe(true);
  expect(await readdir(join(libraryDir, 'articles')).catch(() => [])).not.toContain(placeholder.id);
  expect(await core.captureQueueStatus()).toMatchObject({ total: 1, counts: { queued: 1 } });

  const captured: string[] = [];
  core.onCaptured((id) => captured.push(id));
  core.startCaptureQueue();
  await core.captureQueueIdle();

  expect(requested).toContain('/story');
  expect(captured).toEqual([placeholder.id]);
  expect(await core.captureQueueStatus()).toMatchObject({ counts: { done: 1, failed: 0, gone: 0 } });
  const articles = await core.listArticles({ view: 'all' });
  expect(articles).toHaveLength(1); // filled in place: no duplicate
  const [article] = articles;
  expect(article.id).toBe(placeholder.id);
  expect(article.awaitingCapture).toBeUndefined();
  expect(article.tags).toEqual(['essays', 'later']);
  expect(await readdir(join(libraryDir, 'articles'))).toContain(article.id);
  expect(await core.getArticleText(article.id)).toContain(QUOTE);

  const [state] = await core.highlightStates(article.id);
  expect(state.state).toBe('anchored');
  expect(state.highlight.quote.exact).toBe(QUOTE);
  const text = await core.getArticleText(article.id);
  expect(text.slice(state.highlight.position.start, state.highlight.position.end)).toBe(QUOTE);

  // And so it stays after reopening.
  await core.close();
  core = await OffprintCore.open({ libraryDir });
  expect((await core.listArticles({ view: 'all' })).map((a) => a.awaitingCapture)).toEqual([undefined]);
  expect((await core.highlightStates(article.id))[0].state).toBe('anchored');
});
