/**
 * The rows picked for a bulk action. After "select all", `ids` lists the rows taken out of it,
 * so selecting 20,000 rows never needs their ids until an action runs.
 */
export interface Selection {
  all: boolean;
  ids: ReadonlySet<string>;
  /** Where the last plain or toggling click was, for shift-click ranges. */
  anchor: number | null;
}

export const NO_SELECTION: Selection = { all: false, ids: new Set(), anchor: null };

export const isSelected = (s: Selection, id: string): boolean => (s.all ? !s.ids.has(id) : s.ids.has(id));

export const selectedCount = (s: Selection, total: number): number =>
  s.all ? Math.max(0, total - s.ids.size) : s.ids.size;

export function toggled(s: Selection, id: string, index: number): Selection {
  const ids = new Set(s.ids);
  if (ids.has(id)) ids.delete(id);
  else ids.add(id);
  return { all: s.all, ids, anchor: index };
}

/** Adds rows `from`..`to` (either order) to the selection. */
export function withRange(s: Selection, rangeIds: string[]): Selection {
  const ids = new Set(s.ids);
  for (const id of rangeIds) {
    if (s.all) ids.delete(id);
    else ids.add(id);
  }
  return { all: s.all, ids, anchor: s.anchor };
}

export const selectAll = (): Selection => ({ all: true, ids: new Set(), anchor: null });
