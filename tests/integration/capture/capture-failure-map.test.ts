import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { captureUrl, closeExtractionPool } from '../../../electron/core/capture/capture-url';
import { captureFailure as failure, captureOptionsUnder } from '../../support/capture-options';
import { sendBody, startFixtureServer, type FixtureServer } from '../../support/fixture-server';

const ARTICLE = `<h1>Night ferry</h1>${'<p>The night ferry left on time, its decks crowded with families, bicycles, and crates of oranges bound for the island.</p>'.repeat(6)}`;
let server: FixtureServer;
let root: string;
const options = captureOptionsUnder(() => root, {
  connectTimeoutMs: 2_000,
  totalTimeoutMs: 4_000,
  stallTimeoutMs: 2_000,
});

beforeAll(async () => {
  server = await startFixtureServer();
  root = await mkdtemp(join(tmpdir(), 'offprint-failure-map-'));
});
afterAll(async () => {
  await server.close();
  await closeExtractionPool();
  await rm(root, { recursive: true, force: true });
});

describe('every fetch failure has its own message', () => {
  it('unknown host', async () => {
    const error = await failure(captureUrl('http://no-such-host.invalid/story', options()));
    expect(error.code).toBe('unreachable');
    expect(error.message).toMatch(/no-such-host\.invalid.*could not be found|no-such-host\.invalid/);
  });

  it.each([
    [403, 'The site answered 403 Forbidden.'],
    [410, 'The site answered 410 Gone.'],
    [503, 'The site answered 503 Service Unavailable.'],
  ])('HTTP %i names the status', async (status, message) => {
    server.route(`/s${status}`, sendBody('no', 'text/html', status));
    expect(await failure(captureUrl(server.url(`/s${status}`), options()))).toMatchObject({
      code: 'http-error',
      message,
    });
  });

  it('total timeout on a body that keeps trickling', async () => {
    server.route('/trickle', (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      const timer = setInterval(() => res.write('<p>more</p>'), 50);
      res.on('close', () => clearInterval(timer));
    });
    const error = await failure(
      captureUrl(server.url('/trickle'), options({ limits: { totalTimeoutMs: 600, stallTimeoutMs: 2_000 } })),
    );
    expect(error).toMatchObject({ code: 'timeout' });
    expect(error.message).toMatch(/took longer than 600 ms/);
  });

  it('a body of only white space', async () => {
    server.route('/blank', sendBody('   \n\t  ', 'text/html'));
    expect(await failure(captureUrl(server.url('/blank'), options()))).toMatchObject({
      code: 'empty',
      message: expect.stringMatching(/blank/),
    });
  });

  it.each([
    ['application/zip', /archive/],
    ['image/png', /an image/],
    ['video/mp4', /a video/],
    ['application/x-bittorrent', /application\/x-bittorrent/],
  ])('refuses %s, naming the type', async (type, pattern) => {
    server.route(`/t/${type}`, sendBody('xx', type));
    const error = await failure(captureUrl(server.url(`/t/${type}`), options()));
    expect(error.code).toBe('unsupported-type');
    expect(error.message).toMatch(pattern);
    expect(error.message).toContain(type);
  });

  it('extracts XHTML', async () => {
    const xhtml = `<?xml version="1.0" encoding="utf-8"?><html xmlns="http://www.w3.org/1999/xhtml"><head><title>Night ferry</title></head><body><article>${ARTICLE}</article></body></html>`;
    server.route('/page.xhtml', sendBody(xhtml, 'application/xhtml+xml'));
    const article = await captureUrl(server.url('/page.xhtml'), options());
    expect(article.title).toBe('Night ferry');
    expect(article.textContent).toContain('crates of oranges');
  });
});
