/** Exporting articles (not only their highlights) in one of the formats of docs/EXPORT-FORMAT.md. */
import type { LibraryView } from '../model';

export const ARTICLE_EXPORT_FORMATS = ['json', 'netscape', 'csv', 'markdown', 'epub'] as const;
export type ArticleExportFormat = (typeof ARTICLE_EXPORT_FORMATS)[number];

/** What to export: a view (default all) narrowed by a tag, or exactly the articles named by `ids`. */
export interface ArticleExportRequest {
  format: ArticleExportFormat;
  view?: LibraryView;
  tag?: string;
  ids?: string[];
  /** Offprint JSON: also write bodies and images (the others always carry what they can). */
  includeContent?: boolean;
}

export interface ArticleExportResult {
  /** False when the user closed the save dialog without choosing. */
  written: boolean;
  /** Articles written. */
  articles: number;
  /** Articles the format could not hold (e.g. a bookmark needs a web address). */
  skipped: number;
  /** Where it went: the file, or the folder for Markdown ('' when nothing was written). */
  path: string;
}

/** A file name to offer in the save dialog: "offprint-inbox.md", "offprint-selection.epub"… */
export function suggestedExportName(request: ArticleExportRequest): string {
  const what = request.ids ? 'selection' : (request.tag ?? request.view ?? 'library');
  const slug =
    what
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'export';
  const extension = { json: '.json', netscape: '.html', csv: '.csv', markdown: '', epub: '.epub' }[request.format];
  return `offprint-${slug}${extension}`;
}
