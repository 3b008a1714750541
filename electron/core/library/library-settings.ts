/** The user's per-view choices (sort, filters) and reader settings, kept in library.json's "settings". */
import type { LibrarySettings, SettingsPatch, ViewSettings } from '@shared/model';
import { parseReaderSettings } from '@shared/settings/reader-settings';
import { isObject } from './library-index';

export function readSettings(settings: Record<string, unknown>): LibrarySettings {
  const views = isObject(settings.views) ? (settings.views as Record<string, ViewSettings>) : {};
  const read: LibrarySettings = { views: structuredClone(views) };
  if (isObject(settings.reader)) read.reader = parseReaderSettings(settings.reader);
  return read;
}

export function withSettingsPatch(settings: Record<string, unknown>, patch: SettingsPatch): Record<string, unknown> {
  const views: Record<string, ViewSettings> = { ...readSettings(settings).views };
  for (const [view, value] of Object.entries(patch.views ?? {})) {
    if (value === null) delete views[view];
    else views[view] = value;
  }
  const reader = patch.reader ? parseReaderSettings(patch.reader) : settings.reader;
  return { ...settings, views, ...(reader ? { reader } : {}) };
}
