/**
 * Which export a file, zip or folder is, from what it holds and never from its name: the
 * layout of a zip or folder (Omnivore's metadata batches, Pocket's parts), a CSV's header, a
 * JSON document's shape (Offprint's own backup by its "format" key), an HTML file's markup,
 * Kindle's separators, or links in text.
 */
import type { ImportFormat } from '@shared/import/import-model';
import { isOffprintJson } from '../export/formats/offprint-json-read';
import type { ImportSource } from './import-source';
import { readCsv } from './parse/csv-records';
import { isObject } from './parse/json-values';
import { isKarakeepExport } from './formats/karakeep-json';
import { hypothesisAnnotations } from './formats/hypothesis-json';
import { webAnnotations } from './formats/web-annotation-json';
import { OMNIVORE_METADATA } from './formats/omnivore-zip';
import { POCKET_PART_CSV } from './formats/pocket-zip';

export interface DetectedFormat {
  format: ImportFormat;
  /** The files to read: the one file of a single-file format, or the metadata batches of Omnivore. */
  paths: string[];
  /** The one file's text, already read to detect it. */
  text?: string;
}

export async function detectFormat(source: ImportSource): Promise<DetectedFormat | null> {
  const omnivore = source.paths.filter((p) => OMNIVORE_METADATA.test(p));
  if (omnivore.length && detectText(await source.readText(omnivore[0])) === 'omnivore-zip') {
    return { format: 'omnivore-zip', paths: omnivore };
  }
  const parts = source.paths.filter((p) => POCKET_PART_CSV.test(p));
  if (parts.length && detectText(await source.readText(parts[0])) === 'pocket-csv') {
    return { format: 'pocket-zip', paths: parts };
  }
  // Any other zip or folder is one export file among others (a README, images): the first file
  // that reads as a format, looking at the top level first.
  const candidates = [...source.paths].sort((a, b) => a.split('/').length - b.split('/').length).slice(0, 50);
  for (const path of candidates) {
    const text = await source.readText(path);
    const format = detectText(text);
    if (format) return { format, paths: [path], text };
  }
  return null;
}

const CSV_FORMATS: { format: ImportFormat; columns: string[] }[] = [
  { format: 'pocket-csv', columns: ['title', 'url', 'time_added', 'tags', 'status'] },
  { format: 'instapaper-csv', columns: ['url', 'title', 'selection', 'folder'] },
  { format: 'readwise-highlights-csv', columns: ['highlight', 'book title', 'book author'] },
  { format: 'readwise-reader-csv', columns: ['title', 'url', 'document tags', 'location'] },
  // Raindrop's own export has more columns; its import docs allow as few as these.
  { format: 'raindrop-csv', columns: ['url', 'folder', 'tags', 'created'] },
];

/** The format of one file's text, or null. Omnivore means a lone metadata batch. */
export function detectText(text: string): ImportFormat | null {
  const head = text.replace(/^\ufeff/, '').trimStart();
  if (isOffprintJson(head)) return 'offprint-json';
  if (head.startsWith('{') || head.startsWith('[')) return detectJson(head);
  if (/^<!DOCTYPE NETSCAPE-Bookmark-file/i.test(head)) return 'netscape-html';
  if (/^<(!doctype|html|head|meta|title|body|h1|dl|ul)\b/i.test(head)) {
    if (/<a\s[^>]*\btime_added\s*=/i.test(head)) return 'pocket-html';
    if (/<dt[\s>]/i.test(head) && /<a\s[^>]*\bhref\s*=/i.test(head)) return 'netscape-html';
  }
  if (/^\s*={10}\s*$/m.test(head) && /^\s*-\s.*\|/m.test(head)) return 'kindle-clippings';
  const csv = detectCsv(head);
  if (csv) return csv;
  if (/https?:\/\/\S/i.test(head)) return 'url-list';
  return null;
}

function detectCsv(text: string): ImportFormat | null {
  const firstLine = text.slice(0, text.indexOf('\n') >= 0 ? text.indexOf('\n') : text.length);
  if (!firstLine.includes(',')) return null;
  const header = new Set(readCsv(firstLine).header.map((h) => h.toLowerCase()));
  return CSV_FORMATS.find(({ columns }) => columns.every((c) => header.has(c)))?.format ?? null;
}

function detectJson(text: string): ImportFormat | null {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  if (webAnnotations(value)) return 'web-annotation-json';
  if (isKarakeepExport(value)) return 'karakeep-json';
  if (Array.isArray(value)) {
    const first = value.find(isObject);
    if (!first) return null;
    if ('is_archived' in first || 'given_url' in first || 'is_starred' in first) return 'wallabag-json';
    if ('slug' in first && ('savedAt' in first || 'state' in first)) return 'omnivore-zip';
  }
  const annotations = hypothesisAnnotations(value);
  if (annotations?.some((a) => isObject(a) && ('uri' in a || 'target' in a))) return 'hypothesis-json';
  return null;
}
