/** The user's per-view choices (sort, filters), kept in library.json's "settings". */
import type { LibrarySettings, SettingsPatch, ViewSettings } from '@shared/model';
import { isObject } from './library-index';

export function readSettings(settings: Record<string, unknown>): LibrarySettings {
  const views = isObject(settings.views) ? (settings.views as Record<string, ViewSettings>) : {};
  return { views: structuredClone(views) };
}

export function withSettingsPatch(settings: Record<string, unknown>, patch: SettingsPatch): Record<string, unknown> {
  const views: Record<string, ViewSettings> = { ...readSettings(settings).views };
  for (const [view, value] of Object.entries(patch.views ?? {})) {
    if (value === null) delete views[view];
    else views[view] = value;
  }
  return { ...settings, views };
}
