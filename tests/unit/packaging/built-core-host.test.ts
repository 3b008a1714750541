/**
 * The built core host (out/main/core-host.js, what the app starts as a utilityProcess) runs on its
 * own: forked here, it opens a library and saves a page, extracting it in a worker thread whose
 * file (extract-worker.js) it must find beside itself. Needs `npm run build` (npm test builds first).
 */
import { existsSync } from 'node:fs';
import { rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CoreClient } from '../../../electron/core/process/core-client';
import { forkCoreProcess } from '../../../electron/core/process/fork-core-process';
import { recordingLogger } from '../../support/core-process';
import { tempLibraryDir } from '../library/sample-article';

const BUILT = resolve(import.meta.dirname, '../../../out/main/core-host.js');
const built = existsSync(BUILT);
if (!built) console.log(`Skipping the built core host test: ${BUILT} is missing (run npm run build).`);
const dirs: string[] = [];

afterAll(async () => {
  await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })));
});

describe.skipIf(!built)('the built core host', () => {
  it('opens a library in its own process and extracts a page in its worker', async () => {
    const dir = await tempLibraryDir();
    dirs.push(dir);
    const page = join(dir, '..', `${dir.split('/').pop()}-page.html`);
    dirs.push(page);
    await writeFile(
      page,
      `<!doctype html><title>Built and forked</title><article><h1>Built and forked</h1>${'<p>Plain words in a paragraph. </p>'.repeat(30)}</article>`,
    );
    const logger = recordingLogger();
    const client = await CoreClient.start({
      spawn: () => forkCoreProcess(BUILT, { logger }),
      host: { libraryDir: dir },
      logger,
    });
    try {
      const { article } = await client.api.saveFile(page);
      expect(article.title).toBe('Built and forked');
      expect((await client.api.getArticle(article.id)).content).toContain('Plain words in a paragraph.');
    } finally {
      await client.close();
    }
    expect(logger.lines.filter((l) => l.level !== 'info')).toEqual([]);
  });
});
