/**
 * Stands in for the Electron preload in a plain browser page: the same typed
 * `window.offprint`, built by the same `createApiClient`, but carried over a
 * Playwright binding (`__offprintInvoke`) to a real OffprintCore in the test process.
 * The test pushes events in through `__offprintEmit`.
 */
import { createApiClient } from '@shared/ipc/client';
import type { EventName } from '@shared/ipc/contract';
import { unwrap, type Envelope } from '@shared/ipc/envelope';

declare global {
  interface Window {
    __offprintInvoke(method: string, args: unknown[]): Promise<Envelope>;
    /** Stands in for the preload's drop-token channel to main. */
    __offprintDropToken(path: string): Promise<Envelope<string>>;
    __offprintEmit(event: EventName, payload: unknown): void;
    /** Stands in for Electron's webUtils.getPathForFile: a test maps dropped files' names to paths. */
    __offprintFilePaths?: Record<string, string>;
  }
}

const listeners = new Map<EventName, Set<(payload: unknown) => void>>();

const api = createApiClient(
  {
    invoke: (method, args) => window.__offprintInvoke(method, args),
    subscribe(event, listener) {
      const set = listeners.get(event) ?? new Set();
      listeners.set(event, set);
      set.add(listener);
      return () => void set.delete(listener);
    },
  },
  {
    // As the preload does: the file's path (here from the test's table) is exchanged for a token.
    dropTokenFor: async (file) => {
      const path = window.__offprintFilePaths?.[file.name] ?? '';
      return path ? unwrap(await window.__offprintDropToken(path)) : '';
    },
  },
  () => navigator.userActivation.isActive,
);

Object.defineProperty(window, 'offprint', { value: api, enumerable: true });
Object.defineProperty(window, '__offprintEmit', {
  value: (event: EventName, payload: unknown) => listeners.get(event)?.forEach((listener) => listener(payload)),
});
