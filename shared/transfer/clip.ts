/** A highlight together with the article it belongs to: one entry of the Clips view and of an export. */
import type { ArticleMeta, Highlight, HighlightColor } from '../model';

export interface Clip {
  highlight: Highlight;
  article: ArticleMeta;
  /** True when its passage can no longer be found in the article's text; it is kept, never dropped. */
  orphaned?: boolean;
  /** True while its article waits for its first capture (an import's placeholder): it anchors then. */
  pending?: boolean;
}

/** Narrows the Clips view; every filter given must hold. */
export interface ClipQuery {
  color?: HighlightColor;
  /** Only clips of articles carrying this tag (case-insensitive). */
  tag?: string;
  articleId?: string;
  /** Words that must all occur in the quote, the note or the article's title (case- and accent-insensitive). */
  text?: string;
}

export type ExportFormat = 'markdown' | 'json';

export interface ExportScope {
  /** One article's highlights; every article with highlights when absent. */
  articleId?: string;
  format: ExportFormat;
}

export interface ExportResult {
  /** False when the user closed the folder dialog without choosing. */
  written: boolean;
  /** File names written into the chosen folder. */
  files: string[];
}

/** Groups clips by article, articles newest-saved first, each article's highlights in reading order. */
export function groupByArticle(clips: readonly Clip[]): { article: ArticleMeta; highlights: Highlight[] }[] {
  const groups = new Map<string, { article: ArticleMeta; highlights: Highlight[] }>();
  for (const { article, highlight } of clips) {
    const group = groups.get(article.id) ?? { article, highlights: [] };
    group.highlights.push(highlight);
    groups.set(article.id, group);
  }
  return [...groups.values()]
    .map((g) => ({ ...g, highlights: [...g.highlights].sort(inReadingOrder) }))
    .sort((a, b) => b.article.savedAt.localeCompare(a.article.savedAt) || a.article.id.localeCompare(b.article.id));
}

export function inReadingOrder(a: Highlight, b: Highlight): number {
  return (
    a.position.start - b.position.start || a.position.end - b.position.end || a.createdAt.localeCompare(b.createdAt)
  );
}
