/**
 * CSV rows with the line each starts on, through csv-parse. A row the parser cannot read is
 * reported with its line, and reading goes on: after a quote that never closes (which would
 * swallow the rest of the file) the text is read again from the line after the broken row.
 */
import { parse } from 'csv-parse/sync';
import type { ImportProblem } from '@shared/import/import-model';

export interface CsvRow {
  fields: string[];
  /** 1-based line the row starts on. */
  line: number;
}

export interface CsvTable {
  header: string[];
  rows: CsvRow[];
  problems: ImportProblem[];
}

interface RecordContext {
  lines: number;
  empty_lines: number;
}

export function readCsv(text: string): CsvTable {
  const rows: CsvRow[] = [];
  const problems: ImportProblem[] = [];
  // One line ending: csv-parse miscounts lines when a quoted field holds \r\n.
  let rest = (text.startsWith('\ufeff') ? text.slice(1) : text).replace(/\r\n?/g, '\n');
  let lineOffset = 0;
  for (;;) {
    // A record starts on the line after the previous one ended, plus the blank lines skipped between.
    let previousEnd = 0;
    let previousEmpty = 0;
    const startOf = (context: Partial<RecordContext>) =>
      previousEnd + 1 + (Number(context.empty_lines ?? previousEmpty) - previousEmpty);
    let unclosedAt: number | null = null;
    parse(rest, {
      relax_quotes: true,
      relax_column_count: true,
      skip_empty_lines: true,
      skip_records_with_error: true,
      on_record: (record: string[], context: RecordContext) => {
        rows.push({ fields: record, line: lineOffset + startOf(context) });
        previousEnd = context.lines;
        previousEmpty = context.empty_lines;
        return null;
      },
      on_skip: (err) => {
        const context = (err ?? {}) as Partial<RecordContext> & { code?: string; message?: string };
        const line = startOf(context);
        if (context.code === 'CSV_QUOTE_NOT_CLOSED') unclosedAt = line;
        else
          problems.push({
            line: lineOffset + line,
            reason: `unreadable CSV row: ${context.message ?? 'unknown error'}`,
          });
        previousEnd = Number(context.lines ?? previousEnd);
        previousEmpty = Number(context.empty_lines ?? previousEmpty);
      },
    });
    if (unclosedAt === null) break;
    const broken: number = unclosedAt;
    problems.push({ line: lineOffset + broken, reason: 'a quoted field is never closed; the row is skipped' });
    // Read again from the line after the broken row's first line.
    const lines = rest.split('\n');
    if (broken >= lines.length) break;
    rest = lines.slice(broken).join('\n');
    lineOffset += broken;
  }
  const header = rows.shift();
  return { header: header?.fields.map((h) => h.trim()) ?? [], rows, problems };
}

/** The header's column positions, by name (case-insensitive). */
export function columnIndex(header: readonly string[]): (name: string) => number {
  const map = new Map(header.map((h, i) => [h.toLowerCase(), i] as const));
  return (name) => map.get(name.toLowerCase()) ?? -1;
}

export function field(row: CsvRow, index: number): string {
  return index >= 0 ? (row.fields[index] ?? '').trim() : '';
}
