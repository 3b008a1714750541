import { useEffect, useRef } from 'react';

/**
 * Names like 'j', '#', 'Enter', 'g i' (g, then i), 'mod+f' and 'mod+shift+z' (mod is Ctrl on
 * Linux/Windows, Cmd on macOS).
 */
export type KeyMap = Record<string, (event: KeyboardEvent) => void>;

export interface KeyOptions {
  /** The keys listen only while this is true. */
  enabled?: boolean;
  /** The keys of an open dialog itself (Esc closes it): they work from its fields and while it is open. */
  dialog?: boolean;
}

const SEQUENCE_MS = 1500;
/** Chords a text field answers itself (select all, undo, redo, the clipboard): left to the field. */
const FIELD_CHORDS = new Set(['mod+a', 'mod+z', 'mod+shift+z', 'mod+y', 'mod+c', 'mod+x', 'mod+v']);

export function isEditable(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/** A modal dialog or overlay has the keyboard: the views behind it do not answer. */
export function modalOpen(): boolean {
  return document.querySelector('[aria-modal="true"]') !== null;
}

function baseKey(event: KeyboardEvent): string {
  return event.key.length === 1 ? event.key.toLowerCase() : event.key;
}

function chordName(event: KeyboardEvent): string {
  return `mod+${event.shiftKey ? 'shift+' : ''}${baseKey(event)}`;
}

/**
 * The app's one keyboard mechanism. Single keys and sequences fire only when the user is not typing
 * and no modal dialog is open; 'mod+' chords fire from fields too, except those the field answers
 * itself. The map may change every render: the listener reads the latest one.
 */
export function useKeys(map: KeyMap, { enabled = true, dialog = false }: KeyOptions = {}): void {
  const latest = useRef(map);
  latest.current = map;
  useEffect(() => {
    if (!enabled) return;
    let prefix: { key: string; at: number } | null = null;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.altKey || event.isComposing) return;
      if (!dialog && modalOpen()) return;
      const mod = event.ctrlKey || event.metaKey;
      const key = baseKey(event);
      const typing = !dialog && isEditable(event.target);
      if (mod) {
        const name = chordName(event);
        const handler = latest.current[name];
        if (!handler || (typing && FIELD_CHORDS.has(name))) return;
        event.preventDefault();
        handler(event);
        return;
      }
      if (typing) return;
      const keys = latest.current;
      const sequence = prefix && event.timeStamp - prefix.at < SEQUENCE_MS ? `${prefix.key} ${key}` : null;
      prefix = null;
      if (sequence && keys[sequence]) {
        event.preventDefault();
        keys[sequence](event);
        return;
      }
      if (Object.keys(keys).some((k) => k.startsWith(`${key} `))) {
        prefix = { key, at: event.timeStamp };
        event.preventDefault();
        return;
      }
      const handler = keys[key];
      if (!handler) return;
      event.preventDefault();
      handler(event);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [enabled, dialog]);
}

/** Escape closes the dialog, even once focus has left it (a removed chip took it along). */
export function useDialogEscape(onEscape: () => void): void {
  useKeys({ Escape: () => onEscape() }, { dialog: true });
}
