/**
 * Pocket's CSV (2025: title,url,time_added,tags,status; 2024 adds a leaked `cursor` column after
 * time_added). Columns are found by name, so either form reads the same. Tags are `|`-separated,
 * time_added is unix seconds, status is `unread` or `archive`, and an untitled item has its URL
 * as its title.
 */
import { emptyEntry, type ImportedEntry, type ImportProblem, type ImportResult } from '@shared/import/import-model';
import { columnIndex, field, readCsv } from '../parse/csv-records';
import { toIsoDate } from '../parse/dates';
import { splitList } from '../parse/text-lists';
import { urlProblem, webUrl } from '../parse/web-url';

export const POCKET_CSV_COLUMNS = ['title', 'url', 'time_added', 'tags', 'status'];

export function readPocketCsv(text: string, file?: string): ImportResult {
  const table = readCsv(text);
  const col = columnIndex(table.header);
  const [title, url, added, tags, status] = POCKET_CSV_COLUMNS.map(col);
  const entries: ImportedEntry[] = [];
  const skipped: ImportProblem[] = table.problems.map((p) => ({ file, ...p }));
  for (const row of table.rows) {
    const rawUrl = field(row, url);
    const href = webUrl(rawUrl);
    if (!href) {
      skipped.push({ file, line: row.line, reason: urlProblem(rawUrl) });
      continue;
    }
    const entry = emptyEntry({ file, line: row.line }, href);
    const rawTitle = field(row, title);
    entry.title = rawTitle && rawTitle !== rawUrl ? rawTitle : null;
    entry.savedAt = toIsoDate(field(row, added));
    entry.tags = splitList(field(row, tags), '|');
    entry.archived = field(row, status).toLowerCase() === 'archive';
    entries.push(entry);
  }
  return { format: 'pocket-csv', entries, skipped, warnings: [] };
}
