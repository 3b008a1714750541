/**
 * Omnivore's export zip: metadata_{from}_to_{to}.json batches (20 items each) with
 * `id, slug, title, description, author, url, state, readingProgress (0–100), labels, savedAt,
 * updatedAt, publishedAt`; content/{slug}.html is the stored article, content/{slug}.pdf a PDF
 * (kept, marked unreadable for now); highlights/{slug}.md the highlights.
 */
import { emptyEntry, type ImportResult } from '@shared/import/import-model';
import type { ImportSource } from '../import-source';
import { toIsoDate } from '../parse/dates';
import { unique } from '../parse/text-lists';
import { urlProblem, webUrl } from '../parse/web-url';
import { readOmnivoreHighlights } from './omnivore-highlights-md';

export const OMNIVORE_METADATA = /^metadata_\d+_to_\d+\.json$/;

interface OmnivoreItem {
  id?: unknown;
  slug?: unknown;
  title?: unknown;
  description?: unknown;
  author?: unknown;
  url?: unknown;
  state?: unknown;
  readingProgress?: unknown;
  labels?: unknown;
  savedAt?: unknown;
  publishedAt?: unknown;
}

/** `metadataPaths`: the batches, when detection found them under other names (a lone batch file). */
export async function readOmnivoreZip(source: ImportSource, metadataPaths?: readonly string[]): Promise<ImportResult> {
  const result: ImportResult = { format: 'omnivore-zip', entries: [], skipped: [], warnings: [] };
  const paths = new Set(source.paths);
  const readHighlightFiles = new Set<string>();
  const batches = [...(metadataPaths ?? source.paths.filter((p) => OMNIVORE_METADATA.test(p)))].sort(byFirstIndex);
  for (const file of batches) {
    let items: unknown;
    try {
      items = JSON.parse(await source.readText(file));
    } catch (error) {
      result.skipped.push({ file, reason: `not readable JSON: ${(error as Error).message}` });
      continue;
    }
    if (!Array.isArray(items)) {
      result.skipped.push({ file, reason: 'expected a list of items' });
      continue;
    }
    for (const [index, raw] of items.entries()) {
      const item = (raw ?? {}) as OmnivoreItem;
      const slug = text(item.slug);
      const where = { file, item: slug ?? text(item.id) ?? `item ${index + 1}` };
      const url = webUrl(item.url);
      const highlightsPath = slug ? `highlights/${slug}.md` : null;
      if (highlightsPath) readHighlightFiles.add(highlightsPath);
      const marked = highlightsPath && paths.has(highlightsPath) ? await source.readText(highlightsPath) : null;
      const found = marked !== null && highlightsPath ? readOmnivoreHighlights(marked, highlightsPath) : null;
      if (!url && !found?.highlights.length) {
        result.skipped.push({ ...where, reason: urlProblem(item.url) });
        continue;
      }
      const entry = emptyEntry(where, url);
      if (!url) {
        result.warnings.push({
          ...where,
          reason: `${urlProblem(item.url)}; its highlights are kept in a document without a URL`,
        });
      }
      entry.title = text(item.title);
      entry.excerpt = text(item.description);
      entry.author = text(item.author);
      entry.archived = text(item.state)?.toLowerCase() === 'archived';
      entry.readingProgress = progress(item.readingProgress);
      entry.tags = labels(item.labels);
      entry.savedAt = toIsoDate(item.savedAt);
      entry.publishedAt = toIsoDate(item.publishedAt);
      if (slug && paths.has(`content/${slug}.html`)) entry.contentHtml = await source.readText(`content/${slug}.html`);
      else if (slug && paths.has(`content/${slug}.pdf`)) {
        entry.pdf = true;
        result.warnings.push({
          ...where,
          reason: 'the article is a PDF, which Offprint cannot read yet; it is kept with its highlights',
        });
      }
      if (found) {
        entry.note = found.articleNote;
        entry.highlights = found.highlights;
      }
      result.entries.push(entry);
    }
  }
  await keepUnlistedHighlights(source, readHighlightFiles, result);
  return result;
}

/** Highlights whose item is in no metadata batch (or in one that cannot be read) are kept all the same. */
async function keepUnlistedHighlights(source: ImportSource, seen: ReadonlySet<string>, result: ImportResult) {
  for (const path of source.paths) {
    const slug = /^highlights\/(.+)\.md$/.exec(path)?.[1];
    if (!slug || seen.has(path)) continue;
    const found = readOmnivoreHighlights(await source.readText(path), path);
    if (found.highlights.length === 0 && !found.articleNote) continue;
    const entry = emptyEntry({ file: path }, null);
    entry.title = slug;
    entry.note = found.articleNote;
    entry.highlights = found.highlights;
    result.entries.push(entry);
    result.warnings.push({
      file: path,
      reason: 'highlights of an item missing from the metadata: kept in a document without a URL',
    });
  }
}

/** metadata_20_to_40.json after metadata_0_to_20.json, not before metadata_100_to_120.json. */
function byFirstIndex(a: string, b: string): number {
  return Number(/\d+/.exec(a)?.[0]) - Number(/\d+/.exec(b)?.[0]);
}

function text(value: unknown): string | null {
  return typeof value === 'string' && value.trim() ? value.trim() : null;
}

function progress(value: unknown): number | null {
  const n = typeof value === 'number' ? value : typeof value === 'string' ? Number(value) : NaN;
  return Number.isFinite(n) ? Math.min(1, Math.max(0, n / 100)) : null;
}

/** Labels are names, or `{name}` objects in some versions. */
function labels(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  return unique(
    value.map((l: unknown) =>
      (typeof l === 'string'
        ? l
        : typeof (l as { name?: unknown })?.name === 'string'
          ? (l as { name: string }).name
          : ''
      ).trim(),
    ),
  );
}
