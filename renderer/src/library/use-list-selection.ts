import { useEffect, useState } from 'react';
import type { ArticleMeta } from '@shared/model';
import { NO_SELECTION, selectedCount, toggled, withRange, type Selection } from './selection';
import { fetchAllRows, type FetchRows, type PagedList } from './use-paged-list';

/** The rows picked for a bulk action (x, Ctrl+A, Shift+click); a new list (another key) starts with none. */
export function useListSelection(list: PagedList, key: string | null, fetchRows: FetchRows) {
  const [selection, setSelection] = useState<Selection>(NO_SELECTION);
  useEffect(() => setSelection(NO_SELECTION), [key]);
  const count = selectedCount(selection, list.total);

  /** The selected articles, fetched when they are not all loaded. */
  const selected = async (): Promise<ArticleMeta[]> => {
    if (selection.all)
      return (await fetchAllRows(fetchRows)).map((r) => r.article).filter((a) => !selection.ids.has(a.id));
    const found = new Map<string, ArticleMeta>();
    const missing = new Set(selection.ids);
    for (let i = 0; i < list.total && missing.size; i++) {
      const row = list.rowAt(i);
      if (row && missing.delete(row.article.id)) found.set(row.article.id, row.article);
      if (!row) break;
    }
    if (missing.size)
      for (const r of await fetchAllRows(fetchRows)) if (missing.has(r.article.id)) found.set(r.article.id, r.article);
    return [...found.values()];
  };

  /** Selects every row from the anchor (or `from`) to `index`. */
  const rangeTo = async (index: number, from: number) => {
    const start = selection.anchor ?? from;
    const [a, b] = start < index ? [start, index] : [index, start];
    const ids: string[] = [];
    for (let i = a; i <= b; i++) {
      const row = list.rowAt(i);
      if (!row) break;
      ids.push(row.article.id);
    }
    if (ids.length < b - a + 1) {
      ids.length = 0;
      for (let at = a; at <= b; at += 1000)
        ids.push(...(await fetchRows(at, Math.min(1000, b - at + 1))).rows.map((r) => r.article.id));
    }
    setSelection((s) => ({ ...withRange(s, ids), anchor: s.anchor ?? start }));
  };

  const toggle = (index: number) => {
    const row = list.rowAt(index);
    if (row) setSelection((s) => toggled(s, row.article.id, index));
  };

  return { selection, setSelection, count, selected, rangeTo, toggle };
}
