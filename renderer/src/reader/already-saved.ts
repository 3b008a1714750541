/**
 * "Already in your library": saving a page that is already saved opens it, and the reader then
 * offers to update it from the web. The saving side marks the article; the reader reads the mark.
 */
let marked: { id: string; at: number } | null = null;
const FRESH_MS = 10_000;

export function markAlreadySaved(id: string): void {
  marked = { id, at: Date.now() };
}

/** Whether `id` was just opened because it was saved again (read in render; cleared by clearAlreadySaved). */
export function wasAlreadySaved(id: string): boolean {
  return marked !== null && marked.id === id && Date.now() - marked.at < FRESH_MS;
}

export function clearAlreadySaved(): void {
  marked = null;
}
