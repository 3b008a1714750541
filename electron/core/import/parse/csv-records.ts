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

interface ParsedRecord {
  record: string[];
  info: { lines: number };
  raw: string;
}

export function readCsv(text: string): CsvTable {
  const rows: CsvRow[] = [];
  const problems: ImportProblem[] = [];
  // One line ending: csv-parse miscounts lines when a quoted field holds \r\n.
  let rest = (text.startsWith('\ufeff') ? text.slice(1) : text).replace(/\r\n?/g, '\n');
  let lineOffset = 0;
  for (;;) {
    let unclosed: { line: number; raw: string } | null = null;
    const records = parse(rest, {
      info: true,
      raw: true,
      relax_quotes: true,
      relax_column_count: true,
      skip_empty_lines: true,
      skip_records_with_error: true,
      on_skip: (err, raw) => {
        const line = lineOffset + startLine(Number(err?.lines ?? 0), raw ?? '');
        if (err?.code === 'CSV_QUOTE_NOT_CLOSED') unclosed = { line, raw: raw ?? '' };
        else problems.push({ line, reason: `unreadable CSV row: ${err?.message ?? 'unknown error'}` });
      },
    }) as unknown as ParsedRecord[];
    for (const r of records) rows.push({ fields: r.record, line: lineOffset + startLine(r.info.lines, r.raw) });
    if (!unclosed) break;
    const broken: { line: number; raw: string } = unclosed;
    problems.push({ line: broken.line, reason: 'a quoted field is never closed; the row is skipped' });
    const firstBreak = broken.raw.indexOf('\n');
    if (firstBreak < 0) break;
    // Read again from the line after the broken row's first line.
    rest = broken.raw.slice(firstBreak + 1);
    lineOffset = broken.line;
  }
  const header = rows.shift();
  return { header: header?.fields.map((h) => h.trim()) ?? [], rows, problems };
}

/** The line a record starts on, from the line it ends on and its raw text (which may begin with blank lines). */
function startLine(endLine: number, raw: string): number {
  const body = raw.replace(/^\n+/, '').replace(/\n$/, '');
  let breaks = 0;
  for (let i = body.indexOf('\n'); i >= 0; i = body.indexOf('\n', i + 1)) breaks++;
  return endLine - breaks;
}

/** The header's column positions, by name (case-insensitive). */
export function columnIndex(header: readonly string[]): (name: string) => number {
  const map = new Map(header.map((h, i) => [h.toLowerCase(), i] as const));
  return (name) => map.get(name.toLowerCase()) ?? -1;
}

export function field(row: CsvRow, index: number): string {
  return index >= 0 ? (row.fields[index] ?? '').trim() : '';
}
