/**
 * How the reader lays out text: kept in the library (library.json "settings.reader"), so it travels
 * with the library, and validated here so that every side reads the same values.
 */
import { HIGHLIGHT_COLORS, type HighlightColor } from '../model';

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
  lastColor: HighlightColor;
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

const FONTS: ReaderFont[] = ['serif', 'sans', 'legible'];
const THEMES: ReaderTheme[] = ['system', 'light', 'sepia', 'dark'];

const clamp = (value: unknown, { min, max }: { min: number; max: number }, fallback: number): number =>
  typeof value === 'number' && Number.isFinite(value) ? Math.min(max, Math.max(min, value)) : fallback;

/** Whatever is stored, made valid: unknown or out-of-range values fall back to the defaults. */
export function parseReaderSettings(raw: unknown): ReaderSettings {
  const value = (raw && typeof raw === 'object' ? raw : {}) as Partial<Record<keyof ReaderSettings, unknown>>;
  const d = DEFAULT_SETTINGS;
  return {
    font: FONTS.includes(value.font as ReaderFont) ? (value.font as ReaderFont) : d.font,
    size: clamp(value.size, LIMITS.size, d.size),
    lineHeight: clamp(value.lineHeight, LIMITS.lineHeight, d.lineHeight),
    width: clamp(value.width, LIMITS.width, d.width),
    theme: THEMES.includes(value.theme as ReaderTheme) ? (value.theme as ReaderTheme) : d.theme,
    justify: typeof value.justify === 'boolean' ? value.justify : d.justify,
    archiveWhenFinished:
      typeof value.archiveWhenFinished === 'boolean' ? value.archiveWhenFinished : d.archiveWhenFinished,
    lastColor: HIGHLIGHT_COLORS.includes(value.lastColor as ReaderSettings['lastColor'])
      ? (value.lastColor as ReaderSettings['lastColor'])
      : d.lastColor,
  };
}
