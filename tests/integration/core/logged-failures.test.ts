/**
 * Failures the library survives used to vanish in empty catch blocks. Each is made to happen for
 * real here (a file the write cannot replace) and must reach the logger with its context.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Logger, LogContext } from '../../../electron/core/logger';
import { metaPath, searchIndexPath } from '../../../electron/core/library/library-layout';
import { OffprintCore } from '../../../electron/core/offprint-core';

interface Entry {
  level: string;
  message: string;
  context: LogContext;
}

function recordingLogger(): Logger & { entries: Entry[] } {
  const entries: Entry[] = [];
  const log =
    (level: string) =>
    (message: string, context: LogContext = {}) =>
      void entries.push({ level, message, context });
  return { entries, info: log('info'), warn: log('warn'), error: log('error') };
}

/** A non-empty folder where a file should be: no rename can replace it, not even as root. */
async function blockWithFolder(path: string): Promise<void> {
  await rm(path, { recursive: true, force: true });
  await mkdir(path, { recursive: true });
  await writeFile(join(path, 'in-the-way'), 'x');
}

let dir: string;
let pages: string;
let core: OffprintCore | null = null;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'offprint-logged-'));
  pages = await mkdtemp(join(tmpdir(), 'offprint-logged-pages-'));
});
afterEach(async () => {
  await core?.close();
  core = null;
  await rm(dir, { recursive: true, force: true });
  await rm(pages, { recursive: true, force: true });
});

async function savePage(core: OffprintCore, title: string) {
  const file = join(pages, `${title}.html`);
  const body = Array.from({ length: 6 }, (_, i) => `<p>Paragraph ${i} about ${title} goes on for a while.</p>`);
  await writeFile(file, `<!doctype html><title>${title}</title><article><h1>${title}</h1>${body.join('')}</article>`);
  return (await core.saveFile(file)).article;
}

describe('failures the library survives are logged with their context', () => {
  it('a meta.json that cannot be rewritten: the change is kept and the failure logged with the article id', async () => {
    const logger = recordingLogger();
    core = await OffprintCore.open({ libraryDir: dir, logger });
    const article = await savePage(core, 'Clockwork');
    await blockWithFolder(metaPath(dir, article.id));

    await core.setFavourite(article.id, true);

    expect((await core.getArticle(article.id)).favourite).toBe(true);
    const entry = logger.entries.find((e) => e.message === 'Could not rewrite an article meta.json');
    expect(entry).toMatchObject({ level: 'error', context: { id: article.id } });
    expect(String(entry?.context.error)).toMatch(/EISDIR|ENOTEMPTY|EEXIST|directory/i);
  });

  it('a search index that cannot be written is logged as an error with its path, and search still answers', async () => {
    const logger = recordingLogger();
    await blockWithFolder(searchIndexPath(dir));
    core = await OffprintCore.open({ libraryDir: dir, logger });
    await savePage(core, 'Lighthouse');

    const hits = await core.search('lighthouse');
    expect(hits).toHaveLength(1);
    const written = logger.entries.find((e) => e.message === 'Could not write the search index');
    expect(written).toMatchObject({ level: 'error', context: { path: searchIndexPath(dir) } });
    const read = logger.entries.find((e) => e.message === 'Could not read the search index; rebuilding it');
    expect(read).toMatchObject({ level: 'warn', context: { path: searchIndexPath(dir) } });
  });
});
