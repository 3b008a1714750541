import type { OffprintApi } from '@shared/ipc/contract';

declare global {
  interface Window {
    /** Exposed by the preload (or the browser-test bridge); the renderer's only way out. */
    readonly offprint: OffprintApi;
  }
}

export const api: OffprintApi = window.offprint;
