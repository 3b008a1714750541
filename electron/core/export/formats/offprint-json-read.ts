/**
 * Reads an Offprint JSON export back into the export model, so that importing it reproduces the
 * library. Bodies and images are read only when asked for, from the files the JSON names.
 */
import { OffprintError } from '@shared/ipc/envelope';
import type { ArticleImages, ExportLibrary } from '../export-model';
import { isSafeImageName } from '../export-model';
import { isSafeRelativePath, type OpenExportFile } from '../export-files';
import { EXPORT_FORMAT, EXPORT_VERSION, exportFileSchema, type ExportedArticle } from './offprint-json-schema';

/** True when the text looks like an Offprint JSON export (to detect the format from the content). */
export function isOffprintJson(text: string): boolean {
  return new RegExp(`^\\s*\\{\\s*"format"\\s*:\\s*"${EXPORT_FORMAT}"`).test(text.slice(0, 200));
}

export interface OffprintJsonLibrary extends ExportLibrary {
  exportedAt: string;
  /** False when the export was made without bodies and images. */
  hasContent: boolean;
}

/**
 * `openFile` reads a file named by the export, relative to the JSON file's folder (or inside
 * the zip); without it, bodies and images read as missing.
 */
export function readOffprintJson(text: string, openFile?: OpenExportFile): OffprintJsonLibrary {
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new OffprintError('bad-export', `This Offprint export is not valid JSON: ${(error as Error).message}`);
  }
  const head = raw as { format?: unknown; version?: unknown } | null;
  if (head?.format !== EXPORT_FORMAT) throw new OffprintError('bad-export', 'This is not an Offprint JSON export.');
  if (typeof head.version === 'number' && head.version > EXPORT_VERSION) {
    throw new OffprintError(
      'bad-export',
      `This export is version ${head.version}; this Offprint reads up to version ${EXPORT_VERSION}. Update Offprint to import it.`,
    );
  }
  const parsed = exportFileSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new OffprintError(
      'bad-export',
      `This Offprint export is damaged at ${issue.path.join('.')}: ${issue.message}`,
    );
  }
  const byId = new Map<string, ExportedArticle>();
  for (const entry of parsed.data.articles) {
    if (byId.has(entry.article.id)) {
      throw new OffprintError('bad-export', `This Offprint export holds article ${entry.article.id} twice.`);
    }
    const stray = entry.highlights.find((h) => h.articleId !== entry.article.id);
    if (stray) throw new OffprintError('bad-export', `Highlight ${stray.id} does not belong to its article.`);
    for (const path of [entry.content?.html, ...(entry.content?.images ?? []).map((i) => i.path)]) {
      if (path !== undefined && !isSafeRelativePath(path)) {
        throw new OffprintError('bad-export', `The export names a file outside its folder: ${JSON.stringify(path)}`);
      }
    }
    byId.set(entry.article.id, entry);
  }
  const entries = parsed.data.articles;
  return {
    exportedAt: parsed.data.exportedAt,
    hasContent: entries.some((e) => e.content !== undefined),
    articles: entries.map(({ article, highlights }) => ({ article, highlights })),
    async readContent(articleId) {
      const content = byId.get(articleId)?.content;
      if (!content || !openFile) return null;
      return new TextDecoder('utf-8', { ignoreBOM: true }).decode(await openFile(content.html));
    },
    async readImages(articleId) {
      const images = new Map<string, Uint8Array>();
      const content = byId.get(articleId)?.content;
      if (!content || !openFile) return images as ArticleImages;
      for (const { name, path } of content.images) {
        if (isSafeImageName(name)) images.set(name, await openFile(path));
      }
      return images as ArticleImages;
    },
  };
}
