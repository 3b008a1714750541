/**
 * Karakeep's JSON export (its packages/shared/import-export): `{bookmarks: [{createdAt (unix
 * seconds), title, tags[], lists[] (list ids), content: {type: "link", url} | {type: "text",
 * text} | null, note, archived}], lists: [{id, name, parentId, …}]}`. Text bookmarks are notes,
 * not pages, and are skipped with that reason; a bookmark's lists become tags, as folders do.
 * Karakeep has no highlights in its export.
 */
import { emptyEntry, type ImportResult } from '@shared/import/import-model';
import { toIsoDate } from '../parse/dates';
import { flag, isObject, names, parseJson, str } from '../parse/json-values';
import { unique } from '../parse/text-lists';
import { urlProblem, webUrl } from '../parse/web-url';

export function isKarakeepExport(value: unknown): boolean {
  return (
    isObject(value) &&
    Array.isArray(value.bookmarks) &&
    value.bookmarks.every((b) => isObject(b) && ('content' in b || 'createdAt' in b))
  );
}

export function readKarakeepJson(text: string): ImportResult {
  const result: ImportResult = { format: 'karakeep-json', entries: [], skipped: [], warnings: [] };
  const parsed = parseJson(text);
  if ('error' in parsed) return { ...result, skipped: [{ reason: parsed.error }] };
  if (!isObject(parsed.value) || !Array.isArray(parsed.value.bookmarks)) {
    return { ...result, skipped: [{ reason: 'expected {bookmarks: [...]}' }] };
  }
  const listNames = new Map<string, string>();
  for (const list of Array.isArray(parsed.value.lists) ? parsed.value.lists.filter(isObject) : []) {
    if (str(list.id) && str(list.name)) listNames.set(str(list.id) as string, str(list.name) as string);
  }
  parsed.value.bookmarks.forEach((raw: unknown, index) => {
    const title = isObject(raw) ? str(raw.title) : null;
    const item = `bookmark ${index + 1}${title ? ` (${title.slice(0, 60)})` : ''}`;
    if (!isObject(raw)) {
      result.skipped.push({ item, reason: 'not a bookmark object' });
      return;
    }
    const content = isObject(raw.content) ? raw.content : null;
    if (content?.type === 'text') {
      result.skipped.push({ item, reason: 'a text note, not a web page' });
      return;
    }
    const url = webUrl(content?.url);
    if (!url) {
      result.skipped.push({ item, reason: content ? urlProblem(content.url) : 'no link (an uploaded file or image)' });
      return;
    }
    const entry = emptyEntry({ item }, url);
    entry.title = title;
    entry.savedAt = toIsoDate(raw.createdAt);
    entry.archived = flag(raw.archived);
    entry.favourite = flag(raw.favourited);
    entry.note = str(raw.note);
    const lists = (Array.isArray(raw.lists) ? raw.lists : []).map((id) => listNames.get(String(id)) ?? '');
    entry.tags = unique([...names(raw.tags), ...lists]);
    result.entries.push(entry);
  });
  return result;
}
