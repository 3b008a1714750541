/**
 * Pocket's legacy ril_export.html: `<h1>Unread</h1>` and `<h1>Read Archive</h1>`, each followed by
 * a list of `<a href time_added tags="a,b">title</a>`.
 */
import { emptyEntry, type ImportResult } from '@shared/import/import-model';
import { toIsoDate } from '../parse/dates';
import { attribute, bookmarkDocument } from '../parse/html-document';
import { splitList } from '../parse/text-lists';
import { urlProblem, webUrl } from '../parse/web-url';

export function readPocketHtml(html: string): ImportResult {
  const result: ImportResult = { format: 'pocket-html', entries: [], skipped: [], warnings: [] };
  const document = bookmarkDocument(html);
  let archived = false;
  let index = 0;
  for (const element of document.querySelectorAll('h1, a')) {
    if (element.tagName === 'H1') {
      archived = /archive|read/i.test(element.textContent ?? '') && !/unread/i.test(element.textContent ?? '');
      continue;
    }
    index++;
    const item = `link ${index}`;
    const rawUrl = attribute(element, 'href');
    const url = webUrl(rawUrl);
    if (!url) {
      result.skipped.push({ item, reason: urlProblem(rawUrl) });
      continue;
    }
    const entry = emptyEntry({ item }, url);
    const title = (element.textContent ?? '').trim();
    entry.title = title && title !== rawUrl ? title : null;
    entry.savedAt = toIsoDate(attribute(element, 'time_added'));
    entry.tags = splitList(attribute(element, 'tags'), ',');
    entry.archived = archived;
    result.entries.push(entry);
  }
  return result;
}
