/**
 * SIGKILL during a 2,000-item enqueue and capture, then reopen: every acknowledged enqueue is
 * still queued (or done), nothing is duplicated, pages captured before the kill keep their content,
 * and the queue goes on from where it was.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { OffprintCore } from '../../../electron/core/offprint-core';
import { addPlaceholders, until } from '../../support/capture-queue-kit';
import { ArticleOrigins, runUntilKilled } from '../../support/kill-and-reopen';

const CHILD = resolve(import.meta.dirname, 'capture-queue-child.ts');
const ITEMS = 2_000;
const ORIGINS = 20;

interface Line {
  type: 'ready' | 'enqueued' | 'captured' | 'idle';
  ids?: string[];
  id?: string;
}

let dir: string;
const site = new ArticleOrigins();

afterAll(async () => {
  site.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('capture queue crash safety', () => {
  it('loses no enqueued item, duplicates nothing and resumes after a SIGKILL', { timeout: 600_000 }, async () => {
    dir = await mkdtemp(join(tmpdir(), 'offprint-queue-crash-'));
    const origins = await Promise.all(Array.from({ length: ORIGINS }, () => site.start()));
    const urls = Array.from({ length: ITEMS }, (_, i) => `${origins[i % ORIGINS]}/story/${i}`);
    const ids = await addPlaceholders(
      dir,
      urls.map((url, i) => ({ title: `Imported ${i}`, url, tags: ['imported'] })),
    );
    const itemsPath = join(dir, '..', `${dir.split('/').pop()}-items.json`);
    await writeFile(itemsPath, JSON.stringify(ids.map((articleId, i) => ({ articleId, url: urls[i] }))));

    // Killed once 10 pages are captured and enough batches are enqueued.
    const batchesBeforeKill = 20 + Math.floor(Math.random() * 40);
    const lines = await runUntilKilled<Line>(
      CHILD,
      [dir, itemsPath],
      (sofar) =>
        sofar.filter((l) => l.type === 'captured').length >= 10 &&
        sofar.filter((l) => l.type === 'enqueued').length >= batchesBeforeKill,
    );
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
      const refetched = [...site.hits.values()].filter((n) => n > 1).length;
      expect(refetched).toBeLessThanOrEqual(40);
    } finally {
      await core.close();
    }
  });
});
