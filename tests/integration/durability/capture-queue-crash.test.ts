/**
 * SIGKILL during a 2,000-item enqueue and capture, then reopen: every acknowledged enqueue is
 * still queued (or done), nothing is duplicated, pages captured before the kill keep their content,
 * and the queue goes on from where it was.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, describe, expect, it } from 'vitest';
import { OffprintCore } from '../../../electron/core/offprint-core';
import { addPlaceholders, articlePage, until } from '../../support/capture-queue-kit';

const CHILD = resolve(import.meta.dirname, 'capture-queue-child.ts');
const ROOT = resolve(import.meta.dirname, '../../..');
const ITEMS = 2_000;
const ORIGINS = 20;

interface Line {
  type: 'ready' | 'enqueued' | 'captured' | 'idle';
  ids?: string[];
  id?: string;
}

let dir: string;
const servers: Server[] = [];
/** Page requests per path (the site icon a capture asks for is not counted). */
const hits = new Map<string, number>();

afterAll(async () => {
  for (const server of servers) {
    server.closeAllConnections();
    server.close();
  }
  if (dir) await rm(dir, { recursive: true, force: true });
});

async function startOrigin(): Promise<string> {
  const server = createServer((req, res) => {
    const path = req.url ?? '/';
    if (path.startsWith('/favicon')) return void res.writeHead(404).end();
    hits.set(path, (hits.get(path) ?? 0) + 1);
    setTimeout(
      () => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(articlePage(`Story ${path}`)),
      5,
    );
  });
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** Runs the child until it has captured `captures` pages and enqueued `batches` batches, then SIGKILLs it. */
function runUntilKilled(itemsPath: string, captures: number, batchesBeforeKill: number): Promise<Line[]> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, dir, itemsPath], {
      cwd: ROOT,
      env: { ...process.env, TSX_TSCONFIG_PATH: join(ROOT, 'tsconfig.node.json') },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const lines: Line[] = [];
    let stderr = '';
    let killed = false;
    child.stderr.on('data', (chunk) => (stderr += chunk));
    createInterface({ input: child.stdout }).on('line', (text) => {
      const line = JSON.parse(text) as Line;
      lines.push(line);
      const captured = lines.filter((l) => l.type === 'captured').length;
      const batches = lines.filter((l) => l.type === 'enqueued').length;
      if (!killed && captured >= captures && batches >= batchesBeforeKill) {
        killed = true;
        child.kill('SIGKILL');
      }
    });
    child.on('exit', (code, signal) => {
      if (signal === 'SIGKILL') done(lines);
      else fail(new Error(`The child stopped by itself (code ${code}): ${stderr}`));
    });
  });
}

describe('capture queue crash safety', () => {
  it('loses no enqueued item, duplicates nothing and resumes after a SIGKILL', { timeout: 600_000 }, async () => {
    dir = await mkdtemp(join(tmpdir(), 'offprint-queue-crash-'));
    const origins = await Promise.all(Array.from({ length: ORIGINS }, () => startOrigin()));
    const urls = Array.from({ length: ITEMS }, (_, i) => `${origins[i % ORIGINS]}/story/${i}`);
    const ids = await addPlaceholders(
      dir,
      urls.map((url, i) => ({ title: `Imported ${i}`, url, tags: ['imported'] })),
    );
    const itemsPath = join(dir, '..', `${dir.split('/').pop()}-items.json`);
    await writeFile(itemsPath, JSON.stringify(ids.map((articleId, i) => ({ articleId, url: urls[i] }))));

    const lines = await runUntilKilled(itemsPath, 10, 20 + Math.floor(Math.random() * 40));
    await rm(itemsPath, { force: true });
    const acknowledged = lines.filter((l) => l.type === 'enqueued').flatMap((l) => l.ids!);
    const capturedBeforeKill = lines.filter((l) => l.type === 'captured').map((l) => l.id!);
    expect(acknowledged.length).toBeGreaterThanOrEqual(400);
    expect(acknowledged.length).toBeLessThan(ITEMS); // killed mid-enqueue

    const core = await OffprintCore.open({ libraryDir: dir, captureQueue: { perOriginDelayMs: 0 } });
    try {
      // Nothing enqueued is lost; nothing is duplicated.
      const queue = await core.listCaptureQueue({ limit: 10_000 });
      const queued = new Set(queue.map((i) => i.articleId));
      expect(queued.size).toBe(queue.length);
      for (const id of acknowledged) expect(queued.has(id), id).toBe(true);
      const articles = await core.listArticles({ view: 'all', limit: 10_000 } as never);
      expect(articles).toHaveLength(ITEMS);
      expect(new Set(articles.map((a) => a.url)).size).toBe(ITEMS);
      // What was captured before the kill kept its content (done, or queued again to be refetched in place).
      for (const id of capturedBeforeKill) expect((await core.getArticle(id)).content).toContain('Paragraph 1');
      for (const item of queue) expect(['queued', 'done']).toContain(item.status);

      // The queue resumes where it was; the rest of the batches can be enqueued as the import would again.
      core.startCaptureQueue();
      const doneAtOpen = (await core.captureQueueStatus()).counts.done;
      await until(
        async () => (await core.captureQueueStatus()).counts.done >= doneAtOpen + 40,
        'the queue to go on',
        120_000,
      );
      await core.enqueueCapture(ids.map((articleId, i) => ({ articleId, url: urls[i] })));
      const status = await core.captureQueueStatus();
      expect(status.total).toBe(ITEMS);
      expect(status.counts.failed + status.counts.gone + status.counts.cancelled).toBe(0);
      const after = await core.listArticles({ view: 'all', limit: 10_000 } as never);
      expect(after).toHaveLength(ITEMS);
      const sample = (await core.listCaptureQueue({ statuses: ['done'], limit: 10_000 })).slice(-5);
      for (const item of sample) {
        const article = await core.getArticle(item.articleId);
        expect(article.content).toContain('Paragraph 1');
        expect(article.tags).toEqual(['imported']);
      }
      // A page is fetched again only if it was being captured or its "done" was not yet written at the kill.
      const refetched = [...hits.values()].filter((n) => n > 1).length;
      expect(refetched).toBeLessThanOrEqual(40);
    } finally {
      await core.close();
    }
  });
});
