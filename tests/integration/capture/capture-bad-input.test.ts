import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { captureUrl, closeExtractionPool } from '../../../electron/core/capture/capture-url';
import { captureOptionsUnder } from '../../support/capture-options';
import { sendBody, startFixtureServer, type FixtureServer } from '../../support/fixture-server';

let server: FixtureServer;
let root: string;
const options = captureOptionsUnder(() => root, {
  connectTimeoutMs: 2_000,
  totalTimeoutMs: 4_000,
  stallTimeoutMs: 1_000,
});
const P = 'Each line of this page is a sentence, with commas, about nothing in particular, written to be read. ';

/** Either an article or a clear OffprintError — never a crash, a hang, or an anonymous error. */
async function outcome(url: string, opts = options()): Promise<{ title?: string; code?: string; message?: string }> {
  try {
    return await captureUrl(url, opts);
  } catch (error) {
    return error as { code: string; message: string };
  }
}
const clear = (result: { title?: string; code?: string; message?: string }) =>
  result.title !== undefined ||
  (/^[a-z-]+$/.test(result.code ?? '') && result.code !== 'internal' && (result.message ?? '').length > 10);

beforeAll(async () => {
  server = await startFixtureServer();
  root = await mkdtemp(join(tmpdir(), 'offprint-bad-input-'));
});
afterAll(async () => {
  await server.close();
  await closeExtractionPool();
  await rm(root, { recursive: true, force: true });
});

describe('bad input ends in an article or a clear error', () => {
  it('10,000 nested divs', async () => {
    const html = `<html><body>${'<div>'.repeat(10_000)}<p>${P.repeat(5)}</p>${'</div>'.repeat(10_000)}</body></html>`;
    server.route('/nested', sendBody(html));
    const result = await outcome(server.url('/nested'));
    expect(clear(result)).toBe(true);
  }, 60_000);

  it('200,000 paragraphs', async () => {
    server.route(
      '/paragraphs',
      sendBody(`<html><body><article>${`<p>${P}</p>`.repeat(200_000)}</article></body></html>`),
    );
    const started = Date.now();
    const result = await outcome(
      server.url('/paragraphs'),
      options({ limits: { totalTimeoutMs: 20_000, maxBytes: 30 * 1024 * 1024 } }),
    );
    expect(clear(result)).toBe(true);
    expect(Date.now() - started).toBeLessThan(55_000);
  }, 60_000);

  it('a page over the 25 MB cap is refused, naming the cap', async () => {
    server.route('/over', sendBody(Buffer.alloc(25 * 1024 * 1024 + 10, 'a')));
    expect(await outcome(server.url('/over'), options({ limits: { totalTimeoutMs: 20_000 } }))).toMatchObject({
      code: 'too-large',
      message: 'The page is larger than 25 MB, too large to save.',
    });
  }, 60_000);

  it('a page just under 25 MB', async () => {
    const filler = `<p>${P}</p>`;
    const head = '<html><head><title>Big page</title></head><body><article><h1>Big page</h1>';
    const count = Math.floor((25 * 1024 * 1024 - head.length - 100) / filler.length);
    server.route('/under', sendBody(`${head}${filler.repeat(count)}</article></body></html>`));
    const result = await outcome(server.url('/under'), options({ limits: { totalTimeoutMs: 20_000 } }));
    expect(clear(result)).toBe(true);
  }, 60_000);

  it('random bytes', async () => {
    server.route('/random', sendBody(randomBytes(200_000), 'text/html'));
    const result = await outcome(server.url('/random'));
    expect(result).toMatchObject({ code: 'unsupported-type' });
    expect(result.message).toMatch(/binary data|cannot be saved/);
  });
});
