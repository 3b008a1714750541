/** The connector protocol as the extension speaks it (docs/CONNECTOR.md). */
export const DEFAULT_PORT = 47811;

export interface TextQuote {
  type: 'TextQuoteSelector';
  exact: string;
  prefix: string;
  suffix: string;
}

export interface CapturedPage {
  url: string;
  title: string;
  html: string;
  selection?: TextQuote;
}

export interface SuppliedImage {
  url: string;
  data: string;
}

export type SaveAnswer =
  | { status: 'saved' | 'already-saved'; id: string; title: string; highlighted: boolean }
  | { status: 'needs-images'; urls: string[] }
  | { status: 'failed'; reason: string };

/** Something to save: a page as the browser rendered it, or a link the app fetches itself. */
export type PendingItem = { kind: 'page'; page: CapturedPage; at: number } | { kind: 'link'; url: string; at: number };

/** The app could not be reached at all: it is not running (or on another port). */
export class AppUnreachable extends Error {}
/** The app answered that this browser is not paired (or no token is set). */
export class NotPaired extends Error {}
