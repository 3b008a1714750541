/** Reads any supported export into the neutral import model. */
import {
  IMPORT_FORMAT_LABELS,
  type ImportFormat,
  type ImportProblem,
  type ImportResult,
} from '@shared/import/import-model';
import { OffprintError } from '@shared/ipc/envelope';
import { detectFormat } from './detect-format';
import { openImportSource, type ImportSource } from './import-source';
import { readHypothesisJson } from './formats/hypothesis-json';
import { readInstapaperCsv } from './formats/instapaper-csv';
import { readKarakeepJson } from './formats/karakeep-json';
import { readKindleClippings } from './formats/kindle-clippings';
import { readNetscapeHtml } from './formats/netscape-html';
import { readOmnivoreZip } from './formats/omnivore-zip';
import { readPocketCsv } from './formats/pocket-csv';
import { readPocketHtml } from './formats/pocket-html';
import { readPocketZip } from './formats/pocket-zip';
import { readRaindropCsv } from './formats/raindrop-csv';
import { readReadwiseHighlightsCsv } from './formats/readwise-highlights-csv';
import { readReadwiseReaderCsv } from './formats/readwise-reader-csv';
import { readUrlList } from './formats/url-list';
import { readWallabagJson } from './formats/wallabag-json';
import { readWebAnnotationJson } from './formats/web-annotation-json';

const TEXT_READERS: Record<Exclude<ImportFormat, 'pocket-zip' | 'omnivore-zip'>, (text: string) => ImportResult> = {
  'pocket-csv': (text) => readPocketCsv(text),
  'pocket-html': readPocketHtml,
  'wallabag-json': readWallabagJson,
  'instapaper-csv': readInstapaperCsv,
  'readwise-highlights-csv': readReadwiseHighlightsCsv,
  'readwise-reader-csv': readReadwiseReaderCsv,
  'raindrop-csv': readRaindropCsv,
  'netscape-html': readNetscapeHtml,
  'hypothesis-json': readHypothesisJson,
  'web-annotation-json': readWebAnnotationJson,
  'karakeep-json': readKarakeepJson,
  'kindle-clippings': readKindleClippings,
  'url-list': readUrlList,
};

/** A message fit for the user, which crosses IPC with its code. */
export class UnknownImportFormatError extends OffprintError {
  constructor(name: string) {
    super(
      'import-format-unknown',
      `${name} is not an export Offprint can read. It reads: ${Object.values(IMPORT_FORMAT_LABELS).join(', ')}.`,
    );
  }
}

export async function readImportPath(fsPath: string): Promise<ImportResult> {
  return readImport(await openImportSource(fsPath));
}

export async function readImport(source: ImportSource): Promise<ImportResult> {
  const result = await readDetected(source);
  for (const list of [result.skipped, result.warnings]) list.sort(byPlace);
  return result;
}

/** Problems in file order: by file, then line (stable, so items without a line keep their order). */
function byPlace(a: ImportProblem, b: ImportProblem): number {
  return (a.file ?? '').localeCompare(b.file ?? '') || (a.line ?? 0) - (b.line ?? 0);
}

async function readDetected(source: ImportSource): Promise<ImportResult> {
  const detected = await detectFormat(source);
  if (!detected) throw new UnknownImportFormatError(source.name);
  if (detected.format === 'pocket-zip') return readPocketZip(source);
  if (detected.format === 'omnivore-zip') return readOmnivoreZip(source, detected.paths);
  const [path] = detected.paths;
  const result = TEXT_READERS[detected.format](detected.text ?? (await source.readText(path)));
  // In a zip or folder, say which file each line is in.
  if (source.kind !== 'file') {
    for (const list of [result.skipped, result.warnings]) for (const p of list) p.file ??= path;
    for (const entry of result.entries) {
      entry.source.file ??= path;
      for (const h of entry.highlights) h.source.file ??= path;
    }
  }
  return result;
}
