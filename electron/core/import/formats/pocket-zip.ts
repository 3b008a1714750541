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
  const byUrl = new ItemsByUrl(result.entries);
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

/** Items by URL: as written first (both files normally spell it alike), normalised when that misses. */
class ItemsByUrl {
  private readonly exact = new Map<string, ImportedEntry>();
  private normalised: Map<string, ImportedEntry> | null = null;

  constructor(entries: readonly ImportedEntry[]) {
    for (const entry of entries) if (entry.url && !this.exact.has(entry.url)) this.exact.set(entry.url, entry);
  }

  get(url: string): ImportedEntry | undefined {
    return this.exact.get(url) ?? this.byKey().get(urlKey(url));
  }

  add(url: string, entry: ImportedEntry): void {
    this.exact.set(url, entry);
    this.normalised?.set(urlKey(url), entry);
  }

  private byKey(): Map<string, ImportedEntry> {
    if (!this.normalised) {
      this.normalised = new Map();
      for (const [url, entry] of this.exact) {
        const key = urlKey(url);
        if (!this.normalised.has(key)) this.normalised.set(key, entry);
      }
    }
    return this.normalised;
  }
}

function attachAnnotations(result: ImportResult, byUrl: ItemsByUrl, raw: unknown, file: string, index: number): void {
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
  let entry = url ? byUrl.get(url) : undefined;
  if (!entry) {
    entry = emptyEntry(where, url);
    entry.title = title;
    result.entries.push(entry);
    if (url) byUrl.add(url, entry);
    result.warnings.push({
      ...where,
      reason: url
        ? 'highlights for a page that is not among the items: kept as an entry of its own'
        : 'highlights without a usable URL: kept in a document without a URL',
    });
  }
  entry.highlights.push(...highlights);
}
