import { useEffect, useRef } from 'react';

/** Keys like 'j', 'Enter', 'Escape', '/', 'mod+l' (Ctrl on Linux/Windows, Cmd on macOS). */
export type HotkeyMap = Record<string, (event: KeyboardEvent) => void>;

export function isEditable(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

function keyName(event: KeyboardEvent): string {
  const mod = event.ctrlKey || event.metaKey;
  const key = event.key.length === 1 ? event.key.toLowerCase() : event.key;
  return mod ? `mod+${key}` : key;
}

/**
 * Single-key shortcuts fire only when the user is not typing; 'mod+' chords fire anywhere.
 * The map may change every render: the listener reads the latest one.
 */
export function useHotkeys(map: HotkeyMap, enabled = true): void {
  const latest = useRef(map);
  latest.current = map;
  useEffect(() => {
    if (!enabled) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.altKey || event.isComposing) return;
      const name = keyName(event);
      const chord = name.startsWith('mod+');
      if (!chord && (event.ctrlKey || event.metaKey)) return;
      if (!chord && isEditable(event.target)) return;
      const handler = latest.current[name];
      if (!handler) return;
      event.preventDefault();
      handler(event);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [enabled]);
}
