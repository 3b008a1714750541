/**
 * One entry point for every export format, writing to the path the user (or the CLI's --out)
 * named: a file for bookmarks, CSV and EPUB; a folder for the Markdown vault; a JSON file, with
 * its content folder beside it, for Offprint JSON.
 */
import { mkdir } from 'node:fs/promises';
import { basename, dirname } from 'node:path';
import { OffprintError } from '@shared/ipc/envelope';
import { writeFileAtomic } from '../library/write-file-atomic';
import { folderSink } from './export-files';
import type { ExportLibrary, SkippedArticle } from './export-model';
import { writeCsv } from './formats/csv-export';
import { writeEpub } from './formats/epub';
import { writeMarkdownVault } from './formats/markdown-vault';
import { writeNetscapeBookmarks } from './formats/netscape-bookmarks';
import { writeOffprintJson } from './formats/offprint-json';

export const EXPORT_FORMATS = ['json', 'netscape', 'csv', 'markdown', 'epub'] as const;
export type ExportFormatName = (typeof EXPORT_FORMATS)[number];

export interface ExportOptions {
  /** Offprint JSON: also write bodies and images. */
  includeContent?: boolean;
  /** EPUB and bookmarks: the title (e.g. "Offprint — Inbox"). */
  title?: string;
}

export interface ExportOutcome {
  format: ExportFormatName;
  /** Articles written. */
  articles: number;
  skipped: SkippedArticle[];
  /** What was written, absolute: the file, or the folder for Markdown. */
  path: string;
}

export async function exportToPath(
  library: ExportLibrary,
  format: ExportFormatName,
  path: string,
  options: ExportOptions = {},
): Promise<ExportOutcome> {
  if (library.articles.length === 0) throw new OffprintError('nothing-to-export', 'There are no articles to export.');
  const title = options.title ?? 'Offprint';
  try {
    if (format === 'markdown') {
      const result = await writeMarkdownVault(library, path);
      return { format, articles: result.written.length + result.unchanged.length, skipped: [], path };
    }
    await mkdir(dirname(path), { recursive: true });
    switch (format) {
      case 'json': {
        const result = await writeOffprintJson(library, folderSink(dirname(path)), {
          fileName: basename(path),
          includeContent: options.includeContent,
        });
        return { format, articles: result.articles, skipped: [], path };
      }
      case 'netscape': {
        const result = writeNetscapeBookmarks(library.articles, title);
        await writeFileAtomic(path, result.html);
        return { format, articles: result.written, skipped: result.skipped, path };
      }
      case 'csv':
        await writeFileAtomic(path, writeCsv(library.articles));
        return { format, articles: library.articles.length, skipped: [], path };
      case 'epub': {
        const result = await writeEpub(library, { title });
        await writeFileAtomic(path, result.bytes);
        return { format, articles: result.chapters, skipped: [], path };
      }
    }
  } catch (error) {
    if (error instanceof OffprintError) throw error;
    throw new OffprintError('export-failed', `Could not write the export to ${path}: ${(error as Error).message}`);
  }
}
