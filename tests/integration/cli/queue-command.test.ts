/**
 * `offprint queue` against a real library and real HTTP servers on 127.0.0.1: status, pause,
 * resume (captures until done, progress on stderr as plain lines when not on a terminal), gone
 * pages listed with their reason, retry, --json; and the progress bar on a terminal.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emptyCaptureCounts, type CaptureQueueStatus } from '@shared/queue/capture-queue';
import { progressDisplay } from '../../../electron/cli/progress-display';
import { runCli, type CliIo } from '../../../electron/cli/run-cli';
import { OffprintCore } from '../../../electron/core/offprint-core';
import { addPlaceholders, articlePage } from '../../support/capture-queue-kit';
import { startFixtureServer, type FixtureServer } from '../../support/fixture-server';

let site: FixtureServer;
let library: string;

beforeAll(async () => {
  site = await startFixtureServer();
  for (const n of [1, 2, 3])
    site.route(`/story/${n}`, (_req, res) =>
      res.writeHead(200, { 'content-type': 'text/html' }).end(articlePage(`Story ${n}`)),
    );
  library = await mkdtemp(join(tmpdir(), 'offprint-cli-queue-'));
  const urls = [1, 2, 3, 4].map((n) => site.url(`/story/${n}`)); // /story/4 answers 404
  const ids = await addPlaceholders(
    library,
    urls.map((url, i) => ({ title: `Imported ${i + 1}`, url })),
  );
  const core = await OffprintCore.open({ libraryDir: library });
  await core.enqueueCapture(ids.map((articleId, i) => ({ articleId, url: urls[i] })));
  await core.close();
});
afterAll(async () => {
  await site.close();
  await rm(library, { recursive: true, force: true });
});

async function cli(...args: string[]): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { out: (t) => out.push(t), err: (t) => err.push(t), env: {}, interactive: false };
  const code = await runCli(['--library', library, 'queue', ...args], io);
  return { code, out, err };
}

describe('offprint queue', () => {
  it('shows the status, pauses, resumes until done, lists what is gone and retries it', async () => {
    let run = await cli();
    expect(run.code).toBe(0);
    expect(run.out[0]).toMatch(/^0\/4 finished · 0 captured · (estimating time left|about)/);

    run = await cli('pause');
    expect(run.out[0]).toContain('paused');

    run = await cli('resume');
    expect(run.code).toBe(0);
    expect(run.err.at(-1)).toMatch(/^4\/4 finished · 3 captured · 1 gone$/);
    expect(run.out[0]).toBe('4/4 finished · 3 captured · 1 gone');
    expect(run.out[1]).toMatch(/^gone\t\S+\thttp:\/\/127\.0\.0\.1:\d+\/story\/4\tThe site answered 404/);
    expect(run.out[2]).toContain('offprint queue retry');

    run = await cli('status', '--json');
    const json = JSON.parse(run.out.join('\n')) as CaptureQueueStatus & { problems: { url: string }[] };
    expect(json.counts).toMatchObject({ done: 3, gone: 1, queued: 0 });
    expect(json.problems.map((p) => p.url)).toEqual([site.url('/story/4')]);

    const asked = site.requests.filter((r) => r === '/story/4').length;
    run = await cli('retry');
    expect(site.requests.filter((r) => r === '/story/4').length).toBe(asked + 1);
    expect(run.out[0]).toBe('4/4 finished · 3 captured · 1 gone');
  });

  it('refuses an unknown action with a usage error', async () => {
    const run = await cli('frobnicate');
    expect(run.code).toBe(2);
    expect(run.err[0]).toContain('queue takes one of status, retry, pause, resume');
  });
});

describe('progress display', () => {
  const status = (done: number, total: number): CaptureQueueStatus => ({
    paused: false,
    running: true,
    counts: { ...emptyCaptureCounts(), done, queued: total - done },
    total,
    etaSeconds: total - done,
    pagesPerMinute: 60,
  });

  it('redraws one bar in place on a terminal', () => {
    const written: string[] = [];
    let now = 0;
    const display = progressDisplay({ write: (t) => written.push(t), tty: true, columns: 100, now: () => now });
    display.update(status(0, 10));
    display.update(status(1, 10)); // too soon: not drawn
    now = 200;
    display.update(status(5, 10));
    display.finish(status(10, 10));
    expect(written).toHaveLength(4);
    const redraw = '\r\u001b[K';
    expect(written[0].startsWith(redraw)).toBe(true);
    expect(written[0].slice(redraw.length)).toMatch(/^\[-+\] 0\/10 finished/);
    expect(written[1].startsWith(redraw)).toBe(true);
    expect(written[1].slice(redraw.length)).toMatch(/^\[#+-+\] 5\/10 finished · 5 captured · about 5 s left$/);
    expect(written[2]).toMatch(/\[#+\] 10\/10 finished · 10 captured$/);
    expect(written[3]).toBe('\n');
  });

  it('writes plain lines now and then when not on a terminal', () => {
    const written: string[] = [];
    let now = 0;
    const display = progressDisplay({ write: (t) => written.push(t), tty: false, now: () => now });
    for (let done = 0; done <= 100; done++) {
      now += 100;
      display.update(status(done, 100));
    }
    display.finish(status(100, 100));
    expect(written.length).toBeGreaterThanOrEqual(4);
    expect(written.length).toBeLessThanOrEqual(7);
    for (const line of written) {
      expect(line).toMatch(/^\d+\/100 finished[^\r]*\n$/);
      expect(line).not.toContain('\u001b');
    }
  });
});
