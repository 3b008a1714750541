import { describe, expect, it } from 'vitest';
import { argSchemas } from '@shared/ipc/arg-schemas';
import {
  DEFAULT_SETTINGS,
  LIMITS,
  READER_FONTS,
  READER_THEMES,
  parseReaderSettings,
} from '@shared/settings/reader-settings';

describe('reader settings: one schema (shared/settings/reader-settings.ts)', () => {
  it('lists the fonts and themes once, and the IPC check accepts exactly those', () => {
    expect(READER_FONTS).toEqual(['serif', 'sans', 'legible']);
    expect(READER_THEMES).toEqual(['system', 'light', 'sepia', 'dark']);
    for (const font of READER_FONTS) {
      expect(argSchemas.updateSettings.safeParse([{ reader: { ...DEFAULT_SETTINGS, font } }]).success).toBe(true);
    }
    for (const theme of READER_THEMES) {
      expect(argSchemas.updateSettings.safeParse([{ reader: { ...DEFAULT_SETTINGS, theme } }]).success).toBe(true);
    }
    expect(argSchemas.updateSettings.safeParse([{ reader: { ...DEFAULT_SETTINGS, font: 'comic' } }]).success).toBe(
      false,
    );
  });

  it('parses what is stored: unknown values fall back, numbers are clamped', () => {
    expect(parseReaderSettings(null)).toEqual(DEFAULT_SETTINGS);
    expect(parseReaderSettings({ size: Number.POSITIVE_INFINITY }).size).toBe(DEFAULT_SETTINGS.size);
    expect(argSchemas.updateSettings.safeParse([{ reader: { ...DEFAULT_SETTINGS, size: Infinity } }]).success).toBe(
      false,
    );
    const parsed = parseReaderSettings({
      font: 'legible',
      theme: 'neon',
      size: 99,
      lineHeight: Number.NaN,
      width: 1,
      justify: 'yes',
      lastColor: 'pink',
    });
    expect(parsed).toEqual({
      ...DEFAULT_SETTINGS,
      font: 'legible',
      size: LIMITS.size.max,
      width: LIMITS.width.min,
      lastColor: 'pink',
    });
  });
});
