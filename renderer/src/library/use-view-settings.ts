import { useCallback, useEffect, useState } from 'react';
import type { LibrarySettings, ViewSettings } from '@shared/model';
import { tagKey } from '@shared/library/tag-key';
import { api } from '../api';

let cached: Promise<LibrarySettings> | null = null;
// Failed calls fall back to default views; main logs the failure where it happened (electron/main/ipc.ts).
const loadSettings = (): Promise<LibrarySettings> => (cached ??= api.getSettings().catch(() => ({ views: {} })));

/** The settings key of a view: its name, or "tag:<name>" for a tag's view. */
export const settingsKey = (view: string, tag?: string): string => (tag ? `tag:${tagKey(tag)}` : view);

/** A view's sort and filters, kept in the library (so they follow it to another computer). */
export function useViewSettings(key: string) {
  const [state, setState] = useState<{ key: string; settings: ViewSettings } | null>(null);

  useEffect(() => {
    let live = true;
    void loadSettings().then((all) => live && setState({ key, settings: all.views[key] ?? {} }));
    return () => {
      live = false;
    };
  }, [key]);

  const update = useCallback(
    (settings: ViewSettings) => {
      setState({ key, settings });
      const saved = api.updateSettings({ views: { [key]: settings } });
      cached = saved.catch(() => ({ views: {} }));
      void saved.catch(() => undefined);
    },
    [key],
  );

  return { ready: state?.key === key, settings: state?.key === key ? state.settings : {}, update };
}
