import { AutoThemeIcon, MoonIcon, SunIcon } from './icons';
import type { ThemePreference } from './theme';

const LABEL: Record<ThemePreference, string> = {
  system: 'Theme: follows system',
  light: 'Theme: light',
  dark: 'Theme: dark',
};
const SHORT: Record<ThemePreference, string> = { system: 'System theme', light: 'Light theme', dark: 'Dark theme' };

export function ThemeButton({
  preference,
  onCycle,
  withLabel = false,
}: {
  preference: ThemePreference;
  onCycle(): void;
  withLabel?: boolean;
}) {
  const icon = preference === 'light' ? <SunIcon /> : preference === 'dark' ? <MoonIcon /> : <AutoThemeIcon />;
  return (
    <button
      type="button"
      className={withLabel ? 'nav-item theme-button' : 'icon-button theme-button'}
      onClick={onCycle}
      // With a visible label, that label is the name (WCAG 2.5.3); the icon-only button needs one.
      aria-label={withLabel ? undefined : LABEL[preference]}
      title={`${LABEL[preference]} (click to change)`}
    >
      {icon}
      {withLabel && <span>{SHORT[preference]}</span>}
    </button>
  );
}
