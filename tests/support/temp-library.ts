import { rm } from 'node:fs/promises';
import { afterEach, beforeEach } from 'vitest';
import { LibraryStore } from '../../electron/core/library/library-store';
import { tempLibraryDir } from '../unit/library/sample-article';

/** A real store in a fresh temp folder for each test of the calling file, closed and removed after it. */
export function useTempLibrary(): { readonly dir: string; readonly store: LibraryStore } {
  const library = {} as { dir: string; store: LibraryStore };
  beforeEach(async () => {
    library.dir = await tempLibraryDir();
    library.store = await LibraryStore.open(library.dir);
  });
  afterEach(async () => {
    await library.store.close();
    await rm(library.dir, { recursive: true, force: true });
  });
  return library;
}
