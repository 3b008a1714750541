/**
 * The neutral shape every import reader produces, whatever the export it read. It says only what
 * the file says: tag identity, URL normalisation, duplicates and anchoring are applied when the
 * entries are merged into a library, not here.
 */
import type { HighlightColor } from '../model';

export const IMPORT_FORMATS = [
  'pocket-csv',
  'pocket-zip',
  'pocket-html',
  'omnivore-zip',
  'wallabag-json',
  'instapaper-csv',
  'readwise-highlights-csv',
  'readwise-reader-csv',
  'raindrop-csv',
  'netscape-html',
  'hypothesis-json',
  'web-annotation-json',
  'karakeep-json',
  'kindle-clippings',
  'url-list',
  'offprint-json',
] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];
/** The formats read into entries; an Offprint JSON backup is restored as it is instead (organizing/restore-backup.ts). */
export type EntryImportFormat = Exclude<ImportFormat, 'offprint-json'>;

/** Names a user recognises, for the import summary. */
export const IMPORT_FORMAT_LABELS: Record<ImportFormat, string> = {
  'pocket-csv': 'Pocket CSV',
  'pocket-zip': 'Pocket export',
  'pocket-html': 'Pocket (ril_export.html)',
  'omnivore-zip': 'Omnivore export',
  'wallabag-json': 'Wallabag JSON',
  'instapaper-csv': 'Instapaper CSV',
  'readwise-highlights-csv': 'Readwise highlights CSV',
  'readwise-reader-csv': 'Readwise Reader CSV',
  'raindrop-csv': 'Raindrop CSV',
  'netscape-html': 'Bookmarks HTML',
  'hypothesis-json': 'Hypothesis JSON',
  'web-annotation-json': 'Web Annotations (JSON-LD)',
  'karakeep-json': 'Karakeep JSON',
  'kindle-clippings': 'Kindle My Clippings',
  'url-list': 'List of links',
  'offprint-json': 'Offprint JSON backup',
};

/** Where in the export something came from: a file inside a zip or folder, a line, or an item. */
export interface ImportLocation {
  /** Path inside a zip or folder ('/'-separated); absent for a single file. */
  file?: string;
  /** 1-based line where the row or clipping starts. */
  line?: number;
  /** An item that has no line: "entry 12", an id, a slug. */
  item?: string;
}

export interface ImportedHighlight {
  /** The highlighted text; '' for a note on the whole document (a page note, a lone Kindle note). */
  exact: string;
  prefix?: string;
  suffix?: string;
  /** Offsets in the article's text (TextPositionSelector), when the export gives them. */
  position?: { start: number; end: number };
  /** Where a reader shows it, for documents without text to anchor on: "page 12 · location 100-105". */
  locator?: string;
  note: string;
  /** Null when the export has no colour or one Offprint does not have. */
  color: HighlightColor | null;
  /** ISO 8601, or null when the export has no readable date. */
  createdAt: string | null;
  /** The highlight's own tags (Omnivore #labels, Hypothesis tags, Readwise tags), raw. */
  labels: string[];
  source: ImportLocation;
}

export interface ImportedEntry {
  /**
   * The URL as the export gives it (not normalised); null for a document without one: a Kindle book,
   * a Readwise highlights book, or an entry whose URL is unusable but that holds highlights.
   */
  url: string | null;
  title: string | null;
  author: string | null;
  /** ISO 8601. */
  savedAt: string | null;
  publishedAt: string | null;
  archived: boolean;
  favourite: boolean;
  /** Raw tag strings, as the export spells them; identity is applied at merge time. */
  tags: string[];
  /** 0 to 1; null when the export does not say. */
  readingProgress: number | null;
  /** The article's HTML when the export stores it (Omnivore content/{slug}.html, Wallabag content). */
  contentHtml: string | null;
  /** The export holds the document as a PDF, which cannot be read yet. */
  pdf: boolean;
  /** A note on the whole entry (Karakeep and Raindrop notes, an Omnivore article note). */
  note: string | null;
  excerpt: string | null;
  highlights: ImportedHighlight[];
  source: ImportLocation;
}

export interface ImportProblem extends ImportLocation {
  reason: string;
}

export interface ImportResult {
  format: EntryImportFormat;
  entries: ImportedEntry[];
  /** Rows and items not imported, with why: unreadable, no usable URL, or replaced by a newer version. */
  skipped: ImportProblem[];
  /** Things imported with a caveat: a PDF kept unread, a date that could not be read. */
  warnings: ImportProblem[];
}

export function emptyEntry(source: ImportLocation, url: string | null): ImportedEntry {
  return {
    url,
    title: null,
    author: null,
    savedAt: null,
    publishedAt: null,
    archived: false,
    favourite: false,
    tags: [],
    readingProgress: null,
    contentHtml: null,
    pdf: false,
    note: null,
    excerpt: null,
    highlights: [],
    source,
  };
}

export function countHighlights(result: ImportResult): number {
  return result.entries.reduce((sum, e) => sum + e.highlights.length, 0);
}
