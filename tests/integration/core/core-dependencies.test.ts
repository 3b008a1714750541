import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CaptureProgress } from '@shared/model';
import { stderrLogger, type Logger } from '../../../electron/core/logger';
import { OffprintCore, type CoreOptions } from '../../../electron/core/offprint-core';
import { fetchedPageSource, type PageLocation, type PageSource } from '../../../electron/core/saving/page-source';

let dir: string;
let pages: string;
let core: OffprintCore | null = null;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'offprint-deps-'));
  pages = await mkdtemp(join(tmpdir(), 'offprint-deps-pages-'));
});
afterEach(async () => {
  await core?.close();
  core = null;
  await rm(dir, { recursive: true, force: true });
  await rm(pages, { recursive: true, force: true });
});

async function open(options: Omit<CoreOptions, 'libraryDir'>): Promise<OffprintCore> {
  core = await OffprintCore.open({ libraryDir: dir, ...options });
  return core;
}

async function page(name: string, title: string): Promise<string> {
  const file = join(pages, `${name}.html`);
  const body = Array.from({ length: 6 }, (_, i) => `<p>Paragraph ${i} about ${title} goes on for a while.</p>`);
  await writeFile(
    file,
    `<!doctype html><html lang="en"><head><title>${title}</title></head><body><article><h1>${title}</h1>${body.join('')}</article></body></html>`,
  );
  return file;
}

function recordingLogger(): Logger & { lines: string[] } {
  const lines: string[] = [];
  const log = (level: string) => (message: string, context?: object) =>
    void lines.push(`${level} ${message} ${JSON.stringify(context ?? {})}`);
  return { lines, info: log('info'), warn: log('warn'), error: log('error') };
}

describe('what the core depends on comes in through CoreOptions', () => {
  it('stamps deletedAt, readAt and an update’s updatedAt with the injected clock', async () => {
    let clock = new Date('2031-03-04T05:06:07.000Z');
    const core = await open({ now: () => clock });
    const { article } = await core.saveFile(await page('a', 'Clockwork'));
    expect(article.savedAt).toBe('2031-03-04T05:06:07.000Z');

    clock = new Date('2032-01-01T00:00:00.000Z');
    await core.bulkUpdate([article.id], { type: 'read', value: true });
    await core.deleteArticles([article.id]);
    const [trashed] = (await core.listPage({ view: 'trash' })).items;
    expect(trashed.readAt).toBe('2032-01-01T00:00:00.000Z');
    expect(trashed.deletedAt).toBe('2032-01-01T00:00:00.000Z');

    await core.restoreArticles([article.id]);
    clock = new Date('2033-06-06T06:06:06.000Z');
    const updated = await core.refreshArticle(article.id);
    expect(updated.updatedAt).toBe('2033-06-06T06:06:06.000Z');
  });

  it('captures through the page source it is given, for a save and an update alike', async () => {
    const asked: PageLocation[] = [];
    const recording: PageSource = {
      capture: (location, options) => {
        asked.push(location);
        return fetchedPageSource.capture(location, options);
      },
    };
    const core = await open({ pageSource: recording });
    const file = await page('b', 'Sourced');
    const { article } = await core.saveFile(file);
    await core.refreshArticle(article.id);
    expect(asked).toEqual([
      { kind: 'file', path: file },
      { kind: 'file', path: file },
    ]);
  });

  it('reports a page source’s failure as a failed save, leaving nothing behind', async () => {
    const failing: PageSource = { capture: async () => Promise.reject(new Error('renderer crashed')) };
    const core = await open({ pageSource: failing });
    const progress: CaptureProgress[] = [];
    core.onCaptureProgress((p) => progress.push(p));
    await expect(core.saveUrl('https://example.com/a')).rejects.toMatchObject({
      code: 'capture-failed',
      message: 'Could not save https://example.com/a: renderer crashed',
    });
    expect(progress).toEqual([
      {
        url: 'https://example.com/a',
        stage: 'failed',
        message: 'Could not save https://example.com/a: renderer crashed',
      },
    ]);
    expect((await core.listPage({ view: 'all' })).total).toBe(0);
  });

  it('logs a broken progress listener instead of swallowing it, and the save goes on', async () => {
    const logger = recordingLogger();
    const core = await open({ logger });
    core.onCaptureProgress(() => {
      throw new Error('listener broke');
    });
    const { article } = await core.saveFile(await page('c', 'Logged'));
    expect(article.title).toBe('Logged');
    expect(logger.lines.length).toBeGreaterThan(0);
    expect(logger.lines[0]).toMatch(/^warn A capture progress listener failed .*listener broke/);
  });
});

describe('stderrLogger', () => {
  it('writes one line per entry, with its level and context', () => {
    const lines: string[] = [];
    const logger = stderrLogger((line) => lines.push(line));
    logger.warn('Could not write the search index', { error: 'disk full' });
    logger.info('plain');
    expect(lines).toEqual([
      'offprint warn: Could not write the search index {"error":"disk full"}\n',
      'offprint info: plain\n',
    ]);
  });
});
