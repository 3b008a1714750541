/**
 * The capture queue against real HTTP servers on 127.0.0.1: placeholders filled in place, 404/410
 * recorded as gone and not retried, transient failures retried with exponential backoff (on the
 * injected clock) up to a bound, one page at a time per origin and about four overall, a pause
 * between two pages of one origin, pause/resume/cancel/retry, and a queue that outlives its process.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { OffprintCore, type CoreOptions } from '../../../electron/core/offprint-core';
import { addPlaceholders, articlePage, TestClock, until } from '../../support/capture-queue-kit';

interface Site {
  origin: string;
  /** Requests per path, in order of arrival. */
  hits: Map<string, number>;
  starts: number[];
  ends: number[];
  maxInFlight: number;
  close(): Promise<void>;
}

/** Pages answer after `delayMs`; /gone-404 and /gone-410 are gone; /flaky-N answers 503 N times first. */
async function startSite(delayMs = 20, inFlightAll?: { now: number; max: number }): Promise<Site> {
  const hits = new Map<string, number>();
  const site = { hits, starts: [] as number[], ends: [] as number[], maxInFlight: 0 } as Site;
  let inFlight = 0;
  const server: Server = createServer((req, res) => {
    const path = req.url ?? '/';
    const count = (hits.get(path) ?? 0) + 1;
    hits.set(path, count);
    const page = !path.startsWith('/favicon'); // a capture also asks for the site's icon
    if (page) site.starts.push(Date.now());
    inFlight += 1;
    site.maxInFlight = Math.max(site.maxInFlight, inFlight);
    if (inFlightAll) inFlightAll.max = Math.max(inFlightAll.max, ++inFlightAll.now);
    if (/^\/reset-1/.test(path) && count === 1) {
      inFlight -= 1;
      if (inFlightAll) inFlightAll.now -= 1;
      return void req.socket.destroy(); // the connection is reset before any answer
    }
    setTimeout(() => {
      inFlight -= 1;
      if (inFlightAll) inFlightAll.now -= 1;
      if (page) site.ends.push(Date.now());
      const gone = /^\/gone-(404|410)/.exec(path);
      if (gone) return void res.writeHead(Number(gone[1])).end('gone');
      const flaky = /^\/flaky-(\d+)/.exec(path);
      if (flaky && count <= Number(flaky[1])) return void res.writeHead(503).end('busy');
      if (path.startsWith('/teapot')) return void res.writeHead(418).end('no');
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(articlePage(`Page ${path}`));
    }, delayMs);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  site.origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  site.close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return site;
}

let dir: string;
let core: OffprintCore | null = null;
let sites: Site[] = [];

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'offprint-queue-'));
});
afterEach(async () => {
  await core?.close();
  core = null;
  await Promise.all(sites.map((s) => s.close()));
  sites = [];
  await rm(dir, { recursive: true, force: true });
});

async function site(delayMs?: number, inFlightAll?: { now: number; max: number }): Promise<Site> {
  const s = await startSite(delayMs, inFlightAll);
  sites.push(s);
  return s;
}

async function open(options: Partial<CoreOptions> = {}): Promise<OffprintCore> {
  core = await OffprintCore.open({
    libraryDir: dir,
    limits: { connectTimeoutMs: 2_000, totalTimeoutMs: 5_000, stallTimeoutMs: 2_000 },
    ...options,
    captureQueue: { perOriginDelayMs: 0, ...options.captureQueue },
  });
  return core;
}

async function queueUp(urls: string[], tags: string[] = []): Promise<string[]> {
  const ids = await addPlaceholders(
    dir,
    urls.map((url, i) => ({ title: `Imported ${i}`, url, tags })),
  );
  return ids;
}

const statusOf = async (c: OffprintCore, id: string) =>
  (await c.listCaptureQueue({ limit: 10_000 })).find((i) => i.articleId === id);

describe('capture queue', () => {
  it('fills each placeholder in place, keeping its tags and highlights, and says when it is done', async () => {
    const s = await site();
    const ids = await queueUp([`${s.origin}/a`, `${s.origin}/b`], ['from pocket']);
    const c = await open();
    const highlight = await c.addHighlight({
      articleId: ids[0],
      quote: { type: 'TextQuoteSelector', exact: 'Paragraph 2', prefix: '', suffix: '' },
      position: { type: 'TextPositionSelector', start: 0, end: 0 },
      color: 'yellow',
      note: 'pending until captured',
    });
    const captured: string[] = [];
    c.onCaptured((id) => captured.push(id));
    await c.enqueueCapture(ids.map((articleId, i) => ({ articleId, url: [`${s.origin}/a`, `${s.origin}/b`][i] })));
    c.startCaptureQueue();
    await c.captureQueueIdle();

    expect(captured.sort()).toEqual([...ids].sort());
    const articles = await c.listArticles({ view: 'all' } as never);
    expect(articles).toHaveLength(2);
    const first = await c.getArticle(ids[0]);
    expect(first.content).toContain('Paragraph 2');
    expect(first.tags).toEqual(['from pocket']);
    expect(first.highlights.map((h) => h.id)).toEqual([highlight.id]);
    const text = await c.getArticleText(ids[0]);
    expect(text.slice(first.highlights[0].position.start, first.highlights[0].position.end)).toBe('Paragraph 2');
    const status = await c.captureQueueStatus();
    expect(status.counts.done).toBe(2);
    expect(status.etaSeconds).toBe(0);
  });

  it('records 404 and 410 as gone, asks once, and keeps the entry with its reason', async () => {
    const s = await site();
    const urls = [`${s.origin}/gone-404`, `${s.origin}/gone-410`];
    const ids = await queueUp(urls, ['keep me']);
    const c = await open();
    await c.enqueueCapture(ids.map((articleId, i) => ({ articleId, url: urls[i] })));
    c.startCaptureQueue();
    await c.captureQueueIdle();
    for (const [i, id] of ids.entries()) {
      const item = await statusOf(c, id);
      expect(item).toMatchObject({ status: 'gone', attempts: 1, code: 'http-error' });
      expect(item!.reason).toMatch(i === 0 ? /404/ : /410/);
      const article = await c.getArticle(id);
      expect(article.title).toBe(`Imported ${i}`);
      expect(article.tags).toEqual(['keep me']);
    }
    await new Promise((r) => setTimeout(r, 100));
    expect(s.hits.get('/gone-404')).toBe(1);
    expect(s.hits.get('/gone-410')).toBe(1);
  });

  it('retries transient failures with exponential backoff on the injected clock, then captures', async () => {
    const s = await site();
    const clock = new TestClock();
    const url = `${s.origin}/flaky-2`;
    const [id] = await queueUp([url]);
    const c = await open({
      now: clock.now,
      captureQueue: { timer: clock.timer, backoffBaseMs: 1_000, maxAttempts: 4 },
    });
    await c.enqueueCapture([{ articleId: id, url }]);
    const start = clock.now().getTime();
    c.startCaptureQueue();

    await until(async () => (await statusOf(c, id))?.attempts === 1, 'the first failure');
    let item = await statusOf(c, id);
    expect(item).toMatchObject({ status: 'queued', code: 'http-error' });
    expect(Date.parse(item!.nextAttemptAt!) - start).toBe(1_000);
    clock.advance(999);
    await new Promise((r) => setTimeout(r, 50));
    expect(s.hits.get('/flaky-2')).toBe(1); // not before its time

    clock.advance(1);
    await until(async () => (await statusOf(c, id))?.attempts === 2, 'the second failure');
    item = await statusOf(c, id);
    expect(Date.parse(item!.nextAttemptAt!) - clock.now().getTime()).toBe(2_000);

    clock.advance(2_000);
    await until(async () => (await statusOf(c, id))?.status === 'done', 'the capture');
    expect(s.hits.get('/flaky-2')).toBe(3);
  });

  it('retries a connection reset after its backoff', async () => {
    const s = await site();
    const clock = new TestClock();
    const url = `${s.origin}/reset-1`;
    const [id] = await queueUp([url]);
    const c = await open({ now: clock.now, captureQueue: { timer: clock.timer, backoffBaseMs: 500 } });
    await c.enqueueCapture([{ articleId: id, url }]);
    c.startCaptureQueue();
    await until(async () => (await statusOf(c, id))?.attempts === 1, 'the reset');
    expect(await statusOf(c, id)).toMatchObject({ status: 'queued', code: 'unreachable' });
    expect(clock.nextTimerAt! - clock.now().getTime()).toBe(500);
    clock.advance(500);
    await until(async () => (await statusOf(c, id))?.status === 'done', 'the capture after the reset');
    expect(s.hits.get('/reset-1')).toBe(2);
  });

  it('gives up on a transient failure after the bounded number of attempts, and retry puts it back', async () => {
    const s = await site();
    const clock = new TestClock();
    const url = `${s.origin}/flaky-99`;
    const [id] = await queueUp([url]);
    const c = await open({ now: clock.now, captureQueue: { timer: clock.timer, backoffBaseMs: 100, maxAttempts: 3 } });
    await c.enqueueCapture([{ articleId: id, url }]);
    c.startCaptureQueue();
    for (let attempt = 1; attempt <= 3; attempt++) {
      await until(async () => (await statusOf(c, id))?.attempts === attempt, `attempt ${attempt}`);
      if (attempt < 3) clock.advance(100 * 2 ** (attempt - 1));
    }
    const item = await statusOf(c, id);
    expect(item).toMatchObject({ status: 'failed', attempts: 3 });
    expect(item!.reason).toMatch(/503.*gave up after 3 attempts/);
    expect(clock.nextTimerAt).toBeNull();
    expect(s.hits.get('/flaky-99')).toBe(3);

    await c.retryCapture([id]);
    await until(async () => (await statusOf(c, id))?.attempts === 1, 'the retried attempt');
    expect(s.hits.get('/flaky-99')).toBe(4);
  });

  it('does not retry a failure that retrying cannot fix', async () => {
    const s = await site();
    const url = `${s.origin}/teapot`;
    const [id] = await queueUp([url]);
    const c = await open();
    await c.enqueueCapture([{ articleId: id, url }]);
    c.startCaptureQueue();
    await c.captureQueueIdle();
    expect(await statusOf(c, id)).toMatchObject({ status: 'failed', attempts: 1 });
    expect(s.hits.get('/teapot')).toBe(1);
  });

  it('fetches one page at a time per origin and about four overall', async () => {
    const all = { now: 0, max: 0 };
    const six = await Promise.all(Array.from({ length: 6 }, () => site(60, all)));
    const urls = six.flatMap((s) => [1, 2, 3].map((n) => `${s.origin}/p${n}`));
    const ids = await queueUp(urls);
    const c = await open();
    await c.enqueueCapture(ids.map((articleId, i) => ({ articleId, url: urls[i] })));
    c.startCaptureQueue();
    await c.captureQueueIdle();
    expect((await c.captureQueueStatus()).counts.done).toBe(18);
    for (const s of six) expect(s.maxInFlight).toBe(1);
    expect(all.max).toBe(4);
  });

  it('waits the politeness delay between two pages of one origin', async () => {
    const s = await site(10);
    const urls = [1, 2, 3].map((n) => `${s.origin}/p${n}`);
    const ids = await queueUp(urls);
    const c = await open({ captureQueue: { perOriginDelayMs: 200 } });
    await c.enqueueCapture(ids.map((articleId, i) => ({ articleId, url: urls[i] })));
    c.startCaptureQueue();
    await c.captureQueueIdle();
    expect(s.starts).toHaveLength(3);
    for (let i = 1; i < 3; i++) expect(s.starts[i] - s.ends[i - 1]).toBeGreaterThanOrEqual(190);
  });

  it('pauses, resumes, cancels one item and retries it; a pause outlives the process', async () => {
    const s = await site(10);
    const urls = [1, 2, 3].map((n) => `${s.origin}/p${n}`);
    const ids = await queueUp(urls);
    let c = await open();
    await c.enqueueCapture(ids.map((articleId, i) => ({ articleId, url: urls[i] })));
    await c.pauseCaptureQueue();
    await c.close();

    c = await open();
    c.startCaptureQueue();
    await new Promise((r) => setTimeout(r, 150));
    expect(s.starts).toHaveLength(0);
    const paused = await c.captureQueueStatus();
    expect(paused).toMatchObject({ paused: true, counts: { queued: 3 } });

    const cancelled = await c.cancelCapture([ids[1]]);
    expect(cancelled.counts).toMatchObject({ queued: 2, cancelled: 1 });
    await c.resumeCaptureQueue();
    await c.captureQueueIdle();
    expect((await c.captureQueueStatus()).counts).toMatchObject({ done: 2, cancelled: 1, queued: 0 });
    expect(s.hits.has('/p2')).toBe(false);

    await c.retryCapture();
    await c.captureQueueIdle();
    expect((await c.captureQueueStatus()).counts).toMatchObject({ done: 3, cancelled: 0 });

    await c.cancelCapture();
    expect((await c.captureQueueStatus()).counts.cancelled).toBe(0); // nothing was waiting
  });

  it('keeps what was enqueued across a restart, and an article enqueued twice is queued once', async () => {
    const s = await site(10);
    const urls = [1, 2].map((n) => `${s.origin}/p${n}`);
    const ids = await queueUp(urls);
    let c = await open();
    const items = ids.map((articleId, i) => ({ articleId, url: urls[i] }));
    await c.enqueueCapture(items);
    await c.enqueueCapture(items);
    expect((await c.captureQueueStatus()).total).toBe(2);
    await c.close();

    c = await open({ startCaptureQueue: true });
    expect((await c.captureQueueStatus()).counts.queued + (await c.captureQueueStatus()).counts.capturing).toBe(2);
    await c.captureQueueIdle();
    expect((await c.captureQueueStatus()).counts.done).toBe(2);
    expect(await c.listArticles({ view: 'all' } as never)).toHaveLength(2);
  });
});
