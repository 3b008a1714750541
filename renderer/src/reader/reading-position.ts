/**
 * Where the reader is in an article, as a paragraph rather than a fraction: the first block
 * at the top of the view, by its index and the start of its text, and how far into it the
 * view is. Restoring finds that paragraph again (by index, or by its text if blocks moved),
 * so a different window size or font still opens at the same paragraph.
 */
const BLOCKS = 'p, li, h1, h2, h3, h4, h5, h6, blockquote, pre, figure, table, dt, dd';
const SNIPPET = 48;
const KEY_PREFIX = 'offprint.position.';

export interface ReadingPosition {
  block: number;
  snippet: string;
  /** How much of the block is above the top of the view, 0 to 1. */
  within: number;
  /** The progress fraction when it was saved, the fallback if the paragraph is gone. */
  progress: number;
}

const snippetOf = (el: Element): string => (el.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, SNIPPET);

export function blocksOf(body: HTMLElement): HTMLElement[] {
  return [...body.querySelectorAll<HTMLElement>(BLOCKS)];
}

/** The block at `top` (a viewport y), by binary search: blocks follow each other down the page. */
function blockAt(blocks: HTMLElement[], top: number): number {
  let low = 0;
  let high = blocks.length - 1;
  let found = -1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (blocks[mid].getBoundingClientRect().bottom > top) {
      found = mid;
      high = mid - 1;
    } else {
      low = mid + 1;
    }
  }
  return found;
}

export function capturePosition(body: HTMLElement, viewTop: number, progress: number): ReadingPosition | null {
  const blocks = blocksOf(body);
  const index = blockAt(blocks, viewTop);
  if (index < 0) return null;
  const rect = blocks[index].getBoundingClientRect();
  const within = rect.height > 0 ? Math.min(1, Math.max(0, (viewTop - rect.top) / rect.height)) : 0;
  return { block: index, snippet: snippetOf(blocks[index]), within, progress };
}

/** The element to return to, or null when the article changed too much to find it. */
export function findPositionBlock(body: HTMLElement, position: ReadingPosition): HTMLElement | null {
  const blocks = blocksOf(body);
  const byIndex = blocks[position.block];
  if (byIndex && snippetOf(byIndex) === position.snippet) return byIndex;
  if (!position.snippet) return null;
  return blocks.find((b) => snippetOf(b) === position.snippet) ?? null;
}

export function savePosition(articleId: string, position: ReadingPosition): void {
  try {
    localStorage.setItem(KEY_PREFIX + articleId, JSON.stringify(position));
  } catch {
    // Storage full or unavailable: the fraction saved in the library still restores roughly.
  }
}

export function loadPosition(articleId: string): ReadingPosition | null {
  try {
    const value = JSON.parse(localStorage.getItem(KEY_PREFIX + articleId) ?? 'null') as ReadingPosition | null;
    if (!value || typeof value.block !== 'number' || typeof value.snippet !== 'string') return null;
    return {
      block: value.block,
      snippet: value.snippet,
      within: Number(value.within) || 0,
      progress: Number(value.progress) || 0,
    };
  } catch {
    return null;
  }
}
