import { navigate } from '../route';
import { useKeys } from '../ui/use-keys';

/** What the list's keyboard triage does; the list view supplies each action. */
export interface LibraryKeyActions {
  focusAdd(): void;
  focusSearch(): void;
  /** Moves the cursor a row down (1) or up (-1). */
  move(step: 1 | -1): void;
  moveTo(where: 'first' | 'last'): void;
  open(): void;
  archive(): void;
  favourite(): void;
  tag(): void;
  /** `#`: deletes, or in the Trash restores. */
  deleteOrRestore(): void;
  delete(): void;
  toggleSelected(): void;
  selectAll(): void;
  undo(): void;
  clearSelection(): void;
}

export function useLibraryKeys(a: LibraryKeyActions): void {
  useKeys({
    'mod+l': a.focusAdd,
    '/': a.focusSearch,
    j: () => a.move(1),
    ArrowDown: () => a.move(1),
    k: () => a.move(-1),
    ArrowUp: () => a.move(-1),
    Home: () => a.moveTo('first'),
    End: () => a.moveTo('last'),
    o: a.open,
    Enter: () => {
      const active = document.activeElement;
      if (active instanceof HTMLButtonElement) active.click();
      else a.open();
    },
    e: a.archive,
    f: a.favourite,
    t: a.tag,
    '#': a.deleteOrRestore,
    Delete: a.delete,
    x: a.toggleSelected,
    'mod+a': a.selectAll,
    'mod+z': a.undo,
    Escape: a.clearSelection,
    'g i': () => navigate({ name: 'library', view: 'inbox' }),
    'g a': () => navigate({ name: 'library', view: 'archive' }),
    'g f': () => navigate({ name: 'library', view: 'favourites' }),
    'g c': () => navigate({ name: 'library', view: 'clipped' }),
    'g t': () => navigate({ name: 'library', view: 'trash' }),
  });
}
