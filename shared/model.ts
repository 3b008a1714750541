/** Domain types shared by the core, the Electron glue and the renderer. */
import type { ReaderSettings } from './settings/reader-settings';

import type { HighlightColor } from './reading/highlight-colors';

export { HIGHLIGHT_COLORS, type HighlightColor } from './reading/highlight-colors';

/**
 * inbox: not archived; archive; favourites; all; clipped: has highlights — none of them shows
 * what is in the Trash; trash: deleted, waiting to be emptied (after TRASH_RETENTION_DAYS, library/trash.ts, or on demand).
 */
export const LIBRARY_VIEWS = ['inbox', 'archive', 'favourites', 'all', 'clipped', 'trash'] as const;
export type LibraryView = (typeof LIBRARY_VIEWS)[number];

export type TextDirection = 'ltr' | 'rtl';

/**
 * How the stored body was produced: Readability's article; the page's main region, read with the
 * profile of its kind (a thread's posts, a product, a listing's cards) where Readability's one block
 * would miss most of it; or a cleaned whole page when neither found an article.
 */
export const EXTRACTION_KINDS = ['readability', 'region', 'fallback'] as const;
export type ExtractionKind = (typeof EXTRACTION_KINDS)[number];

/** One saved article as listed in the library index (never its body). */
export interface ArticleMeta {
  id: string;
  /** Normalised URL, used to recognise a page that is already saved. */
  url: string;
  /** The URL the user gave, before redirects and normalisation. */
  originalUrl: string;
  title: string;
  byline: string | null;
  siteName: string | null;
  excerpt: string | null;
  lang: string | null;
  dir: TextDirection | null;
  /** ISO 8601 at the offset the page stated it (so its day is the page's), or null when the page does not say. */
  publishedTime: string | null;
  wordCount: number;
  readingMinutes: number;
  /** offprint-asset: URL of the lead image, when one was stored. */
  leadImage: string | null;
  extraction: ExtractionKind;
  savedAt: string;
  updatedAt: string;
  archived: boolean;
  favourite: boolean;
  /** Display case as the user typed them; matching is case-insensitive. */
  tags: string[];
  /** Reading progress, 0 to 1. */
  progress: number;
  highlightCount: number;
  /** When it was moved to the Trash (ISO 8601); absent or null while it is not in the Trash. */
  deletedAt?: string | null;
  /** When it was marked read (by reading to the end, or by hand); absent or null while unread. */
  readAt?: string | null;
  /** True when its stored body (content.html) is gone; the list marks it ("update from the web"). */
  contentMissing?: boolean;
  /**
   * Recorded by an import without its content: it waits for a capture (its highlights are pending
   * until then). Absent once captured. An imported document without a URL (a Kindle book) never has one.
   */
  awaitingCapture?: boolean;
  /** The import that created it (undoImport removes it); absent for articles saved otherwise. */
  importId?: string;
}

/** What a page says about itself, as capture finds it and an article keeps it. */
export type ArticleDescription = Pick<
  ArticleMeta,
  | 'title'
  | 'byline'
  | 'siteName'
  | 'excerpt'
  | 'lang'
  | 'dir'
  | 'publishedTime'
  | 'wordCount'
  | 'readingMinutes'
  | 'extraction'
>;

/** W3C Web Annotation TextQuoteSelector. */
export interface TextQuoteSelector {
  type: 'TextQuoteSelector';
  exact: string;
  prefix: string;
  suffix: string;
}

/** W3C Web Annotation TextPositionSelector, in UTF-16 code units over the article's text. */
export interface TextPositionSelector {
  type: 'TextPositionSelector';
  start: number;
  end: number;
}

export interface Highlight {
  id: string;
  articleId: string;
  quote: TextQuoteSelector;
  position: TextPositionSelector;
  color: HighlightColor;
  note: string;
  /**
   * The passage as the reader saw it, with a line break between blocks (paragraphs, list items,
   * table cells), for display and export. `quote.exact` is the raw text that anchoring needs.
   */
  text?: string;
  /** The highlight's own labels, as an import brought them (Omnivore #labels, Hypothesis tags). */
  labels?: string[];
  /** The import that added it (undoImport removes it); absent for highlights made in the reader. */
  importId?: string;
  createdAt: string;
  updatedAt: string;
}

export interface NewHighlight {
  articleId: string;
  quote: TextQuoteSelector;
  position: TextPositionSelector;
  color: HighlightColor;
  note: string;
  text?: string;
}

export interface HighlightPatch {
  color?: HighlightColor;
  note?: string;
}

/** An article with its stored (sanitized) body, ready for the reader. */
export interface ArticleWithContent extends ArticleMeta {
  /** Sanitized HTML; images point at offprint-asset: URLs. */
  content: string;
  highlights: Highlight[];
  /**
   * True when the stored body (content.html) is gone or unreadable: `content` is then '' and
   * the reader shows "content missing, update from the web" for this article only.
   */
  contentMissing?: boolean;
}

export const SORT_FIELDS = ['saved', 'published', 'title', 'site', 'length', 'progress'] as const;
export type SortField = (typeof SORT_FIELDS)[number];
export type SortDirection = 'asc' | 'desc';

export interface ListSort {
  field: SortField;
  direction: SortDirection;
}

export const READ_STATES = ['unread', 'read'] as const;
export type ReadState = (typeof READ_STATES)[number];

/** Filters that narrow a view; every one given must hold. */
export interface ListFilters {
  /** Only articles carrying this tag (case-insensitive). */
  tag?: string;
  /** Only articles from this site: its siteName or its URL's host (case-insensitive; "example.com" also matches "www.example.com"). */
  site?: string;
  readState?: ReadState;
  /** Language code as stored, e.g. "de"; "de" also matches "de-AT". */
  lang?: string;
}

export interface ListQuery extends ListFilters {
  view: LibraryView;
  /** Default: saved, newest first. Articles equal under the sort keep a fixed order. */
  sort?: ListSort;
  /** For paging through a long list (a virtualized list asks for one window at a time). */
  offset?: number;
  limit?: number;
}

/** One window of a view: `total` is the length of the whole (filtered) list. */
export interface ListPage {
  total: number;
  offset: number;
  items: ArticleMeta[];
}

/** A change applied to many articles at once (selection in the list). */
export type BulkAction =
  | { type: 'archive'; value: boolean }
  | { type: 'favourite'; value: boolean }
  | { type: 'read'; value: boolean }
  | { type: 'add-tag'; tag: string }
  | { type: 'remove-tag'; tag: string }
  /** Moves to the Trash. */
  | { type: 'delete' }
  /** Brings back from the Trash. */
  | { type: 'restore' };

export interface BulkResult {
  /** How many of the given articles actually changed. */
  changed: number;
}

/** What a view remembers: its sort and filters. */
export interface ViewSettings {
  sort?: ListSort;
  filters?: ListFilters;
}

/** Persisted per library (in library.json). `views` is keyed by view name, or "tag:<name>" for a tag's view. */
export interface LibrarySettings {
  views: Record<string, ViewSettings>;
  /** How the reader lays out text; absent until the user changes something. */
  reader?: ReaderSettings;
}

export interface SettingsPatch {
  /** Replaces the settings of each view named; `null` forgets a view's settings. */
  views?: Record<string, ViewSettings | null>;
  /** Replaces the reader settings (values out of range fall back to the defaults). */
  reader?: ReaderSettings;
}

export interface SearchOptions {
  /** Default 0 and 50. */
  offset?: number;
  limit?: number;
}

/** One page of search results, best first. */
export interface SearchPage {
  /** How many articles match (for queries with "phrases", an upper bound when `exact` is false). */
  total: number;
  exact: boolean;
  hits: SearchHit[];
  /** The folded words that matched, for highlighting them in the snippet. */
  terms: string[];
}

export interface SearchHit {
  article: ArticleMeta;
  /** Plain text around the first match. */
  snippet: string;
  /** Relevance, higher is better (comparable only within one search). */
  score?: number;
  /** Where the matched words are in `snippet`, as [start, end) UTF-16 offsets. */
  matches?: Array<[number, number]>;
}

export interface TagCount {
  name: string;
  count: number;
}

export interface TagChangeResult {
  /** Articles whose tags changed. */
  changed: number;
  tags: TagCount[];
}

export interface SaveResult {
  article: ArticleMeta;
  /** True when the URL was already in the library; nothing was fetched or changed. */
  existed: boolean;
}

export type CaptureStage = 'fetching' | 'extracting' | 'images' | 'saving' | 'done' | 'failed';

export interface CaptureProgress {
  url: string;
  stage: CaptureStage;
  /** For 'images': how many are done out of how many. */
  done?: number;
  total?: number;
  /** For 'failed': the user-facing reason. */
  message?: string;
}
