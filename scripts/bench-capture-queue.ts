/**
 * The capture half of `npm run bench:import` (run alone with `npm run bench:capture-queue`):
 * 2,000 placeholder articles over 50 origins (50 servers on 127.0.0.1, one port each) are queued
 * and captured by the real queue, core and store; every request is answered after 100 ms.
 * Prints JSON with capturePagesPerSecond and captureRssGrowthMb: RSS after the run minus RSS once
 * the first 100 pages are in (the extraction workers have started by then), both after a garbage
 * collection; the growth from before the first page is printed beside it.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { OffprintCore } from '../electron/core/offprint-core';
import { DEFAULT_QUEUE_OPTIONS } from '../electron/core/saving/capture-queue';
import { addPlaceholders, articlePage } from '../tests/support/capture-queue-kit';

export interface CaptureBenchOptions {
  pages?: number;
  origins?: number;
  responseDelayMs?: number;
  /** Pages captured at once (the app's default when absent). */
  concurrency?: number;
}

export interface CaptureBenchResult {
  capturePages: number;
  captureOrigins: number;
  captureConcurrency: number;
  captureResponseDelayMs: number;
  captureMs: number;
  capturePagesPerSecond: number;
  captureFailed: number;
  captureRssBeforeStartMb: number;
  captureRssAfterWarmUpMb: number;
  captureWarmUpPages: number;
  captureRssGrowthFromBeforeStartMb: number;
  captureRssEndMb: number;
  captureRssGrowthMb: number;
  capturePeakRssMb: number;
}

const mb = (bytes: number): number => Math.round((bytes / (1024 * 1024)) * 10) / 10;
const settledRss = (): number => {
  (globalThis as { gc?: () => void }).gc?.();
  return process.memoryUsage().rss;
};

/** One site: every request (pages and the icon a capture asks for) is answered after `delayMs`. */
async function startOrigin(delayMs: number): Promise<{ origin: string; close: () => Promise<void> }> {
  const server: Server = createServer((req, res) => {
    setTimeout(() => {
      const path = req.url ?? '/';
      if (path.startsWith('/favicon')) return void res.writeHead(404).end();
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(articlePage(`Story ${path}`));
    }, delayMs);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export async function benchCaptureQueue({
  pages = 2_000,
  origins = 50,
  responseDelayMs = 100,
  concurrency,
}: CaptureBenchOptions = {}): Promise<CaptureBenchResult> {
  const warmUpPages = Math.min(100, Math.floor(pages / 10));
  const dir = await mkdtemp(join(tmpdir(), 'offprint-bench-capture-'));
  const sites = await Promise.all(Array.from({ length: origins }, () => startOrigin(responseDelayMs)));
  try {
    const urls = Array.from({ length: pages }, (_, i) => `${sites[i % origins].origin}/story/${i}`);
    const ids = await addPlaceholders(
      dir,
      urls.map((url, i) => ({ title: `Imported link ${i}`, url })),
    );
    const core = await OffprintCore.open({ libraryDir: dir, captureQueue: concurrency ? { concurrency } : {} });
    try {
      await core.enqueueCapture(ids.map((articleId, i) => ({ articleId, url: urls[i] })));
      const rssBefore = settledRss();
      const t0 = performance.now();
      core.startCaptureQueue();
      // Growth is measured from after the first pages: the extraction workers start with them.
      let rssStart = 0;
      const warm = setInterval(() => {
        void core.captureQueueStatus().then((s) => {
          if (rssStart === 0 && s.counts.done >= warmUpPages) rssStart = settledRss();
        });
      }, 100);
      await core.captureQueueIdle();
      clearInterval(warm);
      const captureMs = performance.now() - t0;
      const rssEnd = settledRss();
      const status = await core.captureQueueStatus();
      return {
        capturePages: status.counts.done,
        captureOrigins: origins,
        captureConcurrency: concurrency ?? DEFAULT_QUEUE_OPTIONS.concurrency,
        captureResponseDelayMs: responseDelayMs,
        captureMs: Math.round(captureMs),
        capturePagesPerSecond: Math.round((status.counts.done / (captureMs / 1000)) * 10) / 10,
        captureFailed: status.counts.failed + status.counts.gone,
        captureRssBeforeStartMb: mb(rssBefore),
        captureRssAfterWarmUpMb: mb(rssStart),
        captureWarmUpPages: warmUpPages,
        captureRssGrowthFromBeforeStartMb: mb(rssEnd - rssBefore),
        captureRssEndMb: mb(rssEnd),
        captureRssGrowthMb: mb(rssEnd - rssStart),
        capturePeakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
      };
    } finally {
      await core.close();
    }
  } finally {
    await Promise.all(sites.map((s) => s.close()));
    await rm(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const option = (name: string): number | undefined => {
    const arg = process.argv.find((a) => a.startsWith(`--${name}=`));
    return arg ? Number(arg.slice(name.length + 3)) : undefined;
  };
  const result = await benchCaptureQueue({ pages: option('pages'), concurrency: option('concurrency') });
  console.log(JSON.stringify(result, null, 2));
  process.exit(0);
}
