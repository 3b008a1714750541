/**
 * How the reader lays out text: kept in the library (library.json "settings.reader"), so it travels
 * with the library, and validated here so that every side reads the same values. The schema is the
 * one list of fonts and themes: the types, the constants and the IPC argument check derive from it.
 */
// zod/mini: the renderer parses these settings too, and the full zod would double its bundle's growth.
import * as z from 'zod/mini';
import { HIGHLIGHT_COLORS } from '../reading/highlight-colors';

export const readerFontSchema = z.enum(['serif', 'sans', 'legible']);
export const readerThemeSchema = z.enum(['system', 'light', 'sepia', 'dark']);

export const readerSettingsSchema = z.object({
  font: readerFontSchema,
  /** Body text size in CSS pixels. */
  size: z.number(),
  lineHeight: z.number(),
  /** Column width in em of the body text (about 2.2 characters each). */
  width: z.number(),
  theme: readerThemeSchema,
  /** Justified text with automatic hyphenation, or ragged right without. */
  justify: z.boolean(),
  /** Move an article to the Archive when it is read to the end. */
  archiveWhenFinished: z.boolean(),
  /** The colour `h` highlights with: the last one picked. */
  lastColor: z.enum(HIGHLIGHT_COLORS),
});

export type ReaderFont = z.infer<typeof readerFontSchema>;
export type ReaderTheme = z.infer<typeof readerThemeSchema>;
export type ReaderSettings = z.infer<typeof readerSettingsSchema>;

export const READER_FONTS: readonly ReaderFont[] = readerFontSchema.options;
export const READER_THEMES: readonly ReaderTheme[] = readerThemeSchema.options;

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

const clamp = (value: number, { min, max }: { min: number; max: number }): number =>
  Math.min(max, Math.max(min, value));

/** Whatever is stored, made valid: unknown values fall back to the defaults, numbers are clamped to LIMITS. */
export function parseReaderSettings(raw: unknown): ReaderSettings {
  const value = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const shape = readerSettingsSchema.shape;
  const field = <K extends keyof ReaderSettings>(key: K): ReaderSettings[K] => {
    const parsed = shape[key].safeParse(value[key]);
    return parsed.success ? (parsed.data as ReaderSettings[K]) : DEFAULT_SETTINGS[key];
  };
  return {
    font: field('font'),
    size: clamp(field('size'), LIMITS.size),
    lineHeight: clamp(field('lineHeight'), LIMITS.lineHeight),
    width: clamp(field('width'), LIMITS.width),
    theme: field('theme'),
    justify: field('justify'),
    archiveWhenFinished: field('archiveWhenFinished'),
    lastColor: field('lastColor'),
  };
}
