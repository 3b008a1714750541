/**
 * Reads any supported export: into the neutral import model, or, for Offprint's own JSON backup,
 * as the backup it is (restored article by article, ids and all, by organizing/restore-backup.ts).
 */
import {
  IMPORT_FORMAT_LABELS,
  type EntryImportFormat,
  type ImportProblem,
  type ImportResult,
} from '@shared/import/import-model';
import { OffprintError } from '@shared/ipc/envelope';
import { readOffprintJson, type OffprintJsonLibrary } from '../export/formats/offprint-json-read';
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

const TEXT_READERS: Record<
  Exclude<EntryImportFormat, 'pocket-zip' | 'omnivore-zip'>,
  (text: string) => ImportResult
> = {
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

/** An Offprint JSON backup, read with its bodies and images available from beside it. */
export interface OffprintBackup {
  format: 'offprint-json';
  backup: OffprintJsonLibrary;
}

export type ReadExport = ImportResult | OffprintBackup;

/** Reads a file, zip or folder: an export into the import model, or an Offprint backup as it is. */
export async function readExportPath(fsPath: string): Promise<ReadExport> {
  return readExport(await openImportSource(fsPath));
}

export async function readExport(source: ImportSource): Promise<ReadExport> {
  const detected = await detectFormat(source);
  if (!detected) throw new UnknownImportFormatError(source.name);
  if (detected.format === 'offprint-json') {
    const [path] = detected.paths;
    const text = detected.text ?? (await source.readText(path));
    return { format: 'offprint-json', backup: readOffprintJson(text, source.filesBeside(path)) };
  }
  const result = await readDetected(source, { ...detected, format: detected.format });
  for (const list of [result.skipped, result.warnings]) list.sort(byPlace);
  return result;
}

/** Reads an export into the import model; an Offprint backup, which is not read into it, is refused. */
export async function readImportPath(fsPath: string): Promise<ImportResult> {
  return readImport(await openImportSource(fsPath));
}

export async function readImport(source: ImportSource): Promise<ImportResult> {
  const read = await readExport(source);
  if (read.format === 'offprint-json') {
    throw new OffprintError('usage', `${source.name} is an Offprint JSON backup: it is restored, not read as entries.`);
  }
  return read;
}

/** Problems in file order: by file, then line (stable, so items without a line keep their order). */
function byPlace(a: ImportProblem, b: ImportProblem): number {
  return (a.file ?? '').localeCompare(b.file ?? '') || (a.line ?? 0) - (b.line ?? 0);
}

async function readDetected(
  source: ImportSource,
  detected: { format: EntryImportFormat; paths: string[]; text?: string },
): Promise<ImportResult> {
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
