import { useSyncExternalStore } from 'react';
import {
  DEFAULT_SETTINGS,
  LIMITS,
  parseReaderSettings,
  type ReaderFont,
  type ReaderSettings,
} from '@shared/settings/reader-settings';
import { api } from '../api';

export {
  DEFAULT_SETTINGS,
  LIMITS,
  type ReaderFont,
  type ReaderSettings,
  type ReaderTheme,
} from '@shared/settings/reader-settings';

/**
 * The reader settings, applied at once through CSS variables. The library holds them; this
 * window's storage keeps a copy so that the first frame is already laid out as the user likes.
 */
const STORAGE_KEY = 'offprint.reader';
function load(): ReaderSettings {
  try {
    return parseReaderSettings(JSON.parse(localStorage.getItem(STORAGE_KEY) ?? '{}'));
  } catch {
    return DEFAULT_SETTINGS;
  }
}

let current: ReaderSettings = load();
const listeners = new Set<() => void>();

/** Makes `next` the settings on screen and in the first-paint cache. */
function adopt(next: unknown): void {
  current = parseReaderSettings(next);
  localStorage.setItem(STORAGE_KEY, JSON.stringify(current));
  listeners.forEach((listener) => listener());
}

export function updateReaderSettings(patch: Partial<ReaderSettings>): void {
  adopt({ ...current, ...patch });
  void api.updateSettings({ reader: current }).catch(() => undefined);
}

/** Takes the library's settings once it answers (another machine or a restored library may differ from the cache). */
void api
  .getSettings()
  .then(({ reader }) => {
    if (reader && JSON.stringify(reader) !== JSON.stringify(current)) adopt(reader);
  })
  .catch(() => undefined);

export function resetReaderSettings(): void {
  updateReaderSettings({
    ...DEFAULT_SETTINGS,
    lastColor: current.lastColor,
    archiveWhenFinished: current.archiveWhenFinished,
  });
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  // Another window of the app changed them.
  const onStorage = (event: StorageEvent) => {
    if (event.key === STORAGE_KEY) {
      current = load();
      listener();
    }
  };
  window.addEventListener('storage', onStorage);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('storage', onStorage);
  };
}

export function useReaderSettings(): ReaderSettings {
  return useSyncExternalStore(subscribe, () => current);
}

/** Font size one step up or down, within the limits. */
export function stepSize(direction: 1 | -1): void {
  updateReaderSettings({ size: current.size + direction * LIMITS.size.step });
}

export const FONT_STACKS: Record<ReaderFont, string> = {
  serif: "'Literata Variable', 'Iowan Old Style', Georgia, serif",
  sans: "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif",
  legible: "'Atkinson Hyperlegible', 'Lexend', Verdana, 'DejaVu Sans', system-ui, sans-serif",
};

/** The CSS variables and attributes that carry the settings onto the reader. */
export function readerStyle(settings: ReaderSettings): Record<string, string> {
  return {
    '--reader-font': FONT_STACKS[settings.font],
    '--reader-size': `${settings.size}px`,
    '--reader-line-height': String(settings.lineHeight),
    '--reader-width': `${settings.width}em`,
    '--reader-letter-spacing': settings.font === 'legible' ? '0.01em' : 'normal',
    '--reader-word-spacing': settings.font === 'legible' ? '0.06em' : 'normal',
  };
}
