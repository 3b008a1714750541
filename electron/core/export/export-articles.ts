/**
 * The export the renderer asks for: `choosePath` (a save dialog in the app, a path the test
 * chose in tests) names where to write, so no path ever comes from the renderer.
 */
import { OffprintError } from '@shared/ipc/envelope';
import type { ArticleExportRequest, ArticleExportResult } from '@shared/transfer/article-export';
import type { ExportOutcome } from './export-to-path';

export interface ArticleExporter {
  /** How many articles the request covers (checked before asking where to write). */
  countExport(request: ArticleExportRequest): Promise<number>;
  exportArticles(request: ArticleExportRequest, path: string): Promise<ExportOutcome>;
}

export async function exportArticlesTo(
  exporter: ArticleExporter,
  choosePath: (request: ArticleExportRequest) => Promise<string | null>,
  request: ArticleExportRequest,
): Promise<ArticleExportResult> {
  if ((await exporter.countExport(request)) === 0) {
    throw new OffprintError('nothing-to-export', 'There are no articles to export.');
  }
  const path = await choosePath(request);
  if (!path) return { written: false, articles: 0, skipped: 0, path: '' };
  const outcome = await exporter.exportArticles(request, path);
  return { written: true, articles: outcome.articles, skipped: outcome.skipped.length, path: outcome.path };
}
