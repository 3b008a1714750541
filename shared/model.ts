/** Domain types shared by the core, the Electron glue and the renderer. */

export const HIGHLIGHT_COLORS = ['yellow', 'green', 'blue', 'pink', 'purple'] as const;
export type HighlightColor = (typeof HIGHLIGHT_COLORS)[number];

export const LIBRARY_VIEWS = ['inbox', 'archive', 'favourites', 'all'] as const;
export type LibraryView = (typeof LIBRARY_VIEWS)[number];

export type TextDirection = 'ltr' | 'rtl';

/** How the stored body was produced: Readability's article, or a cleaned whole page when Readability found none. */
export type ExtractionKind = 'readability' | 'fallback';

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
  /** ISO 8601, or null when the page does not say. */
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
}

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
  createdAt: string;
  updatedAt: string;
}

export interface NewHighlight {
  articleId: string;
  quote: TextQuoteSelector;
  position: TextPositionSelector;
  color: HighlightColor;
  note: string;
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
}

export interface ListQuery {
  view: LibraryView;
  /** Only articles carrying this tag (case-insensitive). */
  tag?: string;
}

export interface SearchHit {
  article: ArticleMeta;
  /** Plain text around the first match. */
  snippet: string;
}

export interface TagCount {
  name: string;
  count: number;
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
