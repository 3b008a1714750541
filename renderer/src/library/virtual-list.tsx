import { useEffect, useLayoutEffect, useState, type ReactNode, type RefObject } from 'react';

export const ROW_HEIGHT = 124;
const OVERSCAN = 6;

interface Props {
  /** The element that scrolls (the list may sit below a heading inside it). */
  scroller: RefObject<HTMLElement | null>;
  count: number;
  label: string;
  /** Called with the visible range [start, end) whenever it changes, to fetch those rows. */
  onRange(start: number, end: number): void;
  renderRow(index: number): ReactNode;
}

/**
 * A list of `count` rows of one fixed height where only those on screen (and a few around
 * them) are in the DOM, each placed absolutely: 20,000 rows cost what 20 do.
 */
export function VirtualList({ scroller, count, label, onRange, renderRow }: Props) {
  const [list, setList] = useState<HTMLUListElement | null>(null);
  const [range, setRange] = useState<[number, number]>([0, 20]);

  useLayoutEffect(() => {
    const box = scroller.current;
    if (!box || !list) return;
    let frame = 0;
    const measure = () => {
      frame = 0;
      const top = box.scrollTop - list.offsetTop;
      const start = Math.max(0, Math.floor(top / ROW_HEIGHT) - OVERSCAN);
      const end = Math.min(count, Math.ceil((top + box.clientHeight) / ROW_HEIGHT) + OVERSCAN);
      setRange((r) => (r[0] === start && r[1] === end ? r : [start, end]));
    };
    const onScroll = () => {
      if (!frame) frame = requestAnimationFrame(measure);
    };
    measure();
    box.addEventListener('scroll', onScroll, { passive: true });
    const resize = new ResizeObserver(onScroll);
    resize.observe(box);
    return () => {
      box.removeEventListener('scroll', onScroll);
      resize.disconnect();
      cancelAnimationFrame(frame);
    };
  }, [scroller, list, count]);

  const [start, end] = range;
  useEffect(() => onRange(start, end), [start, end, onRange]);

  const indexes: number[] = [];
  for (let i = start; i < Math.min(end, count); i++) indexes.push(i);
  return (
    <ul ref={setList} className="article-list virtual" aria-label={label} style={{ height: count * ROW_HEIGHT }}>
      {indexes.map((i) => (
        <li
          key={i}
          className="virtual-slot"
          style={{ transform: `translateY(${i * ROW_HEIGHT}px)`, height: ROW_HEIGHT }}
          aria-posinset={i + 1}
          aria-setsize={count}
        >
          {renderRow(i)}
        </li>
      ))}
    </ul>
  );
}

/** Scrolls `scroller` just enough to show row `index` of the list in it. */
export function scrollRowIntoView(scroller: HTMLElement, list: HTMLElement | null, index: number): void {
  if (!list) return;
  const top = list.offsetTop + index * ROW_HEIGHT;
  const bottom = top + ROW_HEIGHT;
  const margin = 8;
  if (top - margin < scroller.scrollTop + stickyOffset(scroller))
    scroller.scrollTop = top - margin - stickyOffset(scroller);
  else if (bottom + margin > scroller.scrollTop + scroller.clientHeight)
    scroller.scrollTop = bottom + margin - scroller.clientHeight;
}

const stickyOffset = (scroller: HTMLElement): number =>
  (scroller.querySelector('.list-sticky') as HTMLElement | null)?.offsetHeight ?? 0;
