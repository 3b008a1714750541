/** Puts an article into a real store the way a capture does: staged files, then commit. */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { assetUrl } from '../../../electron/core/library/asset-path';
import type { LibraryStore, NewArticle } from '../../../electron/core/library/library-store';

export const tempLibraryDir = (): Promise<string> => mkdtemp(join(tmpdir(), 'offprint-lib-'));

export async function saveSample(store: LibraryStore, fields: Partial<NewArticle> & { url: string }) {
  const staging = await store.beginStaging();
  const image = 'f'.repeat(64) + '.png';
  await writeFile(join(staging.assetsDir, image), Buffer.from([0x89, 0x50, 0x4e, 0x47]));
  const text = fields.textContent ?? 'Body text.';
  const result = await store.commitArticle(staging, {
    originalUrl: fields.url,
    title: 'Untitled',
    byline: null,
    siteName: null,
    excerpt: null,
    lang: 'en',
    dir: 'ltr',
    publishedTime: null,
    wordCount: text.split(/\s+/).length,
    readingMinutes: 1,
    leadImage: null,
    extraction: 'readability',
    content: `<p>${text}</p><img src="${assetUrl(staging.id, image)}">`,
    textContent: text,
    ...fields,
  });
  return { ...result, staging, image };
}
