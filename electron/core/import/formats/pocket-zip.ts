/**
 * Pocket's export zip: items in part_000000.csv (more parts for big libraries) and highlights in
 * annotations/part_000000.json as `[{url, title, highlights: [{quote, created_at}]}]`, paired with
 * items by URL. Highlights whose URL is not among the items become an entry of their own.
 */
import { emptyEntry, type ImportedEntry, type ImportResult } from '@shared/import/import-model';
import type { ImportSource } from '../import-source';
import { toIsoDate } from '../parse/dates';
import { urlKey, webUrl } from '../parse/web-url';
import { readPocketCsv } from './pocket-csv';

export const POCKET_PART_CSV = /^part_\d+\.csv$/;
export const POCKET_ANNOTATIONS = /^annotations\/part_\d+\.json$/;

export async function readPocketZip(source: ImportSource): Promise<ImportResult> {
  const result: ImportResult = { format: 'pocket-zip', entries: [], skipped: [], warnings: [] };
  for (const path of source.paths.filter((p) => POCKET_PART_CSV.test(p))) {
    const part = readPocketCsv(await source.readText(path), path);
    result.entries.push(...part.entries);
    result.skipped.push(...part.skipped);
  }
  const byUrl = new Map<string, ImportedEntry>();
  for (const entry of result.entries) if (entry.url) byUrl.set(urlKey(entry.url), entry);
  for (const path of source.paths.filter((p) => POCKET_ANNOTATIONS.test(p))) {
    let items: unknown;
    try {
      items = JSON.parse(await source.readText(path));
    } catch (error) {
      result.skipped.push({ file: path, reason: `not readable JSON: ${(error as Error).message}` });
      continue;
    }
    if (!Array.isArray(items)) {
      result.skipped.push({ file: path, reason: 'expected a list of annotated items' });
      continue;
    }
    items.forEach((item: unknown, index) => attachAnnotations(result, byUrl, item, path, index));
  }
  return result;
}

interface PocketAnnotatedItem {
  url?: unknown;
  title?: unknown;
  highlights?: unknown;
}

function attachAnnotations(
  result: ImportResult,
  byUrl: Map<string, ImportedEntry>,
  raw: unknown,
  file: string,
  index: number,
): void {
  const item = (raw ?? {}) as PocketAnnotatedItem;
  const where = { file, item: `item ${index + 1}` };
  const quotes = Array.isArray(item.highlights) ? (item.highlights as { quote?: unknown; created_at?: unknown }[]) : [];
  const highlights = quotes
    .filter((h) => typeof h?.quote === 'string' && h.quote.trim())
    .map((h) => ({
      exact: String(h.quote),
      note: '',
      color: null,
      createdAt: toIsoDate(h.created_at),
      labels: [],
      source: where,
    }));
  if (highlights.length < quotes.length) {
    result.skipped.push({ ...where, reason: `${quotes.length - highlights.length} highlight(s) without a quote` });
  }
  if (highlights.length === 0) return;
  const url = webUrl(item.url);
  const title = typeof item.title === 'string' && item.title.trim() ? item.title.trim() : null;
  let entry = url ? byUrl.get(urlKey(url)) : undefined;
  if (!entry) {
    entry = emptyEntry(where, url);
    entry.title = title;
    result.entries.push(entry);
    if (url) byUrl.set(urlKey(url), entry);
    result.warnings.push({
      ...where,
      reason: url
        ? 'highlights for a page that is not among the items: kept as an entry of its own'
        : 'highlights without a usable URL: kept in a document without a URL',
    });
  }
  entry.highlights.push(...highlights);
}
