/**
 * Raindrop's CSV: `id,title,note,excerpt,url,folder,tags,created,cover,highlights,favorite`.
 * Tags are `"a, b"`; a nested folder is `Parent/Child`, and each folder becomes a tag (but not
 * Raindrop's own "Unsorted"). The highlights cell holds `Highlight: text` blocks, each followed
 * by an optional `Note: text`; a cell without those markers is read as one highlight per paragraph.
 */
import {
  emptyEntry,
  type ImportedHighlight,
  type ImportLocation,
  type ImportResult,
} from '@shared/import/import-model';
import { startCsvImport } from '../parse/csv-import';
import { field } from '../parse/csv-records';
import { toIsoDate } from '../parse/dates';
import { splitList, unique } from '../parse/text-lists';
import { urlProblem, webUrl } from '../parse/web-url';

export function readRaindropCsv(text: string): ImportResult {
  const {
    result,
    rows,
    columns: [title, note, excerpt, url, folder, tags, created, highlights, favorite],
  } = startCsvImport('raindrop-csv', text, [
    'title',
    'note',
    'excerpt',
    'url',
    'folder',
    'tags',
    'created',
    'highlights',
    'favorite',
  ]);
  for (const row of rows) {
    const rawUrl = field(row, url);
    const href = webUrl(rawUrl);
    const marked = raindropHighlights(field(row, highlights), { line: row.line });
    if (!href && marked.length === 0) {
      result.skipped.push({ line: row.line, reason: urlProblem(rawUrl) });
      continue;
    }
    if (!href) {
      result.warnings.push({
        line: row.line,
        reason: `${urlProblem(rawUrl)}; its highlights are kept in a document without a URL`,
      });
    }
    const entry = emptyEntry({ line: row.line }, href);
    const rawTitle = field(row, title);
    entry.title = rawTitle && rawTitle !== rawUrl ? rawTitle : null;
    entry.note = field(row, note) || null;
    entry.excerpt = field(row, excerpt) || null;
    entry.savedAt = toIsoDate(field(row, created));
    entry.favourite = /^(true|1|yes)$/i.test(field(row, favorite));
    const folders = splitList(field(row, folder), '/').filter((f) => !/^unsorted$/i.test(f));
    entry.tags = unique([...folders, ...splitList(field(row, tags), ',')]);
    entry.highlights = marked;
    result.entries.push(entry);
  }
  return result;
}

function raindropHighlights(cell: string, source: ImportLocation): ImportedHighlight[] {
  if (!cell.trim()) return [];
  const highlight = (exact: string, note = ''): ImportedHighlight => ({
    exact: exact.trim(),
    note: note.trim(),
    color: null,
    createdAt: null,
    labels: [],
    source,
  });
  if (!/^\s*highlight:/im.test(cell))
    return cell
      .split(/\n\s*\n/)
      .filter((p) => p.trim())
      .map((p) => highlight(p));
  return cell
    .split(/^\s*highlight:\s*/im)
    .filter((block) => block.trim())
    .map((block) => {
      const [quote, ...notes] = block.split(/^\s*note:\s*/im);
      return highlight(quote, notes.join('\n'));
    });
}
