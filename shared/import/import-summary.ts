/** What an import did, as the app, the CLI and the summary dialog show it. */
import type { ImportFormat, ImportProblem } from './import-model';

export type HighlightState = 'anchored' | 'orphaned' | 'pending';

export interface ImportHighlightCounts {
  /** Every highlight and note in the file: always anchored + orphaned + pending. */
  total: number;
  anchored: number;
  orphaned: number;
  pending: number;
  /** How many of them were new to the library (the rest were there from an earlier import). */
  added: number;
}

export interface ImportSummary {
  /** Names this import for undoImport; '' when it changed nothing. */
  importId: string;
  format: ImportFormat;
  /** Entries the file held (rows not skipped). */
  entries: number;
  /** Articles created. */
  added: number;
  /** Entries already in the library that gained tags or highlights. */
  merged: number;
  /** Entries already in the library with nothing new. */
  unchanged: number;
  /** Rows and items not imported, with where and why. */
  skipped: ImportProblem[];
  /** Imported with a caveat (a PDF kept unread, a date that could not be read). */
  warnings: ImportProblem[];
  highlights: ImportHighlightCounts;
  /** Articles recorded without content and handed to the capture queue. */
  queued: number;
  /** Articles recorded without content that wait for a capture (queued or not). */
  awaitingCapture: number;
}

export interface ImportProgress {
  importId: string;
  stage: 'reading' | 'recording' | 'done';
  /** Entries recorded so far, of `total`. */
  done: number;
  total: number;
}

export interface UndoImportResult {
  removedArticles: number;
  removedHighlights: number;
  /** Articles that were there before the import and lost the tags it had added. */
  untagged: number;
}

/** A summary before anything is recorded, and the one way its highlight counts grow. */
export function startSummary(
  importId: string,
  format: ImportFormat,
  entries: number,
  problems: { skipped?: readonly ImportProblem[]; warnings?: readonly ImportProblem[] } = {},
): { summary: ImportSummary; count: (state: HighlightState) => void } {
  const summary: ImportSummary = {
    importId,
    format,
    entries,
    added: 0,
    merged: 0,
    unchanged: 0,
    skipped: [...(problems.skipped ?? [])],
    warnings: [...(problems.warnings ?? [])],
    highlights: { total: 0, anchored: 0, orphaned: 0, pending: 0, added: 0 },
    queued: 0,
    awaitingCapture: 0,
  };
  const count = (state: HighlightState) => {
    summary.highlights.total += 1;
    summary.highlights[state] += 1;
  };
  return { summary, count };
}
