/**
 * W3C Web Annotations in JSON-LD (what Offprint itself exports): an AnnotationCollection (with
 * `items`, or `first` pages), an AnnotationPage, one Annotation, or an array of them. The target is
 * a source IRI or `{source, selector}` with TextQuoteSelector and TextPositionSelector; the note
 * is `bodyValue` or a TextualBody. A tagging body that names an Offprint colour is the colour (as
 * Offprint exports it); other tagging bodies are labels.
 */
import type { ImportedHighlight, ImportResult } from '@shared/import/import-model';
import { toIsoDate } from '../parse/dates';
import { highlightColor } from '../parse/highlight-color';
import { EntriesBySource } from '../parse/group-by-source';
import { isObject, parseJson, rawStr, str, type JsonObject } from '../parse/json-values';
import { addSelectorContext } from '../parse/selector-context';

const typeOf = (value: JsonObject): string[] =>
  Array.isArray(value.type) ? value.type.map(String) : [String(value.type)];

/** The annotations in a collection, page, single annotation or array; null when it is none of these. */
export function webAnnotations(value: unknown): unknown[] | null {
  if (Array.isArray(value)) return value.every((v) => isObject(v) && typeOf(v).includes('Annotation')) ? value : null;
  if (!isObject(value)) return null;
  const types = typeOf(value);
  if (types.includes('Annotation')) return [value];
  if (types.includes('AnnotationPage')) return pageItems(value);
  if (types.includes('AnnotationCollection')) {
    const items: unknown[] = Array.isArray(value.items) ? [...value.items] : [];
    // Pages follow `next` when they are embedded; pages behind an IRI cannot be read from a file.
    for (let page = value.first, guard = 0; isObject(page) && guard < 100_000; page = page.next, guard++) {
      items.push(...pageItems(page));
    }
    return items;
  }
  return null;
}

function pageItems(page: JsonObject): unknown[] {
  return Array.isArray(page.items) ? page.items : [];
}

export function readWebAnnotationJson(text: string): ImportResult {
  const result: ImportResult = { format: 'web-annotation-json', entries: [], skipped: [], warnings: [] };
  const parsed = parseJson(text);
  if ('error' in parsed) return { ...result, skipped: [{ reason: parsed.error }] };
  const annotations = webAnnotations(parsed.value);
  if (!annotations) return { ...result, skipped: [{ reason: 'not an annotation, page or collection' }] };
  const entries = new EntriesBySource(result);
  annotations.forEach((raw, index) => {
    const item = isObject(raw) && str(raw.id) ? `annotation ${str(raw.id)}` : `annotation ${index + 1}`;
    if (!isObject(raw)) {
      result.skipped.push({ item, reason: 'not an annotation object' });
      return;
    }
    const target = firstTarget(raw.target);
    const highlight = toHighlight(raw, target, item);
    if (!highlight.exact && !highlight.note) {
      result.skipped.push({ item, reason: 'neither a quote nor a note' });
      return;
    }
    entries.add(target.source, null, highlight);
  });
  return result;
}

interface Target {
  source: string;
  selectors: JsonObject[];
}

function firstTarget(value: unknown): Target {
  const target = Array.isArray(value) ? value[0] : value;
  if (typeof target === 'string') return { source: target, selectors: [] };
  if (!isObject(target)) return { source: '', selectors: [] };
  const selector = target.selector;
  const selectors = (Array.isArray(selector) ? selector : [selector]).filter(isObject);
  return { source: str(target.source) ?? str(target.id) ?? '', selectors };
}

function toHighlight(annotation: JsonObject, target: Target, item: string): ImportedHighlight {
  const find = (type: string) => target.selectors.find((s) => s.type === type);
  const quote = find('TextQuoteSelector');
  const position = find('TextPositionSelector');
  const bodies = (Array.isArray(annotation.body) ? annotation.body : [annotation.body]).filter(isObject);
  const notes: string[] = [];
  const labels: string[] = [];
  let color: ImportedHighlight['color'] = null;
  if (str(annotation.bodyValue)) notes.push(rawStr(annotation.bodyValue).trim());
  for (const body of bodies) {
    const value = rawStr(body.value).trim();
    if (!value) continue;
    if (body.purpose === 'tagging') {
      const asColor = highlightColor(value);
      if (asColor && !color) color = asColor;
      else labels.push(value);
    } else notes.push(value);
  }
  const highlight: ImportedHighlight = {
    exact: quote ? rawStr(quote.exact) : '',
    note: notes.join('\n\n'),
    color,
    createdAt: toIsoDate(annotation.created),
    labels: [...new Set(labels)],
    source: { item },
  };
  addSelectorContext(highlight, quote, position);
  return highlight;
}
