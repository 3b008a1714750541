import { useEffect, useRef, type ReactNode } from 'react';
import { READER_FONTS, READER_THEMES } from '@shared/settings/reader-settings';
import {
  LIMITS,
  resetReaderSettings,
  updateReaderSettings,
  useReaderSettings,
  type ReaderFont,
  type ReaderTheme,
} from './reader-settings';

const FONT_LABELS: Record<ReaderFont, string> = { serif: 'Serif', sans: 'Sans', legible: 'Legible' };
const FONTS = READER_FONTS.map((value) => ({ value, label: FONT_LABELS[value], sample: `font-sample-${value}` }));

const THEME_LABELS: Record<ReaderTheme, string> = { system: 'Auto', light: 'Light', sepia: 'Sepia', dark: 'Dark' };
const THEMES = READER_THEMES.map((value) => ({ value, label: THEME_LABELS[value] }));

function Choice<T extends string>({
  label,
  options,
  value,
  onChange,
  className,
}: {
  label: string;
  options: { value: T; label: string; sample?: string }[];
  value: T;
  onChange(value: T): void;
  className?: string;
}) {
  return (
    <div className={`settings-choice ${className ?? ''}`} role="radiogroup" aria-label={label}>
      {options.map((option) => (
        <button
          key={option.value}
          type="button"
          role="radio"
          aria-checked={value === option.value}
          className={`choice-button ${option.sample ?? ''} choice-${option.value}`}
          onClick={() => onChange(option.value)}
        >
          {option.sample ? (
            <span className="choice-sample" aria-hidden="true">
              Aa
            </span>
          ) : null}
          <span>{option.label}</span>
        </button>
      ))}
    </div>
  );
}

function Slider({
  label,
  value,
  limits,
  format,
  onChange,
  icons,
}: {
  label: string;
  value: number;
  limits: { min: number; max: number; step: number };
  format(value: number): string;
  onChange(value: number): void;
  icons: [ReactNode, ReactNode];
}) {
  return (
    <label className="settings-slider">
      <span className="settings-label">
        {label} <span className="settings-value">{format(value)}</span>
      </span>
      <span className="slider-row">
        <span className="slider-icon" aria-hidden="true">
          {icons[0]}
        </span>
        <input
          type="range"
          min={limits.min}
          max={limits.max}
          step={limits.step}
          value={value}
          aria-valuetext={format(value)}
          onChange={(event) => onChange(Number(event.target.value))}
        />
        <span className="slider-icon" aria-hidden="true">
          {icons[1]}
        </span>
      </span>
    </label>
  );
}

/** The reader's typography and theme, changed live. */
export function ReaderSettingsPopover({ onClose }: { onClose(): void }) {
  const settings = useReaderSettings();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.querySelector<HTMLElement>('[aria-checked="true"]')?.focus();
  }, []);
  return (
    <div
      ref={ref}
      className="popover settings-popover"
      role="dialog"
      aria-label="Reading settings"
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.preventDefault();
          event.stopPropagation();
          onClose();
        }
      }}
    >
      <h2 className="settings-heading">Theme</h2>
      <Choice
        label="Theme"
        options={THEMES}
        value={settings.theme}
        onChange={(theme) => updateReaderSettings({ theme })}
        className="theme-choice"
      />
      <h2 className="settings-heading">Font</h2>
      <Choice label="Font" options={FONTS} value={settings.font} onChange={(font) => updateReaderSettings({ font })} />
      <Slider
        label="Size"
        value={settings.size}
        limits={LIMITS.size}
        format={(v) => `${v}px`}
        onChange={(size) => updateReaderSettings({ size })}
        icons={[<small key="a">A</small>, <big key="b">A</big>]}
      />
      <Slider
        label="Line height"
        value={settings.lineHeight}
        limits={LIMITS.lineHeight}
        format={(v) => v.toFixed(2)}
        onChange={(lineHeight) => updateReaderSettings({ lineHeight })}
        icons={['≡', '☰']}
      />
      <Slider
        label="Column width"
        value={settings.width}
        limits={LIMITS.width}
        format={(v) => (v <= 28 ? 'Narrow' : v >= 38 ? 'Wide' : 'Medium')}
        onChange={(width) => updateReaderSettings({ width })}
        icons={['▯', '▭']}
      />
      <label className="settings-toggle">
        <input
          type="checkbox"
          checked={settings.justify}
          onChange={(event) => updateReaderSettings({ justify: event.target.checked })}
        />
        <span>Justify and hyphenate</span>
      </label>
      <label className="settings-toggle">
        <input
          type="checkbox"
          checked={settings.archiveWhenFinished}
          onChange={(event) => updateReaderSettings({ archiveWhenFinished: event.target.checked })}
        />
        <span>Archive articles I finish</span>
      </label>
      <div className="settings-footer">
        <button type="button" className="text-button" onClick={resetReaderSettings}>
          Reset to defaults
        </button>
      </div>
    </div>
  );
}
