import { useCallback, useState } from 'react';

const PANEL_KEY = 'offprint.highlightsPanel';

/** Whether the highlights panel is open; remembered across articles and restarts. */
export function usePanelOpen(): [boolean, (open: boolean) => void] {
  const [open, setOpen] = useState(() => localStorage.getItem(PANEL_KEY) === 'open');
  const show = useCallback((next: boolean) => {
    setOpen(next);
    localStorage.setItem(PANEL_KEY, next ? 'open' : 'closed');
  }, []);
  return [open, show];
}
