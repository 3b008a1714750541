import { useEffect, useRef } from 'react';
import { isEditable } from '../ui/use-hotkeys';

/** Names like 'j', '#', 'Enter', 'g i' (g, then i), 'mod+a' (Ctrl on Linux/Windows, Cmd on macOS). */
export type ListKeyMap = Record<string, (event: KeyboardEvent) => void>;

const SEQUENCE_MS = 1500;

/**
 * The list's keyboard triage. Unlike plain hotkeys it knows two-key sequences ("g i"), and
 * leaves every key — Ctrl+A and Ctrl+Z included — to a field being typed in or an open dialog.
 */
export function useListKeys(map: ListKeyMap): void {
  const latest = useRef(map);
  latest.current = map;
  useEffect(() => {
    let prefix: { key: string; at: number } | null = null;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.altKey || event.isComposing) return;
      if (isEditable(event.target) || document.querySelector('[aria-modal="true"]')) return;
      const mod = event.ctrlKey || event.metaKey;
      const key = event.key.length === 1 ? event.key.toLowerCase() : event.key;
      let name = mod ? `mod+${key}` : key;
      if (!mod && prefix && event.timeStamp - prefix.at < SEQUENCE_MS && latest.current[`${prefix.key} ${key}`])
        name = `${prefix.key} ${key}`;
      prefix = null;
      if (!mod && Object.keys(latest.current).some((k) => k.startsWith(`${key} `))) {
        prefix = { key, at: event.timeStamp };
        event.preventDefault();
        return;
      }
      const handler = latest.current[name];
      if (!handler || (mod && !name.startsWith('mod+'))) return;
      event.preventDefault();
      handler(event);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
