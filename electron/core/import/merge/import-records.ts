/**
 * What undoing an import needs beyond the marks on what it created: the tags it added to
 * articles that were already there. Kept in library.json's settings under "imports", for the
 * most recent imports only (an undo is offered right after an import, not weeks later).
 */
import type { ImportFormat } from '@shared/import/import-model';

export interface ImportRecord {
  id: string;
  at: string;
  format: ImportFormat;
  /** Article id → the tags this import added to it (articles that existed before the import). */
  addedTags: Record<string, string[]>;
}

const KEPT_RECORDS = 10;

const isRecord = (value: unknown): value is ImportRecord =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as ImportRecord).id === 'string' &&
  typeof (value as ImportRecord).addedTags === 'object' &&
  (value as ImportRecord).addedTags !== null;

export function importRecords(settings: Record<string, unknown>): ImportRecord[] {
  return Array.isArray(settings.imports) ? settings.imports.filter(isRecord) : [];
}

/** The settings with `record` merged into the record of the same import (a later batch of it), newest last. */
export function withImportRecord(settings: Record<string, unknown>, record: ImportRecord): Record<string, unknown> {
  const records = importRecords(settings);
  const previous = records.find((r) => r.id === record.id);
  const merged: ImportRecord = previous
    ? { ...previous, addedTags: mergeTags(previous.addedTags, record.addedTags) }
    : record;
  const others = records.filter((r) => r.id !== record.id);
  return { ...settings, imports: [...others, merged].slice(-KEPT_RECORDS) };
}

export function withoutImportRecord(settings: Record<string, unknown>, id: string): Record<string, unknown> {
  return { ...settings, imports: importRecords(settings).filter((r) => r.id !== id) };
}

function mergeTags(a: Record<string, string[]>, b: Record<string, string[]>): Record<string, string[]> {
  const out: Record<string, string[]> = { ...a };
  for (const [id, tags] of Object.entries(b)) out[id] = [...new Set([...(out[id] ?? []), ...tags])];
  return out;
}
