/**
 * Restores an Offprint JSON backup into an empty library, losslessly: the same ids (so links,
 * offprint:// addresses and highlight ids keep working), every field, highlights, progress, the
 * Trash, and the bodies and images when the backup has them. The plain text that search and
 * highlight positions read is derived from the body exactly as a capture derives it.
 * Merging an export into a library that already holds articles is the import's job, not this.
 */
import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { OffprintError } from '@shared/ipc/envelope';
import { htmlToText } from '../capture/sanitize-article';
import { folderFiles } from '../export/export-files';
import { readOffprintJson } from '../export/formats/offprint-json-read';
import type { LibraryStore } from '../library/library-store';

export interface RestoreOutcome {
  articles: number;
  highlights: number;
  /** Articles restored without their body (the backup was made without content). */
  withoutContent: number;
}

export async function restoreOffprintJson(store: LibraryStore, path: string): Promise<RestoreOutcome> {
  if (store.liveArticles().length > 0) {
    throw new OffprintError(
      'usage',
      'A backup is restored into an empty library only. Choose an empty library folder (--library DIR).',
    );
  }
  const file = resolve(path);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new OffprintError('import-unreadable', `Could not read ${file}: ${(error as Error).message}`);
  }
  const backup = readOffprintJson(text, folderFiles(dirname(file)));
  const outcome: RestoreOutcome = { articles: 0, highlights: 0, withoutContent: 0 };
  for (const { article, highlights } of backup.articles) {
    const content = await backup.readContent(article.id);
    const files =
      content === null ? null : { content, text: htmlToText(content), images: await backup.readImages(article.id) };
    await store.restoreArticle({ article, highlights }, files);
    outcome.articles += 1;
    outcome.highlights += highlights.length;
    if (!files) outcome.withoutContent += 1;
  }
  return outcome;
}
