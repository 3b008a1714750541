/**
 * Writes an export of highlights into a folder the user chose: one Markdown file per
 * article (Obsidian/Logseq notes), or one JSON file of W3C Web Annotations. Each file is
 * written atomically; an existing file of the same name is replaced, never half-written.
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { OffprintError } from '@shared/ipc/envelope';
import { groupByArticle, type Clip, type ExportFormat } from '@shared/transfer/clip';
import { uniqueFileNames } from '@shared/transfer/export-file-name';
import { articleToMarkdown } from '@shared/transfer/markdown-export';
import { toAnnotationCollection } from '@shared/transfer/web-annotation-export';
import { writeFileAtomic } from '../library/write-file-atomic';

export async function writeHighlightExport(
  folder: string,
  clips: readonly Clip[],
  format: ExportFormat,
): Promise<string[]> {
  const groups = groupByArticle(clips);
  if (groups.length === 0) throw new OffprintError('nothing-to-export', 'There are no highlights to export.');
  try {
    await mkdir(folder, { recursive: true });
    if (format === 'json') {
      const label = groups.length === 1 ? groups[0].article.title : 'Offprint highlights';
      const [name] = uniqueFileNames([label], 'json');
      await writeFileAtomic(join(folder, name), `${JSON.stringify(toAnnotationCollection(label, groups), null, 2)}\n`);
      return [name];
    }
    const names = uniqueFileNames(
      groups.map((g) => g.article.title),
      'md',
    );
    for (const [i, group] of groups.entries()) {
      await writeFileAtomic(join(folder, names[i]), articleToMarkdown(group.article, group.highlights));
    }
    return names;
  } catch (error) {
    if (error instanceof OffprintError) throw error;
    throw new OffprintError('export-failed', `Could not write the export into ${folder}: ${(error as Error).message}`);
  }
}
