/** How long an "Undo" offer stays on screen after a change, in the library and in the reader alike. */
export const UNDO_WINDOW_MS = 8_000;
