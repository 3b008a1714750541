import { readFileSync } from 'node:fs';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { captureUrl } from '../../../electron/core/capture/capture-url';
import { captureFailure as failure, captureOptionsUnder } from '../../support/capture-options';
import { sendBody, startFixtureServer, type FixtureServer } from '../../support/fixture-server';
import { makePng, makeSvg } from '../../support/images';

const fixture = (name: string) => fileURLToPath(new URL(`../../fixtures/pages/${name}`, import.meta.url));
const PARAGRAPH =
  'The river rose through the night and by morning the lower town was under water, with volunteers moving families to the school on the hill. ';
const articleHtml = (body = '', title = 'Flood in the lower town') =>
  `<!doctype html><html lang="en"><head><title>${title}</title></head><body><article><h1>${title}</h1>
  ${Array.from({ length: 5 }, () => `<p>${PARAGRAPH.repeat(3)}</p>`).join('\n')}${body}</article></body></html>`;

let server: FixtureServer;
let root: string;
const options = captureOptionsUnder(() => root, {
  connectTimeoutMs: 2_000,
  totalTimeoutMs: 5_000,
  stallTimeoutMs: 2_000,
});

beforeAll(async () => {
  server = await startFixtureServer();
  root = await mkdtemp(join(tmpdir(), 'offprint-capture-fail-'));
});
afterAll(async () => {
  await server.close();
  await rm(root, { recursive: true, force: true });
});

const redirect =
  (location: string, status = 302) =>
  (_req: unknown, res: import('node:http').ServerResponse) =>
    void res.writeHead(status, { location }).end();

describe('redirects', () => {
  it('follows a chain of redirects and reports where it ended', async () => {
    server.route('/story', sendBody(articleHtml()));
    server.route('/r1', redirect('/r2', 301));
    server.route('/r2', redirect(`${server.origin}/r3`, 307));
    server.route('/r3', redirect('story', 308));
    const article = await captureUrl(server.url('/r1'), options());
    expect(article.finalUrl).toBe(server.url('/story'));
    expect(article.title).toBe('Flood in the lower town');
  });

  it('stops a redirect loop with a clear message', async () => {
    server.route('/loop-a', redirect('/loop-b'));
    server.route('/loop-b', redirect('/loop-a'));
    const error = await failure(captureUrl(server.url('/loop-a'), options()));
    expect(error.code).toBe('redirects');
    expect(error.message).toMatch(/loop/);
  });

  it('gives up after ten redirects', async () => {
    for (let i = 0; i < 12; i++) server.route(`/hop${i}`, redirect(`/hop${i + 1}`));
    server.route('/hop12', sendBody(articleHtml()));
    const error = await failure(captureUrl(server.url('/hop0'), options()));
    expect(error.code).toBe('redirects');
    expect(error.message).toMatch(/more than 10 times/);
    expect(server.requests.filter((r) => r.startsWith('/hop'))).toHaveLength(11);
  });
});

describe('HTTP and network failures', () => {
  it.each([
    [404, '404 Not Found'],
    [500, '500 Internal Server Error'],
  ])('names the status when the site answers %i', async (status, text) => {
    server.route(`/status-${status}`, sendBody('<h1>oops</h1>', 'text/html', status));
    const error = await failure(captureUrl(server.url(`/status-${status}`), options()));
    expect(error).toMatchObject({ code: 'http-error', message: `The site answered ${text}.` });
  });

  it('times out quickly on a server that never answers', async () => {
    server.route('/silent', () => {});
    const started = Date.now();
    const error = await failure(
      captureUrl(server.url('/silent'), options({ limits: { stallTimeoutMs: 300, totalTimeoutMs: 2_000 } })),
    );
    expect(error.code).toBe('timeout');
    expect(error.message).toMatch(/stopped responding/);
    expect(Date.now() - started).toBeLessThan(1_500);
  });

  it('times out on a body that stalls halfway', async () => {
    server.route('/stall', (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.write('<html><body><p>The beginning');
    });
    const error = await failure(captureUrl(server.url('/stall'), options({ limits: { stallTimeoutMs: 300 } })));
    expect(error.code).toBe('timeout');
  });

  it('says when the connection is refused', async () => {
    const gone = await startFixtureServer();
    const url = gone.url('/x');
    await gone.close();
    const error = await failure(captureUrl(url, options()));
    expect(error.code).toBe('unreachable');
    expect(error.message).toMatch(/refused/);
  });

  it('refuses something that is not a web address', async () => {
    const error = await failure(captureUrl('ftp://files.test/a.txt', options()));
    expect(error.code).toBe('invalid-url');
  });
});

describe('what the site sends', () => {
  it('refuses a PDF, naming the type, without downloading it', async () => {
    server.route(
      '/paper.pdf',
      sendBody(Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(1024 * 1024)]), 'application/pdf'),
    );
    const error = await failure(captureUrl(server.url('/paper.pdf'), options()));
    expect(error.code).toBe('unsupported-type');
    expect(error.message).toContain('application/pdf');
  });

  it('refuses binary data labelled as HTML', async () => {
    server.route('/fake.html', sendBody(makePng(4, 4, [1, 2, 3]), 'text/html'));
    const error = await failure(captureUrl(server.url('/fake.html'), options()));
    expect(error.code).toBe('unsupported-type');
    expect(error.message).toMatch(/PNG image/);
  });

  it('refuses a page larger than the limit, and one that unpacks beyond it', async () => {
    server.route('/huge', sendBody(articleHtml('x'.repeat(200_000))));
    expect((await failure(captureUrl(server.url('/huge'), options({ limits: { maxBytes: 50_000 } })))).code).toBe(
      'too-large',
    );
    const bomb = gzipSync(Buffer.from(articleHtml(' '.repeat(5_000_000))));
    server.route(
      '/bomb',
      (_req, res) => void res.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'gzip' }).end(bomb),
    );
    const error = await failure(captureUrl(server.url('/bomb'), options({ limits: { maxDecodedBytes: 1_000_000 } })));
    expect(error).toMatchObject({ code: 'too-large' });
    expect(error.message).toMatch(/unpacks/);
  });

  it('reads gzip and brotli compressed pages', async () => {
    server.route(
      '/gz',
      (_req, res) =>
        void res
          .writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'gzip' })
          .end(gzipSync(articleHtml('', 'Gzip story'))),
    );
    server.route(
      '/br',
      (_req, res) =>
        void res
          .writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'br' })
          .end(brotliCompressSync(articleHtml('', 'Brotli story'))),
    );
    expect((await captureUrl(server.url('/gz'), options())).title).toBe('Gzip story');
    expect((await captureUrl(server.url('/br'), options())).title).toBe('Brotli story');
  });

  it('says so when the page is empty', async () => {
    server.route('/empty', sendBody(''));
    expect((await failure(captureUrl(server.url('/empty'), options()))).code).toBe('empty');
  });

  it('decodes a windows-1251 page whose charset is only in <meta>', async () => {
    server.route('/ru', sendBody(readFileSync(fixture('cp1251-article.html')), 'text/html'));
    const article = await captureUrl(server.url('/ru'), options());
    expect(article.title).toBe('Премьер Ирака добивается скорого вывода войск США');
    expect(article.lang).toBe('ru');
    const expected = readFileSync(fixture('cp1251-article.expected.txt'), 'utf8').trim().split('\n');
    for (const paragraph of expected) expect(article.textContent).toContain(paragraph);
  });

  it('keeps a plain-text page as paragraphs', async () => {
    server.route(
      '/notes.txt',
      sendBody(
        'Field notes\n\nFirst line of the first\nparagraph, wrapped.\n\nSecond <paragraph> & more.',
        'text/plain; charset=utf-8',
      ),
    );
    const article = await captureUrl(server.url('/notes.txt'), options());
    expect(article).toMatchObject({ title: 'Field notes', extraction: 'fallback' });
    expect(article.content).toBe(
      '<p>First line of the first paragraph, wrapped.</p>\n<p>Second &lt;paragraph&gt; &amp; more.</p>',
    );
  });
});

describe('images', () => {
  it('saves the article even when images fail, keeping their alt text and no remote source', async () => {
    server.route('/img/ok.png', sendBody(makePng(20, 10, [9, 9, 9]), 'image/png'));
    server.route('/img/broken.png', sendBody('nope', 'text/plain', 500));
    server.route('/img/vector.svg', sendBody(makeSvg(), 'image/svg+xml'));
    server.route('/img/not-an-image.jpg', sendBody('<html>login</html>', 'image/jpeg'));
    server.route('/img/slow.png', () => {});
    const figures = [
      '<figure><img src="../img/ok.png" alt="A fine picture"><figcaption>Works</figcaption></figure>',
      '<figure><img src="/img/broken.png" alt="Broken picture"><figcaption>Server error</figcaption></figure>',
      '<img src="/img/vector.svg" alt="Vector drawing">',
      '<img src="/img/not-an-image.jpg" alt="Disguised page">',
      '<img src="/img/slow.png" alt="Slow picture">',
      '<img src="http://127.0.0.1:1/refused.png" alt="Refused picture">',
    ].join('\n');
    server.route('/news/with-images', sendBody(articleHtml(figures)));
    const opts = options({ limits: { stallTimeoutMs: 300, totalTimeoutMs: 3_000 } });
    const article = await captureUrl(server.url('/news/with-images'), opts);
    const imgs = [...article.content.matchAll(/<img\b[^>]*>/g)].map((m) => m[0]);
    expect(imgs).toHaveLength(1);
    expect(imgs[0]).toContain('alt="A fine picture"');
    expect(imgs[0]).toMatch(/src="offprint-asset:\/\/c\d+\/[0-9a-f]{64}\.png"/);
    for (const alt of ['Broken picture', 'Vector drawing', 'Disguised page', 'Slow picture', 'Refused picture']) {
      expect(article.textContent).toContain(alt);
    }
    expect(article.content).toContain('<figcaption>Server error</figcaption>');
    expect(article.content).not.toMatch(/127\.0\.0\.1|\/img\//);
    expect(await readdir(opts.assetsDir)).toEqual(article.assets);
    expect(article.assets).toHaveLength(1);
    expect(article.leadImage).toBe(opts.assetUrl(article.assets[0]));
  });

  it('creates the assets folder even for an article without images', async () => {
    server.route('/plain-story', sendBody(articleHtml()));
    const opts = options();
    const article = await captureUrl(server.url('/plain-story'), opts);
    expect(article.assets).toEqual([]);
    expect(article.leadImage).toBeNull();
    expect(await readdir(opts.assetsDir)).toEqual([]);
  });
});
