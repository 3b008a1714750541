/**
 * The one IPC contract between the renderer and the main side.
 * Every call the renderer can make is a method of `LibraryApi` (answered by the core)
 * or `ShellApi` (answered by the Electron glue); events are in `OffprintEvents`.
 * `argSchemas` validates every argument at the boundary, before anything runs.
 */
import { z } from 'zod';
import {
  HIGHLIGHT_COLORS,
  LIBRARY_VIEWS,
  READ_STATES,
  SORT_FIELDS,
  type ArticleMeta,
  type BulkAction,
  type BulkResult,
  type LibrarySettings,
  type ListPage,
  type SearchOptions,
  type SearchPage,
  type SettingsPatch,
  type TagChangeResult,
  type ArticleWithContent,
  type CaptureProgress,
  type Highlight,
  type HighlightPatch,
  type ListQuery,
  type NewHighlight,
  type SaveResult,
  type SearchHit,
  type TagCount,
} from '../model';
import type { Clip, ClipQuery, ExportResult, ExportScope } from '../transfer/clip';

/** Calls answered by the Electron-free core. */
export interface LibraryApi {
  listArticles(query: ListQuery): Promise<ArticleMeta[]>;
  getArticle(id: string): Promise<ArticleWithContent>;
  saveUrl(url: string): Promise<SaveResult>;
  /** Saves a web page stored on disk, e.g. one dropped on the window: an absolute path to an .html or .htm file. */
  saveFile(path: string): Promise<SaveResult>;
  /**
   * Fetches the article's page again and replaces its stored copy, keeping its tags, state,
   * progress and highlights (re-anchored in the new text). A failed update changes nothing.
   */
  refreshArticle(id: string): Promise<ArticleMeta>;
  setArchived(id: string, archived: boolean): Promise<ArticleMeta>;
  setFavourite(id: string, favourite: boolean): Promise<ArticleMeta>;
  setProgress(id: string, progress: number): Promise<void>;
  addTag(id: string, tag: string): Promise<ArticleMeta>;
  removeTag(id: string, tag: string): Promise<ArticleMeta>;
  listTags(): Promise<TagCount[]>;
  search(query: string): Promise<SearchHit[]>;
  addHighlight(input: NewHighlight): Promise<Highlight>;
  updateHighlight(id: string, patch: HighlightPatch): Promise<Highlight>;
  deleteHighlight(id: string): Promise<void>;

  /** One window of a view (for the virtualized list), with the length of the whole list. */
  listPage(query: ListQuery): Promise<ListPage>;
  /** Ranked full-text search with the query syntax (words, "phrases", -word, tag:, site:, is:, has:, lang:). */
  searchPage(query: string, options?: SearchOptions): Promise<SearchPage>;
  /** Applies one change to every article named (archive, favourite, read, tag, untag, delete to Trash, restore). */
  bulkUpdate(ids: string[], action: BulkAction): Promise<BulkResult>;
  /** Moves articles to the Trash (undo with restoreArticles). */
  deleteArticles(ids: string[]): Promise<BulkResult>;
  restoreArticles(ids: string[]): Promise<BulkResult>;
  /** Removes everything in the Trash, files included. */
  emptyTrash(): Promise<BulkResult>;
  /** Renames a tag everywhere; renaming onto an existing tag merges the two. */
  renameTag(from: string, to: string): Promise<TagChangeResult>;
  /** Every article with any of `from` gets `into` instead. */
  mergeTags(from: string[], into: string): Promise<TagChangeResult>;
  deleteTag(name: string): Promise<TagChangeResult>;
  getSettings(): Promise<LibrarySettings>;
  updateSettings(patch: SettingsPatch): Promise<LibrarySettings>;
  /** What the user should be told about opening the library (a recovered index, a migration…). */
  getNotices(): Promise<string[]>;
  /** Every highlight across the library (Trash excluded) with its article, newest first, filtered. */
  listClips(query: ClipQuery): Promise<Clip[]>;
}

/** Calls answered by the Electron glue itself. */
export interface ShellApi {
  /** Opens an http(s) or mailto link in the system's browser or mail client; anything else is refused. */
  openExternal(url: string): Promise<void>;
  /**
   * Asks the user for a folder (the renderer never names a path) and writes the highlights
   * there: one Markdown file per article, or one JSON file of Web Annotations.
   */
  exportHighlights(scope: ExportScope): Promise<ExportResult>;
}

export type InvokeApi = LibraryApi & ShellApi;
export type InvokeMethod = keyof InvokeApi;

export interface OffprintEvents {
  captureProgress: CaptureProgress;
}
export type EventName = keyof OffprintEvents;

/** A DOM File as the renderer holds it (typed loosely: shared code has no DOM). */
export interface DroppedFile {
  readonly name: string;
  readonly size: number;
}

/** Helpers the preload runs inside the renderer itself (no IPC). */
export interface RendererHelpers {
  /** The disk path of a file dropped on the window ('' when it has none); only for saving dropped pages. */
  pathForFile?(file: DroppedFile): string;
}

/** What the preload exposes as `window.offprint`. */
export interface OffprintApi extends InvokeApi, RendererHelpers {
  on<E extends EventName>(event: E, listener: (payload: OffprintEvents[E]) => void): () => void;
}

const id = z.string().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/, 'an id is letters, digits, - and _');
const tag = z.string().trim().min(1).max(100);
const color = z.enum(HIGHLIGHT_COLORS);
const quote = z.object({
  type: z.literal('TextQuoteSelector'),
  exact: z.string().min(1).max(100_000),
  prefix: z.string().max(1_000),
  suffix: z.string().max(1_000),
});
const position = z
  .object({
    type: z.literal('TextPositionSelector'),
    start: z.number().int().nonnegative(),
    end: z.number().int().nonnegative(),
  })
  .refine((p) => p.end > p.start, 'a position must end after it starts');

/** An absolute path (POSIX or Windows) to an .html/.htm file; the main side also checks it exists. */
const localPagePath = z
  .string()
  .min(1)
  .max(4_096)
  .refine((p) => /^(\/|[A-Za-z]:[\\/]|\\\\)/.test(p), 'the path of a local page must be absolute')
  .refine((p) => /\.html?$/i.test(p), 'only .html and .htm files can be saved')
  .refine((p) => !p.includes('\0'), 'a path cannot contain a NUL character');

const ids = z.array(id).max(200_000);
const sort = z.object({ field: z.enum(SORT_FIELDS), direction: z.enum(['asc', 'desc']) });
const filters = {
  tag: tag.optional(),
  site: z.string().trim().min(1).max(300).optional(),
  readState: z.enum(READ_STATES).optional(),
  lang: z.string().trim().min(1).max(35).optional(),
};
const listQuery = z.object({
  view: z.enum(LIBRARY_VIEWS),
  ...filters,
  sort: sort.optional(),
  offset: z.number().int().nonnegative().optional(),
  limit: z.number().int().positive().max(100_000).optional(),
});
const viewSettings = z.object({ sort: sort.optional(), filters: z.object(filters).optional() });
const bulkAction = z.discriminatedUnion('type', [
  z.object({ type: z.literal('archive'), value: z.boolean() }),
  z.object({ type: z.literal('favourite'), value: z.boolean() }),
  z.object({ type: z.literal('read'), value: z.boolean() }),
  z.object({ type: z.literal('add-tag'), tag }),
  z.object({ type: z.literal('remove-tag'), tag }),
  z.object({ type: z.literal('delete') }),
  z.object({ type: z.literal('restore') }),
]);

type ArgsOf<M extends InvokeMethod> = Parameters<InvokeApi[M]>;

export const argSchemas: { [M in InvokeMethod]: z.ZodType<ArgsOf<M>> } = {
  listArticles: z.tuple([listQuery]),
  getArticle: z.tuple([id]),
  saveUrl: z.tuple([z.string().trim().min(1).max(8_192)]),
  saveFile: z.tuple([localPagePath]),
  refreshArticle: z.tuple([id]),
  setArchived: z.tuple([id, z.boolean()]),
  setFavourite: z.tuple([id, z.boolean()]),
  setProgress: z.tuple([id, z.number().min(0).max(1)]),
  addTag: z.tuple([id, tag]),
  removeTag: z.tuple([id, tag]),
  listTags: z.tuple([]),
  search: z.tuple([z.string().max(1_000)]),
  addHighlight: z.tuple([
    z.object({ articleId: id, quote, position, color, note: z.string().max(20_000) }),
  ]),
  updateHighlight: z.tuple([id, z.object({ color: color.optional(), note: z.string().max(20_000).optional() })]),
  deleteHighlight: z.tuple([id]),
  listPage: z.tuple([listQuery]),
  searchPage: z.union([
    z.tuple([z.string().max(1_000)]),
    z.tuple([
      z.string().max(1_000),
      z.object({ offset: z.number().int().nonnegative().optional(), limit: z.number().int().positive().max(1_000).optional() }),
    ]),
  ]),
  bulkUpdate: z.tuple([ids, bulkAction]),
  deleteArticles: z.tuple([ids]),
  restoreArticles: z.tuple([ids]),
  emptyTrash: z.tuple([]),
  renameTag: z.tuple([tag, tag]),
  mergeTags: z.tuple([z.array(tag).min(1).max(1_000), tag]),
  deleteTag: z.tuple([tag]),
  getSettings: z.tuple([]),
  updateSettings: z.tuple([z.object({ views: z.record(z.string().min(1).max(200), viewSettings.nullable()).optional() })]),
  getNotices: z.tuple([]),
  openExternal: z.tuple([z.string().max(8_192)]),
  listClips: z.tuple([
    z.object({ color: color.optional(), tag: tag.optional(), articleId: id.optional(), text: z.string().max(1_000).optional() }),
  ]),
  exportHighlights: z.tuple([z.object({ articleId: id.optional(), format: z.enum(['markdown', 'json']) })]),
};

export const INVOKE_METHODS = Object.keys(argSchemas) as InvokeMethod[];
export const EVENT_NAMES: EventName[] = ['captureProgress'];

export function isInvokeMethod(name: unknown): name is InvokeMethod {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(argSchemas, name);
}

/** The IPC channel name of a method or event. */
export const channelOf = (name: InvokeMethod | EventName): string => `offprint:${name}`;
