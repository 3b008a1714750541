/**
 * SIGKILL during a 2,000-item import plus capture, then reopen: nothing imported is lost, the
 * queue resumes, and nothing is duplicated (importing the same file again adds nothing either).
 * Goes through the real import of a generated Pocket CSV, pages served on 127.0.0.1.
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
import { articlePage, until } from '../../support/capture-queue-kit';

const CHILD = resolve(import.meta.dirname, 'import-child.ts');
const ROOT = resolve(import.meta.dirname, '../../..');
const ITEMS = 2_000;
const ORIGINS = 20;

interface Line {
  type: 'imported' | 'captured' | 'idle';
  id?: string;
  added?: number;
  queued?: number;
}

let work: string;
const servers: Server[] = [];
const hits = new Map<string, number>();

afterAll(async () => {
  for (const server of servers) {
    server.closeAllConnections();
    server.close();
  }
  if (work) await rm(work, { recursive: true, force: true });
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

/** Runs the child until it has recorded the import and captured `captures` pages, then SIGKILLs it. */
function runUntilKilled(dir: string, csvPath: string, captures: number): Promise<Line[]> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, dir, csvPath], {
      cwd: ROOT,
      env: { ...process.env, TSX_TSCONFIG_PATH: join(ROOT, 'tsconfig.node.json') },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const lines: Line[] = [];
    let stderr = '';
    let killed = false;
    child.stderr.on('data', (chunk) => (stderr += chunk));
    createInterface({ input: child.stdout }).on('line', (text) => {
      lines.push(JSON.parse(text) as Line);
      const captured = lines.filter((l) => l.type === 'captured').length;
      if (!killed && captured >= captures) {
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

describe('import crash safety', () => {
  it(
    'loses nothing imported, resumes the queue and duplicates nothing after a SIGKILL',
    { timeout: 600_000 },
    async () => {
      work = await mkdtemp(join(tmpdir(), 'offprint-import-crash-'));
      const dir = join(work, 'library');
      const origins = await Promise.all(Array.from({ length: ORIGINS }, () => startOrigin()));
      const urls = Array.from({ length: ITEMS }, (_, i) => `${origins[i % ORIGINS]}/story/${i}`);
      const csv = join(work, 'pocket.csv');
      const rows = urls.map(
        (url, i) => `Imported ${i},${url},${1710000000 + i},imported,${i % 3 ? 'unread' : 'archive'}`,
      );
      await writeFile(csv, `title,url,time_added,tags,status\n${rows.join('\n')}\n`);

      const lines = await runUntilKilled(dir, csv, 10 + Math.floor(Math.random() * 40));
      expect(lines.find((l) => l.type === 'imported')).toMatchObject({ added: ITEMS, queued: ITEMS });
      const capturedBeforeKill = lines.filter((l) => l.type === 'captured').map((l) => l.id!);
      expect(lines.some((l) => l.type === 'idle')).toBe(false); // killed mid-capture

      const core = await OffprintCore.open({ libraryDir: dir, captureQueue: { perOriginDelayMs: 0 } });
      try {
        // Nothing imported is lost; nothing is duplicated.
        const articles = await core.listArticles({ view: 'all', limit: 10_000 } as never);
        expect(articles).toHaveLength(ITEMS);
        expect(new Set(articles.map((a) => a.url)).size).toBe(ITEMS);
        expect(articles.filter((a) => a.archived)).toHaveLength(Math.ceil(ITEMS / 3));
        const queue = await core.listCaptureQueue({ limit: 10_000 });
        expect(queue).toHaveLength(ITEMS);
        expect(new Set(queue.map((i) => i.articleId)).size).toBe(ITEMS);
        for (const item of queue) expect(['queued', 'done']).toContain(item.status);
        for (const id of capturedBeforeKill) expect((await core.getArticle(id)).content).toContain('Paragraph 1');

        // The queue resumes where it was.
        core.startCaptureQueue();
        const doneAtOpen = (await core.captureQueueStatus()).counts.done;
        await until(
          async () => (await core.captureQueueStatus()).counts.done >= doneAtOpen + 40,
          'the queue to go on',
          120_000,
        );
        // Importing the same file again adds no article and queues nothing twice.
        const again = await core.importPath(csv);
        expect(again).toMatchObject({ added: 0, unchanged: ITEMS });
        const status = await core.captureQueueStatus();
        expect(status.total).toBe(ITEMS);
        expect(status.counts.failed + status.counts.gone + status.counts.cancelled).toBe(0);
        expect(await core.listArticles({ view: 'all', limit: 10_000 } as never)).toHaveLength(ITEMS);
        const sample = (await core.listCaptureQueue({ statuses: ['done'], limit: 10_000 })).slice(-5);
        for (const item of sample) {
          const article = await core.getArticle(item.articleId);
          expect(article.content).toContain('Paragraph 1');
          expect(article.awaitingCapture).toBeUndefined();
          expect(article.tags).toEqual(['imported']);
        }
        const refetched = [...hits.values()].filter((n) => n > 1).length;
        expect(refetched).toBeLessThanOrEqual(40);
      } finally {
        await core.close();
      }
    },
  );
});
