/**
 * Readwise Reader's library CSV: `Title,URL,ID,Document tags,Saved date,Reading progress,
 * Location,Seen`. Document tags are a Python list repr (`['a', "it's"]`). Location is new, later,
 * shortlist (read as favourite), archive, or feed: feed items were never saved by the user and
 * are skipped, with that reason.
 */
import { emptyEntry, type ImportResult } from '@shared/import/import-model';
import { startCsvImport } from '../parse/csv-import';
import { field } from '../parse/csv-records';
import { toIsoDate } from '../parse/dates';
import { pythonStringList, splitList } from '../parse/text-lists';
import { urlProblem, webUrl } from '../parse/web-url';

export function readReadwiseReaderCsv(text: string): ImportResult {
  const {
    result,
    rows,
    columns: [title, url, tags, saved, progress, location],
  } = startCsvImport('readwise-reader-csv', text, [
    'Title',
    'URL',
    'Document tags',
    'Saved date',
    'Reading progress',
    'Location',
  ]);
  for (const row of rows) {
    const place = field(row, location).toLowerCase();
    if (place === 'feed') {
      result.skipped.push({ line: row.line, reason: 'a feed item, never saved to the library' });
      continue;
    }
    const rawUrl = field(row, url);
    const href = webUrl(rawUrl);
    if (!href) {
      result.skipped.push({ line: row.line, reason: urlProblem(rawUrl) });
      continue;
    }
    const entry = emptyEntry({ line: row.line }, href);
    entry.title = field(row, title) || null;
    const rawTags = field(row, tags);
    const parsedTags = pythonStringList(rawTags);
    if (rawTags && !parsedTags) {
      result.warnings.push({ line: row.line, reason: 'document tags are not a Python list; read as a comma list' });
    }
    entry.tags = parsedTags ?? splitList(rawTags, ',');
    entry.savedAt = toIsoDate(field(row, saved));
    entry.readingProgress = fraction(field(row, progress));
    entry.archived = place === 'archive';
    entry.favourite = place === 'shortlist';
    result.entries.push(entry);
  }
  return result;
}

/** "0.35", "35%" or "35" (a percentage when above 1). */
function fraction(value: string): number | null {
  if (!value) return null;
  const n = Number(value.replace(/%$/, ''));
  if (!Number.isFinite(n) || n < 0) return null;
  return Math.min(1, value.endsWith('%') || n > 1 ? n / 100 : n);
}
