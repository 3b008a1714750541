/**
 * What the library keeps in memory of an article's highlights: their ids and a summary, not the
 * highlights themselves (at 100,000 articles they would be the largest thing in memory). The whole
 * highlights are read when needed from the article's meta.json, which the summary's key checks.
 */
import type { Highlight } from '@shared/model';

export interface HighlightSummary {
  ids: string[];
  /** Whether any has a note (the search filter has:notes). */
  notes: boolean;
  /**
   * Each one's `\u0001<id>:<updatedAt>`, in text order: what the search index stamps an article's
   * highlights with, and what tells whether a stored copy (meta.json) holds them as they are.
   */
  key: string;
  /** The imports that added any of them (undoImport), or null. */
  imports: string[] | null;
}

/** In text order; highlights starting at the same place keep the order they were added in. */
export function inTextOrder<T extends Pick<Highlight, 'position'>>(highlights: readonly T[]): T[] {
  return [...highlights].sort((a, b) => a.position.start - b.position.start);
}

export function keyOf(highlights: readonly Highlight[]): string {
  let key = '';
  for (const h of inTextOrder(highlights)) key += `\u0001${h.id}:${h.updatedAt}`;
  return key;
}

export function summarize(highlights: readonly Highlight[]): HighlightSummary {
  const imports = [...new Set(highlights.flatMap((h) => (h.importId ? [h.importId] : [])))];
  return {
    ids: highlights.map((h) => h.id),
    notes: highlights.some((h) => typeof h.note === 'string' && h.note.trim() !== ''),
    key: keyOf(highlights),
    imports: imports.length > 0 ? imports : null,
  };
}

/**
 * Builds the summaries of a snapshot's highlights as they are read one by one, keeping whole only
 * those of the articles asked for (the ones the journal is about to change).
 */
export class HighlightTableBuilder {
  readonly #byArticle = new Map<string, Pick<Highlight, 'id' | 'updatedAt' | 'position' | 'note' | 'importId'>[]>();
  readonly kept = new Map<string, Highlight[]>();

  constructor(private readonly keep: ReadonlySet<string>) {}

  add(highlight: Highlight): void {
    const { id, articleId, updatedAt, position, note, importId } = highlight;
    let list = this.#byArticle.get(articleId);
    if (!list) this.#byArticle.set(articleId, (list = []));
    // Only what the summary needs: the quote, context and note stay on disk.
    list.push({
      id,
      updatedAt,
      position: { type: 'TextPositionSelector', start: position.start, end: 0 },
      note: note ? 'x' : '',
      ...(importId ? { importId } : {}),
    });
    if (this.keep.has(articleId)) {
      let whole = this.kept.get(articleId);
      if (!whole) this.kept.set(articleId, (whole = []));
      whole.push(highlight);
    }
  }

  /** Summaries by article id. */
  summaries(): Map<string, HighlightSummary> {
    const summaries = new Map<string, HighlightSummary>();
    for (const [articleId, list] of this.#byArticle) summaries.set(articleId, summarize(list as Highlight[]));
    this.#byArticle.clear();
    return summaries;
  }
}
