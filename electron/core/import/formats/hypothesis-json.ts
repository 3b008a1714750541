/**
 * Hypothesis exports: `{annotations: [...]}` (the web app's export), `{rows: [...]}` (the API) or
 * a bare array. Each annotation has `uri`, `text` (the note), `tags` and `target[].selector` with
 * TextQuote, TextPosition and Range selectors. A target without a quote is a page note (kept
 * with an empty quote). A reply (it has `references`) is kept as a note: added to the note of the
 * annotation it answers when that is in the file, else as a page note of its own.
 */
import type { ImportedHighlight, ImportResult } from '@shared/import/import-model';
import { toIsoDate } from '../parse/dates';
import { EntriesBySource } from '../parse/group-by-source';
import { isObject, names, parseJson, rawStr, str, type JsonObject } from '../parse/json-values';
import { addSelectorContext } from '../parse/selector-context';

export function hypothesisAnnotations(value: unknown): unknown[] | null {
  if (Array.isArray(value)) return value;
  if (isObject(value) && Array.isArray(value.annotations)) return value.annotations;
  if (isObject(value) && Array.isArray(value.rows)) return value.rows;
  return null;
}

export function readHypothesisJson(text: string): ImportResult {
  const result: ImportResult = { format: 'hypothesis-json', entries: [], skipped: [], warnings: [] };
  const parsed = parseJson(text);
  if ('error' in parsed) return { ...result, skipped: [{ reason: parsed.error }] };
  const annotations = hypothesisAnnotations(parsed.value);
  if (!annotations) return { ...result, skipped: [{ reason: 'expected a list of annotations' }] };
  const entries = new EntriesBySource(result);
  const byId = new Map<string, ImportedHighlight>();
  const replies: { annotation: JsonObject; item: string }[] = [];
  annotations.forEach((raw, index) => {
    const item = isObject(raw) && str(raw.id) ? `annotation ${str(raw.id)}` : `annotation ${index + 1}`;
    if (!isObject(raw)) {
      result.skipped.push({ item, reason: 'not an annotation object' });
      return;
    }
    if (Array.isArray(raw.references) && raw.references.length > 0) {
      replies.push({ annotation: raw, item });
      return;
    }
    const highlight = toHighlight(raw, item);
    if (!highlight.exact && !highlight.note) {
      result.skipped.push({ item, reason: 'neither a quote nor a note' });
      return;
    }
    entries.add(source(raw), documentTitle(raw), highlight);
    if (str(raw.id)) byId.set(str(raw.id) as string, highlight);
  });
  for (const { annotation, item } of replies) {
    const note = rawStr(annotation.text).trim();
    if (!note) {
      result.skipped.push({ item, reason: 'an empty reply' });
      continue;
    }
    const parent = byId.get(String((annotation.references as unknown[])[0]));
    if (parent) parent.note = parent.note ? `${parent.note}\n\nReply: ${note}` : `Reply: ${note}`;
    else {
      const highlight = { ...toHighlight(annotation, item), exact: '', note: `Reply: ${note}` };
      entries.add(source(annotation), documentTitle(annotation), highlight);
      result.warnings.push({ item, reason: 'a reply to an annotation not in this file: kept as a page note' });
    }
  }
  return result;
}

function toHighlight(annotation: JsonObject, item: string): ImportedHighlight {
  const selectors = targets(annotation).flatMap((t) => (Array.isArray(t.selector) ? t.selector : [t.selector]));
  const quote = selectors.find((s) => isObject(s) && s.type === 'TextQuoteSelector') as JsonObject | undefined;
  const position = selectors.find((s) => isObject(s) && s.type === 'TextPositionSelector') as JsonObject | undefined;
  const highlight: ImportedHighlight = {
    exact: quote ? rawStr(quote.exact) : '',
    note: rawStr(annotation.text).trim(),
    color: null,
    createdAt: toIsoDate(annotation.created),
    labels: names(annotation.tags),
    source: { item },
  };
  addSelectorContext(highlight, quote, position);
  return highlight;
}

function targets(annotation: JsonObject): JsonObject[] {
  return Array.isArray(annotation.target) ? annotation.target.filter(isObject) : [];
}

function source(annotation: JsonObject): string {
  return str(annotation.uri) ?? str(targets(annotation)[0]?.source) ?? '';
}

function documentTitle(annotation: JsonObject): string | null {
  const document = isObject(annotation.document) ? annotation.document : {};
  const title = Array.isArray(document.title) ? document.title[0] : document.title;
  return str(title);
}
