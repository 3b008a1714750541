/**
 * Every way a capture can fail, through the real core on a real library: each ends in its own
 * clear message, and the library — index, journal, article folders, staging — is byte-for-byte
 * what it was before the attempt.
 */
import type { ServerResponse } from 'node:http';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ArticleMeta, CaptureProgress } from '@shared/model';
import { OffprintCore } from '../../../electron/core/offprint-core';
import { sendBody, startFixtureServer, type FixtureServer, type RouteHandler } from '../../support/fixture-server';
import { makePng } from '../../support/images';

const PARAGRAPH =
  'The night ferry left on time, its decks crowded with families, bicycles and crates of oranges bound for the island. ';
const page = (title: string, extra = '') =>
  `<!doctype html><html lang="en"><head><title>${title}</title></head><body><article><h1>${title}</h1>${`<p>${PARAGRAPH.repeat(3)}</p>`.repeat(5)}${extra}</article></body></html>`;
const redirect =
  (location: string): RouteHandler =>
  (_req, res) =>
    void res.writeHead(302, { location }).end();

let server: FixtureServer;
let refusedUrl: string;
let dir: string;
let core: OffprintCore;
let saved: ArticleMeta;
const progress: CaptureProgress[] = [];

beforeAll(async () => {
  server = await startFixtureServer({ '/saved': sendBody(page('Already saved')) });
  const gone = await startFixtureServer();
  refusedUrl = gone.url('/story');
  await gone.close();

  server.route('/missing', sendBody('<h1>Not here</h1>', 'text/html', 404));
  server.route('/broken', sendBody('<h1>Oops</h1>', 'text/html', 500));
  server.route('/loop-a', redirect('/loop-b'));
  server.route('/loop-b', redirect('/loop-a'));
  for (let i = 0; i < 12; i++) server.route(`/hop${i}`, redirect(`/hop${i + 1}`));
  server.route('/hop12', sendBody(page('Far away')));
  server.route('/trickle', (_req, res: ServerResponse) => {
    res.writeHead(200, { 'content-type': 'text/html' });
    const timer = setInterval(() => res.write('<p>more</p>'), 50);
    res.on('close', () => clearInterval(timer));
  });
  server.route('/stall', (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html' });
    res.write('<html><body><p>The beginning of a story that never');
  });
  server.route('/huge', sendBody(page('Huge', 'x'.repeat(200_000))));
  const bomb = gzipSync(Buffer.alloc(4 * 1024 * 1024, 0x20));
  server.route(
    '/bomb',
    (_req, res) => void res.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'gzip' }).end(bomb),
  );
  server.route('/empty', sendBody(''));
  server.route('/fake.html', sendBody(makePng(4, 4, [1, 2, 3]), 'text/html'));
  server.route(
    '/paper.pdf',
    sendBody(Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(64 * 1024)]), 'application/pdf'),
  );

  dir = await mkdtemp(join(tmpdir(), 'offprint-failures-'));
  core = await OffprintCore.open({
    libraryDir: dir,
    limits: {
      connectTimeoutMs: 2_000,
      totalTimeoutMs: 1_500,
      stallTimeoutMs: 400,
      maxBytes: 50_000,
      maxDecodedBytes: 1_000_000,
    },
  });
  core.onCaptureProgress((p) => progress.push(p));
  saved = (await core.saveUrl(server.url('/saved'))).article;
  await core.addTag(saved.id, 'ferries');
  await core.flush();
});
afterAll(async () => {
  await core.close();
  await server.close();
  await rm(dir, { recursive: true, force: true });
});

/** Every file of the library (but its lock) with its bytes, and every folder. */
async function libraryBytes(): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  const walk = async (folder: string, prefix: string): Promise<void> => {
    for (const entry of await readdir(folder, { withFileTypes: true })) {
      const rel = `${prefix}${entry.name}`;
      if (entry.isDirectory()) {
        files.set(`${rel}/`, '');
        await walk(join(folder, entry.name), `${rel}/`);
      } else if (entry.name !== '.lock') {
        files.set(rel, (await readFile(join(folder, entry.name))).toString('base64'));
      }
    }
  };
  await walk(dir, '');
  return files;
}

const CASES: [name: string, url: () => string, code: string, message: RegExp][] = [
  ['a refused connection', () => refusedUrl, 'unreachable', /refused the connection/],
  [
    'an unknown host',
    () => 'http://no-such-host.invalid/story',
    'unreachable',
    /“no-such-host\.invalid” could not be found/,
  ],
  ['a 404', () => server.url('/missing'), 'http-error', /^The site answered 404 Not Found\.$/],
  ['a 500', () => server.url('/broken'), 'http-error', /^The site answered 500 Internal Server Error\.$/],
  ['a redirect loop', () => server.url('/loop-a'), 'redirects', /redirects in a loop/],
  ['too many redirects', () => server.url('/hop0'), 'redirects', /redirected more than 10 times/],
  ['a total timeout', () => server.url('/trickle'), 'timeout', /took longer than 1\.5 s|took longer than/],
  ['a stalled body', () => server.url('/stall'), 'timeout', /stopped responding/],
  ['a body over the cap', () => server.url('/huge'), 'too-large', /larger than .*too large to save/],
  ['a decompression bomb', () => server.url('/bomb'), 'too-large', /unpacks to more than/],
  ['an empty body', () => server.url('/empty'), 'empty', /empty|blank/i],
  ['binary data labelled as HTML', () => server.url('/fake.html'), 'unsupported-type', /PNG image/],
  ['a PDF', () => server.url('/paper.pdf'), 'unsupported-type', /PDF/],
];

describe('a failed save leaves the library unchanged', () => {
  it.each(CASES)('%s', async (_name, url, code, message) => {
    const before = await libraryBytes();
    const listed = await core.listArticles({ view: 'all' });
    progress.length = 0;

    const error = await core.saveUrl(url()).then(
      () => null,
      (e: { code: string; message: string }) => e,
    );

    expect(error, 'the save should fail').not.toBeNull();
    expect(error).toMatchObject({ code });
    expect(error!.message).toMatch(message);
    // The window hears the same message.
    expect(progress.at(-1)).toMatchObject({ stage: 'failed', message: error!.message });

    expect(await core.listArticles({ view: 'all' })).toEqual(listed);
    expect(listed.map((a) => a.id)).toEqual([saved.id]);
    expect(await readdir(join(dir, 'articles'))).toEqual([saved.id]);
    expect(await readdir(join(dir, '.staging'))).toEqual([]);
    expect(await libraryBytes()).toEqual(before);
  });
});
