/**
 * A change the library view did not make itself (an import, or its undo): views that show the
 * library listen and load again.
 */
const EVENT = 'offprint:library-changed';

export function announceLibraryChanged(): void {
  window.dispatchEvent(new Event(EVENT));
}

export function onLibraryChanged(listener: () => void): () => void {
  window.addEventListener(EVENT, listener);
  return () => window.removeEventListener(EVENT, listener);
}
