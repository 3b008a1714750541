/**
 * The start every CSV format shares: an empty result, the table read with its unreadable rows
 * already counted as skipped, and the position of each named column (-1 when absent).
 */
import type { EntryImportFormat, ImportResult } from '@shared/import/import-model';
import { columnIndex, readCsv, type CsvRow } from './csv-records';

export interface CsvImportStart {
  result: ImportResult;
  rows: CsvRow[];
  columns: number[];
}

export function startCsvImport(
  format: EntryImportFormat,
  text: string,
  columnNames: readonly string[],
): CsvImportStart {
  const result: ImportResult = { format, entries: [], skipped: [], warnings: [] };
  const table = readCsv(text);
  result.skipped.push(...table.problems);
  const columns = columnNames.map(columnIndex(table.header));
  return { result, rows: table.rows, columns };
}
