import { useSyncExternalStore } from 'react';

/**
 * How the reader lays out text. Kept in this window's storage (which lives in the app's
 * profile, so it survives restarts) and applied at once through CSS variables.
 */
export type ReaderFont = 'serif' | 'sans' | 'legible';
export type ReaderTheme = 'system' | 'light' | 'sepia' | 'dark';

export interface ReaderSettings {
  font: ReaderFont;
  /** Body text size in CSS pixels. */
  size: number;
  lineHeight: number;
  /** Column width in em of the body text (about 2.2 characters each). */
  width: number;
  theme: ReaderTheme;
  /** Justified text with automatic hyphenation, or ragged right without. */
  justify: boolean;
  /** Move an article to the Archive when it is read to the end. */
  archiveWhenFinished: boolean;
  /** The colour `h` highlights with: the last one picked. */
  lastColor: 'yellow' | 'green' | 'blue' | 'pink' | 'purple';
}

export const DEFAULT_SETTINGS: ReaderSettings = {
  font: 'serif',
  size: 20,
  lineHeight: 1.65,
  width: 32,
  theme: 'system',
  justify: false,
  archiveWhenFinished: false,
  lastColor: 'yellow',
};

export const LIMITS = {
  size: { min: 14, max: 30, step: 1 },
  lineHeight: { min: 1.3, max: 2.1, step: 0.05 },
  width: { min: 24, max: 44, step: 1 },
} as const;

const STORAGE_KEY = 'offprint.reader';
const FONTS: ReaderFont[] = ['serif', 'sans', 'legible'];
const THEMES: ReaderTheme[] = ['system', 'light', 'sepia', 'dark'];
const COLORS: ReaderSettings['lastColor'][] = ['yellow', 'green', 'blue', 'pink', 'purple'];

const clamp = (value: unknown, { min, max }: { min: number; max: number }, fallback: number): number =>
  typeof value === 'number' && Number.isFinite(value) ? Math.min(max, Math.max(min, value)) : fallback;

/** Whatever is stored, made valid: unknown or out-of-range values fall back to the defaults. */
export function parseSettings(raw: unknown): ReaderSettings {
  const value = (raw && typeof raw === 'object' ? raw : {}) as Partial<Record<keyof ReaderSettings, unknown>>;
  const d = DEFAULT_SETTINGS;
  return {
    font: FONTS.includes(value.font as ReaderFont) ? (value.font as ReaderFont) : d.font,
    size: clamp(value.size, LIMITS.size, d.size),
    lineHeight: clamp(value.lineHeight, LIMITS.lineHeight, d.lineHeight),
    width: clamp(value.width, LIMITS.width, d.width),
    theme: THEMES.includes(value.theme as ReaderTheme) ? (value.theme as ReaderTheme) : d.theme,
    justify: typeof value.justify === 'boolean' ? value.justify : d.justify,
    archiveWhenFinished: typeof value.archiveWhenFinished === 'boolean' ? value.archiveWhenFinished : d.archiveWhenFinished,
    lastColor: COLORS.includes(value.lastColor as ReaderSettings['lastColor']) ? (value.lastColor as ReaderSettings['lastColor']) : d.lastColor,
  };
}

function load(): ReaderSettings {
  try {
    return parseSettings(JSON.parse(localStorage.getItem(STORAGE_KEY) ?? '{}'));
  } catch {
    return DEFAULT_SETTINGS;
  }
}

let current: ReaderSettings = load();
const listeners = new Set<() => void>();

export function updateReaderSettings(patch: Partial<ReaderSettings>): void {
  current = parseSettings({ ...current, ...patch });
  localStorage.setItem(STORAGE_KEY, JSON.stringify(current));
  listeners.forEach((listener) => listener());
}

export function resetReaderSettings(): void {
  updateReaderSettings({ ...DEFAULT_SETTINGS, lastColor: current.lastColor, archiveWhenFinished: current.archiveWhenFinished });
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
