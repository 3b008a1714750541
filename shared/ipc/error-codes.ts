/**
 * Every code an OffprintError can carry: the CLI and the renderer branch on them, so the list is
 * closed and a misspelt code fails to compile.
 */
export const ERROR_CODES = [
  // Arguments and calls
  'bad-arguments',
  'bad-method',
  'usage',
  'refused-sender',
  'no-user-gesture',
  'internal',
  'cancelled',
  'not-available',
  // Fetching and capturing a page
  'invalid-url',
  'invalid-path',
  'refused-url',
  'blocked-address',
  'unreachable',
  'timeout',
  'redirects',
  'http-error',
  'too-large',
  'unsupported-type',
  'corrupt-response',
  'empty',
  'not-an-article',
  'extract-failed',
  'extract-timeout',
  'capture-failed',
  'refresh-failed',
  'content-missing',
  // The browser connector: the site refused the app pictures the browser must supply
  'needs-images',
  // The library
  'bad-query',
  'not-found',
  'busy',
  'library-busy',
  'library-closed',
  'library-unavailable',
  'library-unreadable',
  'library-too-new',
  'library-write-failed',
  'storage',
  'disk-full',
  'system',
  'library-read-only',
  // The library's own process stopped while a call was under way
  'core-crashed',
  // Export
  'import-unreadable',
  'import-format-unknown',
  'export-failed',
  'bad-export',
  'nothing-to-export',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];
