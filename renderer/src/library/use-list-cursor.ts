import { useEffect, useState, type RefObject } from 'react';
import type { PagedList } from './use-paged-list';
import { scrollRowIntoView } from './virtual-list';

/** The row under the keyboard cursor (-1: none); a new list (another key) starts at the top with none. */
export function useListCursor(list: PagedList, key: string | null, scrollerRef: RefObject<HTMLDivElement | null>) {
  const [cursor, setCursor] = useState(-1);

  useEffect(() => {
    setCursor(-1);
    if (scrollerRef.current) scrollerRef.current.scrollTop = 0;
  }, [key, scrollerRef]);

  // Keep the cursor on a row that exists once the list has shrunk (an archived row leaves the Inbox).
  useEffect(() => {
    if (cursor >= list.total && list.total > 0 && !list.loading) setCursor(list.total - 1);
  }, [cursor, list.total, list.loading]);

  const listElement = () => scrollerRef.current?.querySelector<HTMLElement>('.article-list') ?? null;
  const moveCursor = (index: number, focus = true) => {
    if (list.total === 0) return;
    const next = Math.min(Math.max(index, 0), list.total - 1);
    setCursor(next);
    if (scrollerRef.current) scrollRowIntoView(scrollerRef.current, listElement(), next);
    if (focus)
      requestAnimationFrame(() =>
        listElement()
          ?.querySelector<HTMLElement>(`[aria-posinset="${next + 1}"] .article-link`)
          ?.focus({ preventScroll: true }),
      );
  };

  return { cursor, setCursor, moveCursor };
}
