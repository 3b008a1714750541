import { mkdir, mkdtemp, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { captureFile } from '../../../electron/core/capture/capture-file';
import { closeExtractionPool } from '../../../electron/core/capture/capture-url';
import { captureOptionsUnder } from '../../support/capture-options';
import { sendBody, startFixtureServer, type FixtureServer } from '../../support/fixture-server';
import { fakeNetwork } from '../../support/fake-network';
import '../../support/loopback-only';
import { makePng } from '../../support/images';

const PARAGRAPH =
  '<p>The harbour froze for the first time in forty years, and the ferry crews cut a channel by hand, working through the night in shifts.</p>';
const page = (head: string, figures: string) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Frozen harbour</title>${head}</head><body><article><h1>Frozen harbour</h1>${PARAGRAPH.repeat(6)}${figures}</article></body></html>`;

let root: string;
let server: FixtureServer;
const options = captureOptionsUnder(() => join(root, 'assets'));

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'offprint-capture-file-'));
  server = await startFixtureServer();
  server.route('/remote.png', sendBody(makePng(30, 20, [1, 200, 3]), 'image/png'));
});
afterAll(async () => {
  await server.close();
  await closeExtractionPool();
  await rm(root, { recursive: true, force: true });
});

describe('captureFile', () => {
  it('saves a "Web page, complete" file with its pictures from the _files folder and remote ones from the web', async () => {
    const dir = join(root, 'complete');
    await mkdir(join(dir, 'Frozen harbour_files'), { recursive: true });
    await writeFile(join(dir, 'Frozen harbour_files', 'ferry.png'), makePng(40, 30, [10, 20, 30]));
    const html = page(
      '',
      `<figure><img src="./Frozen%20harbour_files/ferry.png" alt="The ferry"><figcaption>The ferry</figcaption></figure>
       <img src="http://cdn.test/remote.png" alt="Remote">`,
    );
    await writeFile(join(dir, 'Frozen harbour.html'), html);
    const network = fakeNetwork({ 'cdn.test': ['93.184.216.34'] }, () => server.port);
    const opts = options({ network });
    const article = await captureFile(join(dir, 'Frozen harbour.html'), opts);
    expect(article.title).toBe('Frozen harbour');
    expect(article.finalUrl).toMatch(/^file:\/\/.*Frozen%20harbour\.html$/);
    expect(article.canonicalUrl).toBeNull();
    expect(article.assets).toHaveLength(2);
    expect(await readdir(opts.assetsDir)).toHaveLength(2);
    expect(article.content).not.toMatch(/file:|cdn\.test/);
    expect([...article.content.matchAll(/<img\b[^>]*src="offprint-asset:/g)]).toHaveLength(2);
    expect(network.connections.map((c) => c.addresses[0].address)).toEqual(['93.184.216.34']);
  });

  it('never lets a dropped page reach this computer or the local network for its pictures', async () => {
    const dir = join(root, 'reaching-in');
    await mkdir(dir, { recursive: true });
    await writeFile(
      join(dir, 'inside.html'),
      page(
        '<meta property="og:image" content="http://169.254.169.254/latest/meta-data/cover.png">',
        `<img src="${server.url('/remote.png')}" alt="Loopback">
         <img src="http://router.test/remote.png" alt="Router">`,
      ),
    );
    const network = fakeNetwork({ 'router.test': ['192.168.1.1'] }, () => server.port);
    const before = server.requests.length;
    const article = await captureFile(join(dir, 'inside.html'), options({ network }));
    expect(article.assets).toEqual([]);
    expect(network.connections).toEqual([]);
    expect(server.requests.length).toBe(before);
  });

  it('resolves against the page’s own canonical address, still taking pictures from _files', async () => {
    const dir = join(root, 'canonical');
    await mkdir(join(dir, 'story_files'), { recursive: true });
    await writeFile(join(dir, 'story_files', 'pic.png'), makePng(40, 30, [200, 20, 30]));
    await writeFile(
      join(dir, 'story.htm'),
      page(
        '<link rel="canonical" href="https://harbour.test/news/story">',
        '<img src="story_files/pic.png" alt="Pic"><p><a href="/about">About us</a></p>',
      ),
    );
    const article = await captureFile(join(dir, 'story.htm'), options());
    expect(article.finalUrl).toBe('https://harbour.test/news/story');
    expect(article.canonicalUrl).toBe('https://harbour.test/news/story');
    expect(article.content).toContain('href="https://harbour.test/about"');
    expect(article.assets).toHaveLength(1);
  });

  it('never reads files outside the page’s folder, through ../ paths, absolute file: URLs or symbolic links', async () => {
    const outside = join(root, 'outside');
    await mkdir(outside, { recursive: true });
    await writeFile(join(outside, 'secret.png'), makePng(40, 30, [9, 9, 9]));
    const dir = join(root, 'escape');
    await mkdir(join(dir, 'page_files'), { recursive: true });
    await symlink(join(outside, 'secret.png'), join(dir, 'page_files', 'link.png'));
    await writeFile(
      join(dir, 'page.html'),
      page(
        '',
        `<img src="../outside/secret.png" alt="Up"><img src="file://${join(outside, 'secret.png')}" alt="Absolute"><img src="page_files/link.png" alt="Link">`,
      ),
    );
    const article = await captureFile(join(dir, 'page.html'), options());
    expect(article.assets).toEqual([]);
    expect(article.textContent).toContain('Up');
    expect(article.content).not.toMatch(/<img/);
  });

  it('refuses files that are not web pages, and missing or empty ones, with clear messages', async () => {
    await writeFile(join(root, 'notes.pdf'), '%PDF-1.4');
    await expect(captureFile(join(root, 'notes.pdf'), options())).rejects.toMatchObject({ code: 'unsupported-type' });
    await expect(captureFile(join(root, 'missing.html'), options())).rejects.toMatchObject({
      code: 'not-found',
      message: expect.stringMatching(/no such file/),
    });
    await writeFile(join(root, 'empty.html'), '');
    await expect(captureFile(join(root, 'empty.html'), options())).rejects.toMatchObject({ code: 'empty' });
    await writeFile(join(root, 'binary.html'), makePng(4, 4, [1, 1, 1]));
    await expect(captureFile(join(root, 'binary.html'), options())).rejects.toMatchObject({
      code: 'unsupported-type',
      message: expect.stringMatching(/PNG/),
    });
  });
});
