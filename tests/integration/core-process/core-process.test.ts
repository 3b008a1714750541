/**
 * The core in its own process (child_process.fork, as in tests and scripts; the app uses an
 * Electron utilityProcess): the contract's calls, events, log lines and page rendering cross the
 * boundary, and the library is closed and released when the client closes it.
 */
import { createServer } from 'node:net';
import { rm } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaptureProgress } from '@shared/model';
import { OffprintCore } from '../../../electron/core/offprint-core';
import { CORE_METHODS } from '../../../electron/core/process/core-protocol';
import { recordingLogger, startForkedCore } from '../../support/core-process';
import { startNewsSite, type NewsSite } from '../../support/news-site';
import { SPA_PARAGRAPHS, SPA_TITLE, startScriptBuiltSite } from '../../support/script-built-pages';
import type { FixtureServer } from '../../support/fixture-server';
import { tempLibraryDir } from '../../unit/library/sample-article';

let site: NewsSite;
let spa: FixtureServer;
const dirs: string[] = [];

beforeAll(async () => {
  site = await startNewsSite();
  spa = await startScriptBuiltSite();
});

afterAll(async () => {
  await site?.close();
  await spa?.close();
  await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })));
});

async function newLibrary(): Promise<string> {
  const dir = await tempLibraryDir();
  dirs.push(dir);
  return dir;
}

/** What a browser would have built from the script-built page: the parent's renderer stands in for it. */
const builtPage = `<!doctype html><html><head><title>${SPA_TITLE}</title></head><body><article><h1>${SPA_TITLE}</h1>${SPA_PARAGRAPHS.map((p) => `<p>${p}</p>`).join('')}</article></body></html>`;

describe('the core in a child process', () => {
  it('answers the contract’s library calls from the child, relaying its events and errors', async () => {
    const dir = await newLibrary();
    const client = await startForkedCore({ host: { libraryDir: dir }, logger: recordingLogger() });
    try {
      expect(Object.keys(client.api).sort()).toEqual([...CORE_METHODS].sort());
      expect(client.pid).toEqual(expect.any(Number));
      expect(client.pid).not.toBe(process.pid);
      expect(client.libraryDir).toBe(dir);
      const progress: CaptureProgress[] = [];
      client.on('captureProgress', (p) => progress.push(p));
      const saved = await client.api.saveUrl(site.articleUrl);
      expect(saved).toMatchObject({ existed: false, article: { title: site.expected.title } });
      expect(progress.filter((p) => p.url === site.articleUrl).map((p) => p.stage)).toContain('fetching');
      const page = await client.api.listPage({ view: 'all' });
      expect(page.items.map((a) => a.title)).toEqual([site.expected.title]);
      expect((await client.api.addTag(saved.article.id, 'Reading')).tags).toEqual(['Reading']);
      await expect(client.api.getArticle('nosuchid0000')).rejects.toMatchObject({
        name: 'OffprintError',
        code: 'not-found',
      });
      await expect(client.api.saveUrl('not a url')).rejects.toMatchObject({ code: 'invalid-url' });
    } finally {
      await client.close();
    }
    // Closed and released: the library opens in this process with the child's writes in it.
    const core = await OffprintCore.open({ libraryDir: dir });
    try {
      const [article] = await core.listArticles({ view: 'all' });
      expect(article).toMatchObject({ title: site.expected.title, tags: ['Reading'] });
    } finally {
      await core.close();
    }
  });

  it('asks the parent to render a page that needs JavaScript, and keeps what it built', async () => {
    const rendered: string[] = [];
    const client = await startForkedCore({
      host: { libraryDir: await newLibrary(), renderPages: true },
      logger: recordingLogger(),
      renderer: { render: async (url) => (rendered.push(url), { url, html: builtPage }) },
    });
    try {
      const { article } = await client.api.saveUrl(spa.url('/shell'));
      expect(rendered).toEqual([spa.url('/shell')]);
      expect(article.title).toBe(SPA_TITLE);
      expect((await client.api.getArticle(article.id)).content).toContain(SPA_PARAGRAPHS[2]);
    } finally {
      await client.close();
    }
  });

  it('sends the child’s log lines to the parent’s logger', async () => {
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    const port = (taken.address() as { port: number }).port;
    const logger = recordingLogger();
    const client = await startForkedCore({ host: { libraryDir: await newLibrary(), connectorPort: port }, logger });
    try {
      // The connector starts after the library opens; its port is taken, which the child logs.
      expect(await client.api.pairingCode()).toBeNull();
      expect(logger.lines).toContainEqual(
        expect.objectContaining({ level: 'warn', message: 'The browser connector is off' }),
      );
    } finally {
      await client.close();
      taken.close();
    }
  });

  it('refuses to start on a library another process holds, with the core’s own error', async () => {
    const dir = await newLibrary();
    const holder = await OffprintCore.open({ libraryDir: dir });
    try {
      await expect(startForkedCore({ host: { libraryDir: dir }, logger: recordingLogger() })).rejects.toMatchObject({
        code: 'library-busy',
      });
    } finally {
      await holder.close();
    }
  });
});
