/**
 * Importing an Offprint JSON backup into a real store when part of it cannot be used: an article
 * whose saved copy cannot be read is restored without it (and the summary says so); a failure
 * part way through takes back everything the import had written, so it stays one change.
 */
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ArticleImages } from '../../../electron/core/export/export-model';
import type { OffprintJsonLibrary } from '../../../electron/core/export/formats/offprint-json-read';
import { noCapture } from '../../../electron/core/import/capture-handoff';
import { importBackup } from '../../../electron/core/organizing/restore-backup';
import { useTempLibrary } from '../../support/temp-library';
import { fixtureLibrary, FIXTURE_ARTICLES } from '../../unit/export/export-fixtures';

const library = useTempLibrary();
const errors: string[] = [];
const logger = { info: () => {}, warn: () => {}, error: (m: string) => errors.push(m) };

function backupOf(over: Partial<OffprintJsonLibrary> = {}): OffprintJsonLibrary {
  return { ...fixtureLibrary(), exportedAt: '2024-05-01T00:00:00.000Z', hasContent: true, ...over };
}

const deps = () => ({ store: library.store, captures: noCapture, now: () => new Date('2024-06-01T00:00:00Z'), logger });

describe('importing an Offprint JSON backup', () => {
  it('restores an article whose saved copy cannot be read without it, and says so', async () => {
    const whole = fixtureLibrary();
    const backup = backupOf({
      readContent: async (id) => {
        if (id === 'rtl000000001') throw new Error('ENOENT: library-content/rtl000000001/content.html');
        return whole.readContent(id);
      },
    });
    const summary = await importBackup(deps(), backup);
    expect(summary).toMatchObject({ format: 'offprint-json', entries: 4, added: 4, skipped: [] });
    expect(summary.warnings).toEqual([
      {
        item: 'مرحبا بالعالم — שלום עולם',
        reason: expect.stringMatching(/could not be read \(ENOENT.*restored without it/),
      },
    ]);
    expect(await library.store.hasContent('rtl000000001')).toBe(false);
    expect(await library.store.hasContent('uni00000001')).toBe(true);
    expect(await library.store.highlightsOf('rtl000000001')).toHaveLength(1);
  });

  it('takes back what it wrote when it fails part way', async () => {
    const whole = fixtureLibrary();
    const backup = backupOf({
      // An image name a real reader would refuse: writing it into the article's folder fails.
      readImages: async (id) =>
        id === 'hostile00001'
          ? (new Map([['no/such/folder.png', new Uint8Array([1])]]) as ArticleImages)
          : whole.readImages(id),
    });
    await expect(importBackup(deps(), backup)).rejects.toThrow();
    expect(library.store.liveArticles()).toEqual([]);
    expect(FIXTURE_ARTICLES.some(({ article }) => library.store.hasArticle(article.id))).toBe(false);
    expect(await readdir(join(library.dir, 'articles')).catch(() => [])).toEqual([]);
    expect(errors).toEqual([]);
  });
});
