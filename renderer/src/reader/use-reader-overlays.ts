import { useState } from 'react';
import type { ReaderPopover } from './reader-toolbar';

/** What the reader has open over the article: a toolbar popover, the find bar, the shortcuts overlay. */
export function useReaderOverlays() {
  const [popover, setPopover] = useState<ReaderPopover>(null);
  const [findOpen, setFindOpen] = useState(false);
  const [shortcutsOpen, setShortcutsOpen] = useState(false);

  const togglePopover = (which: Exclude<ReaderPopover, null>) => setPopover((p) => (p === which ? null : which));

  /** Closes the popover, else the find bar; false when neither was open. */
  const closeInnermost = (): boolean => {
    if (popover) setPopover(null);
    else if (findOpen) setFindOpen(false);
    else return false;
    return true;
  };

  return {
    popover,
    setPopover,
    togglePopover,
    findOpen,
    setFindOpen,
    shortcutsOpen,
    setShortcutsOpen,
    closeInnermost,
  };
}
