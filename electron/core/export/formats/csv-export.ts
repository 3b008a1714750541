/**
 * A spreadsheet of the library: url,title,tags,savedAt,archived,favourite,highlights. Fields are
 * quoted by csv-stringify (RFC 4180). Tags are separated by " | "; each highlight is its passage
 * as a Markdown quote followed by its note, highlights separated by a blank line.
 */
import { stringify } from 'csv-stringify/sync';
import type { Highlight } from '@shared/model';
import { blockquote, passageOf } from '@shared/transfer/markdown-export';
import type { ExportArticle } from '../export-model';

export const CSV_COLUMNS = ['url', 'title', 'tags', 'savedAt', 'archived', 'favourite', 'highlights'] as const;

export const TAG_SEPARATOR = ' | ';

/**
 * A spreadsheet runs a cell that starts with = + - @ (or a tab or carriage return) as a formula,
 * so text that came from the web gets a leading apostrophe there (the usual defence; OWASP "CSV injection").
 */
export function defuseFormula(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

function highlightText(highlight: Highlight): string {
  const quote = blockquote(passageOf(highlight).replace(/\n\n/g, '\n'));
  return highlight.note.trim() ? `${quote}\n${highlight.note.trim()}` : quote;
}

export function writeCsv(articles: readonly ExportArticle[]): string {
  const rows = articles.map(({ article, highlights }) => [
    article.url,
    defuseFormula(article.title),
    defuseFormula(article.tags.join(TAG_SEPARATOR)),
    article.savedAt,
    String(article.archived),
    String(article.favourite),
    defuseFormula(highlights.map(highlightText).join('\n\n')),
  ]);
  return stringify(rows, { header: true, columns: [...CSV_COLUMNS], eof: true });
}
