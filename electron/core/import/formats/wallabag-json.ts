/**
 * Wallabag's JSON export: an array of entries with `title, url, given_url, is_archived,
 * is_starred` (0/1), `tags[]`, `content` (HTML, used as the article), `created_at`,
 * `published_at` (`2024-03-05T11:12:44+0200`), `reading_time` and `annotations[{text, quote,
 * ranges}]`, where `quote` is the highlighted text and `text` the note. The ranges are XPaths into
 * Wallabag's own rendering, not offsets in the text, so the quote alone anchors.
 */
import { emptyEntry, type ImportedHighlight, type ImportResult } from '@shared/import/import-model';
import { toIsoDate } from '../parse/dates';
import { flag, isObject, names, parseJson, rawStr, str } from '../parse/json-values';
import { urlProblem, webUrl } from '../parse/web-url';

export function readWallabagJson(text: string): ImportResult {
  const result: ImportResult = { format: 'wallabag-json', entries: [], skipped: [], warnings: [] };
  const parsed = parseJson(text);
  if ('error' in parsed) return { ...result, skipped: [{ reason: parsed.error }] };
  if (!Array.isArray(parsed.value)) return { ...result, skipped: [{ reason: 'expected a list of entries' }] };
  parsed.value.forEach((raw: unknown, index) => {
    const title = isObject(raw) ? str(raw.title) : null;
    const item = `entry ${index + 1}${title ? ` (${title.slice(0, 60)})` : ''}`;
    if (!isObject(raw)) {
      result.skipped.push({ item, reason: 'not an entry object' });
      return;
    }
    const url = webUrl(raw.url) ?? webUrl(raw.given_url);
    const all = annotations(raw.annotations, item);
    const highlights = all.filter((h) => h.exact || h.note);
    for (const empty of all.filter((h) => !h.exact && !h.note)) {
      result.skipped.push({ ...empty.source, reason: 'an annotation with neither a quote nor a note' });
    }
    if (!url && highlights.length === 0) {
      result.skipped.push({ item, reason: urlProblem(raw.url ?? raw.given_url) });
      return;
    }
    if (!url) {
      result.warnings.push({
        item,
        reason: `${urlProblem(raw.url ?? raw.given_url)}; its annotations are kept in a document without a URL`,
      });
    }
    const entry = emptyEntry({ item }, url);
    entry.title = title;
    entry.archived = flag(raw.is_archived);
    entry.favourite = flag(raw.is_starred);
    entry.tags = names(raw.tags);
    entry.contentHtml = str(raw.content) ? rawStr(raw.content) : null;
    entry.savedAt = toIsoDate(raw.created_at);
    entry.publishedAt = toIsoDate(raw.published_at);
    entry.author = Array.isArray(raw.published_by) ? names(raw.published_by).join(', ') || null : str(raw.published_by);
    entry.highlights = highlights;
    result.entries.push(entry);
  });
  return result;
}

function annotations(value: unknown, item: string): ImportedHighlight[] {
  if (!Array.isArray(value)) return [];
  return value.filter(isObject).map((a, index) => ({
    exact: rawStr(a.quote).trim(),
    note: rawStr(a.text).trim(),
    color: null,
    createdAt: toIsoDate(a.created_at),
    labels: [],
    source: { item: `${item}, annotation ${index + 1}` },
  }));
}
