import { OffprintError } from '@shared/ipc/envelope';
import type { Clip, ClipQuery, ExportResult, ExportScope } from '@shared/transfer/clip';
import { writeHighlightExport } from './write-export';

/**
 * The export the renderer asks for: `chooseFolder` (a dialog in the app, a temp folder in
 * tests) names where to write, so no path ever comes from the renderer.
 */
export async function exportHighlights(
  source: { listClips(query: ClipQuery): Promise<Clip[]> },
  chooseFolder: () => Promise<string | null>,
  scope: ExportScope,
): Promise<ExportResult> {
  const clips = await source.listClips(scope.articleId ? { articleId: scope.articleId } : {});
  if (clips.length === 0) throw new OffprintError('nothing-to-export', 'There are no highlights to export.');
  const folder = await chooseFolder();
  if (!folder) return { written: false, files: [] };
  return { written: true, files: await writeHighlightExport(folder, clips, scope.format) };
}
