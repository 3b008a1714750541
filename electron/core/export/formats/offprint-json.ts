/**
 * Offprint JSON: the lossless export (docs/EXPORT-FORMAT.md). One JSON file with every article
 * field and every highlight; with content, each article's body and images are files in a folder
 * beside it, so the JSON stays small enough to parse whatever the size of the library.
 */
import type { ExportLibrary } from '../export-model';
import { isSafeImageName } from '../export-model';
import type { ExportSink } from '../export-files';
import { EXPORT_FORMAT, EXPORT_VERSION, type ExportedArticle, type ExportFile } from './offprint-json-schema';

export interface OffprintJsonOptions {
  /** The JSON file's name inside the sink, e.g. "offprint-export.json". */
  fileName: string;
  /** Also write each article's body and images, into "<file name without .json>-content/". */
  includeContent?: boolean;
  /** When the export was made (ISO 8601); defaults to now. */
  exportedAt?: string;
}

export interface OffprintJsonResult {
  articles: number;
  /** Every file written, relative to the sink, the JSON file last. */
  files: string[];
}

export const contentFolderOf = (fileName: string): string => `${fileName.replace(/\.json$/i, '')}-content`;

export async function writeOffprintJson(
  library: ExportLibrary,
  sink: ExportSink,
  options: OffprintJsonOptions,
): Promise<OffprintJsonResult> {
  const folder = contentFolderOf(options.fileName);
  const files: string[] = [];
  const articles: ExportedArticle[] = [];
  for (const { article, highlights } of library.articles) {
    const entry: ExportedArticle = { article, highlights };
    if (options.includeContent) {
      const html = await library.readContent(article.id);
      if (html === null) {
        entry.content = null;
      } else {
        const base = `${folder}/${article.id}`;
        await sink.writeFile(`${base}/content.html`, html);
        files.push(`${base}/content.html`);
        const images: { name: string; path: string }[] = [];
        for (const [name, bytes] of await library.readImages(article.id)) {
          if (!isSafeImageName(name)) continue;
          const path = `${base}/images/${name}`;
          await sink.writeFile(path, bytes);
          files.push(path);
          images.push({ name, path });
        }
        entry.content = { html: `${base}/content.html`, images };
      }
    }
    articles.push(entry);
  }
  const file: ExportFile = {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exportedAt: options.exportedAt ?? new Date().toISOString(),
    articles,
  };
  // Written last: a JSON file that is there names only files that are complete.
  await sink.writeFile(options.fileName, `${JSON.stringify(file, null, 1)}\n`);
  files.push(options.fileName);
  return { articles: articles.length, files };
}
