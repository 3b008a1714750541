/**
 * Readwise's highlights CSV: `Highlight,Book Title,Book Author,Amazon Book ID,Note,Color,Tags,
 * Location Type,Location,Highlighted at,Document tags`. There is no URL: highlights are grouped
 * by title and author into documents without a URL (the merge may match one to a saved article
 * by its title).
 */
import { emptyEntry, type ImportedEntry, type ImportResult } from '@shared/import/import-model';
import { startCsvImport } from '../parse/csv-import';
import { field } from '../parse/csv-records';
import { toIsoDate } from '../parse/dates';
import { highlightColor } from '../parse/highlight-color';
import { splitList, unique } from '../parse/text-lists';

export function readReadwiseHighlightsCsv(text: string): ImportResult {
  const {
    result,
    rows,
    columns: [quote, title, author, note, color, tags, locationType, location, at, documentTags],
  } = startCsvImport('readwise-highlights-csv', text, [
    'Highlight',
    'Book Title',
    'Book Author',
    'Note',
    'Color',
    'Tags',
    'Location Type',
    'Location',
    'Highlighted at',
    'Document tags',
  ]);
  const books = new Map<string, ImportedEntry>();
  for (const row of rows) {
    const exact = field(row, quote);
    const comment = field(row, note);
    if (!exact && !comment) {
      result.skipped.push({ line: row.line, reason: 'neither highlighted text nor a note' });
      continue;
    }
    const bookTitle = field(row, title) || null;
    const bookAuthor = field(row, author) || null;
    const key = `${bookTitle ?? ''}\u0000${bookAuthor ?? ''}`;
    let book = books.get(key);
    if (!book) {
      book = emptyEntry({ line: row.line }, null);
      book.title = bookTitle;
      book.author = bookAuthor;
      books.set(key, book);
      result.entries.push(book);
    }
    book.tags = unique([...book.tags, ...splitList(field(row, documentTags), ',')]);
    const where = [field(row, locationType), field(row, location)].filter(Boolean).join(' ');
    book.highlights.push({
      exact,
      note: comment,
      color: highlightColor(field(row, color)),
      createdAt: toIsoDate(field(row, at)),
      labels: splitList(field(row, tags), ','),
      ...(field(row, location) ? { locator: where } : {}),
      source: { line: row.line },
    });
  }
  return result;
}
