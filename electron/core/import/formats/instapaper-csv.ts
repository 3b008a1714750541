/**
 * Instapaper's CSV: `URL,Title,Selection,Folder,Timestamp,Tags` (older exports stop after Folder
 * or Timestamp). Tags is a JSON array inside the cell. Folder is Unread, Archive, Starred or a
 * folder of the user's, which becomes a tag. Selection is the text selected when the page was
 * saved, kept as the excerpt: it is not a highlight.
 */
import { emptyEntry, type ImportResult } from '@shared/import/import-model';
import { startCsvImport } from '../parse/csv-import';
import { field } from '../parse/csv-records';
import { toIsoDate } from '../parse/dates';
import { jsonArrayCell, unique } from '../parse/text-lists';
import { urlProblem, webUrl } from '../parse/web-url';

export function readInstapaperCsv(text: string): ImportResult {
  const {
    result,
    rows,
    columns: [url, title, selection, folder, timestamp, tags],
  } = startCsvImport('instapaper-csv', text, ['URL', 'Title', 'Selection', 'Folder', 'Timestamp', 'Tags']);
  for (const row of rows) {
    const rawUrl = field(row, url);
    const href = webUrl(rawUrl);
    if (!href) {
      result.skipped.push({ line: row.line, reason: urlProblem(rawUrl) });
      continue;
    }
    const entry = emptyEntry({ line: row.line }, href);
    const rawTitle = field(row, title);
    entry.title = rawTitle && rawTitle !== rawUrl ? rawTitle : null;
    entry.excerpt = field(row, selection) || null;
    entry.savedAt = toIsoDate(field(row, timestamp));
    const place = field(row, folder);
    entry.archived = /^archive$/i.test(place);
    entry.favourite = /^starred$/i.test(place);
    const folderTag = place && !/^(unread|archive|starred)$/i.test(place) ? [place] : [];
    entry.tags = unique([...folderTag, ...jsonArrayCell(field(row, tags))]);
    result.entries.push(entry);
  }
  return result;
}
