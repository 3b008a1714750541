import { stepSize } from '../settings/reader-settings';
import { useKeys } from '../ui/use-keys';

const LINE_STEP = 72;
const PAGE_MARGIN = 80;

/** What the reader's shortcuts do; READER_SHORTCUTS lists them for the `?` overlay. */
export interface ReaderKeyActions {
  scroller: HTMLElement | null;
  back(): void;
  escape(): void;
  archive(): void;
  favourite(): void;
  tags(): void;
  settings(): void;
  contents(): void;
  highlight(): void;
  note(): void;
  stepHighlight(direction: 1 | -1): void;
  editActive(): void;
  openOriginal(): void;
  panel(): void;
  readAloud(): void;
  search(): void;
  shortcuts(): void;
  find(): void;
  /** Present while a deleted highlight can be brought back. */
  undo?: () => void;
}

export function useReaderKeys(a: ReaderKeyActions): void {
  const scrollBy = (top: number) => a.scroller?.scrollBy({ top, behavior: 'smooth' });
  const pageHeight = () => (a.scroller?.clientHeight ?? 600) - PAGE_MARGIN;
  useKeys({
    u: a.back,
    Escape: a.escape,
    j: () => scrollBy(LINE_STEP),
    ArrowDown: () => scrollBy(LINE_STEP),
    k: () => scrollBy(-LINE_STEP),
    ArrowUp: () => scrollBy(-LINE_STEP),
    ' ': (event) => scrollBy((event.shiftKey ? -1 : 1) * pageHeight()),
    PageDown: () => scrollBy(pageHeight()),
    PageUp: () => scrollBy(-pageHeight()),
    e: a.archive,
    f: a.favourite,
    t: a.tags,
    s: a.settings,
    c: a.contents,
    h: a.highlight,
    n: a.note,
    '[': () => a.stepHighlight(-1),
    ']': () => a.stepHighlight(1),
    Enter: a.editActive,
    '+': () => stepSize(1),
    '=': () => stepSize(1),
    '-': () => stepSize(-1),
    o: a.openOriginal,
    p: a.panel,
    r: a.readAloud,
    '/': a.search,
    '?': a.shortcuts,
    'mod+f': a.find,
    ...(a.undo ? { 'mod+z': a.undo } : {}),
  });
}
