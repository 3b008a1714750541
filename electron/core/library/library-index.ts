import type { CaptureQueueItem } from '@shared/queue/capture-queue';
import type { ArticleMeta, Highlight } from '@shared/model';
import type { JournalPosition } from './journal';

/** v1: library.json only. v2: plus articles/<id>/meta.json and library.journal (see docs/LIBRARY-FORMAT.md). */
export const SCHEMA_VERSION = 2;

/** The whole of library.json. */
export interface LibraryIndex {
  schemaVersion: number;
  articles: ArticleMeta[];
  highlights: Highlight[];
  settings: Record<string, unknown>;
  /** The journal folded into this snapshot and its last change (absent in snapshots older builds wrote). */
  journal?: JournalPosition;
  /** Links waiting to be captured (absent when there are none, and in older snapshots). */
  captureQueue?: { paused: boolean; items: CaptureQueueItem[] };
}

export const emptyIndex = (version: number = SCHEMA_VERSION): LibraryIndex => ({
  schemaVersion: version,
  articles: [],
  highlights: [],
  settings: {},
});

export type IndexCheck =
  | { ok: true; index: LibraryIndex }
  | { ok: false; reason: 'too-new'; version: number }
  | { ok: false; reason: 'malformed'; detail: string };

/** Checks the shape of a parsed library.json well enough that nothing downstream trips on it. */
export function checkIndex(value: unknown, currentVersion: number = SCHEMA_VERSION): IndexCheck {
  if (!isObject(value)) return malformed('it is not a JSON object');
  const version = value.schemaVersion;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return malformed('it has no valid schemaVersion');
  }
  if (version > currentVersion) return { ok: false, reason: 'too-new', version };
  if (!Array.isArray(value.articles)) return malformed('"articles" is not a list');
  if (!Array.isArray(value.highlights)) return malformed('"highlights" is not a list');
  const badArticle = value.articles.findIndex(
    (a) => !isObject(a) || typeof a.id !== 'string' || typeof a.url !== 'string',
  );
  if (badArticle >= 0) return malformed(`article #${badArticle + 1} has no id or url`);
  const badHighlight = value.highlights.findIndex(
    (h) => !isObject(h) || typeof h.id !== 'string' || typeof h.articleId !== 'string',
  );
  if (badHighlight >= 0) return malformed(`highlight #${badHighlight + 1} has no id or article`);
  return {
    ok: true,
    index: {
      schemaVersion: version,
      articles: (value.articles as Partial<ArticleMeta>[]).map(withArticleDefaults),
      highlights: value.highlights as Highlight[],
      settings: isObject(value.settings) ? value.settings : {},
      ...(isJournalPosition(value.journal) ? { journal: value.journal } : {}),
      ...captureQueueOf(value.captureQueue),
    },
  };
}

/** Tolerates entries written by hand or by an older build that lack the newer fields. */
export function withArticleDefaults(a: Partial<ArticleMeta>): ArticleMeta {
  const savedAt = a.savedAt ?? new Date(0).toISOString();
  return {
    id: a.id!,
    url: a.url!,
    originalUrl: a.originalUrl ?? a.url!,
    title: a.title ?? a.url!,
    byline: a.byline ?? null,
    siteName: a.siteName ?? null,
    excerpt: a.excerpt ?? null,
    lang: a.lang ?? null,
    dir: a.dir ?? null,
    publishedTime: a.publishedTime ?? null,
    wordCount: a.wordCount ?? 0,
    readingMinutes: a.readingMinutes ?? 0,
    leadImage: a.leadImage ?? null,
    extraction: a.extraction ?? 'readability',
    savedAt,
    updatedAt: a.updatedAt ?? savedAt,
    archived: a.archived ?? false,
    favourite: a.favourite ?? false,
    tags: Array.isArray(a.tags) ? a.tags.filter((t) => typeof t === 'string') : [],
    progress: typeof a.progress === 'number' ? Math.min(1, Math.max(0, a.progress)) : 0,
    highlightCount: a.highlightCount ?? 0,
    ...(typeof a.deletedAt === 'string' ? { deletedAt: a.deletedAt } : {}),
    ...(typeof a.readAt === 'string' ? { readAt: a.readAt } : {}),
  };
}

/** A queue whose items lack an article id or URL is kept without them (they cannot be captured). */
function captureQueueOf(value: unknown): Pick<LibraryIndex, 'captureQueue'> {
  if (!isObject(value) || !Array.isArray(value.items)) return {};
  const items = (value.items as unknown[]).filter(
    (i): i is CaptureQueueItem => isObject(i) && typeof i.articleId === 'string' && typeof i.url === 'string',
  );
  return { captureQueue: { paused: value.paused === true, items } };
}

const isJournalPosition = (v: unknown): v is JournalPosition =>
  isObject(v) && typeof v.id === 'string' && typeof v.seq === 'number' && Number.isInteger(v.seq);

const malformed = (detail: string): IndexCheck => ({ ok: false, reason: 'malformed', detail });
export const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
