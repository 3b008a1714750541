/**
 * SIGKILL during a 2,000-item import plus capture, then reopen: nothing imported is lost, the
 * queue resumes, and nothing is duplicated (importing the same file again adds nothing either).
 * Goes through the real import of a generated Pocket CSV, pages served on 127.0.0.1.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { OffprintCore } from '../../../electron/core/offprint-core';
import { until } from '../../support/capture-queue-kit';
import { ArticleOrigins, runUntilKilled } from '../../support/kill-and-reopen';

const CHILD = resolve(import.meta.dirname, 'import-child.ts');
const ITEMS = 2_000;
const ORIGINS = 20;

interface Line {
  type: 'imported' | 'captured' | 'idle';
  id?: string;
  added?: number;
  queued?: number;
}

let work: string;
const site = new ArticleOrigins();

afterAll(async () => {
  site.close();
  if (work) await rm(work, { recursive: true, force: true });
});

describe('import crash safety', () => {
  it(
    'loses nothing imported, resumes the queue and duplicates nothing after a SIGKILL',
    { timeout: 600_000 },
    async () => {
      work = await mkdtemp(join(tmpdir(), 'offprint-import-crash-'));
      const dir = join(work, 'library');
      const origins = await Promise.all(Array.from({ length: ORIGINS }, () => site.start()));
      const urls = Array.from({ length: ITEMS }, (_, i) => `${origins[i % ORIGINS]}/story/${i}`);
      const csv = join(work, 'pocket.csv');
      const rows = urls.map(
        (url, i) => `Imported ${i},${url},${1710000000 + i},imported,${i % 3 ? 'unread' : 'archive'}`,
      );
      await writeFile(csv, `title,url,time_added,tags,status\n${rows.join('\n')}\n`);

      // Killed once the import is recorded and some pages are captured.
      const captures = 10 + Math.floor(Math.random() * 40);
      const lines = await runUntilKilled<Line>(
        CHILD,
        [dir, csv],
        (sofar) => sofar.filter((l) => l.type === 'captured').length >= captures,
      );
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
        const refetched = [...site.hits.values()].filter((n) => n > 1).length;
        expect(refetched).toBeLessThanOrEqual(40);
      } finally {
        await core.close();
      }
    },
  );
});
